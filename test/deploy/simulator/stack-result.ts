import { ResourceEvent } from './resource-actions';

export type StackStatus =
  | 'CREATE_COMPLETE' | 'ROLLBACK_COMPLETE' | 'ROLLBACK_FAILED'
  | 'UPDATE_COMPLETE' | 'UPDATE_ROLLBACK_COMPLETE' | 'UPDATE_ROLLBACK_FAILED'
  | 'DELETE_COMPLETE' | 'DELETE_FAILED';

/** What one stack operation did. */
export interface StackOperationResult {
  readonly status: StackStatus;
  /** Every resource action of the operation, in the order they finished. */
  readonly events: readonly ResourceEvent[];
  /** The failure that stopped the operation (the first failed event), if any. */
  readonly failure?: ResourceEvent;
  /**
   * Deletes that failed in an update's cleanup phase. They do not fail the update (CloudFormation
   * reports UPDATE_COMPLETE and leaves the physical resources behind), so they show here and as events.
   */
  readonly cleanupFailures: readonly ResourceEvent[];
  /** Most resource actions in progress at once during the deploy phase. */
  readonly maxConcurrent: number;
  readonly elapsedMs: number;
}

export function firstFailure(events: readonly ResourceEvent[]): ResourceEvent | undefined {
  return events.find((event) => event.status === 'FAILED');
}

export function cleanupFailures(events: readonly ResourceEvent[]): ResourceEvent[] {
  return events.filter((event) => event.phase === 'cleanup' && event.status === 'FAILED');
}
