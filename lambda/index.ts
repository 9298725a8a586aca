import type { CloudFormationCustomResourceEvent, Context } from 'aws-lambda';
import { Deadline } from './deadline';
import { HandlerFailure, TimeoutFailure, reasonOf } from './errors';
import { Invocation } from './invocation';
import { ManagedKind } from './kind';
import { caseRuleKind } from './kinds/case-rule';
import { fieldOptionsKind } from './kinds/field-options';
import { templateKind } from './kinds/template';
import { ResourceOutcome, createFailedMarker, createResource, deleteResource, updateResource } from './lifecycle';
import { Logger } from './log';
import { CloudFormationResponse, renderResponse, sendResponse } from './response';
import { ownerTagValue } from './tags';

/**
 * The ServiceToken of every cdk-connect-cases custom resource of a stack. CloudFormation invokes it
 * asynchronously and waits for the answer PUT to the ResponseURL, so this function always answers,
 * SUCCESS or FAILED, and never throws.
 */
export async function handler(event: CloudFormationCustomResourceEvent, context: Context): Promise<void> {
  const startedAt = Date.now();
  const log = new Logger({ requestType: event.RequestType, resourceType: event.ResourceType, logicalResourceId: event.LogicalResourceId });
  let response: CloudFormationResponse;
  try {
    const outcome = await runWithinDeadline(event, context, log, startedAt);
    response = { ...identity(event), Status: 'SUCCESS', PhysicalResourceId: outcome.physicalResourceId, Data: outcome.data };
  } catch (error) {
    const reason = reasonOf(error);
    log.error('request failed', { error: reason.slice(0, 1000) });
    response = { ...identity(event), Status: 'FAILED', Reason: reason, PhysicalResourceId: physicalIdOfFailure(event, error, startedAt) };
  }
  try {
    await sendResponse(event.ResponseURL, renderResponse(response), log);
    log.info('answered CloudFormation', { status: response.Status });
  } catch (error) {
    log.error('could not answer CloudFormation', { error: error instanceof Error ? error.message : String(error) });
  }
}

/** Every kind the handler manages, by CloudFormation resource type. */
const KINDS: ReadonlyMap<string, ManagedKind> = new Map(
  ([caseRuleKind, templateKind, fieldOptionsKind] as ManagedKind<any, any>[]).map((kind) => [kind.resourceType, kind]),
);

/** Time left after a passed deadline for the call in progress to fail with its own, richer message. */
const GRACE_MS = 100;

async function runWithinDeadline(event: CloudFormationCustomResourceEvent, context: Context, log: Logger, startedAt: number): Promise<ResourceOutcome> {
  const deadline = Deadline.fromRemainingTime(context.getRemainingTimeInMillis());
  const inv: Invocation = { deadline, log, startedAt, ownerTagValue: ownerTagValue(event.StackId, event.LogicalResourceId) };
  const timedOut = deadline.passed
    .then(() => new Promise((resolve) => setTimeout(resolve, GRACE_MS)))
    .then((): never => {
      throw new TimeoutFailure(inv.current ?? { operation: event.RequestType, resource: event.LogicalResourceId }, deadline.elapsedSeconds());
    });
  try {
    return await Promise.race([run(event, inv), timedOut]);
  } finally {
    deadline.dispose();
  }
}

async function run(event: CloudFormationCustomResourceEvent, inv: Invocation): Promise<ResourceOutcome> {
  const kind = KINDS.get(event.ResourceType);
  switch (event.RequestType) {
    case 'Create':
      return createResource(requireKind(kind, event), inv, event.ResourceProperties);
    case 'Update':
      return updateResource(requireKind(kind, event), inv, event.ResourceProperties, event.OldResourceProperties, event.PhysicalResourceId);
    case 'Delete': {
      // A type this handler never served was never created by it.
      if (kind === undefined) inv.log.info('nothing to delete: not a resource type of this handler');
      else await deleteResource(kind, inv, event.ResourceProperties, event.PhysicalResourceId);
      return { physicalResourceId: event.PhysicalResourceId, data: {} };
    }
    default:
      throw new HandlerFailure(`unknown RequestType ${JSON.stringify((event as { RequestType?: unknown }).RequestType)}; expected Create, Update or Delete`);
  }
}

function requireKind(kind: ManagedKind | undefined, event: CloudFormationCustomResourceEvent): ManagedKind {
  if (kind !== undefined) return kind;
  throw new HandlerFailure(`unknown resource type ${event.ResourceType}; this handler serves ${[...KINDS.keys()].join(', ')}`);
}

/**
 * A failed Create names what it created, so CloudFormation's rollback Delete removes it, or else a
 * marker from which Delete can still find what a lost create made. A failed Update or Delete keeps
 * the current id.
 */
function physicalIdOfFailure(event: CloudFormationCustomResourceEvent, error: unknown, startedAt: number): string {
  if (event.RequestType !== 'Create') return (event as { PhysicalResourceId?: string }).PhysicalResourceId ?? createFailedMarker(startedAt, event.RequestId);
  return error instanceof HandlerFailure && error.createdId !== undefined ? error.createdId : createFailedMarker(startedAt, event.RequestId);
}

function identity(event: CloudFormationCustomResourceEvent): Pick<CloudFormationResponse, 'StackId' | 'RequestId' | 'LogicalResourceId'> {
  return { StackId: event.StackId, RequestId: event.RequestId, LogicalResourceId: event.LogicalResourceId };
}
