import type { CloudFormationCustomResourceEvent } from 'aws-lambda';
import { RESOURCE_TYPES } from '../../lib/private/contract';
import { SeededDomain, seedDomain } from '../support/domain';
import { ResourceProperties } from '../support/events';
import { HandlerHarness } from '../support/handler-harness';
import { ASSIGNED_ID_KINDS, CASE_RULE, TEMPLATE } from '../support/kinds';
import { equalTo, minimalTemplateProperties, requiredRuleProperties } from '../support/properties';

/**
 * The entry point (`lambda/index.ts`) and the decoding of properties (`lambda/decode.ts`): what
 * happens before any kind's lifecycle runs. Every refusal answers FAILED without calling Cases.
 */

let harness: HandlerHarness;
beforeAll(async () => { harness = await HandlerHarness.start(); });
afterAll(() => harness.close());

/** The required rule of `requiredRuleProperties` with its first condition replaced. */
const withFirstCondition = (d: SeededDomain, condition: unknown) =>
  ({ ...requiredRuleProperties(d), Rule: { required: { defaultValue: false, conditions: [condition] } } });

describe('malformed properties', () => {
  const cases: [string, (domain: SeededDomain) => unknown, string][] = [
    ['a boolean that is not "true" or "false"', (d) => ({ ...requiredRuleProperties(d), Rule: { required: { defaultValue: 'yes', conditions: [] } } }),
      'Invalid resource property Rule.required.defaultValue: expected a boolean ("true" or "false"), received "yes"'],
    ['a number that is not numeric', (d) => withFirstCondition(d, equalTo(d.priorityField, { doubleValue: 'high' as unknown as number }, true)),
      'Invalid resource property Rule.required.conditions[0].equalTo.operandTwo.doubleValue: expected a finite number, received "high"'],
    ['a number in hexadecimal', (d) => withFirstCondition(d, equalTo(d.priorityField, { doubleValue: '0x10' as unknown as number }, true)),
      'Invalid resource property Rule.required.conditions[0].equalTo.operandTwo.doubleValue: expected a finite number, received "0x10"'],
    ['an unknown operand type', (d) => withFirstCondition(d, { equalTo: { operandOne: { fieldId: d.priorityField }, operandTwo: { dateValue: 'x' }, result: true } }),
      'Invalid resource property Rule.required.conditions[0].equalTo.operandTwo.dateValue: unknown property; expected one of stringValue, booleanValue, doubleValue, emptyValue'],
    ['two operand types at once', (d) => withFirstCondition(d, equalTo(d.priorityField, { stringValue: 'a', booleanValue: true }, true)),
      'Invalid resource property Rule.required.conditions[0].equalTo.operandTwo: expected exactly one of stringValue, booleanValue, doubleValue, emptyValue, '
      + 'received stringValue and booleanValue'],
    ['a condition without its result', (d) => withFirstCondition(d, { equalTo: { operandOne: { fieldId: d.priorityField }, operandTwo: { doubleValue: 1 } } }),
      'Invalid resource property Rule.required.conditions[0].equalTo.result: required, but absent'],
    ['two rule kinds at once', (d) => ({ ...requiredRuleProperties(d), Rule: { required: { defaultValue: true, conditions: [] }, hidden: { defaultValue: true, conditions: [] } } }),
      'Invalid resource property Rule: expected exactly one of required, hidden, fieldOptions, received required and hidden'],
    ['a missing name', (d) => ({ DomainId: d.domainId, Rule: { hidden: { defaultValue: true, conditions: [] } } }),
      'Invalid resource property Name: required, but absent'],
    ['a missing rule', (d) => ({ DomainId: d.domainId, Name: 'No rule' }),
      'Invalid resource property Rule: required, but absent'],
    ['an unknown property', (d) => ({ ...requiredRuleProperties(d), Tag: [] }),
      'Invalid resource property Tag: unknown property; expected one of DomainId, Name, Description, Rule, AdoptId, Tags'],
    ['the reserved owner tag', (d) => ({ ...requiredRuleProperties(d), Tags: [{ Key: 'cdk-connect-cases:owner', Value: 'me' }] }),
      'Invalid resource property Tags[0].Key: the tag key cdk-connect-cases:owner is reserved'],
    ['a tag key twice', (d) => ({ ...requiredRuleProperties(d), Tags: [{ Key: 'team', Value: 'a' }, { Key: 'team', Value: 'b' }] }),
      'Invalid resource property Tags[1].Key: duplicate tag key "team"'],
  ];

  test.each(cases)('GIVEN %s WHEN a rule is created THEN FAILED naming the property path, with no API call', async (_name, properties, reason) => {
    const domain = seedDomain(harness.fake);
    harness.fake.resetCallCounts();

    const { body } = await harness.invoke(harness.events.create(CASE_RULE.resourceType, properties(domain) as ResourceProperties));

    expect(body.Status).toBe('FAILED');
    expect(body.Reason).toBe(reason);
    expect(harness.fake.callCounts()).toStrictEqual({});
  });

  test('GIVEN an unknown template status WHEN a template is created THEN FAILED naming Status', async () => {
    const domain = seedDomain(harness.fake);

    const { body } = await harness.invoke(harness.events.create(TEMPLATE.resourceType, { ...minimalTemplateProperties(domain), Status: 'Paused' as 'Active' }));

    expect(body.Reason).toBe('Invalid resource property Status: expected one of Active, Inactive, received "Paused"');
  });

  test('GIVEN the ServiceTimeout CloudFormation adds WHEN a rule is created THEN it is ignored', async () => {
    const domain = seedDomain(harness.fake);
    const event = harness.events.create(CASE_RULE.resourceType, requiredRuleProperties(domain));

    const { body } = await harness.invoke({ ...event, ResourceProperties: { ...event.ResourceProperties, ServiceTimeout: '300' } });

    expect(body.Status).toBe('SUCCESS');
  });

  test('GIVEN a failed create with malformed properties WHEN CloudFormation rolls it back THEN the Delete succeeds without a call', async () => {
    const domain = seedDomain(harness.fake);
    const properties = { ...requiredRuleProperties(domain), Rule: { required: { defaultValue: 'yes', conditions: [] } } } as unknown as ResourceProperties;
    const created = await harness.invoke(harness.events.create(CASE_RULE.resourceType, properties));
    harness.fake.resetCallCounts();

    const { body } = await harness.invoke(harness.events.delete(CASE_RULE.resourceType, created.body.PhysicalResourceId, properties));

    expect(created.body.Status).toBe('FAILED');
    expect(body.Status).toBe('SUCCESS');
    expect(harness.fake.callCounts()).toStrictEqual({});
  });
});

describe.each(ASSIGNED_ID_KINDS)('an empty DomainId of a %s', (_name, kind) => {
  test('GIVEN an empty DomainId WHEN created THEN FAILED naming DomainId, with no API call', async () => {
    const domain = seedDomain(harness.fake);
    harness.fake.resetCallCounts();

    const { body } = await harness.invoke(harness.events.create(kind.resourceType, { ...kind.properties(domain), DomainId: '' }));

    expect(body).toMatchObject({ Status: 'FAILED', Reason: 'Invalid resource property DomainId: must not be empty' });
    expect(harness.fake.callCounts()).toStrictEqual({});
  });

  test('GIVEN an empty AdoptId WHEN created THEN FAILED naming AdoptId, with no API call', async () => {
    const domain = seedDomain(harness.fake);
    harness.fake.resetCallCounts();

    const { body } = await harness.invoke(harness.events.create(kind.resourceType, { ...kind.properties(domain), AdoptId: '' }));

    expect(body).toMatchObject({ Status: 'FAILED', Reason: 'Invalid resource property AdoptId: must not be empty' });
    expect(harness.fake.callCounts()).toStrictEqual({});
  });

  test('GIVEN the undated create-failed marker of version 0.1 and an untagged same-named record WHEN deleted THEN nothing is deleted (its age cannot be proven)', async () => {
    const domain = seedDomain(harness.fake);
    const properties = kind.properties(domain);
    const id = await kind.createOutOfBand(harness.outOfBandClient(), properties);
    harness.fake.resetCallCounts();

    const { body } = await harness.invoke(harness.events.delete(kind.resourceType, 'create-failed:0f3a2c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b', properties));

    expect(body.Status).toBe('SUCCESS');
    expect(harness.fake.callCounts()).toStrictEqual({});
    expect(kind.records(harness.fake, domain.domainId).map((record) => record.id)).toStrictEqual([id]);
  });

  test('GIVEN an empty old DomainId WHEN updated THEN FAILED naming OldResourceProperties.DomainId and the current id kept, with no API call', async () => {
    const domain = seedDomain(harness.fake);
    const properties = kind.properties(domain);
    harness.fake.resetCallCounts();

    const { body } = await harness.invoke(harness.events.update(kind.resourceType, 'c0ffee00-0000-4000-8000-000000000000', properties, { ...properties, DomainId: '' }));

    expect(body).toMatchObject({
      Status: 'FAILED',
      PhysicalResourceId: 'c0ffee00-0000-4000-8000-000000000000',
      Reason: 'Invalid resource property OldResourceProperties.DomainId: expected a non-empty domain id, received ""',
    });
    expect(harness.fake.callCounts()).toStrictEqual({});
  });

  test('GIVEN an empty DomainId WHEN deleted THEN FAILED naming DomainId, with no API call', async () => {
    const domain = seedDomain(harness.fake);
    harness.fake.resetCallCounts();

    const { body } = await harness.invoke(harness.events.delete(kind.resourceType, 'c0ffee00-0000-4000-8000-000000000000', { ...kind.properties(domain), DomainId: '' }));

    expect(body).toMatchObject({ Status: 'FAILED', Reason: 'Invalid resource property DomainId: expected a non-empty domain id, received ""' });
    expect(harness.fake.callCounts()).toStrictEqual({});
  });
});

describe('events this handler does not serve', () => {
  test('GIVEN a resource type this handler does not serve WHEN created THEN FAILED naming it and the types it serves, and its Delete succeeds without a call', async () => {
    const domain = seedDomain(harness.fake);
    const properties = minimalTemplateProperties(domain);

    const created = await harness.invoke(harness.events.create('Custom::Other', properties));
    harness.fake.resetCallCounts();
    const deleted = await harness.invoke(harness.events.delete('Custom::Other', created.body.PhysicalResourceId, properties));

    expect(created.body.Status).toBe('FAILED');
    expect(created.body.Reason).toMatch(/^unknown resource type Custom::Other; this handler serves /);
    expect(created.body.Reason).toContain(RESOURCE_TYPES.caseRule);
    expect(created.body.Reason).toContain(RESOURCE_TYPES.template);
    expect(deleted.body.Status).toBe('SUCCESS');
    expect(harness.fake.callCounts()).toStrictEqual({});
  });

  test('GIVEN a RequestType other than Create, Update and Delete WHEN invoked THEN FAILED naming it, with the physical id kept and no API call', async () => {
    const domain = seedDomain(harness.fake);
    const deleteEvent = harness.events.delete(CASE_RULE.resourceType, 'c0ffee00-0000-4000-8000-000000000000', requiredRuleProperties(domain));
    harness.fake.resetCallCounts();

    const { body } = await harness.invoke({ ...deleteEvent, RequestType: 'Refresh' } as unknown as CloudFormationCustomResourceEvent);

    expect(body).toMatchObject({
      Status: 'FAILED',
      PhysicalResourceId: 'c0ffee00-0000-4000-8000-000000000000',
      Reason: 'unknown RequestType "Refresh"; expected Create, Update or Delete',
    });
    expect(harness.fake.callCounts()).toStrictEqual({});
  });
});
