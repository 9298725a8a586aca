import { FaultOptions, FaultPlan } from './faults/fault-plan';
import { CasesServer } from './http/cases-server';
import { casesModel } from './model/cases-model';
import { CasesStore } from './store/cases-store';
import { CaseRuleRecord, TemplateRecord } from './store/records';

export interface FakeCasesOptions {
  /** default us-east-1 */
  region?: string;
  /** default 123456789012 */
  accountId?: string;
  faults?: FaultOptions;
}

/**
 * A loopback Amazon Connect Cases API for tests: the real SDK client talks to `endpoint`.
 * Domains, fields and layouts (which CloudFormation creates, not our handler) are seeded directly.
 */
export class FakeCases {
  static async start(options: FakeCasesOptions = {}): Promise<FakeCases> {
    const store = new CasesStore(options.region ?? 'us-east-1', options.accountId ?? '123456789012');
    const server = new CasesServer(casesModel(), store, new FaultPlan(options.faults));
    const endpoint = await server.listen();
    return new FakeCases(endpoint, store, server);
  }

  private constructor(readonly endpoint: string, private readonly store: CasesStore, private readonly server: CasesServer) {}

  /** Stops listening; requests held by a hang fault are released (their connections are closed). */
  close(): Promise<void> {
    return this.server.close();
  }

  get region(): string {
    return this.store.region;
  }

  get accountId(): string {
    return this.store.accountId;
  }

  addDomain(domainId?: string): string {
    return this.store.addDomain(domainId);
  }

  addField(domainId: string, fieldId?: string): string {
    return this.store.addField(domainId, fieldId);
  }

  addLayout(domainId: string, layoutId?: string): string {
    return this.store.addLayout(domainId, layoutId);
  }

  /** Replaces the fault settings; the random sequence restarts from the (new) seed. */
  setFaults(faults: FaultOptions): void {
    this.server.faults.set(faults);
  }

  /** Operation name -> requests received, faulted ones included. */
  callCounts(): Record<string, number> {
    return this.server.callCounts();
  }

  resetCallCounts(): void {
    this.server.resetCallCounts();
  }

  /** Case rules of a domain in creation order, as last accepted (copies). */
  caseRules(domainId: string, opts: { includeDeleted?: boolean } = {}): CaseRuleRecord[] {
    return [...this.store.seededDomain(domainId).caseRules.values()]
      .filter(({ record }) => opts.includeDeleted || !record.deleted)
      .map(({ record }) => structuredClone(record));
  }

  /** Templates of a domain in creation order, as last accepted (copies). */
  templates(domainId: string, opts: { includeDeleted?: boolean } = {}): TemplateRecord[] {
    return [...this.store.seededDomain(domainId).templates.values()]
      .filter(({ record }) => opts.includeDeleted || !record.deleted)
      .map(({ record }) => structuredClone(record));
  }

  /** Tags of a case rule or template by ARN (deleted ones too). */
  tagsOf(arn: string): Record<string, string> {
    const stored = this.store.findByArn(arn);
    if (!stored) throw new Error(`FakeCases has no case rule or template with ARN '${arn}'`);
    return { ...stored.record.tags };
  }
}
