import { ResolutionContext, resolve } from './intrinsics';
import { ExistingResource, ResourceProvider, StackIdentity } from './provider';
import { CfnResource, CfnTemplate, DeployedResource, DeployedResources } from './template-types';

/** Which part of a stack operation an action belongs to. */
export type Phase = 'deploy' | 'rollback' | 'cleanup';

/** One resource action, as CloudFormation's stack events would show it. */
export interface ResourceEvent {
  readonly logicalId: string;
  readonly type: string;
  readonly action: 'Create' | 'Update' | 'Delete';
  readonly phase: Phase;
  /** RETAINED: a delete skipped because of DeletionPolicy / UpdateReplacePolicy Retain. */
  readonly status: 'SUCCESS' | 'FAILED' | 'RETAINED';
  readonly physicalId?: string;
  readonly reason?: string;
  /** Properties sent (for a delete: the properties the resource was deployed with). */
  readonly properties?: Record<string, unknown>;
  /** Position in the operation when the action started and when it finished (shared counter). */
  readonly startedAt: number;
  readonly finishedAt: number;
  readonly elapsedMs: number;
}

export interface CreateOutcome {
  readonly resource?: DeployedResource;
  /** A failed create that named a physical id: a rollback sends it a Delete. */
  readonly failed?: DeployedResource;
}

/**
 * Creates, updates and deletes single resources through their provider, recording one event each.
 * Never throws: a failure (including an unresolvable reference) is an event with status FAILED.
 */
export class ResourceActions {
  public readonly events: ResourceEvent[] = [];
  private tick = 0;

  constructor(
    private readonly stack: StackIdentity,
    private readonly template: CfnTemplate,
    private readonly providerFor: (type: string) => ResourceProvider | undefined,
  ) {}

  /** Properties of `definition` resolved against `state`. Throws ResolutionError. */
  public resolveProperties(definition: CfnResource, state: DeployedResources): Record<string, unknown> {
    return resolve(definition.Properties ?? {}, this.context(state)) as Record<string, unknown>;
  }

  public async create(logicalId: string, definition: CfnResource, state: DeployedResources, phase: Phase): Promise<CreateOutcome> {
    return this.record<CreateOutcome>({ logicalId, type: definition.Type, action: 'Create', phase }, async () => {
      const properties = this.resolveProperties(definition, state);
      const result = await this.provider(definition.Type).create({ ...this.request(logicalId, definition.Type, state), properties });
      if (result.status === 'FAILED') {
        const failed = result.physicalId === undefined ? undefined
          : { logicalId, type: definition.Type, physicalId: result.physicalId, attributes: {}, properties, definition };
        return { event: { ...result, properties }, outcome: { failed } };
      }
      const resource: DeployedResource = { logicalId, type: definition.Type, physicalId: result.physicalId, attributes: result.attributes, properties, definition };
      return { event: { status: 'SUCCESS', physicalId: result.physicalId, properties }, outcome: { resource } };
    });
  }

  /** Sends `properties` to an existing resource; `existing.properties` go as the old ones. */
  public async update(
    logicalId: string, definition: CfnResource, properties: Record<string, unknown>, existing: ExistingResource, state: DeployedResources, phase: Phase,
  ): Promise<DeployedResource | undefined> {
    return this.record<DeployedResource | undefined>({ logicalId, type: definition.Type, action: 'Update', phase }, async () => {
      const result = await this.provider(definition.Type).update({ ...this.request(logicalId, definition.Type, state), properties }, existing);
      if (result.status === 'FAILED') return { event: { status: 'FAILED', reason: result.reason, physicalId: existing.physicalId, properties }, outcome: undefined };
      const resource: DeployedResource = { logicalId, type: definition.Type, physicalId: result.physicalId, attributes: result.attributes, properties, definition };
      return { event: { status: 'SUCCESS', physicalId: result.physicalId, properties }, outcome: resource };
    });
  }

  /** Deletes `resource` unless `policy` says Retain. True when it is gone (or retained). */
  public async delete(resource: DeployedResource, state: DeployedResources, phase: Phase, policy: 'DeletionPolicy' | 'UpdateReplacePolicy'): Promise<boolean> {
    const { logicalId, type, physicalId, properties } = resource;
    return this.record({ logicalId, type, action: 'Delete', phase }, async () => {
      if (resource.definition[policy] === 'Retain') return { event: { status: 'RETAINED', physicalId, properties }, outcome: true };
      const reason = await this.provider(type).delete({ ...this.request(logicalId, type, state), properties }, resource);
      return { event: { status: reason === undefined ? 'SUCCESS' : 'FAILED', reason, physicalId, properties }, outcome: reason === undefined };
    }, false);
  }

  /** Records a failure found before the provider was called (e.g. an unresolvable reference). */
  public async reportFailure(what: Pick<ResourceEvent, 'logicalId' | 'type' | 'action' | 'phase'>, reason: string): Promise<void> {
    await this.record(what, async () => ({ event: { status: 'FAILED', reason }, outcome: undefined }));
  }

  /**
   * True when `properties` differ from what `resource` was deployed with (CloudFormation only
   * updates then). Compared as JSON: templates may come from another realm (jest's structuredClone).
   */
  public static changed(resource: DeployedResource, properties: Record<string, unknown>): boolean {
    return canonicalJson(resource.properties) !== canonicalJson(properties);
  }

  private async record<T>(
    what: Pick<ResourceEvent, 'logicalId' | 'type' | 'action' | 'phase'>,
    act: () => Promise<{ event: Pick<ResourceEvent, 'status' | 'reason' | 'physicalId' | 'properties'>; outcome: T }>,
    outcomeOnError?: T,
  ): Promise<T> {
    const startedAt = ++this.tick;
    const startedMs = Date.now();
    let result: { event: Pick<ResourceEvent, 'status' | 'reason' | 'physicalId' | 'properties'>; outcome: T };
    try {
      result = await act();
    } catch (error) {
      result = { event: { status: 'FAILED', reason: error instanceof Error ? error.message : String(error) }, outcome: outcomeOnError as T };
    }
    this.events.push({ ...what, ...result.event, startedAt, finishedAt: ++this.tick, elapsedMs: Date.now() - startedMs });
    return result.outcome;
  }

  private provider(type: string): ResourceProvider {
    const provider = this.providerFor(type);
    if (provider === undefined) throw new Error(`the simulator has no provider for resource type ${type}`);
    return provider;
  }

  private request(logicalId: string, type: string, deployed: DeployedResources) {
    return { stack: this.stack, logicalId, type, deployed };
  }

  private context(state: DeployedResources): ResolutionContext {
    const { stack } = this;
    const parameters = Object.fromEntries(Object.entries(this.template.Parameters ?? {}).map(([name, p]) => [name, p.Default]));
    const deployed = (logicalId: string) => {
      const resource = state.get(logicalId);
      if (resource === undefined) throw new Error(`Template error: ${logicalId} is not deployed`);
      return resource;
    };
    return {
      values: {
        ...parameters,
        'AWS::Region': stack.region,
        'AWS::AccountId': stack.accountId,
        'AWS::Partition': 'aws',
        'AWS::URLSuffix': 'amazonaws.com',
        'AWS::StackName': stack.stackName,
        'AWS::StackId': stack.stackId,
      },
      ref: (logicalId) => deployed(logicalId).physicalId,
      getAtt: (logicalId, attribute) => {
        const resource = deployed(logicalId);
        const value = resource.attributes[attribute];
        if (value === undefined) {
          throw new Error(resource.type.startsWith('Custom::')
            ? `CustomResource attribute error: Vendor response doesn't contain ${attribute} attribute in object ${resource.physicalId} (${logicalId})`
            : `Template error: resource ${logicalId} (${resource.type}) has no attribute ${attribute}`);
        }
        return value;
      },
    };
  }
}

/** JSON with object keys sorted, so that key order does not count as a change. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, member: unknown) => (typeof member === 'object' && member !== null && !Array.isArray(member)
    ? Object.fromEntries(Object.entries(member).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
    : member));
}
