import { FieldOption, GetCaseRuleResponse, GetTemplateResponse } from '@aws-sdk/client-connectcases';
import {
  CaseRuleProperties,
  FieldOptionsProperties,
  OWNER_TAG_KEY,
  RESOURCE_TYPES,
  ShapeName,
  TagWire,
  TemplateProperties,
} from '../lib/private/contract';
import { decodeProperties } from '../lambda/decode';
import { Options, valueOf } from './args';
import { CfnResource, readAssembly, selectStacks, SynthesizedStack } from './assembly';
import { Comparison, Difference, tokenMark, Unchecked } from './compare';
import { Io } from './export';
import { ByName, LiveRecords } from './live-records';
import { CasesApi } from './retry';

/**
 * `drift`: compares the case rules, templates and field options of synthesized stacks with the
 * live records. Rules and templates are found by name (unique in a domain), field options by
 * field. Template values that are tokens are resolved where the answer is known (a template's
 * reference to a rule of the same stack is that rule's live id); other tokens are not compared.
 */

export const DRIFT_OPTIONS = { values: ['app', 'stack', 'domain-id', 'region'], flags: ['json'] } as const;

type Kind = 'CaseRule' | 'Template' | 'FieldOptions';
type Status = 'in-sync' | 'drifted' | 'missing' | 'cannot-check';

export interface ResourceReport {
  readonly stack: string;
  readonly logicalId: string;
  readonly kind: Kind;
  readonly type: string;
  readonly status: Status;
  readonly domainId?: string;
  /** The rule or template name; for field options, the field id. */
  readonly name?: string;
  readonly liveId?: string;
  readonly differences: Difference[];
  /** Values that cannot be compared: tokens only known at deployment. */
  readonly unchecked: Unchecked[];
  /** Why the resource is missing or cannot be checked. */
  readonly reason?: string;
}

const KINDS: ReadonlyArray<[Kind, string]> = [
  ['CaseRule', RESOURCE_TYPES.caseRule],
  ['Template', RESOURCE_TYPES.template],
  ['FieldOptions', RESOURCE_TYPES.fieldOptions],
];

/** Returns the exit code: 1 when anything drifted or is missing, 0 otherwise. */
export async function drift(options: Options, api: CasesApi, io: Io): Promise<number> {
  const directory = valueOf(options, 'app') ?? 'cdk.out';
  const stacks = selectStacks(readAssembly(directory), valueOf(options, 'stack'), directory);
  const live = new LiveRecords(api);
  const reports: ResourceReport[] = [];
  for (const stack of stacks) {
    reports.push(...await new StackCheck(stack, live, valueOf(options, 'domain-id')).run());
  }
  const drifted = reports.some((report) => report.status === 'drifted' || report.status === 'missing');
  if (options.json) io.stdout(JSON.stringify({ drift: drifted, summary: summarize(reports), resources: reports }, undefined, 2));
  else io.stdout(formatReports(reports, stacks).join('\n'));
  return drifted ? 1 : 0;
}

/** The declared resources of one stack, checked kind by kind (rules first: templates refer to them). */
class StackCheck {
  private readonly liveRuleIds = new Map<string, string>();

  constructor(private readonly stack: SynthesizedStack, private readonly live: LiveRecords, private readonly domainIdOption: string | undefined) {}

  public async run(): Promise<ResourceReport[]> {
    const reports: ResourceReport[] = [];
    for (const [kind, type] of KINDS) {
      const declared = Object.entries(this.stack.template.Resources ?? {})
        .filter(([, resource]) => resource.Type === type)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      reports.push(...await this.checkKind(kind, type, declared));
    }
    return reports;
  }

  private async checkKind(kind: Kind, type: string, declared: Array<[string, CfnResource]>): Promise<ResourceReport[]> {
    const base = (logicalId: string) => ({ stack: this.stack.displayName, logicalId, kind, type, differences: [], unchecked: [] });
    const pending: Array<{ logicalId: string; domainId: string; properties: Record<string, unknown> }> = [];
    const reports: ResourceReport[] = [];
    for (const [logicalId, resource] of declared) {
      const properties = resource.Properties ?? {};
      const domainId = this.domainIdOf(properties.DomainId);
      const key = kind === 'FieldOptions' ? 'FieldId' : 'Name';
      if (domainId === undefined) {
        reports.push({ ...base(logicalId), status: 'cannot-check', reason: `DomainId is a token (${JSON.stringify(properties.DomainId)}): pass --domain-id` });
      } else if (typeof properties[key] !== 'string') {
        const reason = `${key} is a token (${JSON.stringify(properties[key])}), known only at deployment`;
        reports.push({ ...base(logicalId), status: 'cannot-check', domainId, reason });
      } else {
        pending.push({ logicalId, domainId, properties: { ...properties, DomainId: domainId } });
      }
    }
    for (const domainId of [...new Set(pending.map((p) => p.domainId))]) {
      const inDomain = pending.filter((p) => p.domainId === domainId);
      const names = inDomain.map((p) => (kind === 'FieldOptions' ? p.properties.FieldId : p.properties.Name) as string);
      const records = kind === 'CaseRule' ? await this.live.caseRulesByName(domainId, names)
        : kind === 'Template' ? await this.live.templatesByName(domainId, names)
          : undefined;
      for (const [index, { logicalId, properties }] of inDomain.entries()) {
        const name = names[index];
        const known = { ...base(logicalId), domainId, name };
        const report = records
          ? this.checkNamed(kind, known, properties, records.get(name)!)
          : await this.checkFieldOptions(known, properties);
        reports.push(report);
        if (kind === 'CaseRule' && report.liveId !== undefined) this.liveRuleIds.set(logicalId, report.liveId);
      }
    }
    return reports;
  }

  private checkNamed(
    kind: Kind, known: Omit<ResourceReport, 'status'>, properties: Record<string, unknown>, found: ByName<GetCaseRuleResponse | GetTemplateResponse>,
  ): ResourceReport {
    const what = kind === 'CaseRule' ? 'case rule' : 'template';
    if (found.found === 'none') return { ...known, status: 'missing', reason: `no ${what} named '${known.name}' in domain ${known.domainId}` };
    if (found.found === 'several') {
      return { ...known, status: 'cannot-check', reason: `${found.count} ${what}s are named '${known.name}' in domain ${known.domainId}` };
    }
    const decoded = this.decode(properties, kind === 'CaseRule' ? 'CaseRuleProperties' : 'TemplateProperties');
    if (typeof decoded === 'string') return { ...known, status: 'cannot-check', reason: decoded };
    const comparison = new Comparison();
    if (kind === 'CaseRule') {
      const rule = found.record as GetCaseRuleResponse;
      const declared = decoded as unknown as CaseRuleProperties;
      comparison
        .compare({ type: 'string' }, declared.Description, rule.description, 'description')
        .compare('CaseRuleDetails', declared.Rule, rule.rule, 'rule');
      compareTags(comparison, declared.Tags, rule.tags);
      return result(known, rule.caseRuleId!, comparison);
    }
    const template = found.record as GetTemplateResponse;
    const declared = decoded as unknown as TemplateProperties;
    comparison
      .compare({ type: 'string' }, declared.Description, template.description, 'description')
      .compare({ type: 'string' }, declared.Status, template.status, 'status')
      .compare('LayoutConfiguration', declared.LayoutConfiguration, template.layoutConfiguration, 'layoutConfiguration')
      .compare({ type: 'list', member: 'RequiredField' }, declared.RequiredFields, template.requiredFields, 'requiredFields')
      .compare({ type: 'list', member: 'TemplateRule' }, declared.Rules, template.rules, 'rules')
      .compare({ type: 'list', member: 'TagPropagationConfiguration' }, declared.TagPropagationConfigurations,
        template.tagPropagationConfigurations, 'tagPropagationConfigurations');
    compareTags(comparison, declared.Tags, template.tags);
    return result(known, template.templateId!, comparison);
  }

  /** Declared options missing, renamed or inactive live; options the resource does not declare are not its business. */
  private async checkFieldOptions(known: Omit<ResourceReport, 'status'>, properties: Record<string, unknown>): Promise<ResourceReport> {
    const decoded = this.decode(properties, 'FieldOptionsProperties');
    if (typeof decoded === 'string') return { ...known, status: 'cannot-check', reason: decoded };
    const declared = decoded as unknown as FieldOptionsProperties;
    const options = await this.live.fieldOptions(declared.DomainId, declared.FieldId);
    if (options === undefined) return { ...known, status: 'missing', reason: `no field ${declared.FieldId} in domain ${declared.DomainId}` };
    const byValue = new Map<string, FieldOption>(options.map((option) => [option.value!, option]));
    const comparison = new Comparison();
    for (const option of declared.Options) {
      const path = `options[value=${JSON.stringify(option.value)}]`;
      const liveOption = byValue.get(option.value);
      if (liveOption === undefined) {
        comparison.differ(path, option, undefined);
      } else {
        comparison
          .compare({ type: 'string' }, option.name, liveOption.name, `${path}.name`)
          .compare({ type: 'boolean' }, option.active, liveOption.active, `${path}.active`);
      }
    }
    return result(known, declared.FieldId, comparison);
  }

  /** Decoded properties with tokens resolved or marked, or why they cannot be decoded. */
  private decode(properties: Record<string, unknown>, shape: ShapeName): Record<string, unknown> | string {
    try {
      return decodeProperties<Record<string, unknown>>(this.resolveTokens(properties), shape);
    } catch (error) {
      return `the template's properties do not match the contract: ${error instanceof Error ? error.message : String(error)}`;
    }
  }

  private domainIdOf(value: unknown): string | undefined {
    return typeof value === 'string' ? value : this.domainIdOption;
  }

  /** A reference to a case rule of this stack becomes its live id; any other token is marked. */
  private resolveTokens(value: unknown): unknown {
    if (Array.isArray(value)) return value.map((item) => this.resolveTokens(item));
    if (typeof value !== 'object' || value === null) return value;
    const entries = Object.entries(value);
    if (entries.length === 1 && (entries[0][0] === 'Ref' || entries[0][0].startsWith('Fn::'))) {
      const target = referencedLogicalId(value as Record<string, unknown>);
      return (target !== undefined ? this.liveRuleIds.get(target) : undefined) ?? tokenMark(value);
    }
    return Object.fromEntries(entries.map(([key, member]) => [key, this.resolveTokens(member)]));
  }
}

/** `{ Ref: L }` or `{ 'Fn::GetAtt': [L, 'CaseRuleId'] }` -> L. */
function referencedLogicalId(token: Record<string, unknown>): string | undefined {
  if (typeof token.Ref === 'string') return token.Ref;
  const getAtt = token['Fn::GetAtt'];
  if (Array.isArray(getAtt) && getAtt[1] === 'CaseRuleId' && typeof getAtt[0] === 'string') return getAtt[0];
  return undefined;
}

/** Declared tags missing or different live (tags added out of band, and the owner tag, are left alone). */
function compareTags(comparison: Comparison, declared: TagWire[] | undefined, live: Record<string, string | null> | undefined): void {
  for (const { Key, Value } of declared ?? []) {
    if (Key === OWNER_TAG_KEY) continue;
    comparison.compare({ type: 'string' }, Value, live?.[Key] ?? undefined, `tags[${JSON.stringify(Key)}]`);
  }
}

function result(known: Omit<ResourceReport, 'status'>, liveId: string, comparison: Comparison): ResourceReport {
  return {
    ...known,
    liveId,
    status: comparison.differences.length > 0 ? 'drifted' : 'in-sync',
    differences: comparison.differences,
    unchecked: comparison.unchecked,
  };
}

function summarize(reports: ResourceReport[]): Record<Status | 'checked', number> {
  const count = (status: Status) => reports.filter((report) => report.status === status).length;
  return {
    'checked': reports.length,
    'in-sync': count('in-sync'),
    'drifted': count('drifted'),
    'missing': count('missing'),
    'cannot-check': count('cannot-check'),
  };
}

/** One line per difference, missing record or value not compared, then a summary line. */
export function formatReports(reports: ResourceReport[], stacks: SynthesizedStack[]): string[] {
  const lines: string[] = [];
  for (const report of reports) {
    const named = report.name === undefined ? '' : report.kind === 'FieldOptions' ? ` (field ${report.name})` : ` '${report.name}'`;
    const label = `${report.kind} ${report.logicalId}${named}`;
    if (report.status === 'missing') lines.push(`${label}: missing: ${report.reason}`);
    if (report.status === 'cannot-check') lines.push(`${label}: cannot check: ${report.reason}`);
    for (const { path, template, live } of report.differences) lines.push(`${label}: ${path}: template ${show(template)}, live ${show(live)}`);
    for (const { path, reason } of report.unchecked) lines.push(`${label}: ${path}: cannot check (${reason})`);
  }
  const summary = summarize(reports);
  const where = stacks.map((stack) => stack.displayName).join(', ');
  if (reports.length === 0) {
    lines.push(`No case rules, templates or field options in ${where || 'the assembly'}.`);
  } else {
    const drifted = summary.drifted + summary.missing;
    lines.push(`${drifted === 0 ? 'No drift' : 'Drift'}: ${summary.checked} resources in ${where}: ${summary['in-sync']} in sync, ` +
      `${summary.drifted} drifted, ${summary.missing} missing, ${summary['cannot-check']} cannot be checked.`);
  }
  return lines;
}

function show(value: unknown): string {
  return value === undefined ? '(absent)' : JSON.stringify(value);
}
