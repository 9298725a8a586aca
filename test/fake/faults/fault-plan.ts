import { mulberry32 } from './prng';

export interface FaultOptions {
  /** deterministic PRNG seed (default 1) */
  seed?: number;
  /** 0..1 fraction of requests answered 429 ThrottlingException */
  throttleRate?: number;
  /** 0..1 fraction answered 500 InternalServerException */
  serverErrorRate?: number;
  /** added delay per request */
  latencyMs?: number;
  /** operation names (e.g. 'UpdateCaseRule') that never answer */
  hangOperations?: string[];
  /** operation names answered 403 AccessDeniedException (a policy that lacks them): not retryable */
  denyOperations?: string[];
  /**
   * 0..1 fraction of requests to `loseAnswerOperations` that run (their write commits) but whose
   * answer is lost: the client receives what `loseAnswerAs` says instead. A request whose
   * operation fails answers its error as usual (nothing was committed).
   */
  loseAnswerRate?: number;
  /** operations whose answers may be lost; default every operation the model does not mark read-only */
  loseAnswerOperations?: string[];
  /** 'serverError' (default): a 500 InternalServerException; 'dropConnection': the socket closes without an answer */
  loseAnswerAs?: 'serverError' | 'dropConnection';
  /**
   * Operations that hang without ever answering while their write commits `commitDelayMs` after the
   * request arrived: a create that commits just after the caller's deadline aborted it. Input
   * validation and authorization still answer at once.
   */
  delayedCommitOperations?: string[];
  /** default 0: the write commits on the next turn of the event loop (never, if the fake is closed first) */
  commitDelayMs?: number;
  /** how many requests (across `delayedCommitOperations`) are delayed; the rest run normally. Default: all */
  delayedCommitLimit?: number;
}

export type FaultDecision = 'none' | 'hang' | 'deny' | 'throttle' | 'serverError' | 'loseAnswer' | 'delayedCommit';

const RATES = ['throttleRate', 'serverErrorRate', 'loseAnswerRate'] as const;

/**
 * Decides, before an operation runs, whether a request is faulted. Exactly one random draw per
 * request, whatever the settings, from a sequence of the operation's own (seeded by the seed and the
 * operation's name): the n-th request to an operation meets the same draw however concurrent
 * requests to other operations interleave, so a seeded run under concurrency is reproducible.
 * The draw falls into consecutive bands: throttle, then server error, then lost answer (which only
 * applies to `loseAnswerOperations`; elsewhere that band means no fault).
 */
export class FaultPlan {
  private options: FaultOptions = {};
  private readonly draws = new Map<string, () => number>();
  private delayedSoFar = 0;

  constructor(options: FaultOptions = {}) {
    this.set(options);
  }

  /** Replaces every setting and restarts the random sequence from the seed. */
  set(options: FaultOptions): void {
    for (const name of RATES) {
      const rate = options[name];
      if (rate !== undefined && !(rate >= 0 && rate <= 1)) throw new Error(`FaultOptions.${name} must be within 0..1, got ${rate}`);
    }
    if (RATES.reduce((sum, name) => sum + (options[name] ?? 0), 0) > 1) {
      throw new Error('FaultOptions.throttleRate + serverErrorRate + loseAnswerRate must not exceed 1');
    }
    if (options.loseAnswerAs !== undefined && !['serverError', 'dropConnection'].includes(options.loseAnswerAs)) {
      throw new Error(`FaultOptions.loseAnswerAs must be 'serverError' or 'dropConnection', got ${String(options.loseAnswerAs)}`);
    }
    this.options = structuredClone(options);
    this.draws.clear();
    this.delayedSoFar = 0;
  }

  get latencyMs(): number {
    return this.options.latencyMs ?? 0;
  }

  get commitDelayMs(): number {
    return this.options.commitDelayMs ?? 0;
  }

  get loseAnswerAs(): 'serverError' | 'dropConnection' {
    return this.options.loseAnswerAs ?? 'serverError';
  }

  /** @param readOnly whether the model marks the operation read-only (default scope of lost answers) */
  decide(operation: string, readOnly: boolean): FaultDecision {
    const draw = this.drawFor(operation);
    const o = this.options;
    if (o.hangOperations?.includes(operation)) return 'hang';
    if (o.denyOperations?.includes(operation)) return 'deny';
    if (o.delayedCommitOperations?.includes(operation) && this.delayedSoFar < (o.delayedCommitLimit ?? Infinity)) {
      this.delayedSoFar++;
      return 'delayedCommit';
    }
    let band = o.throttleRate ?? 0;
    if (draw < band) return 'throttle';
    band += o.serverErrorRate ?? 0;
    if (draw < band) return 'serverError';
    band += o.loseAnswerRate ?? 0;
    const mayLose = o.loseAnswerOperations ? o.loseAnswerOperations.includes(operation) : !readOnly;
    if (draw < band && mayLose) return 'loseAnswer';
    return 'none';
  }

  private drawFor(operation: string): number {
    let random = this.draws.get(operation);
    if (!random) {
      random = mulberry32(((this.options.seed ?? 1) ^ hashOf(operation)) >>> 0);
      this.draws.set(operation, random);
    }
    return random();
  }
}

/** FNV-1a: a stable 32-bit number from an operation's name. */
function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}
