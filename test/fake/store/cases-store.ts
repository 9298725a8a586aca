import { randomUUID } from 'node:crypto';
import { notFound } from '../http/cases-error';
import { CaseRuleRecord, DomainState, Stored, TemplateRecord } from './records';

export type TaggableKind = 'case-rule' | 'template';

/** In-memory state of one fake Cases account in one region. */
export class CasesStore {
  private readonly domains = new Map<string, DomainState>();
  private lastSeq = 0;

  constructor(readonly region: string, readonly accountId: string) {}

  addDomain(domainId: string = randomUUID()): string {
    if (!this.domains.has(domainId)) {
      this.domains.set(domainId, { domainId, fields: new Set(), layouts: new Set(), caseRules: new Map(), templates: new Map() });
    }
    return domainId;
  }

  addField(domainId: string, fieldId: string = randomUUID()): string {
    this.seededDomain(domainId).fields.add(fieldId);
    return fieldId;
  }

  addLayout(domainId: string, layoutId: string = randomUUID()): string {
    this.seededDomain(domainId).layouts.add(layoutId);
    return layoutId;
  }

  /** The domain an API request names; unknown -> 404 as the service answers. */
  domain(domainId: string): DomainState {
    const domain = this.domains.get(domainId);
    if (!domain) throw notFound('Domain', domainId, `Domain '${domainId}' does not exist`);
    return domain;
  }

  /** The domain a test names; unknown is a mistake in the test, not an API error. */
  seededDomain(domainId: string): DomainState {
    const domain = this.domains.get(domainId);
    if (!domain) throw new Error(`FakeCases has no domain '${domainId}' (call addDomain first)`);
    return domain;
  }

  arn(domainId: string, kind: TaggableKind, id: string): string {
    return `arn:aws:cases:${this.region}:${this.accountId}:domain/${domainId}/${kind}/${id}`;
  }

  /** Wraps a new record with its creation order and timestamps. */
  stored<R>(record: R): Stored<R> {
    const now = new Date().toISOString();
    return { seq: ++this.lastSeq, record, createdTime: now, lastModifiedTime: now };
  }

  /** The case rule or template an ARN names (deleted ones too), or undefined. */
  findByArn(arn: string): Stored<CaseRuleRecord | TemplateRecord> | undefined {
    for (const domain of this.domains.values()) {
      for (const rule of domain.caseRules.values()) if (rule.record.caseRuleArn === arn) return rule;
      for (const template of domain.templates.values()) if (template.record.templateArn === arn) return template;
    }
    return undefined;
  }
}
