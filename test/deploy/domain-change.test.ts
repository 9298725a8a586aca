import { CaseRuleRecord } from '../fake';
import { eventOf, expectStatus, handlerEvents, liveCaseRules, ownerTag } from './expectations';
import { CfnTemplate, CloudFormationSimulator, SimulatedStack, StackOperationResult } from './simulator';
import { withMergedPolicies, withoutPolicyDependencies } from './stacks/old-permissions';
import { dependsOnOf, domainPolicyOf, logicalIdOf } from './stacks/template-queries';
import { DomainName, STATUS_FIELD, TwoDomainRules, twoDomainStack } from './stacks/two-domain-stack';
import { synthesize } from './synthesize';

/**
 * Issue #10: a case rule that moves to another domain, or the last rule of a domain that leaves the
 * app, is deleted from the old domain, with IAM evaluated on every call. The handler's permissions
 * in a domain are that domain's own policy, and every rule `DependsOn` its domain's policy, so
 * CloudFormation's cleanup deletes the rule before the policy that allows the delete. The negative
 * controls deploy the same changes with the grants as they were before the fix and show the
 * simulator denying the delete, so the positive tests cannot pass by accident.
 */
let sim: CloudFormationSimulator;
// IAM on (the default) is the point of this file: it is asserted below, not assumed.
beforeAll(async () => { sim = await CloudFormationSimulator.start({ iam: true }); });
afterAll(() => sim.close());

const ACCOUNT_ARN = 'arn:aws:cases:us-east-1:123456789012';
const MOVE: readonly [TwoDomainRules, TwoDomainRules] = [{ moving: 'DomainA' }, { moving: 'DomainB' }];
const LEAVE: readonly [TwoDomainRules, TwoDomainRules] = [{ moving: 'DomainA', anchor: 'DomainB' }, { anchor: 'DomainB' }];

/** What the fake must hold for rule `Moving` (or `Anchor`) of a deployed two-domain stack. */
function expectedRule(stack: SimulatedStack, id: 'Moving' | 'Anchor', logicalId: string, domain: DomainName, caseRuleId: string): CaseRuleRecord {
  return {
    caseRuleId,
    caseRuleArn: `${ACCOUNT_ARN}:domain/${stack.attribute(domain, 'DomainId')}/case-rule/${caseRuleId}`,
    name: `${id} rule`,
    rule: {
      required: {
        defaultValue: false,
        conditions: [{
          notEqualTo: { operandOne: { fieldId: stack.attribute(STATUS_FIELD[domain], 'FieldId') }, operandTwo: { stringValue: 'open' }, result: true },
        }],
      },
    },
    deleted: false,
    tags: { ...(id === 'Moving' ? { purpose: 'domain-change' } : {}), ...ownerTag(stack, logicalId) },
  };
}

/** Creates `stackName` from `template`, expecting success, with the authorization log emptied for what follows. */
async function created(stackName: string, template: CfnTemplate): Promise<SimulatedStack> {
  expectStatus(await sim.create(stackName, template), 'CREATE_COMPLETE');
  sim.resetAuthorizations();
  return sim.stack(stackName);
}

/** IAM decided the handler's calls of the last operation (it was on) and allowed them all, the DeleteCaseRule of `arn` among them. */
function expectAllowedDelete(arn: string): void {
  const authorizations = sim.authorizations();
  expect(authorizations.filter((a) => a.decision !== 'allow')).toStrictEqual([]);
  expect(authorizations).toContainEqual(expect.objectContaining({ action: 'cases:DeleteCaseRule', resources: expect.arrayContaining([arn]), decision: 'allow' }));
}

test('a rule moved to another domain: the new domain\'s policy comes first, and cleanup deletes the old rule before the old policy, allowed by IAM', async () => {
  // GIVEN a stack whose rule lives in domain A, depending on A's policy
  const before = synthesize(twoDomainStack('Moving', MOVE[0]));
  const ruleLogicalId = logicalIdOf(before, 'Moving');
  const policyA = domainPolicyOf(before, 'DomainA');
  expect(dependsOnOf(before, ruleLogicalId)).toContain(policyA);
  const stack = await created('Moving', before);
  const domain = (name: DomainName) => stack.attribute(name, 'DomainId');
  const oldRuleId = stack.resource(ruleLogicalId).physicalId;
  const oldRule = expectedRule(stack, 'Moving', ruleLogicalId, 'DomainA', oldRuleId);
  expect(liveCaseRules(sim.fake, domain('DomainA'))).toStrictEqual([oldRule]);

  // WHEN the rule moves to domain B
  const after = synthesize(twoDomainStack('Moving', MOVE[1]));
  const policyB = domainPolicyOf(after, 'DomainB');
  expect(dependsOnOf(after, ruleLogicalId)).toContain(policyB);
  expect(after.Resources[policyA]).toBeUndefined();
  const result = await sim.update('Moving', after);

  // THEN the update created B's policy before the handler created the rule in B (answering the Update with a new id)
  expectStatus(result, 'UPDATE_COMPLETE');
  const newRuleId = stack.resource(ruleLogicalId).physicalId;
  expect(newRuleId).not.toBe(oldRuleId);
  const update = eventOf(result, ruleLogicalId, 'Update', 'deploy');
  expect(update).toMatchObject({ status: 'SUCCESS', physicalId: newRuleId });
  expect(eventOf(result, policyB, 'Create', 'deploy').finishedAt).toBeLessThan(update.startedAt);
  // AND cleanup deleted the old rule, with its OLD properties and successfully, before A's policy was deleted
  const cleanup = eventOf(result, ruleLogicalId, 'Delete', 'cleanup');
  expect(cleanup).toMatchObject({ status: 'SUCCESS', physicalId: oldRuleId, properties: { DomainId: domain('DomainA') } });
  expect(result.cleanupFailures).toStrictEqual([]);
  const policyADelete = eventOf(result, policyA, 'Delete', 'cleanup');
  expect(policyADelete.status).toBe('SUCCESS');
  expect(update.finishedAt).toBeLessThan(cleanup.startedAt);
  expect(cleanup.finishedAt).toBeLessThan(policyADelete.startedAt);
  expect(handlerEvents(result)).toHaveLength(2);
  // AND IAM evaluated every call and allowed them, the delete in A included
  expectAllowedDelete(oldRule.caseRuleArn);
  // AND the fake has the new rule live in B, and the old one only as deleted in A
  expect(liveCaseRules(sim.fake, domain('DomainB'))).toStrictEqual([expectedRule(stack, 'Moving', ruleLogicalId, 'DomainB', newRuleId)]);
  expect(liveCaseRules(sim.fake, domain('DomainA'))).toStrictEqual([]);
  expect(sim.fake.caseRules(domain('DomainA'), { includeDeleted: true })).toStrictEqual([{ ...oldRule, deleted: true }]);

  // WHEN the stack is deleted THEN the new rule goes too, before B's policy
  const domainB = domain('DomainB');
  const deleted = await sim.delete('Moving');
  expectStatus(deleted, 'DELETE_COMPLETE');
  expect(eventOf(deleted, ruleLogicalId, 'Delete').finishedAt).toBeLessThan(eventOf(deleted, policyB, 'Delete').startedAt);
  expect(liveCaseRules(sim.fake, domainB)).toStrictEqual([]);
});

test('the last rule of a domain leaves the app while the domain stays: cleanup deletes it before its domain\'s policy, allowed by IAM', async () => {
  // GIVEN a stack with a rule in domain A and another in domain B, which keeps the handler in the stack
  const before = synthesize(twoDomainStack('Leaving', LEAVE[0]));
  const ruleLogicalId = logicalIdOf(before, 'Moving');
  const anchorLogicalId = logicalIdOf(before, 'Anchor');
  const policyA = domainPolicyOf(before, 'DomainA');
  const policyB = domainPolicyOf(before, 'DomainB');
  const stack = await created('Leaving', before);
  const domain = (name: DomainName) => stack.attribute(name, 'DomainId');
  const rule = expectedRule(stack, 'Moving', ruleLogicalId, 'DomainA', stack.resource(ruleLogicalId).physicalId);
  const anchor = expectedRule(stack, 'Anchor', anchorLogicalId, 'DomainB', stack.resource(anchorLogicalId).physicalId);
  expect(liveCaseRules(sim.fake, domain('DomainA'))).toStrictEqual([rule]);

  // WHEN the rule of domain A leaves the app (domain A stays in the stack)
  const after = synthesize(twoDomainStack('Leaving', LEAVE[1]));
  expect(after.Resources.DomainA).toBeDefined();
  expect(after.Resources[policyA]).toBeUndefined();
  const result = await sim.update('Leaving', after);

  // THEN only cleanup acted: the rule's delete succeeded before A's policy was deleted; B's policy and rule were not touched
  expectStatus(result, 'UPDATE_COMPLETE');
  expect(result.cleanupFailures).toStrictEqual([]);
  const ruleDelete = eventOf(result, ruleLogicalId, 'Delete', 'cleanup');
  const policyADelete = eventOf(result, policyA, 'Delete', 'cleanup');
  expect(ruleDelete).toMatchObject({ status: 'SUCCESS', physicalId: rule.caseRuleId });
  expect(policyADelete.status).toBe('SUCCESS');
  expect(ruleDelete.finishedAt).toBeLessThan(policyADelete.startedAt);
  expect(result.events.map((e) => `${e.phase} ${e.action} ${e.logicalId}`).sort())
    .toStrictEqual([`cleanup Delete ${ruleLogicalId}`, `cleanup Delete ${policyA}`].sort());
  expectAllowedDelete(rule.caseRuleArn);
  // AND the rule is deleted in the fake; B's rule is live as before
  expect(liveCaseRules(sim.fake, domain('DomainA'))).toStrictEqual([]);
  expect(sim.fake.caseRules(domain('DomainA'), { includeDeleted: true })).toStrictEqual([{ ...rule, deleted: true }]);
  expect(liveCaseRules(sim.fake, domain('DomainB'))).toStrictEqual([anchor]);
  expect(stack.resources.has(policyB)).toBe(true);

  expectStatus(await sim.delete('Leaving'), 'DELETE_COMPLETE');
});

/** How the grants were before issue #10, applied to both templates of a change. */
const OLD_GRANTS: ReadonlyArray<[string, (template: CfnTemplate) => CfnTemplate]> = [
  ['one policy for every domain (the old design)', withMergedPolicies],
  ['no DependsOn on the domain policy', withoutPolicyDependencies],
];
const CHANGES: ReadonlyArray<[string, readonly [TwoDomainRules, TwoDomainRules]]> = [
  ['a rule moved to another domain', MOVE],
  ['the last rule of a domain left the app', LEAVE],
];

describe.each(OLD_GRANTS)('negative control, %s', (grants, rewrite) => {
  test.each(CHANGES)('%s: the cleanup delete is denied by IAM and the old rule stays live', async (change, [beforeRules, afterRules]) => {
    // GIVEN the stack deployed with the old grants (its rule in domain A)
    const stackName = `Old-${OLD_GRANTS.findIndex(([name]) => name === grants)}-${CHANGES.findIndex(([name]) => name === change)}`;
    const before = rewrite(synthesize(twoDomainStack(stackName, beforeRules)));
    const ruleLogicalId = logicalIdOf(before, 'Moving');
    const stack = await created(stackName, before);
    const domainA = stack.attribute('DomainA', 'DomainId');
    const rule = expectedRule(stack, 'Moving', ruleLogicalId, 'DomainA', stack.resource(ruleLogicalId).physicalId);
    expect(liveCaseRules(sim.fake, domainA)).toStrictEqual([rule]);

    // WHEN the same change is deployed, with the same old grants
    const result: StackOperationResult = await sim.update(stackName, rewrite(synthesize(twoDomainStack(stackName, afterRules))));

    // THEN the update completes, but its cleanup Delete of the old rule failed: IAM denied the handler's call in domain A
    expectStatus(result, 'UPDATE_COMPLETE');
    expect(result.cleanupFailures).toHaveLength(1);
    const [failure] = result.cleanupFailures;
    expect(failure).toMatchObject({ logicalId: ruleLogicalId, action: 'Delete', phase: 'cleanup', status: 'FAILED', physicalId: rule.caseRuleId });
    expect(failure.reason).toContain('AccessDeniedException');
    expect(failure.reason).toMatch(new RegExp(`is not authorized to perform: cases:\\w+ on resource: ${ACCOUNT_ARN}:domain/${domainA}`));
    expect(sim.authorizations()).toContainEqual(expect.objectContaining({
      resources: expect.arrayContaining([`${ACCOUNT_ARN}:domain/${domainA}`]),
      decision: expect.stringContaining('is not authorized to perform'),
    }));
    // AND the old rule is still live in domain A: the positive tests' deletes are not a given
    expect(liveCaseRules(sim.fake, domainA)).toStrictEqual([rule]);
    // The stack is not deleted: without the DependsOn, its delete races the policy's the same way.
  });
});
