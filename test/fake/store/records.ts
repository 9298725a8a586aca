/** What the fake holds per resource, exposed to tests through `FakeCases` inspection methods. */

export interface CaseRuleRecord {
  caseRuleId: string;
  caseRuleArn: string;
  name: string;
  description?: string;
  /** CaseRuleDetails JSON as received. */
  rule: unknown;
  deleted: boolean;
  tags: Record<string, string>;
}

export interface TemplateRecord {
  templateId: string;
  templateArn: string;
  name: string;
  description?: string;
  status: 'Active' | 'Inactive';
  layoutConfiguration?: { defaultLayout?: string };
  requiredFields: { fieldId: string }[];
  rules: { caseRuleId: string; fieldId?: string }[];
  tagPropagationConfigurations?: unknown[];
  deleted: boolean;
  tags: Record<string, string>;
}

/** A record plus what only the API shows (timestamps) and the creation order pagination follows. */
export interface Stored<R> {
  readonly seq: number;
  readonly record: R;
  readonly createdTime: string;
  lastModifiedTime: string;
}

export interface DomainState {
  readonly domainId: string;
  readonly fields: Set<string>;
  readonly layouts: Set<string>;
  readonly caseRules: Map<string, Stored<CaseRuleRecord>>;
  readonly templates: Map<string, Stored<TemplateRecord>>;
}
