import { dependencyGraph } from './dependencies';
import { deleteInReverseOrder } from './reverse-delete';
import { ResourceActions } from './resource-actions';
import { runInDependencyOrder } from './scheduler';
import { StackOperationResult, cleanupFailures, firstFailure } from './stack-result';
import { CfnTemplate, DeployedResource } from './template-types';

/** An in-place update that a rollback must undo: its previous state and the properties it was sent. */
interface InPlaceUpdate {
  readonly previous: DeployedResource;
  readonly attempted: Record<string, unknown>;
}

/**
 * Stack update, as CloudFormation runs it:
 * 1. deploy, in the new template's dependency order: new resources are created, changed ones
 *    updated (a new PhysicalResourceId means replacement), unchanged ones left alone;
 * 2. on success, cleanup: resources gone from the template and replaced physical resources are
 *    deleted (with their OLD properties) in the old template's reverse dependency order;
 * 3. on failure, rollback: resources updated in place (the failed one too) get an Update with old
 *    and new properties swapped, then everything this update created (new resources and
 *    replacements) is deleted in reverse order; the stack keeps its previous resources.
 */
export async function updateStack(
  actions: ResourceActions, previousTemplate: CfnTemplate, previous: ReadonlyMap<string, DeployedResource>, template: CfnTemplate,
): Promise<{ result: StackOperationResult; resources: Map<string, DeployedResource> }> {
  const startedMs = Date.now();
  const oldGraph = dependencyGraph(previousTemplate);
  const newGraph = dependencyGraph(template);
  const state = new Map(previous);
  const created: DeployedResource[] = [];
  const replaced: Array<{ previous: DeployedResource; replacement: DeployedResource }> = [];
  const inPlace = new Map<string, InPlaceUpdate>();

  const deploy = await runInDependencyOrder(Object.keys(template.Resources), (id) => newGraph.get(id) ?? [], async (id) => {
    const definition = template.Resources[id];
    const existing = state.get(id);
    if (existing === undefined) {
      const outcome = await actions.create(id, definition, state, 'deploy');
      if (outcome.resource !== undefined) state.set(id, outcome.resource);
      const createdHere = outcome.resource ?? outcome.failed;
      if (createdHere !== undefined) created.push(createdHere);
      return outcome.resource !== undefined;
    }
    if (existing.type !== definition.Type) {
      await actions.reportFailure({ logicalId: id, type: definition.Type, action: 'Update', phase: 'deploy' },
        `the simulator does not support changing the type of ${id} from ${existing.type}`);
      return false;
    }
    let properties: Record<string, unknown>;
    try {
      properties = actions.resolveProperties(definition, state);
    } catch (error) {
      await actions.reportFailure({ logicalId: id, type: definition.Type, action: 'Update', phase: 'deploy' }, String(error));
      return false;
    }
    if (!ResourceActions.changed(existing, properties)) {
      state.set(id, { ...existing, definition });
      return true;
    }
    const updated = await actions.update(id, definition, properties, existing, state, 'deploy');
    if (updated === undefined || updated.physicalId === existing.physicalId) inPlace.set(id, { previous: existing, attempted: properties });
    if (updated === undefined) return false;
    if (updated.physicalId !== existing.physicalId) replaced.push({ previous: existing, replacement: updated });
    state.set(id, updated);
    return true;
  });

  const failure = firstFailure(actions.events);
  const result = (status: StackOperationResult['status']): StackOperationResult =>
    ({
      status, events: actions.events, failure, cleanupFailures: cleanupFailures(actions.events), maxConcurrent: deploy.maxConcurrent, elapsedMs: Date.now() - startedMs,
    });

  if (failure === undefined) {
    const removed = [...previous.values()].filter((resource) => !(resource.logicalId in template.Resources));
    const isRemoved = (resource: DeployedResource) => removed.includes(resource);
    // Removed resources stay visible until deleted: a custom resource's delete needs its function.
    await deleteInReverseOrder(
      actions, [...removed, ...replaced.map((r) => r.previous)], oldGraph, () => state, 'cleanup',
      (resource) => (isRemoved(resource) ? 'DeletionPolicy' : 'UpdateReplacePolicy'),
      (resource) => { if (isRemoved(resource)) state.delete(resource.logicalId); },
    );
    // Cleanup failures leave the update complete, as in CloudFormation (they show as events and in cleanupFailures).
    removed.forEach((resource) => state.delete(resource.logicalId));
    return { result: result('UPDATE_COMPLETE'), resources: state };
  }

  const revert = await runInDependencyOrder(inPlace.keys(), (id) => oldGraph.get(id) ?? [], async (id) => {
    const { previous: before, attempted } = inPlace.get(id)!;
    const reverted = await actions.update(id, before.definition, before.properties, { ...before, properties: attempted }, state, 'rollback');
    if (reverted !== undefined) state.set(id, before);
    return reverted !== undefined;
  });
  const restored = new Map(previous);
  const discard = await deleteInReverseOrder(
    actions, [...created, ...replaced.map((r) => r.replacement)], newGraph, () => state, 'rollback', () => 'DeletionPolicy',
  );
  const rolledBack = revert.failed.length === 0 && revert.skipped.length === 0 && discard.failed.length === 0;
  return { result: result(rolledBack ? 'UPDATE_ROLLBACK_COMPLETE' : 'UPDATE_ROLLBACK_FAILED'), resources: restored };
}
