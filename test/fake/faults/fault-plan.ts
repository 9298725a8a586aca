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
}

export type FaultDecision = 'none' | 'hang' | 'deny' | 'throttle' | 'serverError';

/**
 * Decides, before an operation runs, whether a request is faulted. Exactly one random draw per
 * request, whatever the rates, so a seed replays the same sequence for the same request order.
 */
export class FaultPlan {
  private options: FaultOptions = {};
  private random: () => number = mulberry32(1);

  constructor(options: FaultOptions = {}) {
    this.set(options);
  }

  /** Replaces every setting and restarts the random sequence from the seed. */
  set(options: FaultOptions): void {
    for (const [name, rate] of [['throttleRate', options.throttleRate], ['serverErrorRate', options.serverErrorRate]] as const) {
      if (rate !== undefined && !(rate >= 0 && rate <= 1)) throw new Error(`FaultOptions.${name} must be within 0..1, got ${rate}`);
    }
    if ((options.throttleRate ?? 0) + (options.serverErrorRate ?? 0) > 1) {
      throw new Error('FaultOptions.throttleRate + serverErrorRate must not exceed 1');
    }
    this.options = { ...options, hangOperations: [...(options.hangOperations ?? [])], denyOperations: [...(options.denyOperations ?? [])] };
    this.random = mulberry32(options.seed ?? 1);
  }

  get latencyMs(): number {
    return this.options.latencyMs ?? 0;
  }

  decide(operation: string): FaultDecision {
    const draw = this.random();
    if (this.options.hangOperations?.includes(operation)) return 'hang';
    if (this.options.denyOperations?.includes(operation)) return 'deny';
    const throttleRate = this.options.throttleRate ?? 0;
    if (draw < throttleRate) return 'throttle';
    if (draw < throttleRate + (this.options.serverErrorRate ?? 0)) return 'serverError';
    return 'none';
  }
}
