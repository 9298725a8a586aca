import { AsyncLocalStorage } from 'node:async_hooks';
import path from 'node:path';
import vm from 'node:vm';
import { ConnectCasesClient } from '@aws-sdk/client-connectcases';
import type { CloudFormationCustomResourceEvent, Context } from 'aws-lambda';
import { FakeCases, FakeCasesOptions } from '../fake';
import { EventBuilder } from './events';
import { CapturedResponse, ResponseCollector } from './response-collector';

/** The shipped bundle, rebuilt by the jest globalSetup before tests run. */
const BUNDLE = path.resolve(__dirname, '..', '..', 'assets', 'handler', 'index.js');

type Handler = (event: CloudFormationCustomResourceEvent, context: Context) => Promise<void>;

/**
 * Node's own realm, where the bundle runs as it runs in Lambda. Inside jest's sandbox it would see
 * the sandbox's `Error`, and errors raised by Node itself (the ECONNRESET of a dropped connection)
 * would not be `instanceof Error` there: the SDK then wraps them in a plain Error and their code
 * is lost, which no Lambda ever sees.
 */
const nodeProcess = vm.runInThisContext('process') as NodeJS.Process & { getBuiltinModule(id: string): unknown };
const nodeRealm = {
  // jest's own `node:module` would load into the sandbox; Node's (Node 20.16+) loads into Node's realm.
  require: (nodeProcess.getBuiltinModule('node:module') as typeof import('node:module')).createRequire(__filename),
  /** jest gives the sandbox a copy of the environment: the bundle reads this one. */
  env: nodeProcess.env,
  console: vm.runInThisContext('console') as Console,
  Date: vm.runInThisContext('Date') as DateConstructor,
};

/** A fresh copy of the bundle (its SDK client reads the endpoint when it is created). */
function loadHandler(): Handler {
  delete nodeRealm.require.cache[BUNDLE];
  return (nodeRealm.require(BUNDLE) as { handler: Handler }).handler;
}

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
 * The bundled handler wired to a loopback Cases fake and a response collector. Each harness loads
 * its own copy of the bundle, in Node's realm (see `nodeRealm`).
 */
export class HandlerHarness {
  public static async start(options: FakeCasesOptions = {}): Promise<HandlerHarness> {
    const fake = await FakeCases.start(options);
    const responses = await ResponseCollector.start();
    // The bundle's environment, and the sandbox's for out-of-band clients.
    for (const env of [nodeRealm.env, process.env]) {
      Object.assign(env, fake.clientEnvironment());
      delete env.AWS_PROFILE;
    }
    return new HandlerHarness(fake, responses, loadHandler());
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

  /**
   * Runs `body` with the handler's clock `offsetMs` ahead (the fake's clock stays), e.g. to make a
   * record look created long before the invocation began.
   */
  public async withHandlerClockAhead<T>(offsetMs: number, body: () => Promise<T>): Promise<T> {
    const { Date: HandlerDate } = nodeRealm;
    const now = HandlerDate.now;
    HandlerDate.now = () => now.call(HandlerDate) + offsetMs;
    try {
      return await body();
    } finally {
      HandlerDate.now = now;
    }
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
 * Routes the handler's console.log to the invocation that logged, also when invocations run
 * concurrently (a plain swap and restore of console.log would restore the wrong function).
 * Installed once per process, on the console of Node's realm, which the bundle uses.
 */
const LOG_SINK = Symbol.for('cdk-connect-cases.test.handler-log-sink');

function handlerLogSink(): AsyncLocalStorage<string[]> {
  const handlerConsole = nodeRealm.console as Console & { [LOG_SINK]?: AsyncLocalStorage<string[]> };
  const installed = handlerConsole[LOG_SINK];
  if (installed) return installed;
  const sink = new AsyncLocalStorage<string[]>();
  const originalLog = handlerConsole.log.bind(handlerConsole);
  handlerConsole.log = (...args: unknown[]) => {
    const lines = sink.getStore();
    if (lines) lines.push(args.map(String).join(' '));
    else originalLog(...args);
  };
  handlerConsole[LOG_SINK] = sink;
  return sink;
}

function captureLogs<T>(lines: string[], body: () => Promise<T>): Promise<T> {
  return handlerLogSink().run(lines, body);
}
