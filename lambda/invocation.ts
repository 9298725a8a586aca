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
  /** When this invocation began (epoch ms). */
  readonly startedAt: number;
  /** The call in progress, so that a deadline that passes outside any call still names it. */
  current?: CallTarget;
}

/** A Cases call: operation, resource description and the ids to log. */
export interface CasesCall extends CallTarget {
  readonly ids: Pick<LogFields, 'domainId' | 'caseRuleId' | 'templateId' | 'fieldId'>;
}

export interface CallOptions {
  /**
   * `false` for calls that must not be repeated blindly (creates, whose answer may be lost after
   * they committed): the caller decides what to do after a failed attempt.
   */
  readonly retry?: boolean;
}

/**
 * Runs one Cases API call with retries, bounded by the deadline (the abort signal goes to the SDK),
 * logging each attempt. Throws `CasesCallFailure` or `TimeoutFailure`, both naming the call.
 */
export async function callCases<T>(
  inv: Invocation, call: CasesCall, send: (abortSignal: AbortSignal) => Promise<T>, options: CallOptions = {},
): Promise<T> {
  inv.current = call;
  const log = inv.log.with({ ...call.ids, operation: call.operation });
  const attempt = (n: number) => {
    log.info('calling Cases', { attempt: n });
    return send(inv.deadline.signal);
  };
  try {
    if (options.retry === false) {
      if (inv.deadline.hasPassed()) throw new DeadlinePassed();
      return await attempt(1).catch((error: unknown) => {
        throw inv.deadline.hasPassed() ? new DeadlinePassed() : error;
      });
    }
    return await withRetry(inv.deadline, attempt, {
      onRetry: (error, n, delayMs) => log.warn('retrying Cases call', { attempt: n, delayMs, error: errorText(error) }),
    });
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
