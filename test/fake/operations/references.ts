import { notFound, validationError } from '../http/cases-error';
import { DomainState, FieldRecord, LayoutRecord, Stored } from '../store/records';

/**
 * A field a request refers to: unknown is a 404; deleted is a 400, as CreateCase answers for a
 * deleted field (cases-api-notes §6; that rules and templates answer the same is an inference).
 */
export function liveField(domain: DomainState, fieldId: string): Stored<FieldRecord> {
  const stored = domain.fields.get(fieldId);
  if (!stored) throw notFound('Field', fieldId, `Field '${fieldId}' does not exist in domain '${domain.domainId}'`);
  if (stored.record.deleted) throw validationError(`Field '${fieldId}' has been deleted from domain '${domain.domainId}'`);
  return stored;
}

/** A layout a request refers to: unknown is a 404, deleted a 400 (inference, like fields). */
export function liveLayout(domain: DomainState, layoutId: string): Stored<LayoutRecord> {
  const stored = domain.layouts.get(layoutId);
  if (!stored) throw notFound('Layout', layoutId, `Layout '${layoutId}' does not exist in domain '${domain.domainId}'`);
  if (stored.record.deleted) throw validationError(`Layout '${layoutId}' has been deleted from domain '${domain.domainId}'`);
  return stored;
}

/** True when `fieldId` names a field of the domain that has not been deleted. */
export function isLiveField(domain: DomainState, fieldId: string): boolean {
  const stored = domain.fields.get(fieldId);
  return stored !== undefined && !stored.record.deleted;
}
