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
  /** As written: GetTemplate leaves out deleted fields, this record keeps them. */
  requiredFields: { fieldId: string }[];
  rules: { caseRuleId: string; fieldId?: string }[];
  tagPropagationConfigurations?: unknown[];
  deleted: boolean;
  tags: Record<string, string>;
}

/** The FieldType enum of the model. */
export type FieldType = 'Text' | 'Number' | 'Boolean' | 'DateTime' | 'SingleSelect' | 'Url' | 'User';

export interface FieldRecord {
  fieldId: string;
  fieldArn: string;
  name: string;
  type: FieldType;
  namespace: 'System' | 'Custom';
  description?: string;
  deleted: boolean;
  tags: Record<string, string>;
}

export interface LayoutRecord {
  layoutId: string;
  layoutArn: string;
  name: string;
  /** LayoutContent JSON (`{ basic: { topPanel, moreInfo } }`). */
  content: unknown;
  deleted: boolean;
  tags: Record<string, string>;
}

/** One option of a SingleSelect field. Options are never deleted, only made inactive. */
export interface FieldOptionRecord {
  name: string;
  value: string;
  active: boolean;
}

export interface DomainRecord {
  domainId: string;
  domainArn: string;
  name: string;
  /** DeleteDomain (or the simulator's stack delete): the API answers 404, tests can still inspect. */
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
  readonly domain: Stored<DomainRecord>;
  readonly fields: Map<string, Stored<FieldRecord>>;
  readonly layouts: Map<string, Stored<LayoutRecord>>;
  /** fieldId -> option value -> option, in the order the values were first written. */
  readonly fieldOptions: Map<string, Map<string, Stored<FieldOptionRecord>>>;
  readonly caseRules: Map<string, Stored<CaseRuleRecord>>;
  readonly templates: Map<string, Stored<TemplateRecord>>;
}

/** Anything TagResource can tag. */
export type TaggableRecord = DomainRecord | FieldRecord | LayoutRecord | CaseRuleRecord | TemplateRecord;
