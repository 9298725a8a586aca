import { createHash } from 'node:crypto';
import { CreateCaseRuleCommand } from '@aws-sdk/client-connectcases';
import { CASE_RULE_RESOURCE_TYPE, OWNER_TAG_KEY } from '../../lib/private/resource-properties';
import { seedDomain } from '../support/domain';
import { STACK_ID } from '../support/events';
import { HandlerHarness } from '../support/handler-harness';
import { requiredRuleProperties } from '../support/properties';

let harness: HandlerHarness;
beforeAll(async () => { harness = await HandlerHarness.start(); });
afterAll(() => harness.close());

const ownerOf = (logicalId: string) => createHash('sha256').update(`${STACK_ID}/${logicalId}`).digest('hex');

describe('Create of a case rule', () => {
  test('GIVEN a required rule with boolean, number, "true" string and empty operands WHEN created THEN the API receives each with its JSON type', async () => {
    const domain = seedDomain(harness.fake);

    const { body } = await harness.invoke(harness.events.create(CASE_RULE_RESOURCE_TYPE, requiredRuleProperties(domain)));

    expect(body.Status).toBe('SUCCESS');
    const [rule] = harness.fake.caseRules(domain.domainId);
    expect(rule.name).toBe('Notes required when urgent');
    expect(rule.description).toBe('Urgent cases need notes');
    expect(rule.rule).toStrictEqual({
      required: {
        defaultValue: false,
        conditions: [
          { equalTo: { operandOne: { fieldId: 'urgent' }, operandTwo: { booleanValue: true }, result: true } },
          { equalTo: { operandOne: { fieldId: 'priority' }, operandTwo: { doubleValue: 1.5 }, result: true } },
          { equalTo: { operandOne: { fieldId: 'status' }, operandTwo: { stringValue: 'true' }, result: true } },
          { notEqualTo: { operandOne: { fieldId: 'notes' }, operandTwo: { emptyValue: {} }, result: false } },
        ],
      },
    });
  });

  test('GIVEN a hidden rule WHEN created THEN the API receives a hidden body', async () => {
    const domain = seedDomain(harness.fake);
    const properties = requiredRuleProperties(domain, {
      Rule: { Type: 'Hidden', DefaultValue: true, Conditions: [{ Operator: 'NotEqualTo', FieldId: 'status', ValueType: 'String', Value: 'open', Result: false }] },
    });

    const { body } = await harness.invoke(harness.events.create(CASE_RULE_RESOURCE_TYPE, properties));

    expect(body.Status).toBe('SUCCESS');
    expect(harness.fake.caseRules(domain.domainId)[0].rule).toStrictEqual({
      hidden: { defaultValue: true, conditions: [{ notEqualTo: { operandOne: { fieldId: 'status' }, operandTwo: { stringValue: 'open' }, result: false } }] },
    });
  });

  test('GIVEN a field-options rule WHEN created THEN mappings arrive with a parent without children as an empty list', async () => {
    const domain = seedDomain(harness.fake);
    const properties = requiredRuleProperties(domain, {
      Rule: {
        Type: 'FieldOptions', ParentFieldId: 'status', ChildFieldId: 'priority',
        Mappings: [{ ParentValue: 'open', ChildValues: ['1', '2'] }, { ParentValue: 'closed' }],
      },
    });

    const { body } = await harness.invoke(harness.events.create(CASE_RULE_RESOURCE_TYPE, properties));

    expect(body.Status).toBe('SUCCESS');
    expect(harness.fake.caseRules(domain.domainId)[0].rule).toStrictEqual({
      fieldOptions: {
        parentFieldId: 'status',
        childFieldId: 'priority',
        parentChildFieldOptionsMappings: [
          { parentFieldOptionValue: 'open', childFieldOptionValues: ['1', '2'] },
          { parentFieldOptionValue: 'closed', childFieldOptionValues: [] },
        ],
      },
    });
  });

  test('GIVEN a rule WHEN created THEN the answer names the rule and the rule carries the user tags and the owner tag', async () => {
    const domain = seedDomain(harness.fake);

    const { body } = await harness.invoke(harness.events.create(CASE_RULE_RESOURCE_TYPE, requiredRuleProperties(domain), { logicalResourceId: 'NotesRule' }));

    const [rule] = harness.fake.caseRules(domain.domainId);
    expect(body.PhysicalResourceId).toBe(rule.caseRuleId);
    expect(body.Data).toStrictEqual({ CaseRuleId: rule.caseRuleId, CaseRuleArn: rule.caseRuleArn });
    expect(harness.fake.tagsOf(rule.caseRuleArn)).toStrictEqual({ team: 'support', [OWNER_TAG_KEY]: ownerOf('NotesRule') });
  });

  test('GIVEN a rule WHEN created THEN it costs one CreateCaseRule and one TagResource', async () => {
    const domain = seedDomain(harness.fake);
    harness.fake.resetCallCounts();

    await harness.invoke(harness.events.create(CASE_RULE_RESOURCE_TYPE, requiredRuleProperties(domain)));

    expect(harness.fake.callCounts()).toStrictEqual({ CreateCaseRule: 1, TagResource: 1 });
  });

  test('GIVEN a Create retried by Lambda after its first attempt created the rule WHEN it runs again THEN it adopts its own rule', async () => {
    const domain = seedDomain(harness.fake);
    const event = harness.events.create(CASE_RULE_RESOURCE_TYPE, requiredRuleProperties(domain));
    const first = await harness.invoke(event);

    const retried = await harness.invoke(event);

    expect(retried.body).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: first.body.PhysicalResourceId });
    expect(harness.fake.caseRules(domain.domainId)).toHaveLength(1);
  });

  test('GIVEN a same-named rule created outside this stack WHEN created THEN FAILED names that rule, says how to fix it, and leaves it alone', async () => {
    const domain = seedDomain(harness.fake);
    const properties = requiredRuleProperties(domain);
    const foreign = await harness.outOfBandClient().send(new CreateCaseRuleCommand({
      domainId: domain.domainId, name: properties.Name, rule: { required: { defaultValue: true, conditions: [] } },
    }));

    const { body } = await harness.invoke(harness.events.create(CASE_RULE_RESOURCE_TYPE, properties));

    expect(body.Status).toBe('FAILED');
    expect(body.Reason).toContain(`case rule ${foreign.caseRuleId} already has this name`);
    expect(body.Reason).toContain('choose another name or delete that case rule');
    expect(body.PhysicalResourceId).toBe(`create-failed:${body.RequestId}`);
    expect(harness.fake.caseRules(domain.domainId)).toEqual([expect.objectContaining({ caseRuleId: foreign.caseRuleId, rule: { required: { defaultValue: true, conditions: [] } } })]);
  });

  test('GIVEN a same-named rule of another logical resource of this stack WHEN created THEN FAILED (the owner tag differs)', async () => {
    const domain = seedDomain(harness.fake);
    await harness.invoke(harness.events.create(CASE_RULE_RESOURCE_TYPE, requiredRuleProperties(domain), { logicalResourceId: 'First' }));

    const { body } = await harness.invoke(harness.events.create(CASE_RULE_RESOURCE_TYPE, requiredRuleProperties(domain), { logicalResourceId: 'Second' }));

    expect(body.Status).toBe('FAILED');
    expect(body.Reason).toMatch(/^CreateCaseRule failed for case rule 'Notes required when urgent' in domain .*: case rule .* already has this name/);
  });

  test('GIVEN a condition on an unknown field WHEN created THEN FAILED with the service message, nothing created, and the rollback Delete makes no call', async () => {
    const domain = seedDomain(harness.fake);
    const properties = requiredRuleProperties(domain, {
      Rule: { Type: 'Required', DefaultValue: false, Conditions: [{ Operator: 'EqualTo', FieldId: 'no-such-field', ValueType: 'Empty', Result: true }] },
    });

    const created = await harness.invoke(harness.events.create(CASE_RULE_RESOURCE_TYPE, properties));
    harness.fake.resetCallCounts();
    const rolledBack = await harness.invoke(harness.events.delete(CASE_RULE_RESOURCE_TYPE, created.body.PhysicalResourceId, properties));

    expect(created.body.Status).toBe('FAILED');
    expect(created.body.Reason).toMatch(new RegExp(`^CreateCaseRule failed for case rule 'Notes required when urgent' in domain ${domain.domainId}: ResourceNotFoundException: .*no-such-field`));
    expect(created.body.PhysicalResourceId).toBe(`create-failed:${created.body.RequestId}`);
    expect(rolledBack.body.Status).toBe('SUCCESS');
    expect(harness.fake.callCounts()).toStrictEqual({});
    expect(harness.fake.caseRules(domain.domainId, { includeDeleted: true })).toHaveLength(0);
  });

  test('GIVEN tagging hangs after the rule was created WHEN created THEN FAILED names the created rule so the rollback Delete removes it', async () => {
    const domain = seedDomain(harness.fake);
    const properties = requiredRuleProperties(domain);
    harness.fake.setFaults({ hangOperations: ['TagResource'] });
    let created;
    try {
      created = await harness.invoke(harness.events.create(CASE_RULE_RESOURCE_TYPE, properties), { remainingMs: 2_000 });
    } finally {
      harness.fake.setFaults({});
    }
    const rolledBack = await harness.invoke(harness.events.delete(CASE_RULE_RESOURCE_TYPE, created.body.PhysicalResourceId, properties));

    const [rule] = harness.fake.caseRules(domain.domainId, { includeDeleted: true });
    expect(created.body.Status).toBe('FAILED');
    expect(created.body.Reason).toMatch(new RegExp(`^timed out after [\\d.]+s during TagResource on case rule ${rule.caseRuleId} in domain ${domain.domainId}`));
    expect(created.body.PhysicalResourceId).toBe(rule.caseRuleId);
    expect(rolledBack.body.Status).toBe('SUCCESS');
    expect(rule.deleted).toBe(true);
  });
});
