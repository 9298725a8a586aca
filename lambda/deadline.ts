/**
 * The time this invocation may spend on Cases calls. CloudFormation waits up to an hour for an
 * answer that never comes if Lambda kills us first, so we stop working early enough to always
 * answer FAILED ourselves.
 */

/** Part of the remaining time kept for answering CloudFormation (at most 10 s, at least 0.5 s). */
export function safetyMarginMs(remainingMs: number): number {
  return Math.min(10_000, Math.max(500, remainingMs / 5));
}

export class Deadline {
  /** The deadline of a Lambda invocation: its remaining time minus the safety margin. */
  public static fromRemainingTime(remainingMs: number): Deadline {
    return new Deadline(Math.max(0, remainingMs - safetyMarginMs(remainingMs)));
  }

  /** A deadline that ends `reserveMs` before `outer` (never after it); elapsed time counts from the outer's start. */
  public static within(outer: Deadline, reserveMs: number): Deadline {
    return new Deadline(Math.max(0, outer.remainingMs() - reserveMs), outer.startedAt);
  }

  private readonly endsAt: number;
  private readonly controller = new AbortController();
  private readonly timer: NodeJS.Timeout;
  /** Resolves when the deadline passes. */
  public readonly passed: Promise<void>;

  constructor(budgetMs: number, private readonly startedAt = Date.now()) {
    this.endsAt = Date.now() + budgetMs;
    this.passed = new Promise((resolve) => this.controller.signal.addEventListener('abort', () => resolve()));
    this.timer = setTimeout(() => this.controller.abort(new Error('deadline passed')), budgetMs);
  }

  /** Aborts every SDK call still running when the deadline passes. */
  public get signal(): AbortSignal {
    return this.controller.signal;
  }

  public remainingMs(): number {
    return Math.max(0, this.endsAt - Date.now());
  }

  public hasPassed(): boolean {
    return this.controller.signal.aborted || this.remainingMs() === 0;
  }

  public elapsedSeconds(): number {
    return Math.round((Date.now() - this.startedAt) / 100) / 10;
  }

  /** Stops the timer once the invocation has answered, so nothing keeps the process busy. */
  public dispose(): void {
    clearTimeout(this.timer);
  }
}
