import { randomUUID } from 'node:crypto';
import { FakeCases, FakeCasesOptions } from '../../fake';
import { HandlerHarness } from '../../support/handler-harness';
import { CustomResourceFunction, CustomResourceProvider } from './custom-resource-provider';
import { createStack } from './create-stack';
import { deleteStack } from './delete-stack';
import { AuthorizationRecord, iamAuthorizer, InvocationTracker } from './iam/authorizer';
import { IamRegistry } from './iam/iam-registry';
import { IamProvider } from './iam-provider';
import { NativeCasesProvider } from './native-cases-provider';
import { NoopProvider } from './noop-provider';
import { ResourceProvider, StackIdentity } from './provider';
import { ResourceActions } from './resource-actions';
import { StackOperationResult, StackStatus } from './stack-result';
import { CfnTemplate, DeployedResource } from './template-types';
import { updateStack } from './update-stack';

/** A stack the simulator manages: what CloudFormation would show for it. */
export class SimulatedStack {
  public status: StackStatus | 'NONE' = 'NONE';
  public resources: ReadonlyMap<string, DeployedResource> = new Map();

  constructor(public readonly identity: StackIdentity, public template: CfnTemplate) {}

  /** The deployed resource `logicalId`; a test mistake when absent. */
  public resource(logicalId: string): DeployedResource {
    const resource = this.resources.get(logicalId);
    if (resource === undefined) {
      throw new Error(`stack ${this.identity.stackName} has no deployed resource ${logicalId}; it has ${[...this.resources.keys()].join(', ')}`);
    }
    return resource;
  }

  /** `Fn::GetAtt` of a deployed resource. */
  public attribute(logicalId: string, attribute: string): string {
    const value = this.resource(logicalId).attributes[attribute];
    if (value === undefined) throw new Error(`${logicalId} has no attribute ${attribute}`);
    return value;
  }

  /** Logical ids of the deployed resources of `type`. */
  public logicalIdsOfType(type: string): string[] {
    return [...this.resources.values()].filter((r) => r.type === type).map((r) => r.logicalId);
  }
}

export interface SimulatorOptions extends FakeCasesOptions {
  /**
   * Authorize every Cases call a handler makes against the IAM policies deployed at that moment
   * (default true). A test that turns it off must say why.
   */
  readonly iam?: boolean;
  /** Answers `Custom::*` resources instead of the bundled handler (for the simulator's own tests). */
  readonly customResourceHandler?: CustomResourceFunction;
}

/**
 * A small CloudFormation: deploys synthesized templates against the loopback Cases fake, sending
 * `Custom::*` resources to the bundled handler, whose Cases calls IAM authorizes against the
 * policies deployed so far. One per test file (the bundle reads the fake's endpoint when it is
 * first loaded).
 */
export class CloudFormationSimulator {
  public static async start(options: SimulatorOptions = {}): Promise<CloudFormationSimulator> {
    const { iam, customResourceHandler, ...fakeOptions } = options;
    return new CloudFormationSimulator(await HandlerHarness.start(fakeOptions), iam ?? true, customResourceHandler);
  }

  /** The IAM state deployed by every stack of this simulator. */
  public readonly iam = new IamRegistry();
  private readonly stacks = new Map<string, SimulatedStack>();
  private readonly providers: Record<string, ResourceProvider>;
  private readonly customResources: CustomResourceProvider;
  private readonly authorizationLog: AuthorizationRecord[] = [];

  private constructor(public readonly harness: HandlerHarness, iamEnabled: boolean, customResourceHandler?: CustomResourceFunction) {
    const native = new NativeCasesProvider(harness.fake);
    const iamProvider = new IamProvider(this.iam);
    const noop = new NoopProvider();
    const invocations = new InvocationTracker();
    this.customResources = new CustomResourceProvider(harness, invocations, customResourceHandler);
    this.providers = Object.fromEntries([
      ...NativeCasesProvider.TYPES.map((type) => [type, native] as const),
      ...IamProvider.TYPES.map((type) => [type, iamProvider] as const),
      ...NoopProvider.TYPES.map((type) => [type, noop] as const),
    ]);
    if (iamEnabled) harness.fake.setAuthorizer(iamAuthorizer(this.iam, invocations, harness.fake.accountId, this.authorizationLog));
  }

  /** Every authorization decided for a handler's Cases call so far (empty when IAM is off). */
  public authorizations(): AuthorizationRecord[] {
    return [...this.authorizationLog];
  }

  public resetAuthorizations(): void {
    this.authorizationLog.length = 0;
  }

  public get fake(): FakeCases {
    return this.harness.fake;
  }

  public stack(stackName: string): SimulatedStack {
    const stack = this.stacks.get(stackName);
    if (stack === undefined) throw new Error(`no stack named ${stackName}; create it first`);
    return stack;
  }

  public async create(stackName: string, template: CfnTemplate): Promise<StackOperationResult> {
    if (this.stacks.has(stackName)) throw new Error(`stack ${stackName} already exists`);
    const stack = new SimulatedStack({
      stackName,
      stackId: `arn:aws:cloudformation:${this.fake.region}:${this.fake.accountId}:stack/${stackName}/${randomUUID()}`,
      region: this.fake.region,
      accountId: this.fake.accountId,
    }, template);
    this.stacks.set(stackName, stack);
    const { result, resources } = await createStack(this.actions(stack, template), template);
    stack.resources = resources;
    stack.status = result.status;
    return result;
  }

  public async update(stackName: string, template: CfnTemplate): Promise<StackOperationResult> {
    const stack = this.stack(stackName);
    const { result, resources } = await updateStack(this.actions(stack, template), stack.template, stack.resources, template);
    stack.resources = resources;
    stack.status = result.status;
    if (result.status === 'UPDATE_COMPLETE') stack.template = template;
    return result;
  }

  public async delete(stackName: string): Promise<StackOperationResult> {
    const stack = this.stack(stackName);
    const { result, resources } = await deleteStack(this.actions(stack, stack.template), stack.template, stack.resources);
    stack.resources = resources;
    stack.status = result.status;
    if (result.status === 'DELETE_COMPLETE') this.stacks.delete(stackName);
    return result;
  }

  public close(): Promise<void> {
    return this.harness.close();
  }

  private actions(stack: SimulatedStack, template: CfnTemplate): ResourceActions {
    return new ResourceActions(stack.identity, template, (type) => (type.startsWith('Custom::') ? this.customResources : this.providers[type]));
  }
}
