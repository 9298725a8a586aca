export { CloudFormationSimulator, SimulatedStack } from './simulator';
export type { SimulatorOptions } from './simulator';
export type { AuthorizationRecord } from './iam/authorizer';
export type { CustomResourceAnswer, CustomResourceFunction } from './custom-resource-provider';
export { IamRegistry } from './iam/iam-registry';
export type { CfnTemplate, CfnResource, DeployedResource } from './template-types';
export type { ResourceEvent, Phase } from './resource-actions';
export type { StackOperationResult, StackStatus } from './stack-result';
