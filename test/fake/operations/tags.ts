import { notFound } from '../http/cases-error';
import { CasesStore } from '../store/cases-store';
import { copyTags, OperationHandler } from './operation';

export const tagOperations: Record<string, OperationHandler> = {
  TagResource(store: CasesStore, input: { arn: string; tags: Record<string, string | null> }) {
    const tags = taggable(store, input.arn);
    for (const [key, value] of Object.entries(input.tags)) {
      // Tags is a sparse map; a null value carries no tag, so it is not stored.
      if (value !== null) tags[key] = value;
    }
    return {};
  },

  UntagResource(store: CasesStore, input: { arn: string; tagKeys: string[] }) {
    const tags = taggable(store, input.arn);
    for (const key of input.tagKeys) delete tags[key];
    return {};
  },

  ListTagsForResource(store: CasesStore, input: { arn: string }) {
    return { tags: copyTags(taggable(store, input.arn)) };
  },
};

/** Tags of the case rule or template the ARN names. Deleted (soft-deleted) resources keep their tags. */
function taggable(store: CasesStore, arn: string): Record<string, string> {
  const stored = store.findByArn(arn);
  if (!stored) throw notFound(resourceTypeOf(arn), arn, `No case rule or template has the ARN '${arn}'`);
  return stored.record.tags;
}

function resourceTypeOf(arn: string): string {
  if (/\/case-rule\//.test(arn)) return 'CaseRule';
  if (/\/template\//.test(arn)) return 'Template';
  return 'Resource';
}
