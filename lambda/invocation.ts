import { Deadline } from './deadline';
import { CallTarget, CasesCallFailure, TimeoutFailure } from './errors';
import { LogFields, Logger } from './log';
import { DeadlinePassed, withRetry } from './retry';

/** What one invocation carries through its Cases calls. */
export interface Invocation {
  readonly deadline: Deadline;
  readonly log: Logger;
  /** Value of the owner tag for this stack resource (see `tags.ts`). */
  readonly ownerTagValue: string;
  /** The call in progress, so that a deadline that passes outside any call still names it. */
  current?: CallTarget;
}

/** A Cases call: operation, resource description and the ids to log. */
export interface CasesCall extends CallTarget {
  readonly ids: Pick<LogFields, 'domainId' | 'caseRuleId' | 'templateId'>;
}

/**
 * Runs one Cases API call with retries, bounded by the deadline (the abort signal goes to the SDK),
 * logging each attempt. Throws `CasesCallFailure` or `TimeoutFailure`, both naming the call.
 */
export async function callCases<T>(inv: Invocation, call: CasesCall, send: (abortSignal: AbortSignal) => Promise<T>): Promise<T> {
  inv.current = call;
  const log = inv.log.with({ ...call.ids, operation: call.operation });
  try {
    const result = await withRetry(inv.deadline, (attempt) => {
      log.info('calling Cases', { attempt });
      return send(inv.deadline.signal);
    }, {
      onRetry: (error, attempt, delayMs) => log.warn('retrying Cases call', { attempt, delayMs, error: errorText(error) }),
    });
    return result;
  } catch (error) {
    if (error instanceof DeadlinePassed) throw new TimeoutFailure(call, inv.deadline.elapsedSeconds(), error.lastError);
    const failure = new CasesCallFailure(call, error);
    log.warn('Cases call failed', { error: failure.errorName });
    throw failure;
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.name : String(error);
}
