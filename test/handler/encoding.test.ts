import {
  CASE_RULE_RESOURCE_TYPE, CaseRuleResourceProperties, TEMPLATE_RESOURCE_TYPE,
} from '../../lib/private/resource-properties';
import { SeededDomain, seedDomain } from '../support/domain';
import { Encoding } from '../support/events';
import { HandlerHarness } from '../support/handler-harness';
import { fullTemplateProperties, minimalTemplateProperties, requiredRuleProperties } from '../support/properties';

let harness: HandlerHarness;
beforeAll(async () => { harness = await HandlerHarness.start(); });
afterAll(() => harness.close());

/** Records without their generated ids and owner tags, to compare resources of two domains. */
function comparable(records: object[]) {
  return records.map((record) => JSON.parse(JSON.stringify(record, (key, value) =>
    ['caseRuleId', 'caseRuleArn', 'templateId', 'templateArn', 'tags'].includes(key) ? undefined : value)));
}

describe('properties whose {}, null and [] members CloudFormation dropped', () => {
  /** A rule made of everything that is empty: no conditions, an empty operand, a parent without children, no tags. */
  const emptyish = (domain: SeededDomain): CaseRuleResourceProperties[] => [
    requiredRuleProperties(domain, { Name: 'No conditions', Rule: { Type: 'Hidden', DefaultValue: false, Conditions: [] }, Tags: [] }),
    requiredRuleProperties(domain, { Name: 'Empty operand', Rule: { Type: 'Required', DefaultValue: true, Conditions: [{ Operator: 'EqualTo', FieldId: 'notes', ValueType: 'Empty', Result: false }] } }),
    requiredRuleProperties(domain, { Name: 'No children', Rule: { Type: 'FieldOptions', ParentFieldId: 'status', ChildFieldId: 'priority', Mappings: [{ ParentValue: 'closed', ChildValues: [] }] } }),
  ];

  test('GIVEN rules built of empty values WHEN created with and without the empty members THEN the API receives the same rules', async () => {
    const created: Record<Encoding, SeededDomain> = { 'cloudformation': seedDomain(harness.fake), 'dropped-empty': seedDomain(harness.fake) };
    for (const [encoding, domain] of Object.entries(created) as [Encoding, SeededDomain][]) {
      for (const properties of emptyish(domain)) {
        const { body } = await harness.invoke(harness.events.create(CASE_RULE_RESOURCE_TYPE, properties, { encoding }));
        expect(body.Status).toBe('SUCCESS');
      }
    }

    const full = harness.fake.caseRules(created.cloudformation.domainId);
    expect(comparable(harness.fake.caseRules(created['dropped-empty'].domainId))).toStrictEqual(comparable(full));
    expect(full.map((rule) => rule.rule)).toContainEqual({ hidden: { defaultValue: false, conditions: [] } });
  });

  test('GIVEN a full template WHEN updated to empty lists that CloudFormation dropped THEN the lists are cleared', async () => {
    const domain = seedDomain(harness.fake);
    const { body: rule } = await harness.invoke(harness.events.create(CASE_RULE_RESOURCE_TYPE, requiredRuleProperties(domain)));
    const before = fullTemplateProperties(domain, [rule.PhysicalResourceId]);
    const { body: created } = await harness.invoke(harness.events.create(TEMPLATE_RESOURCE_TYPE, before, { encoding: 'dropped-empty' }));
    const after = { ...before, RequiredFieldIds: [], Rules: [], TagPropagations: [], Tags: [] };

    const { body } = await harness.invoke(harness.events.update(TEMPLATE_RESOURCE_TYPE, created.PhysicalResourceId, after, before, { encoding: 'dropped-empty' }));

    expect(body.Status).toBe('SUCCESS');
    expect(harness.fake.templates(domain.domainId)[0]).toMatchObject({ requiredFields: [], rules: [] });
    expect(harness.fake.templates(domain.domainId)[0].tagPropagationConfigurations ?? []).toStrictEqual([]);
  });
});

describe('malformed properties', () => {
  const cases: [string, (domain: SeededDomain) => unknown, string][] = [
    ['a boolean that is not "true" or "false"', (d) => ({ ...requiredRuleProperties(d), Rule: { Type: 'Required', DefaultValue: 'yes' } }),
      'Invalid resource property Rule.DefaultValue: expected a boolean ("true" or "false"), received "yes"'],
    ['a number that is not numeric', (d) => ({ ...requiredRuleProperties(d), Rule: { Type: 'Required', DefaultValue: false, Conditions: [{ Operator: 'EqualTo', FieldId: 'priority', ValueType: 'Number', Value: 'high', Result: true }] } }),
      'Invalid resource property Rule.Conditions[0].Value: expected a finite number, received "high"'],
    ['an unknown operand type', (d) => ({ ...requiredRuleProperties(d), Rule: { Type: 'Required', DefaultValue: false, Conditions: [{ Operator: 'EqualTo', FieldId: 'priority', ValueType: 'Date', Value: 'x', Result: true }] } }),
      'Invalid resource property Rule.Conditions[0].ValueType: expected one of String, Number, Boolean, Empty, received "Date"'],
    ['a missing name', (d) => ({ DomainId: d.domainId, Rule: { Type: 'Hidden', DefaultValue: true } }),
      'Invalid resource property Name: required, but absent'],
    ['an unknown property', (d) => ({ ...requiredRuleProperties(d), Tag: [] }),
      'Invalid resource property Tag: unknown property'],
    ['the reserved owner tag', (d) => ({ ...requiredRuleProperties(d), Tags: [{ Key: 'cdk-connect-cases:owner', Value: 'me' }] }),
      'Invalid resource property Tags[0].Key: the tag key cdk-connect-cases:owner is reserved'],
  ];

  test.each(cases)('GIVEN %s WHEN a rule is created THEN FAILED naming the property path, with no API call', async (_name, properties, reason) => {
    const domain = seedDomain(harness.fake);
    harness.fake.resetCallCounts();

    const { body } = await harness.invoke(harness.events.create(CASE_RULE_RESOURCE_TYPE, properties(domain) as CaseRuleResourceProperties));

    expect(body.Status).toBe('FAILED');
    expect(body.Reason).toContain(reason);
    expect(harness.fake.callCounts()).toStrictEqual({});
  });

  test('GIVEN an unknown template status WHEN a template is created THEN FAILED naming Status', async () => {
    const domain = seedDomain(harness.fake);

    const { body } = await harness.invoke(harness.events.create(TEMPLATE_RESOURCE_TYPE, { ...minimalTemplateProperties(domain), Status: 'Paused' as 'Active' }));

    expect(body.Reason).toBe('Invalid resource property Status: expected one of Active, Inactive, received "Paused"');
  });

  test('GIVEN the ServiceTimeout CloudFormation adds WHEN a rule is created THEN it is ignored', async () => {
    const domain = seedDomain(harness.fake);
    const event = harness.events.create(CASE_RULE_RESOURCE_TYPE, requiredRuleProperties(domain));

    const { body } = await harness.invoke({ ...event, ResourceProperties: { ...event.ResourceProperties, ServiceTimeout: '300' } });

    expect(body.Status).toBe('SUCCESS');
  });

  test('GIVEN a resource type this handler does not serve WHEN created THEN FAILED naming it, and its Delete succeeds', async () => {
    const domain = seedDomain(harness.fake);
    const properties = minimalTemplateProperties(domain);

    const created = await harness.invoke(harness.events.create('Custom::Other', properties));
    const deleted = await harness.invoke(harness.events.delete('Custom::Other', created.body.PhysicalResourceId, properties));

    expect(created.body.Reason).toBe('unknown resource type Custom::Other; this handler serves Custom::ConnectCasesCaseRule and Custom::ConnectCasesTemplate');
    expect(deleted.body.Status).toBe('SUCCESS');
  });
});
