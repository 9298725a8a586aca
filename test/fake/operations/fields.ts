import { conflict, notFound, validationError } from '../http/cases-error';
import { CasesStore } from '../store/cases-store';
import { paginate } from '../store/pagination';
import { DomainState, FieldRecord, FieldType, Stored } from '../store/records';
import { copyTags, isPresent, OperationContext, OperationHandler } from './operation';

interface FieldInput {
  domainId: string;
  fieldId: string;
  name?: string | null;
  type?: FieldType;
  description?: string | null;
}

/**
 * Fields. Names are unique per domain regardless of case, system fields included (a clash is a
 * ConflictException). DeleteField soft-deletes: BatchGetField still returns the field with
 * `deleted: true`, ListFields leaves it out, and it can be neither updated nor referenced again.
 */
export const fieldOperations: Record<string, OperationHandler> = {
  CreateField(store: CasesStore, input: FieldInput, context: OperationContext) {
    const domain = store.domain(input.domainId);
    const field = store.createField(domain, { fieldId: context.newId, name: input.name!, type: input.type!, description: input.description ?? undefined });
    return { fieldId: field.fieldId, fieldArn: field.fieldArn };
  },

  UpdateField(store: CasesStore, input: FieldInput) {
    const domain = store.domain(input.domainId);
    const stored = existingField(domain, input.fieldId);
    const record = stored.record;
    if (record.deleted) throw validationError(`Field '${record.fieldId}' has been deleted and cannot be updated`);
    if (record.namespace === 'System') throw validationError(`Field '${record.fieldId}' is a system field and cannot be updated`);
    if (isPresent(input.name)) {
      const clash = store.fieldNamed(domain, input.name, record.fieldId);
      if (clash) throw conflictingName(domain, input.name, clash);
      record.name = input.name;
    }
    if (isPresent(input.description)) {
      if (input.description === '') delete record.description;
      else record.description = input.description;
    }
    stored.lastModifiedTime = new Date().toISOString();
    return {};
  },

  DeleteField(store: CasesStore, input: FieldInput) {
    const domain = store.domain(input.domainId);
    const stored = existingField(domain, input.fieldId);
    if (stored.record.namespace === 'System') throw validationError(`Field '${input.fieldId}' is a system field and cannot be deleted`);
    if (stored.record.deleted) throw validationError(`Field '${input.fieldId}' has already been deleted`);
    stored.record.deleted = true;
    stored.lastModifiedTime = new Date().toISOString();
    return {};
  },

  ListFields(store: CasesStore, input: { domainId: string; maxResults?: number; nextToken?: string }) {
    const domain = store.domain(input.domainId);
    const live = [...domain.fields.values()].filter(({ record }) => !record.deleted);
    const { page, nextToken } = paginate(live, `ListFields/${domain.domainId}`, input.maxResults, input.nextToken);
    const fields = page.map(({ record }) => ({
      fieldId: record.fieldId, fieldArn: record.fieldArn, name: record.name, type: record.type, namespace: record.namespace,
    }));
    return { fields, ...(nextToken ? { nextToken } : {}) };
  },

  BatchGetField(store: CasesStore, input: { domainId: string; fields: { id: string }[] }) {
    const domain = store.domain(input.domainId);
    const fields: object[] = [];
    const errors: object[] = [];
    for (const { id } of input.fields) {
      const stored = domain.fields.get(id);
      if (stored) fields.push(fieldResponse(stored));
      else errors.push({ id, errorCode: 'ResourceNotFoundException', message: `Field '${id}' was not found` });
    }
    return { fields, errors };
  },
};

function existingField(domain: DomainState, fieldId: string): Stored<FieldRecord> {
  const stored = domain.fields.get(fieldId);
  if (!stored) throw notFound('Field', fieldId, `Field '${fieldId}' does not exist in domain '${domain.domainId}'`);
  return stored;
}

function conflictingName(domain: DomainState, name: string, clash: FieldRecord) {
  return conflict(`A field named '${clash.name}' (field '${clash.fieldId}') already exists in domain '${domain.domainId}'; `
    + `field names are unique regardless of case, so no other field can be named '${name}'`);
}

function fieldResponse({ record, createdTime, lastModifiedTime }: Stored<FieldRecord>): object {
  return {
    fieldId: record.fieldId,
    name: record.name,
    fieldArn: record.fieldArn,
    ...(record.description !== undefined ? { description: record.description } : {}),
    type: record.type,
    namespace: record.namespace,
    tags: copyTags(record.tags),
    deleted: record.deleted,
    createdTime,
    lastModifiedTime,
  };
}
