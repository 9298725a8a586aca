import {
  BatchPutFieldOptionsCommand,
  BooleanCondition,
  CaseRuleDetails,
  ConnectCasesClient,
  CreateCaseRuleCommand,
  CreateFieldCommand,
  CreateLayoutCommand,
  CreateTemplateCommand,
  FieldType,
  OperandTwo,
  TemplateRule,
} from '@aws-sdk/client-connectcases';
import { FakeCases } from '../../fake';

/**
 * A domain configured the way an administrator would in the admin website, written through the
 * Cases API only (as the website does): custom fields, options on three single-select fields,
 * layouts, 34 case rules of every type (compound conditions nested two levels among them) and 5
 * templates. Names are chosen to exercise naming: a reserved word, a leading digit, non-ASCII
 * letters, punctuation, two names that make the same identifier.
 */
export interface HandBuiltDomain {
  readonly domainId: string;
  readonly fields: Record<FieldKey, string>;
  readonly layouts: Record<'main' | 'compact', string>;
  /** Rule name -> id. */
  readonly rules: Record<string, string>;
  /** Template name -> id. */
  readonly templates: Record<string, string>;
}

type FieldKey = 'category' | 'subcategory' | 'priority' | 'closeReason' | 'refundAmount' | 'vip' | 'notes' | 'dueDate' | 'team' | 'productUrl';

const FIELDS: Record<FieldKey, { name: string; type: FieldType }> = {
  category: { name: 'Category', type: 'SingleSelect' },
  subcategory: { name: 'Subcategory', type: 'SingleSelect' },
  priority: { name: 'Priority', type: 'SingleSelect' },
  closeReason: { name: 'Close reason', type: 'Text' },
  refundAmount: { name: 'Refund amount', type: 'Number' },
  vip: { name: 'VIP customer', type: 'Boolean' },
  notes: { name: 'Internal notes', type: 'Text' },
  dueDate: { name: 'Due date', type: 'DateTime' },
  team: { name: 'Escalation team', type: 'Text' },
  productUrl: { name: 'Product URL', type: 'Url' },
};

/** A client for the fake, as the admin website (or any other tool) would use the API. */
export function apiClient(fake: FakeCases): ConnectCasesClient {
  return new ConnectCasesClient({
    endpoint: fake.endpoint,
    region: fake.region,
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' },
    maxAttempts: 1,
  });
}

const str = (stringValue: string): OperandTwo => ({ stringValue });
const bool = (booleanValue: boolean): OperandTwo => ({ booleanValue });
const num = (doubleValue: number): OperandTwo => ({ doubleValue });
const empty: OperandTwo = { emptyValue: {} };

export async function seedHandBuiltDomain(fake: FakeCases): Promise<HandBuiltDomain> {
  const client = apiClient(fake);
  const domainId = fake.addDomain({ name: 'support' });

  const fields = {} as Record<FieldKey, string>;
  for (const [key, field] of Object.entries(FIELDS) as Array<[FieldKey, typeof FIELDS[FieldKey]]>) {
    fields[key] = (await client.send(new CreateFieldCommand({ domainId, ...field }))).fieldId!;
  }
  const options: Array<[FieldKey, Array<[string, string, boolean?]>]> = [
    ['category', [['Billing', 'billing'], ['Technical', 'technical'], ['Account', 'account'], ['Legacy', 'legacy', false]]],
    ['subcategory', [['Refund', 'refund'], ['Invoice', 'invoice'], ['Outage', 'outage'], ['Bug', 'bug'], ['Password', 'password'], ["Other (don't use)", 'other', false]]],
    ['priority', [['Low', 'low'], ['Medium', 'medium'], ['High', 'high'], ['Urgent', 'urgent']]],
  ];
  for (const [key, list] of options) {
    const result = await client.send(new BatchPutFieldOptionsCommand({
      domainId, fieldId: fields[key], options: list.map(([name, value, active]) => ({ name, value, active: active ?? true })),
    }));
    if (result.errors?.length) throw new Error(`options of ${key} refused: ${JSON.stringify(result.errors)}`);
  }
  const layouts = {
    main: (await client.send(new CreateLayoutCommand({ domainId, name: 'Main layout', content: { basic: {} } }))).layoutId!,
    compact: (await client.send(new CreateLayoutCommand({ domainId, name: 'Compact', content: { basic: {} } }))).layoutId!,
  };

  const f = fields;
  const eq = (fieldId: string, value: OperandTwo, result = true): BooleanCondition => ({ equalTo: { operandOne: { fieldId }, operandTwo: value, result } });
  const ne = (fieldId: string, value: OperandTwo, result = true): BooleanCondition => ({ notEqualTo: { operandOne: { fieldId }, operandTwo: value, result } });
  const all = (...conditions: BooleanCondition[]): BooleanCondition => ({ andAll: { conditions } });
  const any = (...conditions: BooleanCondition[]): BooleanCondition => ({ orAll: { conditions } });
  const required = (defaultValue: boolean, ...conditions: BooleanCondition[]): CaseRuleDetails => ({ required: { defaultValue, conditions } });
  const hidden = (defaultValue: boolean, ...conditions: BooleanCondition[]): CaseRuleDetails => ({ hidden: { defaultValue, conditions } });

  const ruleDefinitions: Array<[string, CaseRuleDetails, string?]> = [
    ['Close reason required', required(false, eq('status', str('closed'))), 'A closed case must say why'],
    ['Close reason required!', required(false, eq('status', str('closed')), eq(f.category, str('billing'), false))],
    ['Refund amount required for refunds', required(false, all(eq(f.category, str('billing')), eq(f.subcategory, str('refund'))))],
    ['Hide internal notes from VIP', hidden(false, eq(f.vip, bool(true))), "Notes aren't for VIP eyes"],
    ['Escalation team when urgent', required(false, any(eq(f.priority, str('urgent')), all(eq(f.priority, str('high')), eq(f.vip, bool(true)))))],
    ['Due date hidden unless open', hidden(false, ne('status', str('open')))],
    ['Refund amount hidden when zero', hidden(false, eq(f.refundAmount, num(0)), eq(f.refundAmount, num(-12.5), false))],
    ['Notes required without a reason', required(false, eq(f.closeReason, empty))],
    ['Subcategories', { fieldOptions: {
      parentFieldId: f.category, childFieldId: f.subcategory, parentChildFieldOptionsMappings: [
        { parentFieldOptionValue: 'billing', childFieldOptionValues: ['refund', 'invoice'] },
        { parentFieldOptionValue: 'technical', childFieldOptionValues: ['outage', 'bug'] },
        { parentFieldOptionValue: 'account', childFieldOptionValues: ['password'] },
      ] } }, 'Subcategories offered per category'],
    ['Priority by category', { fieldOptions: {
      parentFieldId: f.category, childFieldId: f.priority, parentChildFieldOptionsMappings: [
        { parentFieldOptionValue: 'billing', childFieldOptionValues: ['low', 'medium'] },
        { parentFieldOptionValue: 'technical', childFieldOptionValues: ['low', 'medium', 'high', 'urgent'] },
        { parentFieldOptionValue: 'account', childFieldOptionValues: ['low'] },
      ] } }],
    ['delete', hidden(true)],
    ['2FA check', required(false, ne(f.productUrl, empty))],
    ['VIP: title required', required(false, eq(f.vip, bool(true)))],
    ['Überprüfung nötig', required(false, eq('summary', empty))],
    ['Always required', required(true)],
    ['Escalated or overdue', hidden(true, any(eq(f.team, str('tier-2'), false), all(ne(f.dueDate, empty, false), eq('status', str('open'), false))))],
    ['Billing VIP refunds', required(false, all(eq(f.category, str('billing')), any(eq(f.vip, bool(true)), eq(f.refundAmount, num(1000)))))],
  ];
  // Routing rules, one per region, as an administrator adds them over time.
  for (let i = 1; i <= 17; i++) {
    const region = `region-${String(i).padStart(2, '0')}`;
    const name = `Route ${region}`;
    if (i % 4 === 0) ruleDefinitions.push([name, hidden(false, eq(f.team, str(region)), ne(f.priority, str('urgent'), false))]);
    else if (i % 4 === 1) ruleDefinitions.push([name, required(false, any(eq(f.team, str(region)), eq(f.team, str(`${region}-backup`)))), `Routing for ${region}`]);
    else if (i % 4 === 2) ruleDefinitions.push([name, required(true, all(ne(f.team, str(region), false), eq(f.vip, bool(false), false)))]);
    else ruleDefinitions.push([name, hidden(false, eq(f.refundAmount, num(i * 10)))]);
  }

  const rules: Record<string, string> = {};
  for (const [name, rule, description] of ruleDefinitions) {
    rules[name] = (await client.send(new CreateCaseRuleCommand({ domainId, name, rule, description }))).caseRuleId!;
  }

  const r = (name: string, fieldId?: string): TemplateRule => ({ caseRuleId: rules[name], ...(fieldId ? { fieldId } : {}) });
  const templateDefinitions: Array<ConstructorParameters<typeof CreateTemplateCommand>[0]> = [
    {
      domainId, name: 'Escalation', description: 'Cases escalated to tier 2', status: 'Active',
      layoutConfiguration: { defaultLayout: layouts.main },
      requiredFields: [{ fieldId: 'status' }, { fieldId: f.category }],
      rules: [r('Close reason required', f.closeReason), r('Subcategories'), r('Escalation team when urgent', f.team), r('Hide internal notes from VIP', f.notes)],
      tagPropagationConfigurations: [{ resourceType: 'Cases', tagMap: { team: 'tier-2' } }],
    },
    {
      domainId, name: 'Billing', status: 'Active', layoutConfiguration: { defaultLayout: layouts.compact },
      requiredFields: [{ fieldId: f.category }, { fieldId: f.subcategory }],
      rules: [r('Refund amount required for refunds', f.refundAmount), r('Refund amount hidden when zero', f.refundAmount), r('Priority by category'), r('Billing VIP refunds', f.notes)],
    },
    { domainId, name: 'Legacy intake', status: 'Inactive' },
    {
      domainId, name: 'Technical support', status: 'Active', layoutConfiguration: { defaultLayout: layouts.main },
      rules: [
        r('Subcategories'), r('2FA check', f.productUrl), r('Due date hidden unless open', f.dueDate), r('Escalated or overdue', f.dueDate),
        ...Array.from({ length: 17 }, (_, i) => r(`Route region-${String(i + 1).padStart(2, '0')}`, f.team)),
      ],
    },
    {
      domainId, name: 'VIP desk', status: 'Active', requiredFields: [{ fieldId: 'title' }, { fieldId: f.vip }],
      rules: [r('VIP: title required', 'title'), r('Close reason required!', f.closeReason), r('Notes required without a reason', f.notes),
        r('Überprüfung nötig', 'summary'), r('Always required', f.closeReason), r('delete', f.notes)],
      tagPropagationConfigurations: [{ resourceType: 'Cases', tagMap: { 'desk': 'vip', 'cost-center': '4711' } }],
    },
  ];
  const templates: Record<string, string> = {};
  for (const template of templateDefinitions) {
    templates[template.name!] = (await client.send(new CreateTemplateCommand(template))).templateId!;
  }
  client.destroy();
  return { domainId, fields, layouts, rules, templates };
}
