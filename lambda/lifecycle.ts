import { OWNER_TAG_KEY } from '../lib/private/contract';
import { Deadline } from './deadline';
import { domainIdOf } from './decode';
import { CasesCallFailure, HandlerFailure, TimeoutFailure, isCasesError, withCreatedId } from './errors';
import { Invocation, isPropagationDenial } from './invocation';
import { AssignedIdentity, DesiredState, ManagedKind, NamedDesiredState, TaggedRecord } from './kind';
import { DeadlinePassed, isRetryable, pauseBeforeRetry } from './retry';
import { applyTagDiff, desiredTags, diffTags } from './tags';

/**
 * The one lifecycle of every managed Cases resource: create (idempotent, or adoption of a named
 * record), update in place, replacement when the record's identity changes, recreate after an
 * out-of-band delete, delete tolerant of "gone", tags, and clean-up of what a failed create left.
 * Each kind supplies only its adapter (`kind.ts`).
 */

/** What a successful Create or Update returns to CloudFormation. */
export interface ResourceOutcome {
  readonly physicalResourceId: string;
  /** Attributes for `Fn::GetAtt`; kept small (the whole response must stay under 4 KiB). */
  readonly data: Record<string, string>;
}

/**
 * How long before this invocation a record found by name may have been created and still count
 * as this request's own lost create: CloudFormation waits at most the resources' ServiceTimeout
 * (15 minutes) for an answer, so Lambda's own retries of the event fall inside it; plus a minute
 * of clock skew between Lambda and the service.
 */
export const LOST_CREATE_WINDOW_MS = 16 * 60_000;
/** Time kept back from a replacement's create for deleting it again if the Update fails. */
const REPLACEMENT_CLEANUP_RESERVE_MS = 5_000;
/** Clock skew allowed when a rollback looks for what its failed create made. */
const CLOCK_SKEW_MS = 60_000;

/** A kind whose ids the service assigns. */
type AssignedKind = ManagedKind<NamedDesiredState, TaggedRecord> & { readonly identity: AssignedIdentity<NamedDesiredState, TaggedRecord> };

function isAssigned(kind: ManagedKind): kind is AssignedKind {
  return kind.identity.type === 'assigned';
}

export async function createResource(kind: ManagedKind, inv: Invocation, properties: unknown): Promise<ResourceOutcome> {
  if (!isAssigned(kind)) {
    const desired = kind.decode(properties);
    return writeDeclared(kind, inv, desired, physicalIdOf(kind, desired), undefined);
  }
  const desired = kind.decode(properties);
  if (desired.adoptId !== undefined) return adopt(kind, kind.identity, inv, desired, desired.adoptId);
  return createAssigned(kind, kind.identity, inv, desired);
}

export async function updateResource(
  kind: ManagedKind, inv: Invocation, properties: unknown, oldProperties: unknown, physicalId: string,
): Promise<ResourceOutcome> {
  if (!isAssigned(kind)) {
    const desired = kind.decode(properties);
    const previous = tryDecode(kind, oldProperties);
    const id = physicalIdOf(kind, desired);
    // A new id is a replacement: CloudFormation then deletes the old one with its old properties.
    return writeDeclared(kind, inv, desired, id, id === physicalId ? previous : undefined);
  }
  const desired = kind.decode(properties);
  const identity = kind.identity;
  if (desired.domainId !== domainIdOf(oldProperties, 'OldResourceProperties')) {
    inv.log.info(`domain changed: creating a replacement ${kind.noun}`, { domainId: desired.domainId });
    return replace(kind, identity, inv, desired);
  }
  const live = await kind.read(inv, desired.domainId, physicalId);
  if (live === undefined) {
    inv.log.warn(`${kind.noun} deleted out of band: creating it again`, kind.target(desired.domainId, physicalId).ids);
    return replace(kind, identity, inv, desired);
  }
  return writeAssigned(kind, identity, inv, desired, physicalId, live);
}

/** Longest id the service assigns (CaseRuleId, TemplateId). */
const MAX_ASSIGNED_ID_LENGTH = 500;

export async function deleteResource(kind: ManagedKind, inv: Invocation, properties: unknown, physicalId: string): Promise<void> {
  const marker = parseCreateFailedMarker(physicalId);
  if (marker !== undefined) return deleteWhatFailedCreateLeft(kind, inv, properties, marker);
  if (isAssigned(kind) && physicalId.length > MAX_ASSIGNED_ID_LENGTH) {
    inv.log.info(`nothing to delete: ${physicalId.length} characters cannot be a ${kind.noun} id the service assigned`);
    return;
  }
  const domainId = domainIdOf(properties, '');
  await kind.delete(inv, domainId, physicalId, properties);
}

// ---------------------------------------------------------------------------------------------
// Declared ids: the write is the whole create and the whole update.
// ---------------------------------------------------------------------------------------------

async function writeDeclared(kind: ManagedKind, inv: Invocation, desired: DesiredState, id: string, previous: DesiredState | undefined): Promise<ResourceOutcome> {
  const live = await kind.read(inv, desired.domainId, id);
  if (live === undefined) throw new HandlerFailure(`${kind.target(desired.domainId, id).resource} does not exist`);
  await kind.write(inv, desired, id, live, previous);
  return { physicalResourceId: id, data: kind.attributes(id, undefined) };
}

// ---------------------------------------------------------------------------------------------
// Assigned ids
// ---------------------------------------------------------------------------------------------

/**
 * Creates the record. The create is never repeated blindly: after an attempt whose outcome is
 * unknown (5xx, network error) or a name conflict, the same-named record is looked up and taken
 * over when it provably comes from this request (`provenance`); a throttled attempt did not commit
 * and is simply tried again.
 */
async function createAssigned<D extends NamedDesiredState, L extends TaggedRecord>(
  kind: ManagedKind<D, L>, identity: AssignedIdentity<D, L>, inv: Invocation, desired: D,
): Promise<ResourceOutcome> {
  /** Why the previous attempt failed: what a timeout reports when the deadline cuts the next one short. */
  let previousCause: unknown;
  for (let attempt = 1; ; attempt++) {
    let created: { id: string; arn: string };
    try {
      created = await identity.create(inv, desired);
    } catch (error) {
      if (error instanceof TimeoutFailure && error.lastError === undefined && previousCause !== undefined) {
        throw new TimeoutFailure(error.target, inv.deadline.elapsedSeconds(), previousCause);
      }
      const conflict = isCasesError(error, 'ConflictException');
      const unknownOutcome = isUnknownOutcome(error);
      // A throttled or (while a new policy propagates) denied attempt did not commit: it is simply tried again.
      const rejected = isCasesError(error, 'ThrottlingException') || isPropagationDenial(inv, error);
      if (!conflict && !unknownOutcome && !rejected) throw error;
      if (conflict || unknownOutcome) {
        const found = await findSameNamed(kind, identity, inv, desired, inv.startedAt - LOST_CREATE_WINDOW_MS);
        if (found?.provenance !== undefined) {
          inv.log.info(`taking over the ${kind.noun} ${found.provenance}`, kind.target(desired.domainId, found.id).ids);
          return finishTakeOver(kind, identity, inv, desired, found.id, found.live);
        }
        if (conflict) {
          if (found === undefined) throw error;
          const { operation, resource } = (error as CasesCallFailure).target;
          throw new HandlerFailure(`${operation} failed for ${resource}: ${kind.noun} ${found.id} already has the name `
            + `'${desired.name}' in domain ${desired.domainId} and ${found.refusal}; choose another name or delete that ${kind.noun}`);
        }
      }
      previousCause = (error as CasesCallFailure).cause;
      await pauseBeforeRetry(inv.deadline, attempt, previousCause).catch((pause) => {
        throw pause instanceof DeadlinePassed
          ? new TimeoutFailure(inv.current ?? { ...named(kind, desired), operation: 'create' }, inv.deadline.elapsedSeconds(), previousCause)
          : pause;
      });
      inv.log.warn(`retrying the create of the ${kind.noun}`, { attempt: attempt + 1 });
      continue;
    }
    try {
      await applyTagDiff(inv, created.arn, diffTags({}, desiredTags(desired.tags, inv.ownerTagValue)), kind.target(desired.domainId, created.id));
      return { physicalResourceId: created.id, data: kind.attributes(created.id, created.arn) };
    } catch (error) {
      throw withCreatedId(error, created.id);
    }
  }
}

/** Takes over the record `adoptId` (the `adopt...Id` props): its content and tags become the stack's. */
async function adopt<D extends NamedDesiredState, L extends TaggedRecord>(
  kind: ManagedKind<D, L>, identity: AssignedIdentity<D, L>, inv: Invocation, desired: D, adoptId: string,
): Promise<ResourceOutcome> {
  const { resource } = kind.target(desired.domainId, adoptId);
  const live = await kind.read(inv, desired.domainId, adoptId);
  if (live === undefined) throw new HandlerFailure(`cannot adopt ${resource}: it does not exist (or is deleted)`);
  const owner = live.tags?.[OWNER_TAG_KEY];
  if (owner !== undefined && owner !== null && owner !== inv.ownerTagValue) {
    throw new HandlerFailure(`cannot adopt ${resource}: another stack resource already manages it (tag ${OWNER_TAG_KEY}); `
      + `remove it from that stack (with RemovalPolicy.RETAIN) or remove the tag first`);
  }
  inv.log.info(`adopting the ${kind.noun}`, kind.target(desired.domainId, adoptId).ids);
  // Never rolled back into a delete: a failed adoption answers with the create-failed marker.
  return writeAssigned(kind, identity, inv, desired, adoptId, live);
}

/**
 * A replacement created during an Update is deleted again when the Update fails: CloudFormation
 * keeps the old id, so it would never delete the new record. The create runs on a deadline that
 * ends early enough to leave time for that delete.
 */
async function replace<D extends NamedDesiredState, L extends TaggedRecord>(
  kind: ManagedKind<D, L>, identity: AssignedIdentity<D, L>, inv: Invocation, desired: D,
): Promise<ResourceOutcome> {
  const reserveMs = Math.min(REPLACEMENT_CLEANUP_RESERVE_MS, inv.deadline.remainingMs() / 4);
  const inner = Deadline.within(inv.deadline, reserveMs);
  try {
    return await createAssigned(kind, identity, { ...inv, deadline: inner }, desired);
  } catch (error) {
    if (error instanceof HandlerFailure && error.createdId !== undefined) {
      const createdId = error.createdId;
      await kind.delete(inv, desired.domainId, createdId, undefined).catch((cleanupError) =>
        inv.log.error(`could not delete the replacement ${kind.noun} of a failed update`, { ...kind.target(desired.domainId, createdId).ids, error: String(cleanupError) }));
      throw new HandlerFailure(error.message);
    }
    throw error;
  } finally {
    inner.dispose();
  }
}

/** Writes content only when it differs, then the tags. */
async function writeAssigned<D extends NamedDesiredState, L extends TaggedRecord>(
  kind: ManagedKind<D, L>, identity: AssignedIdentity<D, L>, inv: Invocation, desired: D, id: string, live: L,
): Promise<ResourceOutcome> {
  if (!identity.sameContent(live, desired)) await kind.write(inv, desired, id, live);
  const target = kind.target(desired.domainId, id);
  const arn = identity.arnOf(live);
  await applyTagDiff(inv, arn, diffTags(live.tags, desiredTags(desired.tags, inv.ownerTagValue)), target);
  return { physicalResourceId: id, data: kind.attributes(id, arn) };
}

async function finishTakeOver<D extends NamedDesiredState, L extends TaggedRecord>(
  kind: ManagedKind<D, L>, identity: AssignedIdentity<D, L>, inv: Invocation, desired: D, id: string, live: L,
): Promise<ResourceOutcome> {
  try {
    return await writeAssigned(kind, identity, inv, desired, id, live);
  } catch (error) {
    throw withCreatedId(error, id);
  }
}

interface SameNamed<L> {
  readonly id: string;
  readonly live: L;
  /** Why the record is this request's own, or undefined when it is not. */
  readonly provenance?: string;
  /** Why it is not, for the error. */
  readonly refusal?: string;
}

/**
 * The live record named like `desired`, and whether it provably comes from this request: it carries
 * this stack resource's owner tag (the tag call of an earlier attempt went through), or it carries
 * no owner tag at all, holds exactly the desired content, and was created no earlier than
 * `notBefore` (its create's answer was lost before the tag call).
 */
async function findSameNamed<D extends NamedDesiredState, L extends TaggedRecord>(
  kind: ManagedKind<D, L>, identity: AssignedIdentity<D, L>, inv: Invocation, desired: D, notBefore: number,
): Promise<SameNamed<L> | undefined> {
  const id = await identity.findByName(inv, desired.domainId, desired.name);
  const live = id === undefined ? undefined : await kind.read(inv, desired.domainId, id);
  if (id === undefined || live === undefined) return undefined;
  const owner = live.tags?.[OWNER_TAG_KEY];
  if (owner === inv.ownerTagValue) return { id, live, provenance: 'an earlier attempt of this request created' };
  if (owner !== undefined && owner !== null) return { id, live, refusal: 'is managed by another stack resource' };
  if (!identity.sameContent(live, desired)) return { id, live, refusal: 'was not created by this stack resource (its content differs)' };
  const createdTime = live.createdTime?.getTime();
  if (createdTime === undefined || createdTime < notBefore) {
    return { id, live, refusal: `was not created by this stack resource (created ${createdTime === undefined ? 'at an unknown time' : new Date(createdTime).toISOString()}, before this request)` };
  }
  return { id, live, provenance: 'that a create of this request made before its answer was lost' };
}

/** 5xx, network errors and socket timeouts: the create may have committed. */
function isUnknownOutcome(error: unknown): boolean {
  return error instanceof CasesCallFailure && isRetryable(error.cause) && error.errorName !== 'ThrottlingException';
}

// ---------------------------------------------------------------------------------------------
// Failed creates
// ---------------------------------------------------------------------------------------------

/**
 * PhysicalResourceId of a Create that failed without a known id. CloudFormation sends a Delete for it
 * when it rolls back; the marker carries when the create began, so that Delete can find what the
 * create may still have made (a create that committed after its answer was lost).
 */
const CREATE_FAILED_PREFIX = 'create-failed:';

export function createFailedMarker(startedAt: number, requestId: string): string {
  return `${CREATE_FAILED_PREFIX}${startedAt}:${requestId}`;
}

/**
 * When the failed create began; undefined for markers of version 0.1, which did not record it (no
 * record can then be proven to come from that create, so their Delete deletes nothing).
 */
function parseCreateFailedMarker(physicalId: string): { startedAt?: number } | undefined {
  if (!physicalId.startsWith(CREATE_FAILED_PREFIX)) return undefined;
  const parts = physicalId.slice(CREATE_FAILED_PREFIX.length).split(':');
  const startedAt = parts.length === 2 && /^\d+$/.test(parts[0]) ? Number(parts[0]) : undefined;
  return { startedAt };
}

/**
 * Rollback of a Create that answered FAILED without an id: deletes the same-named record if it
 * provably comes from that create (the same proof as a retried create), and nothing else. An
 * adoption is never undone by a delete.
 */
async function deleteWhatFailedCreateLeft(kind: ManagedKind, inv: Invocation, properties: unknown, marker: { startedAt?: number }): Promise<void> {
  const desired = isAssigned(kind) ? tryDecode(kind, properties) as NamedDesiredState | undefined : undefined;
  if (!isAssigned(kind) || desired === undefined || desired.adoptId !== undefined || marker.startedAt === undefined) {
    inv.log.info('nothing to delete for this failed create (none made, an adoption, invalid properties or an undated marker)');
    return;
  }
  const found = await findSameNamed(kind, kind.identity, inv, desired, marker.startedAt - CLOCK_SKEW_MS);
  if (found?.provenance === undefined) {
    inv.log.info('nothing to delete: no record of the failed create');
    return;
  }
  inv.log.info(`deleting the ${kind.noun} the failed create left`, kind.target(desired.domainId, found.id).ids);
  await kind.delete(inv, desired.domainId, found.id, properties);
}

/** A record known by name only (before it exists), for messages. */
function named(kind: ManagedKind, desired: NamedDesiredState) {
  return { resource: `${kind.noun} '${desired.name}' in domain ${desired.domainId}`, ids: { domainId: desired.domainId } };
}

function physicalIdOf(kind: ManagedKind, desired: DesiredState): string {
  if (kind.identity.type !== 'declared') throw new Error(`${kind.noun} ids are assigned by the service`);
  return kind.identity.physicalIdOf(desired);
}

function tryDecode(kind: ManagedKind, properties: unknown): DesiredState | undefined {
  try {
    return kind.decode(properties);
  } catch {
    return undefined;
  }
}
