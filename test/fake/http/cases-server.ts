import { randomUUID } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { FaultDecision, FaultPlan } from '../faults/fault-plan';
import { CasesModel } from '../model/cases-model';
import { validateShape, validationMessage } from '../model/validate';
import { OPERATIONS } from '../operations';
import { OperationContext } from '../operations/operation';
import { CasesStore } from '../store/cases-store';
import { requireSigV4 } from './auth';
import { AuthorizationRequest, Authorizer, authorizationRequest } from './authorization';
import { accessDenied, CasesError, validationError } from './cases-error';
import { readInput } from './request-input';
import { sendError, sendJson } from './response';
import { Router } from './router';

/** A fault the plan injected, in the order of the requests. */
export interface InjectedFault {
  readonly operation: string;
  /** The domain the request named (in its path or its resource ARN), if any. */
  readonly domainId?: string;
  readonly fault: Exclude<FaultDecision, 'none'>;
  /** For a lost answer or a delayed commit: whether the write committed ('committed' or 'failed: <error>'). */
  outcome?: string;
}

/**
 * The loopback HTTP front of the fake. Per request: route by the model, count, check SigV4,
 * decide faults (before anything can change state), ask the authorizer (IAM), validate the input
 * against the model, run the operation, and check the response against the model's output shape
 * before sending it (or losing it, when a fault says so).
 */
export class CasesServer {
  private readonly server: Server;
  private readonly router: Router;
  private readonly counts = new Map<string, number>();
  /** The same counts by the domain each request named: a test's own calls, whatever else reaches the port. */
  private readonly countsByDomain = new Map<string, Map<string, number>>();
  /** Requests a hang fault holds open until close(). */
  private readonly held = new Set<ServerResponse>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly faultLog: InjectedFault[] = [];
  /** Asked for every request after fault injection; none means everything is allowed. */
  public authorizer: Authorizer | undefined;

  constructor(private readonly model: CasesModel, private readonly store: CasesStore, readonly faults: FaultPlan) {
    this.router = new Router(model.operations.values());
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        console.error('FakeCases: unexpected failure', error);
        sendError(res, this.model, new CasesError('InternalServerException', `FakeCases failed: ${String(error)}`));
      });
    });
  }

  async listen(): Promise<string> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', () => resolve());
    });
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  async close(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const res of this.held) res.destroy();
    this.held.clear();
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    await closed;
  }

  callCounts(domainId?: string): Record<string, number> {
    return Object.fromEntries(domainId === undefined ? this.counts : this.countsByDomain.get(domainId) ?? []);
  }

  resetCallCounts(): void {
    this.counts.clear();
    this.countsByDomain.clear();
  }

  injectedFaults(): InjectedFault[] {
    return this.faultLog.map((entry) => ({ ...entry }));
  }

  resetInjectedFaults(): void {
    this.faultLog.length = 0;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const [rawPath, rawQuery = ''] = (req.url ?? '/').split('?');
    const query = new URLSearchParams(rawQuery);
    const route = this.router.match(req.method ?? 'GET', rawPath, query);
    if (!route) {
      return sendError(res, this.model, new CasesError('UnknownOperationException',
        `No Amazon Connect Cases operation matches ${req.method} ${rawPath}`));
    }
    const operation = route.operation;
    const domainId = domainOf(route.labels);
    increment(this.counts, operation.name);
    if (domainId !== undefined) {
      if (!this.countsByDomain.has(domainId)) this.countsByDomain.set(domainId, new Map());
      increment(this.countsByDomain.get(domainId)!, operation.name);
    }
    let fault: FaultDecision = 'none';
    let entry: InjectedFault | undefined;
    try {
      requireSigV4(req.headers, this.model.signingName, this.store.region);
      fault = this.faults.decide(operation.name, operation.readOnly);
      if (fault !== 'none') this.faultLog.push(entry = { operation: operation.name, ...(domainId === undefined ? {} : { domainId }), fault });
      if (fault === 'hang') return this.hold(res);
      await this.delay(this.faults.latencyMs);
      if (fault === 'deny') throw new CasesError('AccessDeniedException', `not authorized to perform cases:${operation.name} (injected by FakeCases)`);
      if (fault === 'throttle') throw new CasesError('ThrottlingException', 'Rate exceeded (injected by FakeCases)');
      if (fault === 'serverError') throw new CasesError('InternalServerException', 'Internal server error (injected by FakeCases)');

      const input = readInput(this.model, operation, route.labels, query, body);
      const context: OperationContext = { newId: randomUUID() };
      this.authorize(authorizationRequest(this.store, operation.name, input, context.newId));
      const violations = validateShape(this.model, operation.inputShape, input);
      if (violations.length > 0) throw validationError(validationMessage(violations));
      const handler = OPERATIONS[operation.name];
      if (!handler) throw new CasesError('NotImplementedException', `FakeCases does not implement ${operation.name}`);
      const run = () => {
        const output = handler(this.store, input, context);
        const outputViolations = validateShape(this.model, operation.outputShape, output);
        if (outputViolations.length > 0) {
          throw new Error(`${operation.name} produced a response that does not match the model: ${outputViolations.join('; ')}`);
        }
        return output;
      };
      if (fault === 'delayedCommit') return this.commitLater(res, entry!, run);
      const output = run();
      if (fault === 'loseAnswer') return this.loseAnswer(res, entry!);
      sendJson(res, 200, output);
    } catch (error) {
      if (!(error instanceof CasesError)) throw error;
      if (entry && (fault === 'loseAnswer' || fault === 'delayedCommit')) entry.outcome = `failed: ${error.shapeName}: ${error.message}`;
      sendError(res, this.model, error);
    }
  }

  private authorize(request: AuthorizationRequest): void {
    if (!this.authorizer) return;
    const decision = this.authorizer(request);
    if (decision !== 'allow') throw accessDenied(decision);
  }

  /** Keeps the request open without an answer until the client gives up or close() is called. */
  private hold(res: ServerResponse): void {
    this.held.add(res);
    res.on('close', () => this.held.delete(res));
  }

  /** The write happens after `commitDelayMs` whether or not the client is still waiting; it never gets an answer. */
  private commitLater(res: ServerResponse, entry: InjectedFault, run: () => object): void {
    this.hold(res);
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      try {
        run();
        entry.outcome = 'committed';
      } catch (error) {
        entry.outcome = `failed: ${error instanceof CasesError ? `${error.shapeName}: ${error.message}` : String(error)}`;
      }
    }, this.faults.commitDelayMs);
    this.timers.add(timer);
  }

  /** The operation has committed; the client learns nothing of it. */
  private loseAnswer(res: ServerResponse, entry: InjectedFault): void {
    entry.outcome = 'committed';
    if (this.faults.loseAnswerAs === 'dropConnection') {
      res.socket?.destroy();
      return;
    }
    sendError(res, this.model, new CasesError('InternalServerException', 'Internal server error (injected by FakeCases after the write committed)'));
  }

  private delay(ms: number): Promise<void> {
    if (ms <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve();
      }, ms);
      this.timers.add(timer);
    });
  }
}

function increment(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

/** The domain a request names: its `domainId` path label, or the domain in a resource ARN label (tag operations). */
function domainOf(labels: Record<string, string>): string | undefined {
  if (labels.domainId !== undefined) return labels.domainId;
  for (const value of Object.values(labels)) {
    const match = /:domain\/([^/]+)/.exec(decodeURIComponent(value));
    if (match) return match[1];
  }
  return undefined;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
