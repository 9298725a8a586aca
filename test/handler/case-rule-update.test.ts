import { DeleteCaseRuleCommand } from '@aws-sdk/client-connectcases';
import { CASE_RULE_RESOURCE_TYPE, CaseRuleResourceProperties, OWNER_TAG_KEY } from '../../lib/private/resource-properties';
import { SeededDomain, seedDomain } from '../support/domain';
import { HandlerHarness } from '../support/handler-harness';
import { condition, requiredRuleProperties, without } from '../support/properties';

let harness: HandlerHarness;
beforeAll(async () => { harness = await HandlerHarness.start(); });
afterAll(() => harness.close());

/** Creates a rule through the handler and returns its id. */
async function createdRule(properties: CaseRuleResourceProperties): Promise<string> {
  const { body } = await harness.invoke(harness.events.create(CASE_RULE_RESOURCE_TYPE, properties));
  expect(body.Status).toBe('SUCCESS');
  return body.PhysicalResourceId;
}

function ruleIn(domain: SeededDomain, caseRuleId: string) {
  const rule = harness.fake.caseRules(domain.domainId, { includeDeleted: true }).find((r) => r.caseRuleId === caseRuleId);
  if (!rule) throw new Error(`no case rule ${caseRuleId}`);
  return rule;
}

describe('in-place Update of a case rule', () => {
  type Change = [string, (domain: SeededDomain, before: CaseRuleResourceProperties) => CaseRuleResourceProperties, (rule: ReturnType<typeof ruleIn>) => void];
  const changes: Change[] = [
    ['the name changes', (_d, before) => ({ ...before, Name: 'Renamed rule' }), (rule) => expect(rule.name).toBe('Renamed rule')],
    ['the description changes', (_d, before) => ({ ...before, Description: 'New words' }), (rule) => expect(rule.description).toBe('New words')],
    ['the description is removed', (_d, before) => without(before, 'Description'), (rule) => expect(rule.description).toBeUndefined()],
    ['the default value changes', (_d, before) => ({ ...before, Rule: { ...before.Rule, DefaultValue: true } }),
      (rule) => expect(rule.rule).toMatchObject({ required: { defaultValue: true } })],
    ['the conditions change', (d, before) => ({ ...before, Rule: { ...before.Rule, Conditions: [condition(d.priorityField, 'Number', 3, false)] } }),
      (rule) => expect(rule.rule).toStrictEqual({ required: { defaultValue: false, conditions: [{ equalTo: { operandOne: { fieldId: 'priority' }, operandTwo: { doubleValue: 3 }, result: false } }] } })],
    ['the last condition is removed', (_d, before) => ({ ...before, Rule: without(before.Rule, 'Conditions') }),
      (rule) => expect(rule.rule).toStrictEqual({ required: { defaultValue: false, conditions: [] } })],
    ['the rule type changes', (_d, before) => ({ ...before, Rule: { ...before.Rule, Type: 'Hidden' } }),
      (rule) => expect(rule.rule).toHaveProperty('hidden.conditions.length', 4)],
    ['the rule becomes a field-options rule', (d, before) => ({
      ...before,
      Rule: { Type: 'FieldOptions', ParentFieldId: d.statusField, ChildFieldId: d.priorityField, Mappings: [{ ParentValue: 'open', ChildValues: ['1', '2'] }] },
    }), (rule) => expect(rule.rule).toStrictEqual({ fieldOptions: {
      parentFieldId: 'status', childFieldId: 'priority',
      parentChildFieldOptionsMappings: [{ parentFieldOptionValue: 'open', childFieldOptionValues: ['1', '2'] }],
    } })],
  ];

  test.each(changes)('GIVEN a rule WHEN %s THEN the rule is updated in place', async (_name, change, check) => {
    const domain = seedDomain(harness.fake);
    const before = requiredRuleProperties(domain);
    const caseRuleId = await createdRule(before);

    const { body } = await harness.invoke(harness.events.update(CASE_RULE_RESOURCE_TYPE, caseRuleId, change(domain, before), before));

    expect(body).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: caseRuleId });
    check(ruleIn(domain, caseRuleId));
  });

  test('GIVEN a rule WHEN only its name changes THEN it costs one BatchGetCaseRule and one UpdateCaseRule, no tag call', async () => {
    const domain = seedDomain(harness.fake);
    const before = requiredRuleProperties(domain);
    const caseRuleId = await createdRule(before);
    harness.fake.resetCallCounts();

    await harness.invoke(harness.events.update(CASE_RULE_RESOURCE_TYPE, caseRuleId, { ...before, Name: 'Other name' }, before));

    expect(harness.fake.callCounts()).toStrictEqual({ BatchGetCaseRule: 1, UpdateCaseRule: 1 });
  });

  test('GIVEN tags WHEN one is added, one changed and one removed THEN the rule carries exactly the new tags and the owner tag', async () => {
    const domain = seedDomain(harness.fake);
    const before = requiredRuleProperties(domain, { Tags: [{ Key: 'team', Value: 'support' }, { Key: 'cost', Value: 'a' }] });
    const caseRuleId = await createdRule(before);
    const owner = harness.fake.tagsOf(ruleIn(domain, caseRuleId).caseRuleArn)[OWNER_TAG_KEY];
    harness.fake.resetCallCounts();

    const after = { ...before, Tags: [{ Key: 'cost', Value: 'b' }, { Key: 'env', Value: 'prod' }] };
    await harness.invoke(harness.events.update(CASE_RULE_RESOURCE_TYPE, caseRuleId, after, before));

    expect(harness.fake.tagsOf(ruleIn(domain, caseRuleId).caseRuleArn)).toStrictEqual({ cost: 'b', env: 'prod', [OWNER_TAG_KEY]: owner });
    expect(harness.fake.callCounts()).toStrictEqual({ BatchGetCaseRule: 1, UpdateCaseRule: 1, TagResource: 1, UntagResource: 1 });
  });

  test('GIVEN tags WHEN all are removed THEN only the owner tag remains', async () => {
    const domain = seedDomain(harness.fake);
    const before = requiredRuleProperties(domain);
    const caseRuleId = await createdRule(before);

    await harness.invoke(harness.events.update(CASE_RULE_RESOURCE_TYPE, caseRuleId, without(before, 'Tags'), before));

    expect(Object.keys(harness.fake.tagsOf(ruleIn(domain, caseRuleId).caseRuleArn))).toStrictEqual([OWNER_TAG_KEY]);
  });

  test('GIVEN an update WHEN CloudFormation rolls it back (old and new swapped) THEN the previous state is restored exactly', async () => {
    const domain = seedDomain(harness.fake);
    const before = requiredRuleProperties(domain);
    const caseRuleId = await createdRule(before);
    const original = ruleIn(domain, caseRuleId);
    const after: CaseRuleResourceProperties = {
      ...without(before, 'Description'), Name: 'Changed', Rule: { Type: 'Hidden', DefaultValue: true }, Tags: [{ Key: 'other', Value: 'x' }],
    };
    await harness.invoke(harness.events.update(CASE_RULE_RESOURCE_TYPE, caseRuleId, after, before));

    const { body } = await harness.invoke(harness.events.update(CASE_RULE_RESOURCE_TYPE, caseRuleId, before, after));

    expect(body).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: caseRuleId });
    expect(ruleIn(domain, caseRuleId)).toStrictEqual(original);
  });

  test('GIVEN an update to an unknown field WHEN applied THEN FAILED with the service message, the old id, and the rule unchanged', async () => {
    const domain = seedDomain(harness.fake);
    const before = requiredRuleProperties(domain);
    const caseRuleId = await createdRule(before);
    const original = ruleIn(domain, caseRuleId);
    const after = { ...before, Rule: { ...before.Rule, Conditions: [condition('no-such-field', 'String', 'x', true)] } };

    const { body } = await harness.invoke(harness.events.update(CASE_RULE_RESOURCE_TYPE, caseRuleId, after, before));
    const rollback = await harness.invoke(harness.events.update(CASE_RULE_RESOURCE_TYPE, caseRuleId, before, after));

    expect(body.Status).toBe('FAILED');
    expect(body.PhysicalResourceId).toBe(caseRuleId);
    expect(body.Reason).toMatch(new RegExp(`^UpdateCaseRule failed for case rule ${caseRuleId} in domain ${domain.domainId}: ResourceNotFoundException: .*no-such-field`));
    expect(rollback.body.Status).toBe('SUCCESS');
    expect(ruleIn(domain, caseRuleId)).toStrictEqual(original);
  });
});

describe('Update of a case rule that replaces it', () => {
  test('GIVEN a rule WHEN its domain changes THEN a new rule is created in the new domain and its id returned; the old one stays until CloudFormation deletes it', async () => {
    const oldDomain = seedDomain(harness.fake);
    const newDomain = seedDomain(harness.fake);
    const before = requiredRuleProperties(oldDomain);
    const oldId = await createdRule(before);
    const after = { ...before, DomainId: newDomain.domainId };

    const { body } = await harness.invoke(harness.events.update(CASE_RULE_RESOURCE_TYPE, oldId, after, before));
    const cleanup = await harness.invoke(harness.events.delete(CASE_RULE_RESOURCE_TYPE, oldId, before));

    const [replacement] = harness.fake.caseRules(newDomain.domainId);
    expect(body).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: replacement.caseRuleId, Data: { CaseRuleId: replacement.caseRuleId } });
    expect(replacement.caseRuleId).not.toBe(oldId);
    expect(cleanup.body.Status).toBe('SUCCESS');
    expect(ruleIn(oldDomain, oldId).deleted).toBe(true);
  });

  test('GIVEN a domain change WHEN tagging the new rule is denied THEN FAILED with the old id, and the new rule is deleted again', async () => {
    const oldDomain = seedDomain(harness.fake);
    const newDomain = seedDomain(harness.fake);
    const before = requiredRuleProperties(oldDomain);
    const oldId = await createdRule(before);

    harness.fake.setFaults({ denyOperations: ['TagResource'] });
    let body;
    try {
      ({ body } = await harness.invoke(harness.events.update(CASE_RULE_RESOURCE_TYPE, oldId, { ...before, DomainId: newDomain.domainId }, before)));
    } finally {
      harness.fake.setFaults({});
    }

    // CloudFormation keeps the old id, so it would never delete the new rule: the handler does.
    expect(body).toMatchObject({ Status: 'FAILED', PhysicalResourceId: oldId });
    expect(body.Reason).toMatch(/TagResource failed .*AccessDeniedException/);
    const created = harness.fake.caseRules(newDomain.domainId, { includeDeleted: true });
    expect(created).toHaveLength(1);
    expect(created[0].deleted).toBe(true);
    expect(ruleIn(oldDomain, oldId).deleted).toBe(false);
  });

  test('GIVEN a rule deleted out of band WHEN updated THEN it is created again and the new id returned', async () => {
    const domain = seedDomain(harness.fake);
    const before = requiredRuleProperties(domain);
    const oldId = await createdRule(before);
    await harness.outOfBandClient().send(new DeleteCaseRuleCommand({ domainId: domain.domainId, caseRuleId: oldId }));

    const { body } = await harness.invoke(harness.events.update(CASE_RULE_RESOURCE_TYPE, oldId, { ...before, Name: 'Back again' }, before));

    const live = harness.fake.caseRules(domain.domainId);
    expect(live).toEqual([expect.objectContaining({ name: 'Back again' })]);
    expect(body).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: live[0].caseRuleId });
    expect(live[0].caseRuleId).not.toBe(oldId);
  });
});

describe('Delete of a case rule', () => {
  test('GIVEN a rule WHEN deleted THEN it is deleted with one DeleteCaseRule call', async () => {
    const domain = seedDomain(harness.fake);
    const properties = requiredRuleProperties(domain);
    const caseRuleId = await createdRule(properties);
    harness.fake.resetCallCounts();

    const { body } = await harness.invoke(harness.events.delete(CASE_RULE_RESOURCE_TYPE, caseRuleId, properties));

    expect(body).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: caseRuleId });
    expect(ruleIn(domain, caseRuleId).deleted).toBe(true);
    expect(harness.fake.callCounts()).toStrictEqual({ DeleteCaseRule: 1 });
  });

  test('GIVEN a rule already deleted WHEN deleted THEN SUCCESS', async () => {
    const domain = seedDomain(harness.fake);
    const properties = requiredRuleProperties(domain);
    const caseRuleId = await createdRule(properties);
    await harness.outOfBandClient().send(new DeleteCaseRuleCommand({ domainId: domain.domainId, caseRuleId }));

    const { body } = await harness.invoke(harness.events.delete(CASE_RULE_RESOURCE_TYPE, caseRuleId, properties));

    expect(body.Status).toBe('SUCCESS');
  });

  test('GIVEN an id that never existed WHEN deleted THEN SUCCESS', async () => {
    const domain = seedDomain(harness.fake);

    const { body } = await harness.invoke(harness.events.delete(CASE_RULE_RESOURCE_TYPE, 'c0ffee00-0000-4000-8000-000000000000', requiredRuleProperties(domain)));

    expect(body.Status).toBe('SUCCESS');
  });
});
