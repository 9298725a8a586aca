import { notFound } from '../http/cases-error';
import { CasesStore } from '../store/cases-store';
import { copyTags, OperationHandler } from './operation';

/** Every Cases resource takes tags by ARN: domains, fields, layouts, case rules and templates. */
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

/** Tags of the resource the ARN names. Deleted (soft-deleted) resources keep their tags. */
function taggable(store: CasesStore, arn: string): Record<string, string> {
  const stored = store.findByArn(arn);
  if (!stored) throw notFound(resourceTypeOf(arn), arn, `No Cases resource has the ARN '${arn}'`);
  return stored.record.tags;
}

export function resourceTypeOf(arn: string): string {
  const kind = /:domain\/[^/]+\/([^/]+)\//.exec(arn)?.[1];
  const types: Record<string, string> = { 'case-rule': 'CaseRule', 'template': 'Template', 'field': 'Field', 'layout': 'Layout' };
  if (kind !== undefined) return types[kind] ?? 'Resource';
  return /:domain\/[^/]+$/.test(arn) ? 'Domain' : 'Resource';
}
