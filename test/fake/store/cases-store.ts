import { randomUUID } from 'node:crypto';
import { conflict, notFound } from '../http/cases-error';
import { DomainRecord, DomainState, FieldRecord, FieldType, LayoutRecord, Stored, TaggableRecord } from './records';
import { SYSTEM_FIELDS } from './system-fields';

/** The kinds of record inside a domain, as they appear in ARNs (`domain/{d}/{kind}/{id}`). */
export type DomainResourceKind = 'case-rule' | 'template' | 'field' | 'layout';

export interface NewField {
  readonly fieldId?: string;
  readonly name: string;
  readonly type: FieldType;
  readonly description?: string;
}

export interface NewLayout {
  readonly layoutId?: string;
  readonly name: string;
  readonly content?: unknown;
}

/** One panel section each, as the admin website creates a layout (LayoutSections holds at most one). */
export function defaultLayoutContent(): unknown {
  return {
    basic: {
      topPanel: { sections: [{ fieldGroup: { name: 'Top panel', fields: [] } }] },
      moreInfo: { sections: [{ fieldGroup: { name: 'More info', fields: [] } }] },
    },
  };
}

/** In-memory state of one fake Cases account in one region. */
export class CasesStore {
  private readonly domains = new Map<string, DomainState>();
  private lastSeq = 0;

  constructor(readonly region: string, readonly accountId: string) {}

  /** A new domain with its system fields; an existing (even deleted) id is returned as it is. */
  addDomain(options: { domainId?: string; name?: string } = {}): DomainState {
    const domainId = options.domainId ?? randomUUID();
    const existing = this.domains.get(domainId);
    if (existing) return existing;
    const record: DomainRecord = { domainId, domainArn: this.domainArn(domainId), name: options.name ?? `domain-${domainId}`, deleted: false, tags: {} };
    const domain: DomainState = {
      domainId,
      domain: this.stored(record),
      fields: new Map(),
      layouts: new Map(),
      fieldOptions: new Map(),
      caseRules: new Map(),
      templates: new Map(),
    };
    this.domains.set(domainId, domain);
    for (const system of SYSTEM_FIELDS) {
      const field = this.insertField(domain, { fieldId: system.fieldId, name: system.name, type: system.type }, 'System');
      if (system.options) {
        domain.fieldOptions.set(field.fieldId, new Map(system.options.map((option) => [option.value, this.stored({ ...option })])));
      }
    }
    return domain;
  }

  /** The domain an API request names; unknown or deleted -> 404 as the service answers. */
  domain(domainId: string): DomainState {
    const domain = this.domains.get(domainId);
    if (!domain || domain.domain.record.deleted) throw notFound('Domain', domainId, `Domain '${domainId}' does not exist`);
    return domain;
  }

  /** The domain a test names (deleted ones too); unknown is a mistake in the test, not an API error. */
  seededDomain(domainId: string): DomainState {
    const domain = this.domains.get(domainId);
    if (!domain) throw new Error(`FakeCases has no domain '${domainId}' (call addDomain first)`);
    return domain;
  }

  /** Every domain, deleted ones too, in creation order. */
  allDomains(): DomainState[] {
    return [...this.domains.values()];
  }

  domainArn(domainId: string): string {
    return `arn:aws:cases:${this.region}:${this.accountId}:domain/${domainId}`;
  }

  arn(domainId: string, kind: DomainResourceKind, id: string): string {
    return `${this.domainArn(domainId)}/${kind}/${id}`;
  }

  /**
   * A custom field. Field names are unique within a domain, case-insensitively and including the
   * system fields' names: a clash is a ConflictException (deleted fields free their name).
   */
  createField(domain: DomainState, field: NewField): FieldRecord {
    const fieldId = field.fieldId ?? randomUUID();
    if (domain.fields.has(fieldId)) throw conflict(`A field with id '${fieldId}' already exists in domain '${domain.domainId}'`);
    return this.insertField(domain, { ...field, fieldId }, 'Custom');
  }

  /** A live field whose name equals `name` case-insensitively, other than `exceptFieldId`. */
  fieldNamed(domain: DomainState, name: string, exceptFieldId?: string): FieldRecord | undefined {
    const wanted = name.toLowerCase();
    return [...domain.fields.values()].map(({ record }) => record)
      .find((record) => !record.deleted && record.fieldId !== exceptFieldId && record.name.toLowerCase() === wanted);
  }

  /** A layout. Layout names are unique within a domain ("It must be unique for the Cases domain"). */
  createLayout(domain: DomainState, layout: NewLayout): LayoutRecord {
    const layoutId = layout.layoutId ?? randomUUID();
    if (domain.layouts.has(layoutId)) throw conflict(`A layout with id '${layoutId}' already exists in domain '${domain.domainId}'`);
    this.requireUniqueLayoutName(domain, layout.name);
    const record: LayoutRecord = {
      layoutId,
      layoutArn: this.arn(domain.domainId, 'layout', layoutId),
      name: layout.name,
      content: structuredClone(layout.content ?? defaultLayoutContent()),
      deleted: false,
      tags: {},
    };
    domain.layouts.set(layoutId, this.stored(record));
    return record;
  }

  requireUniqueLayoutName(domain: DomainState, name: string, exceptLayoutId?: string): void {
    const clash = [...domain.layouts.values()].find(({ record }) => !record.deleted && record.name === name && record.layoutId !== exceptLayoutId);
    if (clash) throw conflict(`A layout named '${name}' already exists in domain '${domain.domainId}' (${clash.record.layoutId})`);
  }

  /** Wraps a new record with its creation order and timestamps. */
  stored<R>(record: R): Stored<R> {
    const now = new Date().toISOString();
    return { seq: ++this.lastSeq, record, createdTime: now, lastModifiedTime: now };
  }

  /** The domain, field, layout, case rule or template an ARN names (deleted ones too), or undefined. */
  findByArn(arn: string): Stored<TaggableRecord> | undefined {
    for (const domain of this.domains.values()) {
      if (domain.domain.record.domainArn === arn) return domain.domain;
      if (!arn.startsWith(`${domain.domain.record.domainArn}/`)) continue;
      const collections: Map<string, Stored<TaggableRecord>>[] = [domain.fields, domain.layouts, domain.caseRules, domain.templates];
      for (const collection of collections) {
        for (const stored of collection.values()) if (arnOf(stored.record) === arn) return stored;
      }
    }
    return undefined;
  }

  private insertField(domain: DomainState, field: NewField & { fieldId: string }, namespace: FieldRecord['namespace']): FieldRecord {
    const clash = this.fieldNamed(domain, field.name);
    if (clash) {
      throw conflict(`A field named '${clash.name}' (${clash.namespace === 'System' ? 'a system field' : 'field'} '${clash.fieldId}') `
        + `already exists in domain '${domain.domainId}'; field names are unique regardless of case`);
    }
    const record: FieldRecord = {
      fieldId: field.fieldId,
      fieldArn: this.arn(domain.domainId, 'field', field.fieldId),
      name: field.name,
      type: field.type,
      namespace,
      deleted: false,
      tags: {},
    };
    if (field.description) record.description = field.description;
    domain.fields.set(field.fieldId, this.stored(record));
    return record;
  }
}

function arnOf(record: TaggableRecord): string {
  if ('caseRuleArn' in record) return record.caseRuleArn;
  if ('templateArn' in record) return record.templateArn;
  if ('fieldArn' in record) return record.fieldArn;
  if ('layoutArn' in record) return record.layoutArn;
  return record.domainArn;
}

