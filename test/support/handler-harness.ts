import { AsyncLocalStorage } from 'node:async_hooks';
import path from 'node:path';
import { ConnectCasesClient } from '@aws-sdk/client-connectcases';
import type { CloudFormationCustomResourceEvent, Context } from 'aws-lambda';
import { FakeCases, FakeCasesOptions } from '../fake';
import { EventBuilder } from './events';
import { CapturedResponse, ResponseCollector } from './response-collector';

/** The shipped bundle, rebuilt by the jest globalSetup before tests run. */
const BUNDLE = path.resolve(__dirname, '..', '..', 'assets', 'handler', 'index.js');

type Handler = (event: CloudFormationCustomResourceEvent, context: Context) => Promise<void>;

export interface InvokeOptions {
  /** What `context.getRemainingTimeInMillis()` reports at the start. Default 60 s. */
  readonly remainingMs?: number;
}

/** One invocation: the single response CloudFormation received and the handler's log lines. */
export interface Invocation {
  readonly response: CapturedResponse;
  readonly body: CapturedResponse['body'];
  /** Raw lines the handler wrote with console.log. */
  readonly logLines: string[];
  readonly elapsedMs: number;
}

/**
 * The bundled handler wired to a loopback Cases fake and a response collector. One per test file:
 * the bundle creates its SDK client (and reads the endpoint) when it is first required.
 */
export class HandlerHarness {
  public static async start(options: FakeCasesOptions = {}): Promise<HandlerHarness> {
    const fake = await FakeCases.start(options);
    const responses = await ResponseCollector.start();
    process.env.AWS_ENDPOINT_URL_CONNECTCASES = fake.endpoint;
    process.env.AWS_REGION = fake.region;
    process.env.AWS_ACCESS_KEY_ID = 'AKIDEXAMPLE';
    process.env.AWS_SECRET_ACCESS_KEY = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';
    delete process.env.AWS_PROFILE;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { handler } = require(BUNDLE) as { handler: Handler };
    return new HandlerHarness(fake, responses, handler);
  }

  public readonly events: EventBuilder;

  private constructor(public readonly fake: FakeCases, public readonly responses: ResponseCollector, private readonly handler: Handler) {
    this.events = new EventBuilder(responses);
  }

  /**
   * Invokes the handler as Lambda would and returns the response it PUT. Fails when the handler
   * throws or does not answer exactly once: CloudFormation would wait or misbehave. Invoking the
   * same event again is how Lambda retries an asynchronous invocation.
   */
  public async invoke(event: CloudFormationCustomResourceEvent, options: InvokeOptions = {}): Promise<Invocation> {
    const startedAt = Date.now();
    const endsAt = startedAt + (options.remainingMs ?? 60_000);
    const context = { getRemainingTimeInMillis: () => Math.max(0, endsAt - Date.now()), awsRequestId: event.RequestId } as unknown as Context;
    const answeredBefore = this.responses.responsesFor(event.RequestId).length;
    const logLines: string[] = [];
    try {
      await captureLogs(logLines, () => this.handler(event, context));
    } catch (error) {
      throw new Error(`the handler threw (it must always answer instead): ${String(error)}`);
    }
    // A retried event (same RequestId) may already have been answered once: count only new answers.
    const responses = this.responses.responsesFor(event.RequestId).slice(answeredBefore);
    if (responses.length !== 1) throw new Error(`expected exactly one response to ${event.RequestId}, received ${responses.length}`);
    return { response: responses[0], body: responses[0].body, logLines, elapsedMs: Date.now() - startedAt };
  }

  /** A Cases client for changes made out of band (console users, other tools). */
  public outOfBandClient(): ConnectCasesClient {
    return new ConnectCasesClient({ endpoint: this.fake.endpoint, region: this.fake.region, maxAttempts: 1 });
  }

  public async close(): Promise<void> {
    await Promise.all([this.fake.close(), this.responses.close()]);
  }
}

/**
 * Routes console.log to the invocation that logged, also when invocations run concurrently (a
 * plain swap and restore of console.log would restore the wrong function). Installed once.
 */
const logSink = new AsyncLocalStorage<string[]>();
let consoleRouted = false;

function captureLogs<T>(lines: string[], body: () => Promise<T>): Promise<T> {
  if (!consoleRouted) {
    const originalLog = console.log;
    console.log = (...args: unknown[]) => {
      const sink = logSink.getStore();
      if (sink) sink.push(args.map(String).join(' '));
      else originalLog(...args);
    };
    consoleRouted = true;
  }
  return logSink.run(lines, body);
}
