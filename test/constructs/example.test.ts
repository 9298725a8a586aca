import { App } from 'aws-cdk-lib';
import { Template as Assertions, Match } from 'aws-cdk-lib/assertions';
import { buildExampleStack } from '../../bin/example';
import { SystemFieldId } from '../../lib';
import { SYSTEM_FIELDS } from '../fake/store/system-fields';
import { CASE_RULE_TYPE, TEMPLATE_TYPE } from './helpers';

describe('example app', () => {
  const app = new App();
  const stack = buildExampleStack(app);
  const template = Assertions.fromStack(stack);

  test('synthesizes environment-agnostic, without lookups, to the recorded template', () => {
    expect(stack.resolve(stack.region)).toEqual({ Ref: 'AWS::Region' });
    expect(app.synth().manifest.missing).toBeUndefined();
    // The handler asset hash is part of the template: it changes only when the bundled handler does.
    expect(template.toJSON()).toMatchSnapshot();
  });

  test('declares no custom field named like a system field (a real domain refuses it)', () => {
    // GIVEN the names every domain already has, and their ids
    const taken = new Set(SYSTEM_FIELDS.flatMap((field) => [field.name, field.fieldId]).map((name) => name.toLowerCase()));
    expect(taken.size).toBeGreaterThanOrEqual(SystemFieldId.ALL.length);

    // THEN
    const names = Object.values(template.findResources('AWS::Cases::Field')).map((field) => String(field.Properties.Name));
    expect(names.length).toBeGreaterThan(0);
    expect(names.filter((name) => taken.has(name.toLowerCase()))).toEqual([]);
  });

  test('has one rule of each kind, the required one on the system status field within allOf', () => {
    template.resourceCountIs(CASE_RULE_TYPE, 3);
    const rules = Object.values(template.findResources(CASE_RULE_TYPE)).map((rule) => rule.Properties.Rule);
    expect(rules.map((rule) => Object.keys(rule)).sort()).toEqual([['fieldOptions'], ['hidden'], ['required']]);
    template.hasResourceProperties(CASE_RULE_TYPE, {
      Name: 'Close reason required when closed',
      Rule: {
        required: {
          defaultValue: false,
          conditions: [{
            andAll: {
              conditions: Match.arrayWith([
                { equalTo: { operandOne: { fieldId: SystemFieldId.STATUS }, operandTwo: { stringValue: 'closed' }, result: true } },
              ]),
            },
          }],
        },
      },
    });
  });

  test('the template requires the system status field and attaches all three rules, the field-options one without a field', () => {
    template.resourceCountIs(TEMPLATE_TYPE, 1);
    const [escalation] = Object.values(template.findResources(TEMPLATE_TYPE)).map((t) => t.Properties);
    expect(escalation.RequiredFields[0]).toEqual({ fieldId: SystemFieldId.STATUS });
    expect(escalation.Rules.map((rule: { fieldId?: unknown }) => rule.fieldId === undefined)).toEqual([false, false, true]);
    expect(escalation.LayoutConfiguration).toEqual({ defaultLayout: { 'Fn::GetAtt': [expect.any(String), 'LayoutId'] } });
  });

  test('builds the same template twice (no random names)', () => {
    const first = Assertions.fromStack(buildExampleStack(new App())).toJSON();
    const second = Assertions.fromStack(buildExampleStack(new App())).toJSON();
    expect(second).toEqual(first);
  });
});
