import { CaseRuleRecord, TemplateRecord } from '../fake';
import { byName, expectStatus, liveCaseRules, liveTemplates, ownerTag } from './expectations';
import { CloudFormationSimulator, StackOperationResult } from './simulator';
import {
  ScaleShape, attachedField, conditionField, requiredFieldsOf, ruleName, scaleStack, templateName,
} from './stacks/scale-stack';
import { logicalIdOf } from './stacks/template-queries';
import { synthesize } from './synthesize';

/**
 * 100 rules and 10 templates deployed all at once against a fake that throttles 20% and fails 5%
 * of requests with 500 (fixed seed), every Cases call authorized by IAM against the policies
 * deployed at that moment: the handler's retries must converge, without duplicates.
 */
const SHAPE: ScaleShape = { fields: 20, templates: 10, rulesPerTemplate: 10 };
const RULES = SHAPE.templates * SHAPE.rulesPerTemplate;
const FAULTS = { seed: 20240601, throttleRate: 0.2, serverErrorRate: 0.05 };

let sim: CloudFormationSimulator;
// IAM on (the default): asserted below, so that retries are proven to stay within the handler's grants.
beforeAll(async () => { sim = await CloudFormationSimulator.start({ faults: FAULTS, iam: true }); });
afterAll(() => sim.close());

test(`${RULES} rules and ${SHAPE.templates} templates converge under 20% throttling and 5% server errors, then delete to nothing`, async () => {
  // GIVEN the scale stack's template
  const template = synthesize(scaleStack('Scale', SHAPE));

  // WHEN it is created under faults
  const created = await sim.create('Scale', template);

  // THEN every resource succeeded, independent ones in parallel
  expectStatus(created, 'CREATE_COMPLETE');
  expect(created.events.filter((e) => e.status !== 'SUCCESS')).toStrictEqual([]);
  expect(created.maxConcurrent).toBeGreaterThanOrEqual(RULES);
  const createCalls = sim.fake.callCounts();
  const createFaults = faultCounts();
  expectEveryCallAllowed();

  // AND the fake holds exactly the declared rules and templates: no duplicates, names unique
  const stack = sim.stack('Scale');
  const domainId = stack.attribute('Domain', 'DomainId');
  const field = (id: string) => stack.attribute(id, 'FieldId');
  const ruleId = (i: number) => stack.resource(logicalIdOf(template, `Rule${i}`)).physicalId;
  const expectedRules = Array.from({ length: RULES }, (_, i): CaseRuleRecord => ({
    caseRuleId: ruleId(i),
    caseRuleArn: `arn:aws:cases:us-east-1:123456789012:domain/${domainId}/case-rule/${ruleId(i)}`,
    name: ruleName(i),
    rule: {
      required: {
        defaultValue: false,
        conditions: [{ equalTo: { operandOne: { fieldId: field(conditionField(i, SHAPE)) }, operandTwo: { doubleValue: i }, result: true } }],
      },
    },
    deleted: false,
    tags: ownerTag(stack, logicalIdOf(template, `Rule${i}`)),
  }));
  const rules = liveCaseRules(sim.fake, domainId);
  expect(new Set(rules.map((r) => r.name)).size).toBe(RULES);
  expect(rules).toStrictEqual(expectedRules.sort(byName));
  expect(sim.fake.caseRules(domainId, { includeDeleted: true })).toHaveLength(RULES);

  const expectedTemplates = Array.from({ length: SHAPE.templates }, (_, t): TemplateRecord => {
    const logicalId = logicalIdOf(template, `Template${t}`);
    const templateId = stack.resource(logicalId).physicalId;
    const ruleIndexes = Array.from({ length: SHAPE.rulesPerTemplate }, (__, k) => t * SHAPE.rulesPerTemplate + k);
    return {
      templateId,
      templateArn: `arn:aws:cases:us-east-1:123456789012:domain/${domainId}/template/${templateId}`,
      name: templateName(t),
      status: 'Active',
      requiredFields: requiredFieldsOf(t, SHAPE).map((id) => ({ fieldId: field(id) })),
      rules: ruleIndexes.map((i) => ({ caseRuleId: ruleId(i), fieldId: field(attachedField(i, SHAPE)) })),
      deleted: false,
      tags: ownerTag(stack, logicalId),
    };
  });
  expect(liveTemplates(sim.fake, domainId)).toStrictEqual(expectedTemplates.sort(byName));
  expect(sim.fake.templates(domainId, { includeDeleted: true })).toHaveLength(SHAPE.templates);

  // WHEN the stack is deleted, still under faults
  sim.fake.resetCallCounts();
  sim.fake.resetInjectedFaults();
  sim.resetAuthorizations();
  const deleted = await sim.delete('Scale');

  // THEN everything is deleted: nothing live is left
  expectStatus(deleted, 'DELETE_COMPLETE');
  expect(deleted.events.filter((e) => e.status !== 'SUCCESS')).toStrictEqual([]);
  expect(liveCaseRules(sim.fake, domainId)).toStrictEqual([]);
  expect(liveTemplates(sim.fake, domainId)).toStrictEqual([]);
  const deleteCalls = sim.fake.callCounts();
  const deleteFaults = faultCounts();
  expectEveryCallAllowed();

  // AND faults really happened: more calls than a fault-free run needs (one create + one tag per resource; one delete each)
  expect(createCalls.CreateCaseRule).toBeGreaterThan(RULES);
  expect(createCalls.CreateTemplate).toBeGreaterThan(SHAPE.templates);
  expect(deleteCalls.DeleteCaseRule).toBeGreaterThan(RULES);
  expect(createFaults).toStrictEqual({ throttle: expect.any(Number), serverError: expect.any(Number) });
  expect(deleteFaults).toStrictEqual({ throttle: expect.any(Number), serverError: expect.any(Number) });
  report(created, createCalls, deleted, deleteCalls);
});

/** IAM decided the handler's calls (so it was on) and allowed every one, retries included. */
function expectEveryCallAllowed(): void {
  const authorizations = sim.authorizations();
  expect(authorizations.length).toBeGreaterThan(RULES);
  expect(authorizations.filter((a) => a.decision !== 'allow')).toStrictEqual([]);
}

/** Injected faults since the last reset, by kind. */
function faultCounts(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { fault } of sim.fake.injectedFaults()) counts[fault] = (counts[fault] ?? 0) + 1;
  return counts;
}

/** Figures for the report: call counts per operation and the slowest custom resource. */
function report(created: StackOperationResult, createCalls: Record<string, number>, deleted: StackOperationResult, deleteCalls: Record<string, number>): void {
  const slowest = (result: StackOperationResult) => Math.max(...result.events.map((e) => e.elapsedMs));
  process.stdout.write(`${JSON.stringify({
    create: { elapsedMs: created.elapsedMs, slowestResourceMs: slowest(created), maxConcurrent: created.maxConcurrent, calls: createCalls },
    delete: { elapsedMs: deleted.elapsedMs, slowestResourceMs: slowest(deleted), maxConcurrent: deleted.maxConcurrent, calls: deleteCalls },
  }, null, 2)}\n`);
}
