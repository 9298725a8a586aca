import { randomUUID } from 'node:crypto';
import type { CloudFormationCustomResourceEvent } from 'aws-lambda';
import { stringifyScalars } from '../../support/cloudformation-encoding';
import { HandlerHarness } from '../../support/handler-harness';
import { InvocationTracker } from './iam/authorizer';
import { ExistingResource, ProviderRequest, ProviderResult, ResourceProvider } from './provider';

/** What a custom-resource handler answers CloudFormation (the body it PUTs to the ResponseURL). */
export interface CustomResourceAnswer {
  readonly Status: 'SUCCESS' | 'FAILED';
  readonly PhysicalResourceId?: string;
  readonly Reason?: string;
  readonly Data?: Record<string, string>;
}

/**
 * Stands in for the bundled handler, for the simulator's own tests: receives the event as
 * CloudFormation sends it and answers like a handler. It runs as the ServiceToken's function
 * (its Cases calls are authorized as that function's role).
 */
export type CustomResourceFunction = (event: CloudFormationCustomResourceEvent, remainingMs: number) => Promise<CustomResourceAnswer>;

/** Lambda's default timeout, when the ServiceToken's function does not set one. */
const DEFAULT_FUNCTION_TIMEOUT_S = 3;

/**
 * `Custom::*` resources: sent to the bundled handler as CloudFormation sends them (every scalar a
 * string, OldResourceProperties and PhysicalResourceId where they belong), and answered by what
 * the handler PUT to its ResponseURL.
 */
export class CustomResourceProvider implements ResourceProvider {
  constructor(
    private readonly harness: HandlerHarness,
    private readonly invocations: InvocationTracker = new InvocationTracker(),
    private readonly standIn?: CustomResourceFunction,
  ) {}

  public create(request: ProviderRequest): Promise<ProviderResult> {
    return this.invoke(request, { RequestType: 'Create' });
  }

  public update(request: ProviderRequest, existing: ExistingResource): Promise<ProviderResult> {
    return this.invoke(request, {
      RequestType: 'Update',
      PhysicalResourceId: existing.physicalId,
      OldResourceProperties: stringifyScalars(existing.properties),
    });
  }

  public async delete(request: ProviderRequest, existing: ExistingResource): Promise<string | undefined> {
    const result = await this.invoke({ ...request, properties: existing.properties }, {
      RequestType: 'Delete',
      PhysicalResourceId: existing.physicalId,
    });
    return result.status === 'FAILED' ? result.reason : undefined;
  }

  private async invoke(request: ProviderRequest, specific: Record<string, unknown>): Promise<ProviderResult> {
    const serviceToken = request.properties.ServiceToken;
    const timeoutS = functionTimeoutSeconds(request, serviceToken);
    if (timeoutS === undefined) {
      return { status: 'FAILED', reason: `ServiceToken ${String(serviceToken)} is not the Arn of a function in this stack` };
    }
    const requestId = randomUUID();
    const event = {
      ...specific,
      ServiceToken: serviceToken,
      ResponseURL: this.harness.responses.urlFor(requestId),
      StackId: request.stack.stackId,
      RequestId: requestId,
      LogicalResourceId: request.logicalId,
      ResourceType: request.type,
      ResourceProperties: stringifyScalars(request.properties),
    } as unknown as CloudFormationCustomResourceEvent;
    let body: CustomResourceAnswer;
    try {
      // While the handler runs, its Cases calls are authorized as its function's role.
      body = await this.invocations.during(String(serviceToken), async () => (this.standIn
        ? this.standIn(event, timeoutS * 1000)
        : (await this.harness.invoke(event, { remainingMs: timeoutS * 1000 })).body as CustomResourceAnswer));
    } catch (error) {
      // CloudFormation would wait for an answer until the service timeout; the outcome is the same.
      return { status: 'FAILED', reason: `no valid response from the handler: ${error instanceof Error ? error.message : String(error)}` };
    }
    if (body.Status === 'FAILED') return { status: 'FAILED', reason: body.Reason ?? '(no reason)', physicalId: body.PhysicalResourceId };
    if (typeof body.PhysicalResourceId !== 'string' || body.PhysicalResourceId === '') {
      return { status: 'FAILED', reason: 'Invalid PhysicalResourceId in the response' };
    }
    return { status: 'SUCCESS', physicalId: body.PhysicalResourceId, attributes: { ...(body.Data ?? {}) } };
  }
}

function functionTimeoutSeconds(request: ProviderRequest, serviceToken: unknown): number | undefined {
  const fn = [...request.deployed.values()].find((r) => r.type === 'AWS::Lambda::Function' && r.attributes.Arn === serviceToken);
  if (fn === undefined) return undefined;
  return Number(fn.properties.Timeout ?? DEFAULT_FUNCTION_TIMEOUT_S);
}
