import { ConnectCasesClient } from '@aws-sdk/client-connectcases';
import type { $Command, ConnectCasesClientResolvedConfig, ServiceInputTypes, ServiceOutputTypes } from '@aws-sdk/client-connectcases';
import { describeError } from '../lambda/errors';
import { allPages } from '../lambda/kinds/shared';
import { BackoffLimits, backoffMs, isRetryable } from '../lambda/retry';

/**
 * Every Cases call of the CLI goes through `CasesApi.send`: retries with capped exponential
 * backoff on throttling and server errors, and failures turned into messages that say what to do
 * (which domain does not exist, which IAM action is missing, that the service kept throttling).
 * The SDK's own retries are off so that the number of attempts is ours to state.
 */

const NO_REGION = 'no AWS region: pass --region or set AWS_REGION (or a region in your AWS profile)';

/** A failure the CLI reports as is (no stack trace): the message says what went wrong. */
export class CliError extends Error {
  /** `errorName`: the service exception behind the failure, if any (e.g. `ResourceNotFoundException`). */
  constructor(message: string, public readonly errorName?: string) {
    super(message);
    this.name = 'CliError';
  }
}

export interface RetryPolicy extends BackoffLimits {
  /** Attempts per call, the first included. */
  readonly maxAttempts: number;
  /** Waits; replaced in tests. */
  readonly sleep: (ms: number) => Promise<void>;
  /** Uniform in [0, 1); replaced in tests. */
  readonly random: () => number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 8,
  baseDelayMs: 250,
  maxDelayMs: 8_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
};


/** Any command of the Cases client. */
type CasesCommand<Input extends ServiceInputTypes, Output extends ServiceOutputTypes> =
  $Command<Input, Output, ConnectCasesClientResolvedConfig, ServiceInputTypes, ServiceOutputTypes>;

/** What a call was about, for messages: the domain, and whether a 404 means "no such domain". */
export interface CallContext {
  readonly domainId: string;
  /** The call names only the domain, so ResourceNotFound can only mean the domain. */
  readonly domainLevel?: boolean;
}

/** A client on the standard credential chain; `region` overrides the chain's region. */
export function createCasesApi(region?: string, policy: RetryPolicy = DEFAULT_RETRY_POLICY): CasesApi {
  return new CasesApi(new ConnectCasesClient({ region, maxAttempts: 1 }), policy);
}

export class CasesApi {
  constructor(
    public readonly client: ConnectCasesClient,
    private readonly policy: RetryPolicy = DEFAULT_RETRY_POLICY,
  ) {}

  /** The region the client calls (for messages). */
  public async region(): Promise<string> {
    try {
      return await this.client.config.region();
    } catch {
      throw new CliError(NO_REGION);
    }
  }

  /** Sends `command`, retrying what is worth retrying; any failure becomes a `CliError`. */
  public async send<Input extends ServiceInputTypes, Output extends ServiceOutputTypes>(
    command: CasesCommand<Input, Output>, context: CallContext,
  ): Promise<Output> {
    const operation = command.constructor.name.replace(/Command$/, '');
    let lastError: unknown;
    for (let attempt = 1; attempt <= this.policy.maxAttempts; attempt++) {
      try {
        return await this.client.send(command);
      } catch (error) {
        if (!isRetryable(error)) throw await this.explain(error, operation, context);
        lastError = error;
        if (attempt < this.policy.maxAttempts) await this.policy.sleep(backoffMs(attempt, this.policy.random, this.policy));
      }
    }
    throw new CliError(
      `Amazon Connect Cases kept refusing ${operation} (${this.policy.maxAttempts} attempts with backoff; last: ${describeError(lastError)}). ` +
      'The account is being throttled or the service is unavailable: try again later.',
    );
  }

  /** Every item of a paginated list operation: `member` of each page, following `nextToken`. */
  public async listAll<
    Input extends ServiceInputTypes & { nextToken?: string },
    Output extends ServiceOutputTypes & { nextToken?: string },
    K extends keyof Output,
  >(
    commandClass: new (input: Input) => CasesCommand<Input, Output>,
    input: Omit<Input, 'nextToken'>,
    member: K,
    context: CallContext,
  ): Promise<NonNullable<Output[K]>> {
    const items = await allPages(async (nextToken) => {
      const page = await this.send(new commandClass({ ...input, nextToken } as Input), context);
      return { items: page[member] as unknown[] | undefined, nextToken: page.nextToken };
    });
    return items as NonNullable<Output[K]>;
  }

  private async explain(error: unknown, operation: string, context: CallContext): Promise<CliError> {
    const name = error instanceof Error ? error.name : '';
    if (name === 'ResourceNotFoundException' && (context.domainLevel || resourceTypeOf(error) === 'domain')) {
      return new CliError(`domain ${context.domainId} not found in region ${await this.region()}`);
    }
    if (name === 'AccessDeniedException') {
      return new CliError(`access denied to cases:${operation} on domain ${context.domainId}: `
        + `the credentials in use need the IAM action cases:${operation} (${describeError(error)})`);
    }
    if (name === 'CredentialsProviderError' || name === 'ProviderError') {
      return new CliError(`no AWS credentials: ${describeError(error)} (configure the standard AWS credential chain, e.g. AWS_PROFILE)`);
    }
    if (name === 'UnrecognizedClientException' || name === 'InvalidSignatureException' || name === 'ExpiredTokenException') {
      return new CliError(`the AWS credentials were refused: ${describeError(error)}`);
    }
    if (error instanceof Error && /region is missing/i.test(error.message)) {
      return new CliError(NO_REGION);
    }
    return new CliError(`${operation} failed on domain ${context.domainId}: ${describeError(error)}`, name);
  }
}

function resourceTypeOf(error: unknown): string {
  const type = (error as { resourceType?: unknown }).resourceType;
  return typeof type === 'string' ? type.toLowerCase() : '';
}

