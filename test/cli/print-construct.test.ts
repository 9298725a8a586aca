import { BooleanCondition, GetCaseRuleResponse, GetTemplateResponse } from '@aws-sdk/client-connectcases';
import { printConstruct } from '../../cli/print-construct';
import { LiveDomain } from '../../cli/read-domain';

/** The code printer on SDK-typed input, without any API. */

const eq = (fieldId: string, stringValue: string, result = true): BooleanCondition =>
  ({ equalTo: { operandOne: { fieldId }, operandTwo: { stringValue }, result } });

function rule(caseRuleId: string, name: string, details: GetCaseRuleResponse['rule']): GetCaseRuleResponse {
  return { caseRuleId, name, caseRuleArn: `arn:${caseRuleId}`, rule: details };
}

function domainWith(parts: Partial<LiveDomain>): LiveDomain {
  return {
    domainId: 'd-1',
    fields: [
      { fieldId: 'status', name: 'Status', type: 'SingleSelect', namespace: 'System' },
      { fieldId: 'f-cat', name: 'Category', type: 'SingleSelect', namespace: 'Custom' },
      { fieldId: 'f-notes', name: 'Notes', type: 'Text', namespace: 'Custom' },
    ],
    layouts: [],
    fieldOptions: [],
    caseRules: [],
    templates: [],
    ...parts,
  };
}

const print = (domain: LiveDomain) => printConstruct(domain, { className: 'Exported', region: 'eu-west-2' });

test('the order the API lists records in does not change a byte of the output', () => {
  // GIVEN the same records, listed in two orders
  const rules = [
    rule('r-2', 'Same name', { required: { defaultValue: false, conditions: [eq('status', 'closed')] } }),
    rule('r-1', 'Same name', { hidden: { defaultValue: true, conditions: [] } }),
    rule('r-3', 'Another', { required: { defaultValue: true, conditions: [] } }),
  ];
  const templates: GetTemplateResponse[] = [
    { templateId: 't-2', templateArn: 'a', name: 'B', status: 'Active', rules: [{ caseRuleId: 'r-2', fieldId: 'f-notes' }, { caseRuleId: 'r-1', fieldId: 'f-notes' }] },
    { templateId: 't-1', templateArn: 'a', name: 'A', status: 'Inactive' },
  ];

  // WHEN
  const forward = print(domainWith({ caseRules: rules, templates }));
  const backward = print(domainWith({ caseRules: [...rules].reverse(), templates: [...templates].reverse(), fields: [...domainWith({}).fields].reverse() }));

  // THEN identical, names by (name, id): r-1 gets the plain name, r-2 the suffix
  expect(backward.source).toBe(forward.source);
  expect(forward.source).toContain("const sameName = new CaseRule(this, 'SameName', {\n      domainId,\n      caseRuleName: 'Same name',\n      rule: CaseRuleDefinition.hidden({ defaultValue: true }),\n      adoptCaseRuleId: 'r-1',");
  expect(forward.source).toContain("const sameName2 = new CaseRule(this, 'SameName2', {");
  expect(forward.source.indexOf("templateName: 'A'")).toBeLessThan(forward.source.indexOf("templateName: 'B'"));
  expect(forward.problems).toEqual([]);
});

test('a compound whose nested comparisons give different results is marked FIXME and reported', () => {
  const details = { required: { defaultValue: false, conditions: [{ andAll: { conditions: [eq('status', 'closed', true), eq('f-cat', 'billing', false)] } }] } };
  const { source, problems } = print(domainWith({ caseRules: [rule('r-1', 'Mixed', details)] }));
  expect(problems).toEqual([
    "case rule 'Mixed': a compound condition cannot be expressed exactly: its comparisons give different results (true, false), while a compound condition here has one result",
  ]);
  expect(source).toContain("          // FIXME: the live rule's compound condition cannot be expressed exactly:");
  expect(source).toContain('// FIXME: 1 part(s) of the live domain cannot be expressed exactly; search for FIXME.');
});

test('a compound whose nested comparisons agree carries their result once; nested ones carry none', () => {
  const details = { hidden: { defaultValue: true, conditions: [{ orAll: { conditions: [eq('f-cat', 'a', false), { andAll: { conditions: [eq('f-cat', 'b', false), eq('status', 'open', false)] } }] } }] } };
  const { source, problems } = print(domainWith({ caseRules: [rule('r-1', 'Agree', details)] }));
  expect(problems).toEqual([]);
  expect(source.match(/result: /g)).toHaveLength(1);
  expect(source).toContain('result: false,');
});

test('every kind of value, the empty value included', () => {
  const operands = [{ stringValue: 'x' }, { booleanValue: false }, { doubleValue: -2.5 }, { emptyValue: {} }];
  const conditions = operands.map((operandTwo) => ({ notEqualTo: { operandOne: { fieldId: 'f-notes' }, operandTwo, result: true } }));
  const { source } = print(domainWith({ caseRules: [rule('r-1', 'Values', { required: { defaultValue: false, conditions } })] }));
  for (const value of ["CaseRuleValue.fromString('x')", 'CaseRuleValue.fromBoolean(false)', 'CaseRuleValue.fromNumber(-2.5)', 'CaseRuleValue.empty()']) {
    expect(source).toContain(`CaseRuleCondition.notEqualTo({ fieldId: FIELD_NOTES, value: ${value}, result: true })`);
  }
});

test('fields a rule or template names that the domain does not have get constants that say so', () => {
  const { source } = print(domainWith({
    caseRules: [rule('r-1', 'Ghost', { required: { defaultValue: false, conditions: [eq('f-ghost', 'x')] } })],
    templates: [{ templateId: 't-1', templateArn: 'a', name: 'T', status: 'Active', layoutConfiguration: { defaultLayout: 'l-gone' }, rules: [{ caseRuleId: 'r-gone', fieldId: 'f-notes' }] }],
  }));
  expect(source).toContain("export const UNKNOWN_FIELD = 'f-ghost'; // not a field of this domain");
  expect(source).toContain("export const UNKNOWN_LAYOUT = 'l-gone'; // not a layout of this domain");
  // A template's rule that the domain no longer has is imported by id.
  expect(source).toContain("const missingCaseRule1 = CaseRule.fromCaseRuleAttributes(this, 'MissingCaseRule1', {\n      domainId,\n      caseRuleId: 'r-gone',\n    });");
  expect(source).toContain('rules: [{ caseRule: missingCaseRule1, fieldId: FIELD_NOTES }],');
});

test('an empty domain is still a valid class, importing only what it uses', () => {
  const { source } = print(domainWith({ fields: [] }));
  expect(source).toContain("import { Construct } from 'constructs';");
  expect(source).not.toContain('aws-cdk-lib');
  expect(source).not.toContain('cdk-connect-cases\';');
  expect(source).toContain('constructor(scope: Construct, id: string, _props: ExportedProps) {');
});

test('a deleted field that a rule still names keeps its name in the comment; system single-selects get options too', () => {
  const { source } = print(domainWith({
    fields: [
      { fieldId: 'case_reason', name: 'Case reason', type: 'SingleSelect', namespace: 'System' },
      { fieldId: 'f-old', name: 'Old field', type: 'Text', namespace: 'Custom', deleted: true },
    ],
    fieldOptions: [{ fieldId: 'case_reason', options: [{ name: 'Question', value: 'question', active: true }] }],
    caseRules: [rule('r-1', 'Old', { hidden: { defaultValue: false, conditions: [eq('f-old', 'x')] } })],
  }));
  expect(source).toContain("export const FIELD_OLD_FIELD = 'f-old'; // \"Old field\" (Text, deleted)");
  expect(source).toContain("new FieldOptions(this, 'CaseReasonOptions', {\n      domainId,\n      fieldId: SystemFieldId.CASE_REASON,");
});
