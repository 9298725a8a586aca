/** The parts of a synthesized CloudFormation template the simulator reads. */
export interface CfnTemplate {
  readonly Parameters?: Record<string, { readonly Type: string; readonly Default?: unknown }>;
  readonly Resources: Record<string, CfnResource>;
}

export interface CfnResource {
  readonly Type: string;
  readonly Properties?: Record<string, unknown>;
  readonly DependsOn?: string | string[];
  readonly DeletionPolicy?: string;
  readonly UpdateReplacePolicy?: string;
}

/** A resource as it exists after a stack operation. */
export interface DeployedResource {
  readonly logicalId: string;
  readonly type: string;
  readonly physicalId: string;
  /** What `Fn::GetAtt` returns. */
  readonly attributes: Readonly<Record<string, string>>;
  /** Properties as last applied, intrinsics resolved (not yet stringified). */
  readonly properties: Record<string, unknown>;
  /** The template entry it was last deployed from (policies, DependsOn). */
  readonly definition: CfnResource;
}

/** Logical id -> deployed resource. */
export type DeployedResources = ReadonlyMap<string, DeployedResource>;
