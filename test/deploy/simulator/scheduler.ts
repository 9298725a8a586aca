/**
 * Runs work on a set of resources like CloudFormation does: each one starts as soon as everything it
 * must wait for has succeeded, independent ones run at the same time, and after the first failure
 * nothing new starts while the work in progress finishes.
 */

export interface ScheduleOutcome {
  readonly succeeded: string[];
  readonly failed: string[];
  /** Never started because of a failure. */
  readonly skipped: string[];
  /** Most pieces of work that were in progress at once. */
  readonly maxConcurrent: number;
}

/**
 * @param ids what to work on
 * @param waitFor which of `ids` must succeed before `id` may start (others are ignored)
 * @param work resolves true on success, false on failure
 */
export async function runInDependencyOrder(
  ids: Iterable<string>,
  waitFor: (id: string) => Iterable<string>,
  work: (id: string) => Promise<boolean>,
): Promise<ScheduleOutcome> {
  const pending = new Set(ids);
  const prerequisites = new Map([...pending].map((id) => [id, [...waitFor(id)].filter((p) => pending.has(p) && p !== id)]));
  const succeeded: string[] = [];
  const failed: string[] = [];
  const running = new Map<string, Promise<void>>();
  let maxConcurrent = 0;

  const startReady = () => {
    if (failed.length > 0) return;
    for (const id of [...pending]) {
      if (!prerequisites.get(id)!.every((p) => succeeded.includes(p))) continue;
      pending.delete(id);
      running.set(id, work(id).then((ok) => {
        (ok ? succeeded : failed).push(id);
        running.delete(id);
      }));
    }
    maxConcurrent = Math.max(maxConcurrent, running.size);
  };

  startReady();
  while (running.size > 0) {
    await Promise.race(running.values());
    startReady();
  }
  if (failed.length === 0 && pending.size > 0) {
    throw new Error(`circular dependency among ${[...pending].join(', ')}`);
  }
  return { succeeded, failed, skipped: [...pending], maxConcurrent };
}
