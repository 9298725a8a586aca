import { notFound, validationError } from '../http/cases-error';
import { CasesStore } from '../store/cases-store';
import { paginate } from '../store/pagination';
import { DomainState, LayoutRecord, Stored } from '../store/records';
import { copyTags, isPresent, OperationContext, OperationHandler } from './operation';
import { isLiveField, liveField } from './references';

interface LayoutInput {
  domainId: string;
  layoutId: string;
  name?: string | null;
  content?: unknown;
}

/**
 * Layouts. Names are unique per domain; DeleteLayout soft-deletes (GetLayout still answers, with
 * `deleted: true`; ListLayouts leaves it out). Fields named in the content must exist when written;
 * GetLayout leaves out fields deleted since (as it is documented to do).
 */
export const layoutOperations: Record<string, OperationHandler> = {
  CreateLayout(store: CasesStore, input: LayoutInput, context: OperationContext) {
    const domain = store.domain(input.domainId);
    requireLayoutFields(domain, input.content);
    const layout = store.createLayout(domain, { layoutId: context.newId, name: input.name!, content: input.content });
    return { layoutId: layout.layoutId, layoutArn: layout.layoutArn };
  },

  UpdateLayout(store: CasesStore, input: LayoutInput) {
    const domain = store.domain(input.domainId);
    const stored = existingLayout(domain, input.layoutId);
    if (stored.record.deleted) throw validationError(`Layout '${input.layoutId}' has been deleted and cannot be updated`);
    if (isPresent(input.content)) requireLayoutFields(domain, input.content);
    if (isPresent(input.name)) {
      store.requireUniqueLayoutName(domain, input.name, input.layoutId);
      stored.record.name = input.name;
    }
    if (isPresent(input.content)) stored.record.content = structuredClone(input.content);
    stored.lastModifiedTime = new Date().toISOString();
    return {};
  },

  DeleteLayout(store: CasesStore, input: LayoutInput) {
    const domain = store.domain(input.domainId);
    const stored = existingLayout(domain, input.layoutId);
    if (stored.record.deleted) throw validationError(`Layout '${input.layoutId}' has already been deleted`);
    stored.record.deleted = true;
    stored.lastModifiedTime = new Date().toISOString();
    return {};
  },

  GetLayout(store: CasesStore, input: LayoutInput) {
    const domain = store.domain(input.domainId);
    const { record, createdTime, lastModifiedTime } = existingLayout(domain, input.layoutId);
    return {
      layoutId: record.layoutId,
      layoutArn: record.layoutArn,
      name: record.name,
      content: withoutDeletedFields(domain, record.content),
      tags: copyTags(record.tags),
      deleted: record.deleted,
      createdTime,
      lastModifiedTime,
    };
  },

  ListLayouts(store: CasesStore, input: { domainId: string; maxResults?: number; nextToken?: string }) {
    const domain = store.domain(input.domainId);
    const live = [...domain.layouts.values()].filter(({ record }) => !record.deleted);
    const { page, nextToken } = paginate(live, `ListLayouts/${domain.domainId}`, input.maxResults, input.nextToken);
    const layouts = page.map(({ record }) => ({ layoutId: record.layoutId, layoutArn: record.layoutArn, name: record.name }));
    return { layouts, ...(nextToken ? { nextToken } : {}) };
  },
};

function existingLayout(domain: DomainState, layoutId: string): Stored<LayoutRecord> {
  const stored = domain.layouts.get(layoutId);
  if (!stored) throw notFound('Layout', layoutId, `Layout '${layoutId}' does not exist in domain '${domain.domainId}'`);
  return stored;
}

type FieldGroups = { sections?: { fieldGroup?: { fields?: { id: string }[] } }[] };

function panels(content: unknown): FieldGroups[] {
  const basic = (content as { basic?: { topPanel?: FieldGroups; moreInfo?: FieldGroups } } | null)?.basic;
  return [basic?.topPanel, basic?.moreInfo].filter((panel): panel is FieldGroups => panel !== undefined && panel !== null);
}

function requireLayoutFields(domain: DomainState, content: unknown): void {
  for (const panel of panels(content)) {
    for (const section of panel.sections ?? []) {
      for (const { id } of section.fieldGroup?.fields ?? []) liveField(domain, id);
    }
  }
}

function withoutDeletedFields(domain: DomainState, content: unknown): unknown {
  const copy = structuredClone(content);
  for (const panel of panels(copy)) {
    for (const section of panel.sections ?? []) {
      if (section.fieldGroup?.fields) section.fieldGroup.fields = section.fieldGroup.fields.filter(({ id }) => isLiveField(domain, id));
    }
  }
  return copy;
}
