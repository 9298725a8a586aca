import { conflict, notFound } from '../http/cases-error';
import { casesModel } from '../model/cases-model';
import { CasesStore } from '../store/cases-store';
import { paginate } from '../store/pagination';
import { CaseRuleRecord, DomainState, Stored } from '../store/records';
import { requireConditionLimits } from './condition-limits';
import { copyTags, isPresent, OperationContext, OperationHandler } from './operation';
import { liveField } from './references';

interface CaseRuleInput {
  domainId: string;
  caseRuleId: string;
  name?: string;
  description?: string | null;
  rule?: Record<string, unknown> | null;
}

export const caseRuleOperations: Record<string, OperationHandler> = {
  CreateCaseRule(store: CasesStore, input: CaseRuleInput, context: OperationContext) {
    const domain = store.domain(input.domainId);
    requireConditionLimits(input.rule!);
    requireReferencedFields(domain, input.rule!);
    requireUniqueName(domain, input.name!);
    const caseRuleId = context.newId;
    const record: CaseRuleRecord = {
      caseRuleId,
      caseRuleArn: store.arn(domain.domainId, 'case-rule', caseRuleId),
      name: input.name!,
      rule: structuredClone(input.rule),
      deleted: false,
      tags: {},
    };
    if (input.description) record.description = input.description;
    domain.caseRules.set(caseRuleId, store.stored(record));
    return { caseRuleId, caseRuleArn: record.caseRuleArn };
  },

  UpdateCaseRule(store: CasesStore, input: CaseRuleInput) {
    const domain = store.domain(input.domainId);
    const stored = liveCaseRule(domain, input.caseRuleId);
    if (isPresent(input.rule)) {
      requireConditionLimits(input.rule);
      requireReferencedFields(domain, input.rule);
    }
    if (isPresent(input.name)) requireUniqueName(domain, input.name, input.caseRuleId);
    // Members present replace, absent (or null) ones keep their value; "" clears the description.
    const record = stored.record;
    if (isPresent(input.name)) record.name = input.name;
    if (isPresent(input.rule)) record.rule = structuredClone(input.rule);
    if (isPresent(input.description)) {
      if (input.description === '') delete record.description;
      else record.description = input.description;
    }
    stored.lastModifiedTime = new Date().toISOString();
    return {};
  },

  DeleteCaseRule(store: CasesStore, input: CaseRuleInput) {
    const domain = store.domain(input.domainId);
    const stored = liveCaseRule(domain, input.caseRuleId);
    const users = [...domain.templates.values()]
      .filter((template) => !template.record.deleted && template.record.rules.some((rule) => rule.caseRuleId === input.caseRuleId));
    if (users.length > 0) {
      throw conflict(`Case rule '${input.caseRuleId}' is used by template(s) ${users.map((t) => `'${t.record.templateId}'`).join(', ')}`);
    }
    stored.record.deleted = true;
    stored.lastModifiedTime = new Date().toISOString();
    return {};
  },

  BatchGetCaseRule(store: CasesStore, input: { domainId: string; caseRules: { id: string }[] }) {
    const domain = store.domain(input.domainId);
    const caseRules: object[] = [];
    const errors: object[] = [];
    for (const { id } of input.caseRules) {
      const stored = domain.caseRules.get(id);
      if (stored) caseRules.push(caseRuleResponse(stored));
      else errors.push({ id, errorCode: 'ResourceNotFoundException', message: `Case rule '${id}' was not found` });
    }
    return { caseRules, errors };
  },

  ListCaseRules(store: CasesStore, input: { domainId: string; maxResults?: number; nextToken?: string }) {
    const domain = store.domain(input.domainId);
    const live = [...domain.caseRules.values()].filter((stored) => !stored.record.deleted);
    const { page, nextToken } = paginate(live, `ListCaseRules/${domain.domainId}`, input.maxResults, input.nextToken);
    const caseRules = page.map(({ record }) => ({
      caseRuleId: record.caseRuleId,
      name: record.name,
      caseRuleArn: record.caseRuleArn,
      ruleType: ruleType(record.rule as Record<string, unknown>),
      ...(record.description !== undefined ? { description: record.description } : {}),
    }));
    return { caseRules, ...(nextToken ? { nextToken } : {}) };
  },
};

function caseRuleResponse({ record, createdTime, lastModifiedTime }: Stored<CaseRuleRecord>): object {
  return {
    caseRuleId: record.caseRuleId,
    name: record.name,
    caseRuleArn: record.caseRuleArn,
    rule: structuredClone(record.rule),
    ...(record.description !== undefined ? { description: record.description } : {}),
    deleted: record.deleted,
    createdTime,
    lastModifiedTime,
    tags: copyTags(record.tags),
  };
}

function liveCaseRule(domain: DomainState, caseRuleId: string): Stored<CaseRuleRecord> {
  const stored = domain.caseRules.get(caseRuleId);
  if (!stored || stored.record.deleted) {
    throw notFound('CaseRule', caseRuleId, `Case rule '${caseRuleId}' does not exist${stored ? ' (it has been deleted)' : ''}`);
  }
  return stored;
}

function requireUniqueName(domain: DomainState, name: string, exceptCaseRuleId?: string): void {
  const clash = [...domain.caseRules.values()].find(({ record }) =>
    !record.deleted && record.name === name && record.caseRuleId !== exceptCaseRuleId);
  if (clash) throw conflict(`A case rule named '${name}' already exists in domain '${domain.domainId}' (${clash.record.caseRuleId})`);
}

/** Fields named by conditions (`operandOne.fieldId`, at any depth) and by field-options rules. */
function requireReferencedFields(domain: DomainState, rule: Record<string, unknown>): void {
  const fieldIds = new Set<string>();
  collectConditionFields(rule, fieldIds);
  const fieldOptions = rule.fieldOptions as { parentFieldId?: string; childFieldId?: string } | null | undefined;
  for (const fieldId of [fieldOptions?.parentFieldId, fieldOptions?.childFieldId]) {
    if (isPresent(fieldId)) fieldIds.add(fieldId);
  }
  for (const fieldId of fieldIds) liveField(domain, fieldId);
}

function collectConditionFields(value: unknown, into: Set<string>): void {
  if (Array.isArray(value)) {
    value.forEach((item) => collectConditionFields(item, into));
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(value)) {
      const fieldId = key === 'operandOne' ? (child as { fieldId?: unknown } | null)?.fieldId : undefined;
      if (typeof fieldId === 'string') into.add(fieldId);
      else collectConditionFields(child, into);
    }
  }
}

/** The RuleType enum value matching the union member that is set (`fieldOptions` -> `FieldOptions`). */
function ruleType(rule: Record<string, unknown>): string {
  const model = casesModel();
  const members = Object.keys(model.shape('com.amazonaws.connectcases#CaseRuleDetails').members ?? {});
  const member = members.find((key) => isPresent(rule[key]));
  const values = model.enumValues(model.shape('com.amazonaws.connectcases#RuleType')) ?? [];
  const value = values.find((candidate) => candidate.toLowerCase() === member?.toLowerCase());
  if (!value) throw new Error(`FakeCases: no RuleType value for case rule member '${member}'`);
  return value;
}
