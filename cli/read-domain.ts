import {
  BatchGetCaseRuleCommand,
  BatchGetFieldCommand,
  FieldOption,
  GetCaseRuleResponse,
  GetTemplateCommand,
  GetTemplateResponse,
  LayoutSummary,
  ListCaseRulesCommand,
  ListFieldOptionsCommand,
  ListFieldsCommand,
  ListLayoutsCommand,
  ListTemplatesCommand,
} from '@aws-sdk/client-connectcases';
import { SystemFieldId } from '../lib/system-fields';
import { CasesApi, CallContext } from './retry';

/** Everything `export` prints, as the API returned it (deleted records left out). */
export interface LiveDomain {
  readonly domainId: string;
  readonly fields: LiveField[];
  readonly layouts: LayoutSummary[];
  /** Options of the SingleSelect fields that have any (not `status`, whose options are fixed), in the API's order. */
  readonly fieldOptions: Array<{ readonly fieldId: string; readonly options: FieldOption[] }>;
  readonly caseRules: GetCaseRuleResponse[];
  readonly templates: GetTemplateResponse[];
}

/** A field, from ListFields, or from BatchGetField when only a rule or template still refers to it. */
export interface LiveField {
  readonly fieldId: string;
  readonly name: string;
  readonly type: string;
  readonly namespace: string;
  readonly deleted?: boolean;
}

/** BatchGetCaseRule takes at most 50 ids; smaller batches keep each response small. */
export const CASE_RULE_BATCH = 25;
const FIELD_BATCH = 50;

export type Progress = (message: string) => void;

/** Reads a domain through the API: fields, field options, layouts, case rules and templates. */
export async function readDomain(api: CasesApi, domainId: string, progress: Progress): Promise<LiveDomain> {
  const domain: CallContext = { domainId, domainLevel: true };
  const record: CallContext = { domainId };

  const fields: LiveField[] = (await api.listAll(ListFieldsCommand, { domainId }, 'fields', domain))
    .map(({ fieldId, name, type, namespace }) => ({ fieldId: fieldId!, name: name!, type: type!, namespace: namespace! }));
  progress(`${fields.length} fields`);

  const fieldOptions: LiveDomain['fieldOptions'] = [];
  // Custom fields, and system ones such as `case_reason` whose options administrators choose.
  for (const field of fields.filter((f) => f.type === 'SingleSelect' && f.fieldId !== SystemFieldId.STATUS)) {
    const options = await api.listAll(ListFieldOptionsCommand, { domainId, fieldId: field.fieldId }, 'options', record);
    if (options.length > 0) fieldOptions.push({ fieldId: field.fieldId, options: options.map(({ name, value, active }) => ({ name, value, active })) });
  }
  progress(`options of ${fieldOptions.length} single-select fields`);

  const layouts = await api.listAll(ListLayoutsCommand, { domainId }, 'layouts', domain);
  progress(`${layouts.length} layouts`);

  const summaries = await api.listAll(ListCaseRulesCommand, { domainId }, 'caseRules', domain);
  const caseRules: GetCaseRuleResponse[] = [];
  for (let start = 0; start < summaries.length; start += CASE_RULE_BATCH) {
    const ids = summaries.slice(start, start + CASE_RULE_BATCH).map((summary) => ({ id: summary.caseRuleId! }));
    const batch = await api.send(new BatchGetCaseRuleCommand({ domainId, caseRules: ids }), record);
    caseRules.push(...(batch.caseRules ?? []).filter((rule) => !rule.deleted));
    // A rule listed a moment ago and gone now was deleted meanwhile: nothing to export.
    for (const error of batch.errors ?? []) progress(`case rule ${error.id} skipped: ${error.errorCode}${error.message ? ` (${error.message})` : ''}`);
    progress(`${Math.min(start + CASE_RULE_BATCH, summaries.length)}/${summaries.length} case rules`);
  }

  const templateSummaries = await api.listAll(ListTemplatesCommand, { domainId, status: ['Active', 'Inactive'] }, 'templates', domain);
  const templates: GetTemplateResponse[] = [];
  for (const [index, summary] of templateSummaries.entries()) {
    const template = await api.send(new GetTemplateCommand({ domainId, templateId: summary.templateId! }), record);
    if (!template.deleted) templates.push(template);
    if ((index + 1) % 10 === 0 || index + 1 === templateSummaries.length) progress(`${index + 1}/${templateSummaries.length} templates`);
  }
  if (templateSummaries.length === 0) progress('0 templates');

  return { domainId, fields: [...fields, ...await referencedFields(api, domainId, fields, caseRules, templates)], layouts, fieldOptions, caseRules, templates };
}

/** Fields that rules or templates refer to but ListFields did not return (deleted ones), so their names can be shown. */
async function referencedFields(
  api: CasesApi, domainId: string, known: LiveField[], caseRules: GetCaseRuleResponse[], templates: GetTemplateResponse[],
): Promise<LiveField[]> {
  const knownIds = new Set(known.map((field) => field.fieldId));
  const missing = [...fieldIdsReferenced(caseRules, templates)].filter((id) => !knownIds.has(id)).sort();
  const found: LiveField[] = [];
  for (let start = 0; start < missing.length; start += FIELD_BATCH) {
    const ids = missing.slice(start, start + FIELD_BATCH).map((id) => ({ id }));
    const batch = await api.send(new BatchGetFieldCommand({ domainId, fields: ids }), { domainId });
    for (const field of batch.fields ?? []) {
      found.push({ fieldId: field.fieldId!, name: field.name!, type: field.type!, namespace: field.namespace!, deleted: field.deleted ?? false });
    }
  }
  return found;
}

/** Every field id a rule or template mentions. */
export function fieldIdsReferenced(caseRules: GetCaseRuleResponse[], templates: GetTemplateResponse[]): Set<string> {
  const ids = new Set<string>();
  const visit = (value: unknown, key?: string): void => {
    if (typeof value === 'string' && key !== undefined && /^(fieldId|parentFieldId|childFieldId)$/.test(key)) ids.add(value);
    else if (Array.isArray(value)) value.forEach((item) => visit(item));
    else if (typeof value === 'object' && value !== null) Object.entries(value).forEach(([k, v]) => visit(v, k));
  };
  caseRules.forEach((rule) => visit(rule.rule));
  templates.forEach((template) => {
    visit(template.requiredFields);
    visit(template.rules);
  });
  return ids;
}
