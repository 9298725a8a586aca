import { CaseRuleProperties, RESOURCE_TYPES } from '../../lib/private/contract';
import { seedDomain } from '../support/domain';
import { HandlerHarness } from '../support/handler-harness';
import { createFailedMarkerPattern } from '../support/kinds';
import { equalTo, minimalTemplateProperties, requiredRuleProperties } from '../support/properties';

const CASE_RULE_RESOURCE_TYPE = RESOURCE_TYPES.caseRule;
const TEMPLATE_RESOURCE_TYPE = RESOURCE_TYPES.template;

let harness: HandlerHarness;
beforeAll(async () => { harness = await HandlerHarness.start(); });
afterEach(() => harness.fake.setFaults({}));
afterAll(() => harness.close());

const logsOf = (lines: string[]) => lines.map((line) => JSON.parse(line) as Record<string, unknown>);

describe('retries', () => {
  test.each([
    ['throttling', { throttleRate: 0.5, seed: 7 }],
    ['internal server errors', { serverErrorRate: 0.5, seed: 7 }],
  ])('GIVEN %s on half the requests WHEN a rule is created, updated and deleted THEN every step succeeds after retries', async (_name, faults) => {
    const domain = seedDomain(harness.fake);
    const before = requiredRuleProperties(domain);
    const after = { ...before, Name: 'Renamed', Tags: [{ Key: 'env', Value: 'prod' }] };
    harness.fake.setFaults(faults);
    harness.fake.resetCallCounts();
    harness.fake.resetInjectedFaults();

    const created = await harness.invoke(harness.events.create(CASE_RULE_RESOURCE_TYPE, before));
    const updated = await harness.invoke(harness.events.update(CASE_RULE_RESOURCE_TYPE, created.body.PhysicalResourceId, after, before));
    const deleted = await harness.invoke(harness.events.delete(CASE_RULE_RESOURCE_TYPE, created.body.PhysicalResourceId, after));

    expect([created.body.Status, updated.body.Status, deleted.body.Status]).toStrictEqual(['SUCCESS', 'SUCCESS', 'SUCCESS']);
    const rules = harness.fake.caseRules(domain.domainId, { includeDeleted: true });
    expect(rules).toEqual([expect.objectContaining({ name: 'Renamed', deleted: true })]);
    // Every faulted request was tried again, and nothing else was: per operation, the requests that
    // went through are exactly the plan's. A create that failed with a 500 may have committed, so it
    // is looked up by name (one ListCaseRules) before it is tried again; a throttled one is not.
    const injected = harness.fake.injectedFaults();
    expect(injected.length).toBeGreaterThan(0);
    const lookups = injected.filter((f) => f.operation === 'CreateCaseRule' && f.fault === 'serverError').length;
    const wentThrough = Object.fromEntries(Object.entries(harness.fake.callCounts())
      .map(([operation, count]) => [operation, count - injected.filter((f) => f.operation === operation).length] as const)
      .filter(([, count]) => count > 0));
    expect(wentThrough).toStrictEqual({
      CreateCaseRule: 1, TagResource: 2, BatchGetCaseRule: 1, UpdateCaseRule: 1, UntagResource: 1, DeleteCaseRule: 1,
      ...(lookups > 0 ? { ListCaseRules: lookups } : {}),
    });
  });

  test('GIVEN every request throttled WHEN a template is created THEN FAILED in bounded time naming the operation and the last error', async () => {
    const domain = seedDomain(harness.fake);
    harness.fake.setFaults({ throttleRate: 1 });

    const { body, elapsedMs } = await harness.invoke(harness.events.create(TEMPLATE_RESOURCE_TYPE, minimalTemplateProperties(domain)), { remainingMs: 3_000 });

    expect(body.Status).toBe('FAILED');
    expect(body.Reason).toMatch(/^timed out after [\d.]+s during CreateTemplate on template 'Minimal template' in domain .* \(last error: ThrottlingException/);
    expect(elapsedMs).toBeLessThan(3_000);
  });

  test('GIVEN a validation error WHEN a rule is created THEN it is not retried', async () => {
    const domain = seedDomain(harness.fake);
    harness.fake.resetCallCounts();

    const { body } = await harness.invoke(harness.events.create(CASE_RULE_RESOURCE_TYPE, requiredRuleProperties(domain, { Name: 'ends in a space ' })));

    expect(body.Status).toBe('FAILED');
    expect(body.Reason).toContain('ValidationException');
    expect(harness.fake.callCounts()).toStrictEqual({ CreateCaseRule: 1 });
  });
});

describe('a domain policy IAM has not applied yet', () => {
  afterEach(() => harness.fake.setAuthorizer(undefined));

  test('GIVEN the first two calls denied (IAM still propagating a new policy) WHEN a rule is created THEN it is retried and succeeds', async () => {
    const domain = seedDomain(harness.fake);
    let denials = 0;
    harness.fake.setAuthorizer(({ action }) => (action === 'cases:CreateCaseRule' && denials++ < 2 ? `not yet authorized to perform ${action}` : 'allow'));
    harness.fake.resetCallCounts();

    const { body } = await harness.invoke(harness.events.create(RESOURCE_TYPES.caseRule, requiredRuleProperties(domain)));

    expect(body.Status).toBe('SUCCESS');
    expect(harness.fake.callCounts()).toStrictEqual({ CreateCaseRule: 3, TagResource: 1 });
    expect(harness.fake.caseRules(domain.domainId)).toHaveLength(1);
  });

  test('GIVEN a denial that lasts WHEN a rule is created THEN FAILED with AccessDeniedException once the 10 s grace is over', async () => {
    const domain = seedDomain(harness.fake);
    harness.fake.setAuthorizer(({ action }) => `not authorized to perform ${action}`);

    const { body, elapsedMs } = await harness.invoke(harness.events.create(RESOURCE_TYPES.caseRule, requiredRuleProperties(domain)));

    expect(body.Status).toBe('FAILED');
    expect(body.Reason).toMatch(/^CreateCaseRule failed for case rule .*: AccessDeniedException/);
    expect(elapsedMs).toBeGreaterThanOrEqual(9_000);
    expect(elapsedMs).toBeLessThan(20_000);
  });
});

describe('deadline', () => {
  test('GIVEN UpdateCaseRule hangs WHEN a rule is updated THEN FAILED before Lambda would end, naming the operation and rule, old id kept', async () => {
    const domain = seedDomain(harness.fake);
    const before = requiredRuleProperties(domain);
    const created = await harness.invoke(harness.events.create(CASE_RULE_RESOURCE_TYPE, before));
    const caseRuleId = created.body.PhysicalResourceId;
    harness.fake.setFaults({ hangOperations: ['UpdateCaseRule'] });

    const { body, elapsedMs } = await harness.invoke(
      harness.events.update(CASE_RULE_RESOURCE_TYPE, caseRuleId, { ...before, Name: 'Never' }, before), { remainingMs: 3_000 });

    expect(body).toMatchObject({ Status: 'FAILED', PhysicalResourceId: caseRuleId });
    expect(body.Reason).toMatch(new RegExp(`^timed out after [\\d.]+s during UpdateCaseRule on case rule ${caseRuleId} in domain ${domain.domainId}$`));
    expect(elapsedMs).toBeLessThan(3_000);
  });

  test('GIVEN CreateCaseRule hangs WHEN a rule is created THEN FAILED with the create-failed marker', async () => {
    const domain = seedDomain(harness.fake);
    harness.fake.setFaults({ hangOperations: ['CreateCaseRule'] });

    const { body, elapsedMs } = await harness.invoke(harness.events.create(CASE_RULE_RESOURCE_TYPE, requiredRuleProperties(domain)), { remainingMs: 2_000 });

    expect(body.Status).toBe('FAILED');
    expect(body.PhysicalResourceId).toMatch(createFailedMarkerPattern(body.RequestId));
    expect(body.Reason).toMatch(/^timed out after [\d.]+s during CreateCaseRule on case rule 'Notes required when urgent'/);
    expect(elapsedMs).toBeLessThan(2_000);
  });
});

describe('the response to CloudFormation', () => {
  /** 100 conditions comparing with 1500-character strings: the largest rule the API accepts. */
  function hugeRule(fieldId: string, properties: CaseRuleProperties): CaseRuleProperties {
    const conditions = Array.from({ length: 100 }, (_, i) => equalTo(fieldId, { stringValue: `${i}`.padEnd(1500, 'x') }, i % 2 === 0));
    return { ...properties, Rule: { required: { defaultValue: false, conditions } } };
  }

  test.each([
    ['succeeds', 'status', 'SUCCESS'],
    ['fails on an unknown field', 'no-such-field', 'FAILED'],
  ])('GIVEN a rule with 100 conditions of 1500-character strings WHEN its Create %s THEN the response stays under 4096 bytes', async (_name, fieldId, status) => {
    const domain = seedDomain(harness.fake);

    const { body, response } = await harness.invoke(harness.events.create(CASE_RULE_RESOURCE_TYPE, hugeRule(fieldId, requiredRuleProperties(domain))));

    expect(body.Status).toBe(status);
    expect(response.bytes).toBeLessThan(4096);
  });

  test('GIVEN the response URL answers 503 twice WHEN the handler answers THEN it retries the PUT until accepted, with an empty content-type', async () => {
    const domain = seedDomain(harness.fake);
    harness.responses.failNext(2);

    const { body, response } = await harness.invoke(harness.events.create(TEMPLATE_RESOURCE_TYPE, minimalTemplateProperties(domain)));

    expect(body.Status).toBe('SUCCESS');
    expect(response.contentType ?? '').toBe('');
  });

  test('GIVEN any request WHEN the handler logs THEN each line is JSON with the request context and never the ResponseURL or property values', async () => {
    const domain = seedDomain(harness.fake);
    const properties = requiredRuleProperties(domain, { Description: 'a-confidential-description' });
    const event = harness.events.create(CASE_RULE_RESOURCE_TYPE, properties, { logicalResourceId: 'LoggedRule' });

    const { body, logLines } = await harness.invoke(event);

    const logs = logsOf(logLines);
    expect(logs.length).toBeGreaterThan(0);
    for (const line of logs) {
      expect(line).toMatchObject({ level: expect.any(String), message: expect.any(String), requestType: 'Create', resourceType: CASE_RULE_RESOURCE_TYPE, logicalResourceId: 'LoggedRule' });
    }
    expect(logs).toContainEqual(expect.objectContaining({ operation: 'TagResource', domainId: domain.domainId, caseRuleId: body.PhysicalResourceId, attempt: 1 }));
    const all = logLines.join('\n');
    expect(all).not.toContain(new URL(event.ResponseURL).search);
    expect(all).not.toContain('cloudformation-responses');
    expect(all).not.toContain('a-confidential-description');
  });
});
