import { Deadline } from './deadline';

/**
 * Retries of Cases calls. The SDK's own retries are off (`maxAttempts: 1`) so that every attempt,
 * and every wait between attempts, stays within the invocation's deadline.
 */

/** Exceptions that say "try again later". */
const RETRYABLE_EXCEPTIONS = new Set(['ThrottlingException', 'TooManyRequestsException', 'InternalServerException', 'ServiceUnavailableException']);

/** System error codes of connections that failed or broke before a response arrived. */
const NETWORK_ERROR_CODES = new Set([
  'ECONNRESET', 'ECONNREFUSED', 'ECONNABORTED', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN',
  'ENETUNREACH', 'EHOSTUNREACH', 'EADDRNOTAVAIL', 'UND_ERR_SOCKET',
]);

const BASE_DELAY_MS = 200;
const MAX_DELAY_MS = 5_000;
/** Less time than this left is not worth another attempt. */
const MIN_ATTEMPT_MS = 100;

/** Throttling (any 429), internal errors, any 5xx and network errors; nothing else. Shared by the handler and the CLI. */
export function isRetryable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (isAbort(error)) return false; // our own deadline
  if (RETRYABLE_EXCEPTIONS.has(error.name)) return true;
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  if (status === 429 || (status !== undefined && status >= 500)) return true;
  if (error.name === 'TimeoutError') return true; // socket timeout of the HTTP handler
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && NETWORK_ERROR_CODES.has(code);
}

/** The base and the cap of a backoff. */
export interface BackoffLimits {
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

/** The handler's: short, as every wait counts against the invocation's deadline. */
const HANDLER_BACKOFF: BackoffLimits = { baseDelayMs: BASE_DELAY_MS, maxDelayMs: MAX_DELAY_MS };

/**
 * Capped exponential backoff with full jitter: a uniform delay in [0, min(cap, base * 2^(attempt-1))).
 * Shared by the handler and the CLI, each with its own limits.
 */
export function backoffMs(attempt: number, random: () => number = Math.random, limits: BackoffLimits = HANDLER_BACKOFF): number {
  const ceiling = Math.min(limits.maxDelayMs, limits.baseDelayMs * 2 ** (attempt - 1));
  return Math.floor(random() * ceiling);
}

/** Thrown when the deadline leaves no time for (another) attempt; carries the last error, if any. */
export class DeadlinePassed extends Error {
  constructor(public readonly lastError?: unknown) {
    super('deadline passed');
    this.name = 'DeadlinePassed';
  }
}

export interface RetryHooks {
  /** Called before waiting `delayMs` after attempt `attempt` failed with `error`. */
  readonly onRetry?: (error: unknown, attempt: number, delayMs: number) => void;
  /** Which errors to retry; default `isRetryable`. */
  readonly retryable?: (error: unknown) => boolean;
}

/** Runs `attempt(n)` until it succeeds, fails with a non-retryable error, or the deadline passes. */
export async function withRetry<T>(deadline: Deadline, attempt: (n: number) => Promise<T>, hooks: RetryHooks = {}): Promise<T> {
  let lastError: unknown;
  for (let n = 1; ; n++) {
    if (deadline.hasPassed()) throw new DeadlinePassed(lastError);
    try {
      return await attempt(n);
    } catch (error) {
      if (deadline.hasPassed()) throw new DeadlinePassed(isAbort(error) ? lastError : error);
      if (!(hooks.retryable ?? isRetryable)(error)) throw error;
      lastError = error;
      await pauseBeforeRetry(deadline, n, error, hooks);
    }
  }
}

/**
 * Waits before attempt `attempt + 1`: capped exponential backoff, but near the deadline less, so
 * that the last attempt still gets half of the time left. Throws `DeadlinePassed` when no time is left.
 */
export async function pauseBeforeRetry(deadline: Deadline, attempt: number, error: unknown, hooks: RetryHooks = {}): Promise<void> {
  const remainingMs = deadline.remainingMs();
  if (remainingMs < MIN_ATTEMPT_MS) throw new DeadlinePassed(error);
  const delayMs = Math.min(backoffMs(attempt), Math.floor(remainingMs / 2));
  hooks.onRetry?.(error, attempt, delayMs);
  await new Promise((resolve) => setTimeout(resolve, delayMs));
}

/** The abort of our own deadline's signal: says nothing about the service. */
export function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}
