import { conflict, notFound, quotaExceeded, validationError } from '../http/cases-error';
import { casesModel } from '../model/cases-model';
import { isBoundOutsideBody } from '../model/smithy-types';
import { CasesStore } from '../store/cases-store';
import { paginate } from '../store/pagination';
import { DomainState, Stored, TemplateRecord } from '../store/records';
import { copyTags, isPresent, OperationContext, OperationHandler } from './operation';
import { isLiveField, liveField, liveLayout } from './references';

/** The documented limit on soft-deleted templates per domain. */
export const MAX_DELETED_TEMPLATES_PER_DOMAIN = 100;

interface TemplateInput {
  domainId: string;
  templateId: string;
  name?: string | null;
  description?: string | null;
  status?: 'Active' | 'Inactive' | null;
  layoutConfiguration?: { defaultLayout?: string | null } | null;
  requiredFields?: { fieldId: string }[] | null;
  rules?: { caseRuleId: string; fieldId?: string | null }[] | null;
  tagPropagationConfigurations?: unknown[] | null;
}

export const templateOperations: Record<string, OperationHandler> = {
  CreateTemplate(store: CasesStore, input: TemplateInput, context: OperationContext) {
    const domain = store.domain(input.domainId);
    requireValidReferences(domain, input);
    requireUniqueName(domain, input.name!);
    const templateId = context.newId;
    const record: TemplateRecord = {
      templateId,
      templateArn: store.arn(domain.domainId, 'template', templateId),
      name: input.name!,
      status: input.status ?? 'Active',
      requiredFields: [],
      rules: [],
      deleted: false,
      tags: {},
    };
    applyPatch(record, input);
    domain.templates.set(templateId, store.stored(record));
    return { templateId, templateArn: record.templateArn };
  },

  UpdateTemplate(store: CasesStore, input: TemplateInput) {
    if (!updatableMembers().some((name) => isPresent(input[name as keyof TemplateInput]))) {
      throw validationError(`UpdateTemplate needs at least one of ${updatableMembers().join(', ')}`);
    }
    const domain = store.domain(input.domainId);
    const stored = existingTemplate(domain, input.templateId);
    if (stored.record.deleted) {
      throw validationError(`Template '${input.templateId}' has been deleted and cannot be updated`);
    }
    requireValidReferences(domain, input);
    if (isPresent(input.name)) requireUniqueName(domain, input.name, input.templateId);
    applyPatch(stored.record, input);
    stored.lastModifiedTime = new Date().toISOString();
    return {};
  },

  GetTemplate(store: CasesStore, input: TemplateInput) {
    const domain = store.domain(input.domainId);
    return templateResponse(domain, existingTemplate(domain, input.templateId));
  },

  DeleteTemplate(store: CasesStore, input: TemplateInput) {
    const domain = store.domain(input.domainId);
    const stored = existingTemplate(domain, input.templateId);
    if (stored.record.deleted) throw validationError(`Template '${input.templateId}' has already been deleted`);
    const deletedCount = [...domain.templates.values()].filter((template) => template.record.deleted).length;
    if (deletedCount >= MAX_DELETED_TEMPLATES_PER_DOMAIN) {
      throw quotaExceeded(`Domain '${domain.domainId}' already has ${deletedCount} deleted templates (limit ${MAX_DELETED_TEMPLATES_PER_DOMAIN})`);
    }
    stored.record.deleted = true;
    stored.lastModifiedTime = new Date().toISOString();
    return {};
  },

  ListTemplates(store: CasesStore, input: { domainId: string; maxResults?: number; nextToken?: string; status?: string[] }) {
    const domain = store.domain(input.domainId);
    const live = [...domain.templates.values()].filter(({ record }) =>
      !record.deleted && (input.status === undefined || input.status.includes(record.status)));
    const scope = `ListTemplates/${domain.domainId}/${(input.status ?? []).join(',')}`;
    const { page, nextToken } = paginate(live, scope, input.maxResults, input.nextToken);
    const templates = page.map(({ record }) => ({
      templateId: record.templateId, templateArn: record.templateArn, name: record.name, status: record.status,
    }));
    return { templates, ...(nextToken ? { nextToken } : {}) };
  },
};

/**
 * Patch semantics shared by create and update: absent or null members keep their value; present
 * ones replace it. "" clears the description, {} (no defaultLayout) the layout, [] a list.
 * Cleared optional members are removed from the record rather than kept empty.
 */
function applyPatch(record: TemplateRecord, input: TemplateInput): void {
  if (isPresent(input.name)) record.name = input.name;
  if (isPresent(input.status)) record.status = input.status;
  if (isPresent(input.description)) {
    if (input.description === '') delete record.description;
    else record.description = input.description;
  }
  if (isPresent(input.layoutConfiguration)) {
    const defaultLayout = input.layoutConfiguration.defaultLayout;
    if (isPresent(defaultLayout)) record.layoutConfiguration = { defaultLayout };
    else delete record.layoutConfiguration;
  }
  if (isPresent(input.requiredFields)) record.requiredFields = input.requiredFields.map(({ fieldId }) => ({ fieldId }));
  if (isPresent(input.rules)) {
    record.rules = input.rules.map(({ caseRuleId, fieldId }) => (isPresent(fieldId) ? { caseRuleId, fieldId } : { caseRuleId }));
  }
  if (isPresent(input.tagPropagationConfigurations)) {
    if (input.tagPropagationConfigurations.length === 0) delete record.tagPropagationConfigurations;
    else record.tagPropagationConfigurations = structuredClone(input.tagPropagationConfigurations);
  }
}

/** Body members of UpdateTemplate's input, read from the model: what an update may change. */
function updatableMembers(): string[] {
  const model = casesModel();
  const operation = model.operations.get('UpdateTemplate')!;
  return Object.entries(model.shape(operation.inputShape).members ?? {})
    .filter(([, member]) => !isBoundOutsideBody(member))
    .map(([name]) => name);
}

/** Duplicates (400) first, then missing layout, fields or live case rules (404). */
function requireValidReferences(domain: DomainState, input: TemplateInput): void {
  const requiredFieldIds = (input.requiredFields ?? []).map(({ fieldId }) => fieldId);
  const duplicateField = requiredFieldIds.find((fieldId, index) => requiredFieldIds.indexOf(fieldId) !== index);
  if (duplicateField !== undefined) throw validationError(`requiredFields lists field '${duplicateField}' more than once`);
  const ruleKeys = (input.rules ?? []).map(({ caseRuleId, fieldId }) => JSON.stringify([caseRuleId, fieldId ?? null]));
  const duplicateRule = ruleKeys.findIndex((key, index) => ruleKeys.indexOf(key) !== index);
  if (duplicateRule >= 0) {
    const { caseRuleId, fieldId } = input.rules![duplicateRule];
    throw validationError(`rules lists case rule '${caseRuleId}' on field '${fieldId ?? '(none)'}' more than once`);
  }

  const layoutId = input.layoutConfiguration?.defaultLayout;
  if (isPresent(layoutId)) liveLayout(domain, layoutId);
  const fieldIds = [...requiredFieldIds, ...(input.rules ?? []).map(({ fieldId }) => fieldId).filter(isPresent)];
  for (const fieldId of fieldIds) liveField(domain, fieldId);
  for (const { caseRuleId } of input.rules ?? []) {
    const rule = domain.caseRules.get(caseRuleId);
    if (!rule || rule.record.deleted) {
      throw notFound('CaseRule', caseRuleId, `Case rule '${caseRuleId}' does not exist in domain '${domain.domainId}'${rule ? ' (it has been deleted)' : ''}`);
    }
  }
}

function requireUniqueName(domain: DomainState, name: string, exceptTemplateId?: string): void {
  const clash = [...domain.templates.values()].find(({ record }) =>
    !record.deleted && record.name === name && record.templateId !== exceptTemplateId);
  if (clash) throw conflict(`A template named '${name}' already exists in domain '${domain.domainId}' (${clash.record.templateId})`);
}

function existingTemplate(domain: DomainState, templateId: string): Stored<TemplateRecord> {
  const stored = domain.templates.get(templateId);
  if (!stored) throw notFound('Template', templateId, `Template '${templateId}' does not exist in domain '${domain.domainId}'`);
  return stored;
}

/**
 * GetTemplate's answer. It leaves out the ids of deleted fields (cases-api-notes §6): a deleted
 * required field is not listed, nor is a rule attached to a deleted field (the fake's reading of
 * "leaves out", an inference). The record itself keeps what was written.
 */
function templateResponse(domain: DomainState, { record, createdTime, lastModifiedTime }: Stored<TemplateRecord>): object {
  const requiredFields = record.requiredFields.filter(({ fieldId }) => isLiveField(domain, fieldId));
  const rules = record.rules.filter(({ fieldId }) => fieldId === undefined || isLiveField(domain, fieldId));
  return {
    templateId: record.templateId,
    templateArn: record.templateArn,
    name: record.name,
    ...(record.description !== undefined ? { description: record.description } : {}),
    ...(record.layoutConfiguration !== undefined ? { layoutConfiguration: { ...record.layoutConfiguration } } : {}),
    requiredFields: structuredClone(requiredFields),
    tags: copyTags(record.tags),
    status: record.status,
    deleted: record.deleted,
    createdTime,
    lastModifiedTime,
    rules: structuredClone(rules),
    ...(record.tagPropagationConfigurations !== undefined
      ? { tagPropagationConfigurations: structuredClone(record.tagPropagationConfigurations) } : {}),
  };
}
