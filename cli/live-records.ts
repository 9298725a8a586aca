import {
  BatchGetCaseRuleCommand,
  FieldOption,
  GetCaseRuleResponse,
  GetTemplateCommand,
  GetTemplateResponse,
  ListCaseRulesCommand,
  ListFieldOptionsCommand,
  ListTemplatesCommand,
} from '@aws-sdk/client-connectcases';
import { CASE_RULE_BATCH } from './read-domain';
import { CasesApi, CliError } from './retry';

/**
 * Live records looked up for `drift`: case rules and templates by name (names are unique in a
 * domain), field options by field. Each domain's lists are read once.
 */
export class LiveRecords {
  private readonly ruleIds = new Map<string, Promise<Map<string, string[]>>>();
  private readonly templateIds = new Map<string, Promise<Map<string, string[]>>>();
  private readonly rules = new Map<string, GetCaseRuleResponse>();

  constructor(private readonly api: CasesApi) {}

  /** The live rules of `names` (absent: no rule of that name; a list: more than one). */
  public async caseRulesByName(domainId: string, names: string[]): Promise<Map<string, ByName<GetCaseRuleResponse>>> {
    const index = await this.index(this.ruleIds, domainId, async () => {
      const summaries = await this.api.listAll(ListCaseRulesCommand, { domainId }, 'caseRules', { domainId, domainLevel: true });
      return summaries.map((summary) => [summary.name!, summary.caseRuleId!]);
    });
    const wanted = [...new Set(names.flatMap((name) => index.get(name) ?? []))].filter((id) => !this.rules.has(`${domainId}/${id}`));
    for (let start = 0; start < wanted.length; start += CASE_RULE_BATCH) {
      const caseRules = wanted.slice(start, start + CASE_RULE_BATCH).map((id) => ({ id }));
      const batch = await this.api.send(new BatchGetCaseRuleCommand({ domainId, caseRules }), { domainId });
      for (const rule of batch.caseRules ?? []) this.rules.set(`${domainId}/${rule.caseRuleId}`, rule);
    }
    return new Map(names.map((name) => {
      const found = (index.get(name) ?? []).map((id) => this.rules.get(`${domainId}/${id}`)).filter((rule) => rule !== undefined && !rule.deleted);
      return [name, byName(found as GetCaseRuleResponse[])];
    }));
  }

  /** The live templates of `names`, of either status. */
  public async templatesByName(domainId: string, names: string[]): Promise<Map<string, ByName<GetTemplateResponse>>> {
    const index = await this.index(this.templateIds, domainId, async () => {
      const summaries = await this.api.listAll(
        ListTemplatesCommand, { domainId, status: ['Active', 'Inactive'] }, 'templates', { domainId, domainLevel: true });
      return summaries.map((summary) => [summary.name!, summary.templateId!]);
    });
    const result = new Map<string, ByName<GetTemplateResponse>>();
    for (const name of new Set(names)) {
      const found: GetTemplateResponse[] = [];
      for (const templateId of index.get(name) ?? []) {
        const template = await this.api.send(new GetTemplateCommand({ domainId, templateId }), { domainId });
        if (!template.deleted) found.push(template);
      }
      result.set(name, byName(found));
    }
    return result;
  }

  /** The options of a field, or undefined when the domain has no such field. */
  public async fieldOptions(domainId: string, fieldId: string): Promise<FieldOption[] | undefined> {
    try {
      return await this.api.listAll(ListFieldOptionsCommand, { domainId, fieldId }, 'options', { domainId });
    } catch (error) {
      if (error instanceof CliError && error.errorName === 'ResourceNotFoundException') return undefined;
      throw error;
    }
  }

  private index(cache: Map<string, Promise<Map<string, string[]>>>, domainId: string, list: () => Promise<string[][]>): Promise<Map<string, string[]>> {
    let index = cache.get(domainId);
    if (!index) {
      index = list().then((pairs) => {
        const byNameIndex = new Map<string, string[]>();
        for (const [name, id] of pairs) byNameIndex.set(name, [...(byNameIndex.get(name) ?? []), id]);
        return byNameIndex;
      });
      cache.set(domainId, index);
    }
    return index;
  }
}

/** What a name finds: nothing, one record, or (against the API's promise) several. */
export type ByName<T> = { readonly found: 'none' } | { readonly found: 'one'; readonly record: T } | { readonly found: 'several'; readonly count: number };

function byName<T>(records: T[]): ByName<T> {
  if (records.length === 0) return { found: 'none' };
  if (records.length === 1) return { found: 'one', record: records[0] };
  return { found: 'several', count: records.length };
}
