import { validationError } from '../http/cases-error';
import { CasesStore } from '../store/cases-store';
import { paginate } from '../store/pagination';
import { DomainState, FieldOptionRecord, FieldRecord } from '../store/records';
import { FIXED_OPTION_FIELDS } from '../store/system-fields';
import { OperationHandler } from './operation';
import { liveField } from './references';

/** One entry of BatchPutFieldOptions' `errors`. */
export interface FieldOptionError {
  errorCode: string;
  message: string;
  value: string;
}

/**
 * Options of SingleSelect fields (cases-api-notes §11). An option is identified by its value:
 * writing an existing value changes its name and `active` flag, a new value adds an option at
 * the end. There is no delete; `active: false` retires an option. The model limits a call to 50
 * options and each name and value to 1-100 characters not ending in white space (a violation
 * fails the whole call). Per-option problems go to `errors` and leave that option unwritten,
 * while the other options of the call are written (the fake's reading, see the README):
 * - the same value twice in one call: the later ones (ValidationException);
 * - a name that another value of the field already has, compared regardless of case, inactive
 *   options included (ConflictException). Options are checked in order, each against the field
 *   as the earlier options of the call left it.
 */
export const fieldOptionOperations: Record<string, OperationHandler> = {
  BatchPutFieldOptions(store: CasesStore, input: { domainId: string; fieldId: string; options: FieldOptionRecord[] }) {
    const domain = store.domain(input.domainId);
    const field = optionsField(domain, input.fieldId);
    if (FIXED_OPTION_FIELDS.has(field.fieldId)) {
      throw validationError(`The options of the system field '${field.fieldId}' cannot be changed`);
    }
    const errors = writeFieldOptions(store, domain, field, input.options);
    return { errors };
  },

  ListFieldOptions(store: CasesStore, input: { domainId: string; fieldId: string; maxResults?: number; nextToken?: string; values?: string[] }) {
    const domain = store.domain(input.domainId);
    const field = optionsField(domain, input.fieldId);
    const all = [...(domain.fieldOptions.get(field.fieldId)?.values() ?? [])];
    const wanted = input.values !== undefined && input.values.length > 0 ? new Set(input.values) : undefined;
    const matching = wanted ? all.filter(({ record }) => wanted.has(record.value)) : all;
    const scope = `ListFieldOptions/${domain.domainId}/${field.fieldId}/${JSON.stringify(input.values ?? [])}`;
    const { page, nextToken } = paginate(matching, scope, input.maxResults, input.nextToken);
    return { options: page.map(({ record }) => ({ ...record })), ...(nextToken ? { nextToken } : {}) };
  },
};

/**
 * A live SingleSelect field. Options of another type of field, or of a deleted field, are a
 * ValidationException for the whole call (an inference for ListFieldOptions too).
 */
function optionsField(domain: DomainState, fieldId: string): FieldRecord {
  const field = liveField(domain, fieldId).record;
  if (field.type !== 'SingleSelect') {
    throw validationError(`Field '${fieldId}' is of type ${field.type}: only SingleSelect fields have options`);
  }
  return field;
}

/** Writes `options` in order; returns the per-option errors (those options are not written). */
export function writeFieldOptions(store: CasesStore, domain: DomainState, field: FieldRecord, options: readonly FieldOptionRecord[]): FieldOptionError[] {
  let current = domain.fieldOptions.get(field.fieldId);
  if (!current) domain.fieldOptions.set(field.fieldId, current = new Map());
  const errors: FieldOptionError[] = [];
  const seen = new Set<string>();
  for (const { name, value, active } of options) {
    if (seen.has(value)) {
      errors.push({ errorCode: 'ValidationException', value, message: `The value '${value}' appears more than once in this request` });
      continue;
    }
    seen.add(value);
    const clash = [...current.values()].find(({ record }) => record.value !== value && record.name.toLowerCase() === name.toLowerCase());
    if (clash) {
      errors.push({
        errorCode: 'ConflictException', value,
        message: `The name '${name}' is already used by option '${clash.record.value}' of field '${field.fieldId}'`,
      });
      continue;
    }
    const existing = current.get(value);
    if (existing) {
      Object.assign(existing.record, { name, active });
      existing.lastModifiedTime = new Date().toISOString();
    } else {
      current.set(value, store.stored({ name, value, active }));
    }
  }
  return errors;
}
