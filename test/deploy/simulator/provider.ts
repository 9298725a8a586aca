import { DeployedResources } from './template-types';

/** Which stack a request belongs to: what CloudFormation tells every resource provider. */
export interface StackIdentity {
  readonly stackName: string;
  readonly stackId: string;
  readonly region: string;
  readonly accountId: string;
}

/** One create or update, with intrinsics already resolved. */
export interface ProviderRequest {
  readonly stack: StackIdentity;
  readonly logicalId: string;
  readonly type: string;
  readonly properties: Record<string, unknown>;
  /** The stack's resources as they are now (a custom resource finds its function here). */
  readonly deployed: DeployedResources;
}

export type ProviderResult =
  | { readonly status: 'SUCCESS'; readonly physicalId: string; readonly attributes: Record<string, string> }
  /** `physicalId`: what a failed create names, so that its rollback can delete it. */
  | { readonly status: 'FAILED'; readonly reason: string; readonly physicalId?: string };

/** What an existing resource looked like before the request. */
export interface ExistingResource {
  readonly physicalId: string;
  readonly properties: Record<string, unknown>;
  readonly attributes: Readonly<Record<string, string>>;
}

/**
 * Creates, updates and deletes resources of some types. An update that returns another
 * physical id is a replacement: the simulator deletes the old one later (in cleanup).
 */
export interface ResourceProvider {
  create(request: ProviderRequest): Promise<ProviderResult>;
  update(request: ProviderRequest, existing: ExistingResource): Promise<ProviderResult>;
  /** Resolves to a reason on failure. */
  delete(request: ProviderRequest, existing: ExistingResource): Promise<string | undefined>;
}
