import { BatchGetFieldCommand, BatchPutFieldOptionsCommand, FieldOptionError, ListFieldOptionsCommand, TagResourceCommand } from '@aws-sdk/client-connectcases';
import { FIELD_OPTIONS_OWNER_TAG_KEY, FieldOptionShape, FieldOptionsAttributes, FieldOptionsProperties, RESOURCE_TYPES } from '../../lib/private/contract';
import { cases } from '../client';
import { decodeProperties, describe, nonEmpty } from '../decode';
import { DecodeFailure, HandlerFailure, isCasesError } from '../errors';
import { Invocation, callCases } from '../invocation';
import { ManagedKind } from '../kind';
import { allPages, present } from './shared';

/** The options one `FieldOptions` declares for one field, in the API's shape. */
export interface DesiredFieldOptions {
  readonly domainId: string;
  readonly fieldId: string;
  /** In declared order; each value once. */
  readonly options: FieldOptionShape[];
}

/** BatchPutFieldOptions takes at most this many options a call (FieldOptionsList, max 50). */
export const MAX_OPTIONS_PER_CALL = 50;
/** ListFieldOptions' largest page (MaxResults, 1-100). */
const PAGE_SIZE = 100;

const target = (domainId: string, fieldId: string) => ({ resource: `field ${fieldId} in domain ${domainId}`, ids: { domainId, fieldId } });

/**
 * PhysicalResourceId of the options of a field: `{domainId}/{fieldId}`, each part URI-encoded (a
 * no-op for the ids the service assigns, which hold neither `/` nor `%`) so that the field id can
 * be read back from the id alone. It names the field, not a record the handler created: it changes
 * exactly when the resource moves to another field or domain, which CloudFormation then treats as
 * a replacement (the new field's options are written, then a Delete of the old id with the old
 * properties deactivates the old ones). Two resources declaring the same field would share it,
 * which the construct refuses at synth.
 */
export function fieldOptionsPhysicalId(domainId: string, fieldId: string): string {
  return `${encodeURIComponent(domainId)}/${encodeURIComponent(fieldId)}`;
}

/** The field id of a physical id, or undefined when it is not one of `fieldOptionsPhysicalId`. */
function fieldIdOf(physicalId: string): string | undefined {
  const parts = physicalId.split('/');
  if (parts.length !== 2 || parts[1] === '') return undefined;
  try {
    return decodeURIComponent(parts[1]);
  } catch {
    return undefined;
  }
}

function requireFieldId(physicalId: string): string {
  const fieldId = fieldIdOf(physicalId);
  if (fieldId === undefined) throw new HandlerFailure(`the PhysicalResourceId ${describe(physicalId)} is not {domainId}/{fieldId}`);
  return fieldId;
}

/**
 * `Custom::ConnectCasesFieldOptions`: the options of one SingleSelect field, identified by their
 * values. The API has no delete (an option is retired with `active: false`) and BatchPutFieldOptions
 * writes a given state, so every write is idempotent: a retried or repeated event converges.
 */
export const fieldOptionsKind: ManagedKind<DesiredFieldOptions, FieldOptionShape[]> = {
  resourceType: RESOURCE_TYPES.fieldOptions,
  noun: 'field options',
  target: (domainId, physicalId) => target(domainId, fieldIdOf(physicalId) ?? physicalId),

  decode(properties) {
    const decoded = decodeProperties<FieldOptionsProperties>(properties, 'FieldOptionsProperties');
    const seen = new Set<string>();
    decoded.Options.forEach((option, index) => {
      if (seen.has(option.value)) throw new DecodeFailure(`Options[${index}].value`, `duplicate value ${describe(option.value)}`);
      seen.add(option.value);
    });
    return {
      domainId: nonEmpty(decoded.DomainId, 'DomainId'),
      fieldId: nonEmpty(decoded.FieldId, 'FieldId'),
      options: decoded.Options.map(({ name, value, active }) => ({ name, value, active })),
    };
  },

  /** Every option of the field (all pages), or undefined when the field does not exist. */
  async read(inv, domainId, physicalId) {
    return listOptions(inv, domainId, requireFieldId(physicalId));
  },

  /**
   * Writes what differs: declared options that are missing or whose name or `active` differ, and
   * the deactivation of options `previous` declared that are no longer declared. Options never
   * declared are left alone; nothing is written when nothing differs.
   */
  async write(inv, desired, _physicalId, live, previous) {
    const byValue = new Map(live.map((option) => [option.value, option]));
    const declared = new Set(desired.options.map((option) => option.value));
    const writes: FieldOptionShape[] = [];
    // Deactivations first: they keep their names, so no other write has to come before them.
    for (const removed of previous?.options ?? []) {
      const current = byValue.get(removed.value);
      if (!declared.has(removed.value) && current?.active === true) writes.push({ name: current.name, value: removed.value, active: false });
    }
    for (const option of desired.options) {
      const current = byValue.get(option.value);
      if (current === undefined || current.name !== option.name || current.active !== option.active) writes.push(option);
    }
    if (writes.length === 0) {
      inv.log.info('field options already as declared', { domainId: desired.domainId, fieldId: desired.fieldId });
    } else {
      await putOptions(inv, desired.domainId, desired.fieldId, inNameOrder(writes, live));
    }
    await claimField(inv, desired.domainId, desired.fieldId);
  },

  /**
   * Deactivates the options the resource declared that are still active; others are left alone.
   * A field (or domain) that no longer exists, or whose options cannot be listed (a deleted field,
   * or no longer a SingleSelect one: ValidationException), has nothing left to deactivate.
   */
  async delete(inv, domainId, physicalId, properties) {
    const fieldId = fieldIdOf(physicalId);
    if (fieldId === undefined) {
      inv.log.info('nothing to delete: not a field options id');
      return;
    }
    const declared = properties === undefined ? [] : fieldOptionsKind.decode(properties).options;
    const owner = await fieldOwner(inv, domainId, fieldId);
    if (owner !== undefined && owner !== inv.ownerTagValue) {
      // Another resource wrote these options since (the construct was moved or renamed): they are its now.
      inv.log.info('nothing to deactivate: another resource now manages the options of this field', { domainId, fieldId });
      return;
    }
    let live: FieldOptionShape[] | undefined;
    try {
      live = await listOptions(inv, domainId, fieldId);
    } catch (error) {
      if (!isCasesError(error, 'ValidationException')) throw error;
      inv.log.warn('nothing to deactivate: the field has no options to list', { domainId, fieldId, error: (error as Error).message.slice(0, 300) });
      return;
    }
    if (live === undefined) {
      inv.log.info('field already gone', { domainId, fieldId });
      return;
    }
    const declaredValues = new Set(declared.map((option) => option.value));
    const deactivations = live
      .filter((option) => declaredValues.has(option.value) && option.active)
      .map((option) => ({ ...option, active: false }));
    if (deactivations.length === 0) {
      inv.log.info('no declared option is active', { domainId, fieldId });
      return;
    }
    await putOptions(inv, domainId, fieldId, deactivations);
  },

  attributes(physicalId) {
    const data: FieldOptionsAttributes = { FieldId: requireFieldId(physicalId) };
    return { ...data };
  },

  identity: {
    type: 'declared',
    physicalIdOf: (desired) => fieldOptionsPhysicalId(desired.domainId, desired.fieldId),
  },
};

/**
 * Marks the field's options as this resource's (a tag on the field), so that the Delete CloudFormation
 * sends for an older resource of the same field, after the construct was moved or renamed, leaves
 * them alone. No call when the tag is already this resource's.
 */
async function claimField(inv: Invocation, domainId: string, fieldId: string): Promise<void> {
  const field = await readField(inv, domainId, fieldId);
  if (field === undefined || field.tags?.[FIELD_OPTIONS_OWNER_TAG_KEY] === inv.ownerTagValue) return;
  const arn = present(field.fieldArn, 'fieldArn');
  await callCases(inv, { ...target(domainId, fieldId), operation: 'TagResource' }, (abortSignal) =>
    cases.send(new TagResourceCommand({ arn, tags: { [FIELD_OPTIONS_OWNER_TAG_KEY]: inv.ownerTagValue } }), { abortSignal }));
}

/** The owner tag of the field's options, if any (undefined too when the field is gone). */
async function fieldOwner(inv: Invocation, domainId: string, fieldId: string): Promise<string | undefined> {
  return (await readField(inv, domainId, fieldId))?.tags?.[FIELD_OPTIONS_OWNER_TAG_KEY] ?? undefined;
}

/** The field, or undefined when it (or its domain) does not exist. */
async function readField(inv: Invocation, domainId: string, fieldId: string) {
  try {
    const result = await callCases(inv, { ...target(domainId, fieldId), operation: 'BatchGetField' }, (abortSignal) =>
      cases.send(new BatchGetFieldCommand({ domainId, fields: [{ id: fieldId }] }), { abortSignal }));
    return result.fields?.find((field) => field.fieldId === fieldId);
  } catch (error) {
    if (isCasesError(error, 'ResourceNotFoundException')) return undefined;
    throw error;
  }
}

async function listOptions(inv: Invocation, domainId: string, fieldId: string): Promise<FieldOptionShape[] | undefined> {
  try {
    const options = await allPages(async (nextToken) => {
      const page = await callCases(inv, { ...target(domainId, fieldId), operation: 'ListFieldOptions' }, (abortSignal) =>
        cases.send(new ListFieldOptionsCommand({ domainId, fieldId, maxResults: PAGE_SIZE, nextToken }), { abortSignal }));
      return { items: page.options, nextToken: page.nextToken };
    });
    return options.map(({ name, value, active }) =>
      ({ name: present(name, 'options[].name'), value: present(value, 'options[].value'), active: present(active, 'options[].active') }));
  } catch (error) {
    if (isCasesError(error, 'ResourceNotFoundException')) return undefined;
    throw error;
  }
}

/**
 * Writes `options` in calls of at most 50, in order. Every call is made even when an earlier one
 * reported per-option errors (each write is idempotent), then those errors fail the resource
 * together, each with its option value and the service's message.
 */
async function putOptions(inv: Invocation, domainId: string, fieldId: string, options: FieldOptionShape[]): Promise<void> {
  const errors: FieldOptionError[] = [];
  for (let start = 0; start < options.length; start += MAX_OPTIONS_PER_CALL) {
    const batch = options.slice(start, start + MAX_OPTIONS_PER_CALL);
    const result = await callCases(inv, { ...target(domainId, fieldId), operation: 'BatchPutFieldOptions' }, (abortSignal) =>
      cases.send(new BatchPutFieldOptionsCommand({ domainId, fieldId, options: batch }), { abortSignal }));
    errors.push(...(result.errors ?? []));
  }
  if (errors.length > 0) {
    const each = errors.map((error) => `${describe(error.value)}: ${error.errorCode}: ${error.message ?? ''}`);
    throw new HandlerFailure(`BatchPutFieldOptions failed for ${errors.length} option${errors.length === 1 ? '' : 's'} `
      + `of ${target(domainId, fieldId).resource}: ${each.join('; ')}`);
  }
}

/**
 * The writes reordered so that an option whose new name another option still holds comes after
 * that option's write (a chain of renames), as far as no cycle prevents it; otherwise in the given
 * order. Names compare regardless of case, the stricter reading of the service's uniqueness rule.
 */
function inNameOrder(writes: FieldOptionShape[], live: FieldOptionShape[]): FieldOptionShape[] {
  const liveName = new Map(live.map((option) => [option.value, option.name.toLowerCase()]));
  // Lower-cased live name -> the pending writes that take that name away from their option.
  const renamingFrom = new Map<string, Set<FieldOptionShape>>();
  for (const write of writes) {
    const from = liveName.get(write.value);
    if (from === undefined || from === write.name.toLowerCase()) continue;
    if (!renamingFrom.has(from)) renamingFrom.set(from, new Set());
    renamingFrom.get(from)!.add(write);
  }
  const pending = [...writes];
  const ordered: FieldOptionShape[] = [];
  while (pending.length > 0) {
    const blocked = (write: FieldOptionShape) =>
      [...renamingFrom.get(write.name.toLowerCase()) ?? []].some((other) => other !== write);
    const index = pending.findIndex((write) => !blocked(write));
    const [next] = pending.splice(index === -1 ? 0 : index, 1);
    renamingFrom.get(liveName.get(next.value) ?? '')?.delete(next);
    ordered.push(next);
  }
  return ordered;
}
