import { DependencyGraph, dependents } from './dependencies';
import { Phase, ResourceActions } from './resource-actions';
import { ScheduleOutcome, runInDependencyOrder } from './scheduler';
import { DeployedResource, DeployedResources } from './template-types';

/**
 * Deletes `targets` in reverse dependency order (a resource goes only after everything that
 * depends on it in `graph` is gone), independent ones in parallel.
 */
export function deleteInReverseOrder(
  actions: ResourceActions,
  targets: readonly DeployedResource[],
  graph: DependencyGraph,
  state: () => DeployedResources,
  phase: Phase,
  policy: (resource: DeployedResource) => 'DeletionPolicy' | 'UpdateReplacePolicy',
  onDeleted: (resource: DeployedResource) => void = () => undefined,
): Promise<ScheduleOutcome> {
  const byId = new Map(targets.map((resource) => [resource.logicalId, resource]));
  const waitFor = dependents(graph);
  return runInDependencyOrder(byId.keys(), (id) => waitFor.get(id) ?? [], async (id) => {
    const resource = byId.get(id)!;
    const deleted = await actions.delete(resource, state(), phase, policy(resource));
    if (deleted) onDeleted(resource);
    return deleted;
  });
}
