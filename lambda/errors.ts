/**
 * Failures the handler reports to CloudFormation. The message of each is the readable Reason:
 * which operation failed on which resource, and why.
 */

/** A failure to answer as FAILED. `createdId` names a resource this request created, if any. */
export class HandlerFailure extends Error {
  constructor(message: string, public readonly createdId?: string) {
    super(message);
    this.name = 'HandlerFailure';
  }
}

/** A resource property that does not match the contract; `path` is e.g. `Rule.Conditions[0].Result`. */
export class DecodeFailure extends HandlerFailure {
  constructor(public readonly path: string, problem: string) {
    super(`Invalid resource property ${path}: ${problem}`);
    this.name = 'DecodeFailure';
  }
}

/** What a Cases call acts on, for messages and logs. */
export interface CallTarget {
  /** API operation, e.g. `UpdateCaseRule`. */
  readonly operation: string;
  /** Human description, e.g. `case rule 1234 in domain d-1`. */
  readonly resource: string;
}

/** A Cases call that failed with a non-retryable error (or retryable ones until the deadline). */
export class CasesCallFailure extends HandlerFailure {
  /** The service's exception name (e.g. `ConflictException`) or the network error's name. */
  public readonly errorName: string;

  constructor(public readonly target: CallTarget, public readonly cause: unknown) {
    super(`${target.operation} failed for ${target.resource}: ${describeError(cause)}`);
    this.name = 'CasesCallFailure';
    this.errorName = errorNameOf(cause);
  }
}

/** The invocation ran out of time during a Cases call. */
export class TimeoutFailure extends HandlerFailure {
  constructor(public readonly target: CallTarget, elapsedSeconds: number, public readonly lastError?: unknown) {
    const last = lastError === undefined ? '' : ` (last error: ${describeError(lastError)})`;
    super(`timed out after ${elapsedSeconds}s during ${target.operation} on ${target.resource}${last}`);
    this.name = 'TimeoutFailure';
  }
}

/** True when `error` is a failed Cases call whose service exception is `name`. */
export function isCasesError(error: unknown, name: string): boolean {
  return error instanceof CasesCallFailure && error.errorName === name;
}

/** The same failure, remembering that this request created `createdId` (for rollback). */
export function withCreatedId(error: unknown, createdId: string): HandlerFailure {
  if (error instanceof HandlerFailure && error.createdId === createdId) return error;
  return new HandlerFailure(reasonOf(error), createdId);
}

/** The Reason to show CloudFormation for any error. */
export function reasonOf(error: unknown): string {
  if (error instanceof HandlerFailure) return error.message;
  return `Unexpected error: ${describeError(error)}`;
}

/** `Name: message` of an error, e.g. `ValidationException: name is too long`. */
export function describeError(error: unknown): string {
  const name = errorNameOf(error);
  const message = error instanceof Error ? error.message : String(error);
  return message && message !== name ? `${name}: ${message}` : name;
}

function errorNameOf(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    // Network errors are plain `Error`s whose useful name is the system error code.
    if (error.name === 'Error' && typeof code === 'string') return code;
    return error.name;
  }
  return 'Error';
}
