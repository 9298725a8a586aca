import { Deadline } from './deadline';
import { CallTarget, CasesCallFailure, TimeoutFailure } from './errors';
import { LogFields, Logger } from './log';
import { DeadlinePassed, isAbort, isRetryable, withRetry } from './retry';

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
        // An answer that came as the deadline passed is still the last error; our own abort is not.
        throw inv.deadline.hasPassed() ? new DeadlinePassed(isAbort(error) ? undefined : error) : error;
      });
    }
    return await withRetry(inv.deadline, attempt, {
      onRetry: (error, n, delayMs) => log.warn('retrying Cases call', { attempt: n, delayMs, error: errorText(error) }),
      retryable: (error) => isRetryable(error) || isPropagationDenial(inv, error),
    });
  } catch (error) {
    if (error instanceof DeadlinePassed) throw new TimeoutFailure(call, inv.deadline.elapsedSeconds(), error.lastError);
    const failure = new CasesCallFailure(call, error);
    log.warn('Cases call failed', { error: failure.errorName });
    throw failure;
  }
}

/**
 * How long after an invocation starts an AccessDeniedException is retried: CloudFormation creates a
 * domain's IAM policy right before the first resource that needs it, and IAM applies new policies
 * with a delay ("eventual consistency"). A denial that lasts longer is real.
 */
const IAM_PROPAGATION_GRACE_MS = 10_000;

/** An AccessDeniedException early in the invocation, which may come from a policy IAM has not applied yet. */
export function isPropagationDenial(inv: Invocation, error: unknown): boolean {
  const cause = error instanceof CasesCallFailure ? error.cause : error;
  return cause instanceof Error && cause.name === 'AccessDeniedException' && Date.now() - inv.startedAt < IAM_PROPAGATION_GRACE_MS;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.name : String(error);
}
