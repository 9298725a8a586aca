import { dependencyGraph } from './dependencies';
import { deleteInReverseOrder } from './reverse-delete';
import { ResourceActions } from './resource-actions';
import { runInDependencyOrder } from './scheduler';
import { StackOperationResult, firstFailure } from './stack-result';
import { CfnTemplate, DeployedResource } from './template-types';

/**
 * Stack creation: every resource in dependency order, independent ones in parallel. On the first
 * failure nothing new starts; once the work in progress ends, everything created, including a
 * failed resource that named a physical id, is deleted in reverse order (rollback).
 */
export async function createStack(
  actions: ResourceActions, template: CfnTemplate,
): Promise<{ result: StackOperationResult; resources: Map<string, DeployedResource> }> {
  const startedMs = Date.now();
  const graph = dependencyGraph(template);
  const state = new Map<string, DeployedResource>();
  const failedCreates: DeployedResource[] = [];

  const deploy = await runInDependencyOrder(Object.keys(template.Resources), (id) => graph.get(id) ?? [], async (id) => {
    const outcome = await actions.create(id, template.Resources[id], state, 'deploy');
    if (outcome.resource !== undefined) state.set(id, outcome.resource);
    if (outcome.failed !== undefined) failedCreates.push(outcome.failed);
    return outcome.resource !== undefined;
  });

  const failure = firstFailure(actions.events);
  if (failure === undefined) {
    return { result: { status: 'CREATE_COMPLETE', events: actions.events, cleanupFailures: [], maxConcurrent: deploy.maxConcurrent, elapsedMs: Date.now() - startedMs }, resources: state };
  }
  const rollback = await deleteInReverseOrder(
    actions, [...state.values(), ...failedCreates], graph, () => state, 'rollback', () => 'DeletionPolicy', (r) => state.delete(r.logicalId),
  );
  return {
    result: {
      status: rollback.failed.length > 0 ? 'ROLLBACK_FAILED' : 'ROLLBACK_COMPLETE',
      events: actions.events,
      failure,
      cleanupFailures: [],
      maxConcurrent: deploy.maxConcurrent,
      elapsedMs: Date.now() - startedMs,
    },
    resources: state,
  };
}
