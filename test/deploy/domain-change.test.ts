import { eventOf, expectStatus, handlerEvents, liveCaseRules, ownerTag } from './expectations';
import { CloudFormationSimulator } from './simulator';
import { DomainName, STATUS_FIELD, twoDomainStack } from './stacks/two-domain-stack';
import { logicalIdOf } from './stacks/template-queries';
import { synthesize } from './synthesize';

/** Moving a case rule to another domain is a replacement: CloudFormation deletes the old rule in cleanup. */
let sim: CloudFormationSimulator;
beforeAll(async () => { sim = await CloudFormationSimulator.start(); });
afterAll(() => sim.close());

test('a rule moved to another domain is created there, and the old one is deleted in cleanup with its old properties', async () => {
  // GIVEN a stack whose rule lives in domain A
  const before = synthesize(twoDomainStack('Moving', 'DomainA'));
  expectStatus(await sim.create('Moving', before), 'CREATE_COMPLETE');
  const stack = sim.stack('Moving');
  const ruleLogicalId = logicalIdOf(before, 'Moving');
  const domain = (name: DomainName) => stack.attribute(name, 'DomainId');
  const oldRuleId = stack.resource(ruleLogicalId).physicalId;
  const expectedRule = (name: DomainName, caseRuleId: string) => ({
    caseRuleId,
    caseRuleArn: `arn:aws:cases:us-east-1:123456789012:domain/${domain(name)}/case-rule/${caseRuleId}`,
    name: 'Moving rule',
    rule: {
      required: {
        defaultValue: false,
        conditions: [{
          notEqualTo: { operandOne: { fieldId: stack.attribute(STATUS_FIELD[name], 'FieldId') }, operandTwo: { stringValue: 'open' }, result: true },
        }],
      },
    },
    deleted: false,
    tags: { purpose: 'domain-change', ...ownerTag(stack, ruleLogicalId) },
  });
  expect(liveCaseRules(sim.fake, domain('DomainA'))).toStrictEqual([expectedRule('DomainA', oldRuleId)]);

  // WHEN the rule moves to domain B
  const result = await sim.update('Moving', synthesize(twoDomainStack('Moving', 'DomainB')));

  // THEN the handler answered the Update with a new id, and cleanup deleted the old rule with its OLD properties
  expectStatus(result, 'UPDATE_COMPLETE');
  const newRuleId = stack.resource(ruleLogicalId).physicalId;
  expect(newRuleId).not.toBe(oldRuleId);
  const update = eventOf(result, ruleLogicalId, 'Update', 'deploy');
  const cleanup = eventOf(result, ruleLogicalId, 'Delete', 'cleanup');
  expect(update.physicalId).toBe(newRuleId);
  expect(cleanup).toMatchObject({ status: 'SUCCESS', physicalId: oldRuleId, properties: { DomainId: domain('DomainA') } });
  expect(update.finishedAt).toBeLessThan(cleanup.startedAt);
  expect(handlerEvents(result)).toHaveLength(2);
  // AND the fake has the new rule live in B, and the old one only as deleted in A
  expect(liveCaseRules(sim.fake, domain('DomainB'))).toStrictEqual([expectedRule('DomainB', newRuleId)]);
  expect(liveCaseRules(sim.fake, domain('DomainA'))).toStrictEqual([]);
  expect(sim.fake.caseRules(domain('DomainA'), { includeDeleted: true })).toStrictEqual([{ ...expectedRule('DomainA', oldRuleId), deleted: true }]);

  // WHEN the stack is deleted THEN the new rule goes too
  const domainB = domain('DomainB');
  expectStatus(await sim.delete('Moving'), 'DELETE_COMPLETE');
  expect(liveCaseRules(sim.fake, domainB)).toStrictEqual([]);
});
