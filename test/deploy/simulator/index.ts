export { CloudFormationSimulator, SimulatedStack } from './simulator';
export type { CfnTemplate, CfnResource, DeployedResource } from './template-types';
export type { ResourceEvent, Phase } from './resource-actions';
export type { StackOperationResult, StackStatus } from './stack-result';
