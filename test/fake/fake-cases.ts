import { randomUUID } from 'node:crypto';
import { FaultOptions, FaultPlan } from './faults/fault-plan';
import { Authorizer } from './http/authorization';
import { conflict } from './http/cases-error';
import { CasesServer, InjectedFault } from './http/cases-server';
import { casesModel } from './model/cases-model';
import { writeFieldOptions } from './operations/field-options';
import { liveField } from './operations/references';
import { CasesStore } from './store/cases-store';
import {
  CaseRuleRecord, DomainState, FieldOptionRecord, FieldRecord, FieldType, LayoutRecord, TemplateRecord,
} from './store/records';

export interface FakeCasesOptions {
  /** default us-east-1 */
  region?: string;
  /** default 123456789012 */
  accountId?: string;
  faults?: FaultOptions;
}

/** A domain to seed. */
export interface SeedDomain {
  /** default: a random UUID */
  domainId?: string;
  /** default `domain-<id>` */
  name?: string;
}

/** A custom field to seed. Its name must differ (regardless of case) from every live field's, system fields included. */
export interface SeedField {
  name: string;
  type: FieldType;
  /** default: a random UUID */
  fieldId?: string;
  description?: string;
}

/** A layout to seed. */
export interface SeedLayout {
  name: string;
  /** default: a random UUID */
  layoutId?: string;
  /** LayoutContent JSON; default one empty field group in each panel */
  content?: unknown;
}

/** A field option to seed; `active` defaults to true. */
export interface SeedFieldOption {
  name: string;
  value: string;
  active?: boolean;
}

/**
 * A loopback Amazon Connect Cases API for tests: the real SDK client talks to `endpoint`.
 * Domains, fields, layouts and field options can be seeded directly; every domain has the system
 * fields (`status`, `title`, ...), with `status` offering `open` and `closed`.
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

  /** The environment an SDK client (the handler, the CLI) needs to call this fake, with dummy credentials. */
  clientEnvironment(): Record<'AWS_ENDPOINT_URL_CONNECTCASES' | 'AWS_REGION' | 'AWS_ACCESS_KEY_ID' | 'AWS_SECRET_ACCESS_KEY', string> {
    return {
      AWS_ENDPOINT_URL_CONNECTCASES: this.endpoint,
      AWS_REGION: this.region,
      AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
    };
  }

  /** A domain with its system fields; returns its id. An id that exists already is returned as it is. */
  addDomain(domain: string | SeedDomain = {}): string {
    return this.store.addDomain(typeof domain === 'string' ? { domainId: domain } : domain).domainId;
  }

  /** DeleteDomain: the API answers 404 for it from now on; the inspection methods still show its contents. */
  deleteDomain(domainId: string): void {
    this.store.seededDomain(domainId).domain.record.deleted = true;
  }

  /**
   * A custom field; returns its id. Throws a ConflictException when another live field has the
   * same name regardless of case (system fields included).
   * The older form `addField(domainId, fieldId?)` returns `fieldId` as it is when such a field
   * exists (e.g. a system field id such as `status`), and otherwise adds a Text field named like its id.
   */
  addField(domainId: string, field?: string | SeedField): string {
    const domain = this.store.seededDomain(domainId);
    if (typeof field === 'object') return this.store.createField(domain, field).fieldId;
    if (field !== undefined && domain.fields.has(field)) return field;
    const fieldId = field ?? randomUUID();
    return this.store.createField(domain, { fieldId, name: field ?? `Field ${fieldId}`, type: 'Text' }).fieldId;
  }

  /** UpdateField as CloudFormation would send it (name, description); a name clash throws a ConflictException. */
  updateField(domainId: string, fieldId: string, changes: { name?: string; description?: string }): void {
    const domain = this.store.seededDomain(domainId);
    const stored = liveField(domain, fieldId);
    if (changes.name !== undefined) {
      const clash = this.store.fieldNamed(domain, changes.name, fieldId);
      if (clash) throw conflict(`A field named '${clash.name}' (field '${clash.fieldId}') already exists in domain '${domainId}'`);
      stored.record.name = changes.name;
    }
    if (changes.description !== undefined) {
      if (changes.description === '') delete stored.record.description;
      else stored.record.description = changes.description;
    }
    stored.lastModifiedTime = new Date().toISOString();
  }

  /** DeleteField: soft; the field keeps its record with `deleted: true`. System fields cannot be deleted. */
  deleteField(domainId: string, fieldId: string): void {
    const stored = liveField(this.store.seededDomain(domainId), fieldId);
    if (stored.record.namespace === 'System') throw new Error(`FakeCases: '${fieldId}' is a system field and cannot be deleted`);
    stored.record.deleted = true;
    stored.lastModifiedTime = new Date().toISOString();
  }

  /**
   * A layout; returns its id. Throws a ConflictException when a live layout has the same name.
   * The older form `addLayout(domainId, layoutId?)` returns an existing id as it is, and otherwise
   * adds a layout named like its id.
   */
  addLayout(domainId: string, layout?: string | SeedLayout): string {
    const domain = this.store.seededDomain(domainId);
    if (typeof layout === 'object') return this.store.createLayout(domain, layout).layoutId;
    if (layout !== undefined && domain.layouts.has(layout)) return layout;
    const layoutId = layout ?? randomUUID();
    return this.store.createLayout(domain, { layoutId, name: layout ?? `Layout ${layoutId}` }).layoutId;
  }

  /** UpdateLayout as CloudFormation would send it; a name clash throws a ConflictException. */
  updateLayout(domainId: string, layoutId: string, changes: { name?: string; content?: unknown }): void {
    const domain = this.store.seededDomain(domainId);
    const stored = this.liveLayout(domain, layoutId);
    if (changes.name !== undefined) {
      this.store.requireUniqueLayoutName(domain, changes.name, layoutId);
      stored.record.name = changes.name;
    }
    if (changes.content !== undefined) stored.record.content = structuredClone(changes.content);
    stored.lastModifiedTime = new Date().toISOString();
  }

  /** DeleteLayout: soft. */
  deleteLayout(domainId: string, layoutId: string): void {
    const stored = this.liveLayout(this.store.seededDomain(domainId), layoutId);
    stored.record.deleted = true;
    stored.lastModifiedTime = new Date().toISOString();
  }

  /**
   * Writes options of a SingleSelect field with BatchPutFieldOptions' semantics, without its limit
   * of 50 per call. Throws when the field is not a live SingleSelect field or any option is refused.
   */
  putFieldOptions(domainId: string, fieldId: string, options: readonly SeedFieldOption[]): void {
    const domain = this.store.seededDomain(domainId);
    const field = liveField(domain, fieldId).record;
    if (field.type !== 'SingleSelect') throw new Error(`FakeCases: field '${fieldId}' is of type ${field.type}; only SingleSelect fields have options`);
    const errors = writeFieldOptions(this.store, domain, field, options.map(({ name, value, active }) => ({ name, value, active: active ?? true })));
    if (errors.length > 0) throw new Error(`FakeCases: options refused: ${errors.map((e) => `${e.value}: ${e.message}`).join('; ')}`);
  }

  /** Every option of a field (inactive ones too) in the order their values were first written (copies). */
  fieldOptions(domainId: string, fieldId: string): FieldOptionRecord[] {
    const options = this.store.seededDomain(domainId).fieldOptions.get(fieldId);
    return [...(options?.values() ?? [])].map(({ record }) => ({ ...record }));
  }

  /** Fields of a domain in creation order, the system fields first (copies). */
  fields(domainId: string, opts: { includeDeleted?: boolean } = {}): FieldRecord[] {
    return liveOrAll(this.store.seededDomain(domainId).fields, opts);
  }

  /** Layouts of a domain in creation order (copies). */
  layouts(domainId: string, opts: { includeDeleted?: boolean } = {}): LayoutRecord[] {
    return liveOrAll(this.store.seededDomain(domainId).layouts, opts);
  }

  /**
   * Decides every request after fault injection, with the IAM action and the resource ARNs the
   * request is authorized against; a string answer is the message of a 403 AccessDeniedException.
   * `undefined` allows everything (the default).
   */
  setAuthorizer(authorizer: Authorizer | undefined): void {
    this.server.authorizer = authorizer;
  }

  /** Replaces the fault settings; the random sequence restarts from the (new) seed. */
  setFaults(faults: FaultOptions): void {
    this.server.faults.set(faults);
  }

  /** The faults injected so far, in request order; lost answers and delayed commits say whether the write committed. */
  injectedFaults(): InjectedFault[] {
    return this.server.injectedFaults();
  }

  resetInjectedFaults(): void {
    this.server.resetInjectedFaults();
  }

  /** Operation name -> requests received, faulted ones included; only those that named `domainId` when given. */
  callCounts(domainId?: string): Record<string, number> {
    return this.server.callCounts(domainId);
  }

  resetCallCounts(): void {
    this.server.resetCallCounts();
  }

  /** Case rules of a domain in creation order, as last accepted (copies). */
  caseRules(domainId: string, opts: { includeDeleted?: boolean } = {}): CaseRuleRecord[] {
    return liveOrAll(this.store.seededDomain(domainId).caseRules, opts);
  }

  /** Templates of a domain in creation order, as last accepted (copies; deleted fields are not left out). */
  templates(domainId: string, opts: { includeDeleted?: boolean } = {}): TemplateRecord[] {
    return liveOrAll(this.store.seededDomain(domainId).templates, opts);
  }

  /** Tags of any Cases resource by ARN (domain, field, layout, case rule, template; deleted ones too). */
  tagsOf(arn: string): Record<string, string> {
    return { ...this.stored(arn).record.tags };
  }

  /** Adds tags to any Cases resource by ARN, as TagResource does. */
  tag(arn: string, tags: Record<string, string>): void {
    Object.assign(this.stored(arn).record.tags, tags);
  }

  /** Removes tags from any Cases resource by ARN, as UntagResource does. */
  untag(arn: string, tagKeys: readonly string[]): void {
    const tags = this.stored(arn).record.tags;
    for (const key of tagKeys) delete tags[key];
  }

  /** When a resource was created and last changed (ISO-8601), as BatchGetCaseRule and GetTemplate report. */
  timesOf(arn: string): { createdTime: string; lastModifiedTime: string } {
    const { createdTime, lastModifiedTime } = this.stored(arn);
    return { createdTime, lastModifiedTime };
  }

  private stored(arn: string) {
    const stored = this.store.findByArn(arn);
    if (!stored) throw new Error(`FakeCases has no Cases resource with ARN '${arn}'`);
    return stored;
  }

  private liveLayout(domain: DomainState, layoutId: string) {
    const stored = domain.layouts.get(layoutId);
    if (!stored || stored.record.deleted) throw new Error(`FakeCases: domain '${domain.domainId}' has no live layout '${layoutId}'`);
    return stored;
  }
}

function liveOrAll<R extends { deleted: boolean }>(collection: Map<string, { record: R }>, opts: { includeDeleted?: boolean }): R[] {
  return [...collection.values()]
    .filter(({ record }) => opts.includeDeleted || !record.deleted)
    .map(({ record }) => structuredClone(record));
}
