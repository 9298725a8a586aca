import { DependencyGraph, dependents } from './dependencies';
import { Phase, ResourceActions } from './resource-actions';
import { ScheduleOutcome, runInDependencyOrder } from './scheduler';
import { DeployedResource, DeployedResources } from './template-types';

/**
 * Deletes `targets` in reverse dependency order (a resource goes only after everything that
 * depends on it in `graph`, directly or through resources that are not deleted now, is gone),
 * independent ones in parallel.
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
  const waitFor = targetDependents(dependents(graph), new Set(byId.keys()));
  return runInDependencyOrder(byId.keys(), (id) => waitFor.get(id) ?? [], async (id) => {
    const resource = byId.get(id)!;
    const deleted = await actions.delete(resource, state(), phase, policy(resource));
    if (deleted) onDeleted(resource);
    return deleted;
  });
}

/** For each target, the targets that depend on it, following dependencies through non-targets. */
function targetDependents(reversed: DependencyGraph, targets: ReadonlySet<string>): Map<string, Set<string>> {
  const result = new Map<string, Set<string>>();
  for (const target of targets) {
    const found = new Set<string>();
    const seen = new Set<string>([target]);
    const queue = [...(reversed.get(target) ?? [])];
    while (queue.length > 0) {
      const id = queue.shift()!;
      if (seen.has(id)) continue;
      seen.add(id);
      if (targets.has(id)) found.add(id);
      else queue.push(...(reversed.get(id) ?? []));
    }
    result.set(target, found);
  }
  return result;
}
