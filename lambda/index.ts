import type { CloudFormationCustomResourceEvent, Context } from 'aws-lambda';
import { CASE_RULE_RESOURCE_TYPE, TEMPLATE_RESOURCE_TYPE } from '../lib/private/resource-properties';
import { caseRuleHandler } from './case-rule';
import { Deadline } from './deadline';
import { HandlerFailure, TimeoutFailure, reasonOf } from './errors';
import { Invocation } from './invocation';
import { Logger } from './log';
import { ResourceHandler, ResourceOutcome, createFailedMarker, isCreateFailedMarker } from './resource-handler';
import { CloudFormationResponse, renderResponse, sendResponse } from './response';
import { ownerTagValue } from './tags';
import { templateHandler } from './template';

/**
 * The ServiceToken of every `Custom::ConnectCasesCaseRule` and `Custom::ConnectCasesTemplate` of a
 * stack. CloudFormation invokes it asynchronously and waits for the answer PUT to the ResponseURL,
 * so this function always answers, SUCCESS or FAILED, and never throws.
 */
export async function handler(event: CloudFormationCustomResourceEvent, context: Context): Promise<void> {
  const log = new Logger({ requestType: event.RequestType, resourceType: event.ResourceType, logicalResourceId: event.LogicalResourceId });
  let response: CloudFormationResponse;
  try {
    const outcome = await runWithinDeadline(event, context, log);
    response = { ...identity(event), Status: 'SUCCESS', PhysicalResourceId: outcome.physicalResourceId, Data: outcome.data };
  } catch (error) {
    const reason = reasonOf(error);
    log.error('request failed', { error: reason.slice(0, 1000) });
    response = { ...identity(event), Status: 'FAILED', Reason: reason, PhysicalResourceId: physicalIdOfFailure(event, error) };
  }
  try {
    await sendResponse(event.ResponseURL, renderResponse(response), log);
    log.info('answered CloudFormation', { status: response.Status });
  } catch (error) {
    log.error('could not answer CloudFormation', { error: error instanceof Error ? error.message : String(error) });
  }
}

const HANDLERS: Record<string, ResourceHandler> = {
  [CASE_RULE_RESOURCE_TYPE]: caseRuleHandler,
  [TEMPLATE_RESOURCE_TYPE]: templateHandler,
};

/** Time left after a passed deadline for the call in progress to fail with its own, richer message. */
const GRACE_MS = 100;

async function runWithinDeadline(event: CloudFormationCustomResourceEvent, context: Context, log: Logger): Promise<ResourceOutcome> {
  const deadline = Deadline.fromRemainingTime(context.getRemainingTimeInMillis());
  const inv: Invocation = { deadline, log, ownerTagValue: ownerTagValue(event.StackId, event.LogicalResourceId) };
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
  const resource = HANDLERS[event.ResourceType];
  if (event.RequestType === 'Delete') {
    // Nothing was created for a failed Create or for a resource type this handler never served.
    if (isCreateFailedMarker(event.PhysicalResourceId) || resource === undefined) {
      inv.log.info('nothing to delete');
    } else {
      await resource.delete(inv, event.ResourceProperties, event.PhysicalResourceId);
    }
    return { physicalResourceId: event.PhysicalResourceId, data: {} };
  }
  if (resource === undefined) {
    throw new HandlerFailure(`unknown resource type ${event.ResourceType}; this handler serves ${Object.keys(HANDLERS).join(' and ')}`);
  }
  if (event.RequestType === 'Create') return resource.create(inv, event.ResourceProperties);
  return resource.update(inv, event.ResourceProperties, event.OldResourceProperties, event.PhysicalResourceId);
}

/**
 * A failed Create names what it created, so CloudFormation's rollback Delete removes it, or else a
 * marker that Delete skips. A failed Update or Delete keeps the current id.
 */
function physicalIdOfFailure(event: CloudFormationCustomResourceEvent, error: unknown): string {
  if (event.RequestType !== 'Create') return event.PhysicalResourceId;
  return error instanceof HandlerFailure && error.createdId !== undefined ? error.createdId : createFailedMarker(event.RequestId);
}

function identity(event: CloudFormationCustomResourceEvent): Pick<CloudFormationResponse, 'StackId' | 'RequestId' | 'LogicalResourceId'> {
  return { StackId: event.StackId, RequestId: event.RequestId, LogicalResourceId: event.LogicalResourceId };
}
