import { dependencyGraph } from './dependencies';
import { deleteInReverseOrder } from './reverse-delete';
import { ResourceActions } from './resource-actions';
import { StackOperationResult, firstFailure } from './stack-result';
import { CfnTemplate, DeployedResource } from './template-types';

/**
 * Stack deletion: every resource in reverse dependency order, independent ones in parallel;
 * DeletionPolicy Retain keeps a resource (no Delete is sent). A failed delete keeps the resource
 * and everything it depends on in the stack (DELETE_FAILED).
 */
export async function deleteStack(
  actions: ResourceActions, template: CfnTemplate, resources: ReadonlyMap<string, DeployedResource>,
): Promise<{ result: StackOperationResult; resources: Map<string, DeployedResource> }> {
  const startedMs = Date.now();
  const state = new Map(resources);
  const outcome = await deleteInReverseOrder(
    actions, [...resources.values()], dependencyGraph(template), () => state, 'deploy', () => 'DeletionPolicy',
    (resource) => state.delete(resource.logicalId),
  );
  const failure = firstFailure(actions.events);
  return {
    result: {
      status: failure === undefined ? 'DELETE_COMPLETE' : 'DELETE_FAILED',
      events: actions.events,
      failure,
      cleanupFailures: [],
      maxConcurrent: outcome.maxConcurrent,
      elapsedMs: Date.now() - startedMs,
    },
    resources: state,
  };
}
