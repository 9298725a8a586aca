import { CaseRuleProperties, CaseRuleDetailsShape } from '../../lib/private/contract';
import { SeededDomain, seedDomain } from '../support/domain';
import { Encoding } from '../support/events';
import { HandlerHarness } from '../support/handler-harness';
import { CASE_RULE, TEMPLATE, createdThroughHandler, recordOf } from '../support/kinds';
import {
  andAll, equalTo, fullTemplateProperties, notEqualTo, orAll, requiredRuleProperties, without,
} from '../support/properties';

/**
 * What only case rules do: the rule body reaches the API with every scalar of its own type and
 * every empty member back in place, however CloudFormation delivered it. The lifecycle they share
 * with templates is in `lifecycle.test.ts`.
 */

let harness: HandlerHarness;
beforeAll(async () => { harness = await HandlerHarness.start(); });
afterAll(() => harness.close());

const ENCODINGS: Encoding[] = ['cloudformation', 'dropped-empty'];

function ruleIn(domain: SeededDomain, caseRuleId: string) {
  const rule = harness.fake.caseRules(domain.domainId, { includeDeleted: true }).find((r) => r.caseRuleId === caseRuleId);
  if (!rule) throw new Error(`no case rule ${caseRuleId}`);
  return rule;
}

const createdRule = (properties: CaseRuleProperties) => createdThroughHandler(harness, CASE_RULE, properties);

/** Rules whose scalars and empty members CloudFormation would change on the way; each must reach the API as written. */
const RULES: [string, (d: SeededDomain) => CaseRuleDetailsShape][] = [
  ['a required rule with boolean, number, "true" string and empty operands', (d) => requiredRuleProperties(d).Rule],
  ['a hidden rule with false, 0 and number-like string operands', (d) => ({
    hidden: {
      defaultValue: true,
      conditions: [
        equalTo(d.urgentField, { booleanValue: false }, false),
        equalTo(d.priorityField, { doubleValue: 0 }, false),
        notEqualTo(d.statusField, { stringValue: '1.5' }, false),
      ],
    },
  })],
  ['a rule without conditions', () => ({ hidden: { defaultValue: false, conditions: [] } })],
  ['nested andAll and orAll conditions with every operand kind', (d) => ({
    required: {
      defaultValue: false,
      conditions: [
        andAll(
          equalTo(d.statusField, { stringValue: 'closed' }, true),
          orAll(equalTo(d.urgentField, { booleanValue: true }, true), equalTo(d.priorityField, { doubleValue: -2.25 }, true)),
          notEqualTo(d.notesField, { emptyValue: {} }, true),
        ),
        orAll(equalTo(d.notesField, { emptyValue: {} }, false)),
      ],
    },
  })],
  ['a field-options rule with a parent value that offers no child value', (d) => ({
    fieldOptions: {
      parentFieldId: d.statusField,
      childFieldId: d.priorityField,
      parentChildFieldOptionsMappings: [
        { parentFieldOptionValue: 'open', childFieldOptionValues: ['1', '2'] },
        { parentFieldOptionValue: 'closed', childFieldOptionValues: [] },
      ],
    },
  })],
];

describe('rule bodies as CloudFormation delivers them', () => {
  describe.each(ENCODINGS)('encoded as %s', (encoding) => {
    test.each(RULES)('GIVEN %s WHEN created THEN the API receives the rule exactly as the construct rendered it', async (_name, rule) => {
      const domain = seedDomain(harness.fake);
      const properties = requiredRuleProperties(domain, { Rule: rule(domain) });

      const { body } = await harness.invoke(harness.events.create(CASE_RULE.resourceType, properties, { encoding }));

      expect(body.Status).toBe('SUCCESS');
      expect(ruleIn(domain, body.PhysicalResourceId).rule).toStrictEqual(properties.Rule);
    });

    test.each(RULES)('GIVEN another rule WHEN updated to %s THEN the API receives the rule exactly as the construct rendered it', async (_name, rule) => {
      const domain = seedDomain(harness.fake);
      const before = requiredRuleProperties(domain, { Rule: { required: { defaultValue: true, conditions: [equalTo('title', { stringValue: 'x' }, false)] } } });
      const caseRuleId = await createdRule(before);
      const after = { ...before, Rule: rule(domain) };

      const { body } = await harness.invoke(harness.events.update(CASE_RULE.resourceType, caseRuleId, after, before, { encoding }));

      expect(body).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: caseRuleId });
      expect(ruleIn(domain, caseRuleId).rule).toStrictEqual(after.Rule);
    });
  });

  test('GIVEN numbers and booleans as CloudFormation strings WHEN created THEN each scalar is decoded by its member type: a number-like string stays a string', async () => {
    const domain = seedDomain(harness.fake);
    const rule: CaseRuleDetailsShape = {
      required: {
        defaultValue: false,
        conditions: [andAll(equalTo(domain.priorityField, { doubleValue: 1e3 }, true), equalTo(domain.statusField, { stringValue: 'false' }, true))],
      },
    };
    const event = harness.events.create(CASE_RULE.resourceType, requiredRuleProperties(domain, { Rule: rule }), { encoding: 'dropped-empty' });
    expect(JSON.stringify(event.ResourceProperties.Rule)).toContain('"doubleValue":"1000"');

    const { body } = await harness.invoke(event);

    expect(ruleIn(domain, body.PhysicalResourceId).rule).toStrictEqual({
      required: {
        defaultValue: false,
        conditions: [{
          andAll: {
            conditions: [
              { equalTo: { operandOne: { fieldId: 'priority' }, operandTwo: { doubleValue: 1000 }, result: true } },
              { equalTo: { operandOne: { fieldId: 'status' }, operandTwo: { stringValue: 'false' }, result: true } },
            ],
          },
        }],
      },
    });
  });
});

describe('in-place Update of a case rule', () => {
  type Change = [string, (domain: SeededDomain, before: CaseRuleProperties) => CaseRuleProperties, (rule: ReturnType<typeof ruleIn>, domain: SeededDomain) => void];
  const changes: Change[] = [
    ['the name changes', (_d, before) => ({ ...before, Name: 'Renamed rule' }), (rule) => expect(rule.name).toBe('Renamed rule')],
    ['the description changes', (_d, before) => ({ ...before, Description: 'New words' }), (rule) => expect(rule.description).toBe('New words')],
    ['the description is removed', (_d, before) => without(before, 'Description'), (rule) => expect(rule.description).toBeUndefined()],
    ['the default value changes', (_d, before) => ({ ...before, Rule: { required: { ...before.Rule.required!, defaultValue: true } } }),
      (rule) => expect(rule.rule).toMatchObject({ required: { defaultValue: true } })],
    ['the conditions change', (d, before) => ({ ...before, Rule: { required: { defaultValue: false, conditions: [equalTo(d.priorityField, { doubleValue: 3 }, false)] } } }),
      (rule) => expect(rule.rule).toStrictEqual({ required: { defaultValue: false, conditions: [{ equalTo: { operandOne: { fieldId: 'priority' }, operandTwo: { doubleValue: 3 }, result: false } }] } })],
    ['the last condition is removed', (_d, before) => ({ ...before, Rule: { required: { defaultValue: false, conditions: [] } } }),
      (rule) => expect(rule.rule).toStrictEqual({ required: { defaultValue: false, conditions: [] } })],
    ['the rule type changes', (_d, before) => ({ ...before, Rule: { hidden: before.Rule.required! } }),
      (rule) => expect(Object.keys(rule.rule as object)).toStrictEqual(['hidden'])],
    ['the conditions become compound', (d, before) => ({
      ...before, Rule: { required: { defaultValue: false, conditions: [orAll(equalTo(d.urgentField, { booleanValue: true }, true), notEqualTo(d.notesField, { emptyValue: {} }, true))] } },
    }), (rule, d) => expect(rule.rule).toStrictEqual({ required: { defaultValue: false, conditions: [orAll(equalTo(d.urgentField, { booleanValue: true }, true), notEqualTo(d.notesField, { emptyValue: {} }, true))] } })],
    ['the rule becomes a field-options rule', (d, before) => ({
      ...before,
      Rule: { fieldOptions: { parentFieldId: d.statusField, childFieldId: d.priorityField, parentChildFieldOptionsMappings: [{ parentFieldOptionValue: 'open', childFieldOptionValues: ['1', '2'] }] } },
    }), (rule) => expect(rule.rule).toStrictEqual({ fieldOptions: {
      parentFieldId: 'status', childFieldId: 'priority',
      parentChildFieldOptionsMappings: [{ parentFieldOptionValue: 'open', childFieldOptionValues: ['1', '2'] }],
    } })],
  ];

  test.each(changes)('GIVEN a rule WHEN %s THEN the rule is updated in place with one UpdateCaseRule', async (_name, change, check) => {
    const domain = seedDomain(harness.fake);
    const before = requiredRuleProperties(domain);
    const caseRuleId = await createdRule(before);
    harness.fake.resetCallCounts();

    const { body } = await harness.invoke(harness.events.update(CASE_RULE.resourceType, caseRuleId, change(domain, before), before));

    expect(body).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: caseRuleId });
    check(ruleIn(domain, caseRuleId), domain);
    expect(harness.fake.callCounts()).toStrictEqual({ BatchGetCaseRule: 1, UpdateCaseRule: 1 });
  });
});

describe('Delete of a case rule a template uses', () => {
  test('GIVEN a case rule still used by a live template WHEN the rule is deleted THEN FAILED with the conflict, and the rule kept', async () => {
    const domain = seedDomain(harness.fake);
    const ruleProperties = requiredRuleProperties(domain);
    const caseRuleId = await createdRule(ruleProperties);
    await createdThroughHandler(harness, TEMPLATE, fullTemplateProperties(domain, [caseRuleId]), 'Template');

    const { body } = await harness.invoke(harness.events.delete(CASE_RULE.resourceType, caseRuleId, ruleProperties));

    expect(body).toMatchObject({ Status: 'FAILED', PhysicalResourceId: caseRuleId });
    expect(body.Reason).toMatch(new RegExp(`^DeleteCaseRule failed for case rule ${caseRuleId} in domain ${domain.domainId}: ConflictException`));
    expect(recordOf(CASE_RULE, harness.fake, domain.domainId, caseRuleId).deleted).toBe(false);
  });
});
