import { ListCaseRulesCommand, CreateCaseRuleCommand } from '@aws-sdk/client-connectcases';
import { evaluate, wildcardMatch } from './iam/evaluate';
import { IamRegistry } from './iam/iam-registry';
import { malformation, PolicyDocument } from './iam/policy-document';
import { CloudFormationSimulator, ResourceEvent, StackOperationResult } from './index';
import { ALL_RULE_ACTIONS, allow, baseResources, caseRule, policy, ruleArns, template, testCaseRuleHandler } from './test-templates';

describe('policy evaluation', () => {
  const doc = (...Statement: unknown[]) => ({ Statement } as PolicyDocument);
  const rule = 'arn:aws:cases:us-east-1:123456789012:domain/d1/case-rule/r1';

  test.each<[string, PolicyDocument[], string, string]>([
    ['no policy', [], 'cases:DeleteCaseRule', 'implicitDeny'],
    ['an exact Allow', [doc({ Effect: 'Allow', Action: 'cases:DeleteCaseRule', Resource: rule })], 'cases:DeleteCaseRule', 'allow'],
    ['an Allow of another action', [doc({ Effect: 'Allow', Action: ['cases:CreateCaseRule'], Resource: '*' })], 'cases:DeleteCaseRule', 'implicitDeny'],
    ['Action wildcards, case-insensitive', [doc({ Effect: 'Allow', Action: 'CASES:delete*', Resource: '*' })], 'cases:DeleteCaseRule', 'allow'],
    ['a ? wildcard', [doc({ Effect: 'Allow', Action: 'cases:DeleteCaseRul?', Resource: rule })], 'cases:DeleteCaseRule', 'allow'],
    ['a Resource wildcard on the rule ids of the domain', [doc({ Effect: 'Allow', Action: '*', Resource: 'arn:aws:cases:us-east-1:123456789012:domain/d1/case-rule/*' })], 'cases:X', 'allow'],
    ['a Resource wildcard of another domain', [doc({ Effect: 'Allow', Action: '*', Resource: 'arn:aws:cases:us-east-1:123456789012:domain/d2/case-rule/*' })], 'cases:X', 'implicitDeny'],
    ['resources match case-sensitively', [doc({ Effect: 'Allow', Action: '*', Resource: rule.toUpperCase() })], 'cases:X', 'implicitDeny'],
    ['an explicit Deny in another policy wins', [doc({ Effect: 'Allow', Action: 'cases:*', Resource: '*' }), doc({ Effect: 'Deny', Action: 'cases:Delete*', Resource: '*' })], 'cases:DeleteCaseRule', 'explicitDeny'],
    ['NotAction', [doc({ Effect: 'Allow', NotAction: 'cases:Delete*', Resource: '*' })], 'cases:DeleteCaseRule', 'implicitDeny'],
    ['NotResource', [doc({ Effect: 'Allow', Action: '*', NotResource: 'arn:aws:cases:*:*:domain/d1/*' })], 'cases:X', 'implicitDeny'],
    ['an Allow with a Condition does not apply', [doc({ Effect: 'Allow', Action: '*', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'true' } } })], 'cases:X', 'implicitDeny'],
  ])('%s', (_, documents, action, expected) => {
    expect(evaluate(documents, action, rule)).toBe(expected);
  });

  test('an action that names no resource type is allowed only by Resource "*"', () => {
    expect(evaluate([doc({ Effect: 'Allow', Action: '*', Resource: 'arn:aws:cases:*' })], 'cases:ListDomains', '*')).toBe('implicitDeny');
    expect(evaluate([doc({ Effect: 'Allow', Action: '*', Resource: '*' })], 'cases:ListDomains', '*')).toBe('allow');
    expect(wildcardMatch('a.b*', 'axb', false)).toBe(false);
  });

  test.each<[unknown, string | undefined]>([
    [{ Statement: [{ Effect: 'Allow', Action: 'cases:X', Resource: '*' }] }, undefined],
    [{ Statement: { Effect: 'Deny', NotAction: ['s3:*'], NotResource: '*' } }, undefined],
    [{}, 'has no Statement'],
    [{ Statement: [{ Effect: 'allow', Action: 'cases:X', Resource: '*' }] }, 'Effect must be Allow or Deny'],
    [{ Statement: [{ Effect: 'Allow', Resource: '*' }] }, 'exactly one of Action and NotAction'],
    [{ Statement: [{ Effect: 'Allow', Action: 'cases:X' }] }, 'exactly one of Resource and NotResource'],
    [{ Statement: [{ Effect: 'Allow', Action: [], Resource: '*' }] }, 'Action is empty'],
    [{ Statement: [{ Effect: 'Allow', Action: 'CreateCaseRule', Resource: '*' }] }, "'CreateCaseRule', which is not <service>:<action>"],
  ])('malformed documents are reported: %j', (document, problem) => {
    if (problem === undefined) expect(malformation(document)).toBeUndefined();
    else expect(malformation(document)).toContain(problem);
  });

  test('the registry refuses what IAM refuses: an unknown role, a role or managed policy still attached, inline policies over 10,240 characters', () => {
    const registry = new IamRegistry();
    const small = { Statement: [{ Effect: 'Allow' as const, Action: 'cases:X', Resource: '*' }] };
    registry.putRole('r', 'arn:aws:iam::1:role/r', [], []);

    expect(() => registry.putPolicy('p0', 'p0', small, ['ghost'])).toThrow('NoSuchEntity');
    registry.putPolicy('p1', 'p1', small, ['r']);
    expect(() => registry.deleteRole('r')).toThrow('DeleteConflict');
    const big = { Statement: [{ Effect: 'Allow' as const, Action: 'cases:X', Resource: Array.from({ length: 300 }, (_, i) => `arn:aws:cases:us-east-1:1:domain/d${i}`) }] };
    expect(() => registry.putPolicy('p2', 'p2', big, ['r'])).toThrow('LimitExceeded');
    expect(registry.documentsOf('r')).toStrictEqual([small]);
    registry.deletePolicy('p1');
    registry.putManagedPolicy('arn:aws:iam::1:policy/m', 'm', small, []);
    registry.putRole('r', 'arn:aws:iam::1:role/r', [], ['arn:aws:iam::1:policy/m']);
    expect(registry.documentsOf('r')).toStrictEqual([small]);
    expect(() => registry.deleteManagedPolicy('arn:aws:iam::1:policy/m')).toThrow('DeleteConflict');
    registry.deleteRole('r');
    registry.deleteManagedPolicy('arn:aws:iam::1:policy/m');
    expect(registry.documentsOf('r')).toStrictEqual([]);
  });
});

describe('IAM in the simulator', () => {
  let sim: CloudFormationSimulator;
  beforeAll(async () => { sim = await CloudFormationSimulator.start({ customResourceHandler: testCaseRuleHandler(() => sim.fake.endpoint) }); });
  afterAll(() => sim.close());

  const event = (result: StackOperationResult, logicalId: string, action: ResourceEvent['action'], phase?: ResourceEvent['phase']) => {
    const matches = result.events.filter((e) => e.logicalId === logicalId && e.action === action && (phase === undefined || e.phase === phase));
    expect(matches).toHaveLength(1);
    return matches[0];
  };
  const expectStatus = (result: StackOperationResult, status: StackOperationResult['status']) => {
    expect([result.status, result.failure?.reason]).toStrictEqual([status, undefined]);
  };

  test('a rule waits for the policy it DependsOn on create, and goes before it on delete; every call is authorized as the handler\'s role', async () => {
    // GIVEN a rule that DependsOn the policy granting it
    const stack = template({ ...baseResources(['A']), PolicyA: policy([allow(ALL_RULE_ACTIONS, ruleArns('A'))]), Rule: caseRule('A', 'Ordered', ['PolicyA']) });
    sim.resetAuthorizations();

    // WHEN the stack is created and deleted
    const created = await sim.create('Ordered', stack);
    const domainId = sim.stack('Ordered').attribute('DomainA', 'DomainId');
    const ruleArn = `arn:aws:cases:us-east-1:123456789012:domain/${domainId}/case-rule/${sim.stack('Ordered').resource('Rule').physicalId}`;
    const roleName = sim.stack('Ordered').resource('Role').physicalId;
    const deleted = await sim.delete('Ordered');

    // THEN the rule's create started after the policy's finished, and its delete finished before the policy's started
    expectStatus(created, 'CREATE_COMPLETE');
    expectStatus(deleted, 'DELETE_COMPLETE');
    expect(event(created, 'PolicyA', 'Create').finishedAt).toBeLessThan(event(created, 'Rule', 'Create').startedAt);
    expect(event(deleted, 'Rule', 'Delete').finishedAt).toBeLessThan(event(deleted, 'PolicyA', 'Delete').startedAt);
    expect(sim.authorizations()).toStrictEqual([
      { action: 'cases:CreateCaseRule', resources: [`arn:aws:cases:us-east-1:123456789012:domain/${domainId}`, ruleArn], roles: [roleName], decision: 'allow' },
      { action: 'cases:DeleteCaseRule', resources: [`arn:aws:cases:us-east-1:123456789012:domain/${domainId}`, ruleArn], roles: [roleName], decision: 'allow' },
    ]);
    expect(sim.fake.caseRules(domainId, { includeDeleted: true }).map((r) => r.deleted)).toStrictEqual([true]);
  });

  test('a rule moved to another domain: the old domain\'s policy, gone from the template, is deleted after the old rule in cleanup', async () => {
    // GIVEN one policy per domain, the rule in A depending on A's
    const before = template({
      ...baseResources(['A', 'B']), PolicyA: policy([allow(ALL_RULE_ACTIONS, ruleArns('A'))]), Rule: caseRule('A', 'Moving', ['PolicyA']),
    });
    expectStatus(await sim.create('PerDomain', before), 'CREATE_COMPLETE');
    const stack = sim.stack('PerDomain');
    const [domainA, domainB] = [stack.attribute('DomainA', 'DomainId'), stack.attribute('DomainB', 'DomainId')];
    const oldRuleId = stack.resource('Rule').physicalId;

    // WHEN the rule moves to B with B's policy, and A's policy leaves the template
    const result = await sim.update('PerDomain', template({
      ...baseResources(['A', 'B']), PolicyB: policy([allow(ALL_RULE_ACTIONS, ruleArns('B'))]), Rule: caseRule('B', 'Moving', ['PolicyB']),
    }));

    // THEN cleanup deleted the old rule first (allowed by A's policy), then A's policy
    expectStatus(result, 'UPDATE_COMPLETE');
    expect(result.cleanupFailures).toStrictEqual([]);
    const oldRuleDelete = event(result, 'Rule', 'Delete', 'cleanup');
    expect(oldRuleDelete).toMatchObject({ status: 'SUCCESS', physicalId: oldRuleId });
    expect(oldRuleDelete.finishedAt).toBeLessThan(event(result, 'PolicyA', 'Delete', 'cleanup').startedAt);
    expect(sim.fake.caseRules(domainA, { includeDeleted: true }).map((r) => [r.caseRuleId, r.deleted])).toStrictEqual([[oldRuleId, true]]);
    expect(sim.fake.caseRules(domainB).map((r) => r.caseRuleId)).toStrictEqual([stack.resource('Rule').physicalId]);
    expectStatus(await sim.delete('PerDomain'), 'DELETE_COMPLETE');
  });

  test('a shared policy that drops the old domain in the update phase: the cleanup delete of the old rule is denied, visibly', async () => {
    // GIVEN one policy, granting domain A
    expectStatus(await sim.create('Shared', template({
      ...baseResources(['A', 'B']), Policy: policy([allow(ALL_RULE_ACTIONS, ruleArns('A'))]), Rule: caseRule('A', 'Moving', ['Policy']),
    })), 'CREATE_COMPLETE');
    const stack = sim.stack('Shared');
    const domainA = stack.attribute('DomainA', 'DomainId');
    const oldRuleId = stack.resource('Rule').physicalId;

    // WHEN the rule moves to B and the same policy now grants B only
    const result = await sim.update('Shared', template({
      ...baseResources(['A', 'B']), Policy: policy([allow(ALL_RULE_ACTIONS, ruleArns('B'))]), Rule: caseRule('B', 'Moving', ['Policy']),
    }));

    // THEN the update completes, but cleanup could not delete the old rule: IAM denied it
    expect(result.status).toBe('UPDATE_COMPLETE');
    const reason = `AccessDeniedException: User: arn:aws:sts::123456789012:assumed-role/${stack.resource('Role').physicalId}/${stack.resource('Fn').physicalId} `
      + `is not authorized to perform: cases:DeleteCaseRule on resource: arn:aws:cases:us-east-1:123456789012:domain/${domainA} `
      + 'because no identity-based policy allows the cases:DeleteCaseRule action';
    expect(result.cleanupFailures).toStrictEqual([expect.objectContaining({ logicalId: 'Rule', action: 'Delete', status: 'FAILED', physicalId: oldRuleId, reason })]);
    expect(sim.fake.caseRules(domainA).map((r) => r.caseRuleId)).toStrictEqual([oldRuleId]);
    expectStatus(await sim.delete('Shared'), 'DELETE_COMPLETE');
  });

  test('a policy without DeleteCaseRule: the stack delete fails with the denial, and the policy stays', async () => {
    expectStatus(await sim.create('NoDelete', template({
      ...baseResources(['A']), Policy: policy([allow(['cases:CreateCaseRule'], ruleArns('A'))]), Rule: caseRule('A', 'Stuck', ['Policy']),
    })), 'CREATE_COMPLETE');
    const domainId = sim.stack('NoDelete').attribute('DomainA', 'DomainId');

    const result = await sim.delete('NoDelete');

    expect(result.status).toBe('DELETE_FAILED');
    expect(result.failure).toMatchObject({ logicalId: 'Rule', reason: expect.stringContaining('is not authorized to perform: cases:DeleteCaseRule on resource:') });
    expect(result.events.filter((e) => e.logicalId === 'Policy')).toStrictEqual([]);
    expect(sim.fake.caseRules(domainId)).toHaveLength(1);
  });

  test('an explicit Deny wins over an Allow of everything', async () => {
    const result = await sim.create('Denied', template({
      ...baseResources(['A']),
      Policy: policy([allow(['cases:*'], ['*']), { Effect: 'Deny', Action: 'cases:Create*', Resource: 'arn:aws:cases:*:*:domain/*/case-rule/*' }]),
      Rule: caseRule('A', 'Never', ['Policy']),
    }));

    expect(result.status).toBe('ROLLBACK_COMPLETE');
    expect(result.failure?.reason).toContain('is not authorized to perform: cases:CreateCaseRule on resource: arn:aws:cases:us-east-1:123456789012:domain/');
    expect(result.failure?.reason).toContain('with an explicit deny in an identity-based policy');
  });

  test.each<[string, string, (statement: unknown) => Record<string, unknown>]>([
    ['the role\'s inline Policies', 'Inline', (statement) => ({
      Role: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: {}, Policies: [{ PolicyName: 'inline', PolicyDocument: { Statement: [statement] } }] } },
    })],
    ['a managed policy attached through its Roles', 'ManagedByRoles', (statement) => ({
      Managed: { Type: 'AWS::IAM::ManagedPolicy', Properties: { Roles: [{ Ref: 'Role' }], PolicyDocument: { Statement: [statement] } } },
    })],
    ['a managed policy in the role\'s ManagedPolicyArns', 'ManagedByArn', (statement) => ({
      Managed: { Type: 'AWS::IAM::ManagedPolicy', Properties: { PolicyDocument: { Statement: [statement] } } },
      Role: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: {}, ManagedPolicyArns: [{ Ref: 'Managed' }] } },
    })],
  ])('grants count from %s', async (_, name, grant) => {
    const resources = { ...baseResources(['A']), ...grant(allow(ALL_RULE_ACTIONS, ruleArns('A'))) };
    const dependsOn = 'Managed' in resources ? ['Managed'] : undefined;

    const result = await sim.create(name, template({ ...resources, Rule: caseRule('A', 'Granted', dependsOn) }));

    expectStatus(result, 'CREATE_COMPLETE');
    expectStatus(await sim.delete(name), 'DELETE_COMPLETE');
  });

  test('with no grant at all the create is denied and rolled back', async () => {
    const result = await sim.create('Ungranted', template({ ...baseResources(['A']), Rule: caseRule('A', 'Nope') }));

    expect(result.status).toBe('ROLLBACK_COMPLETE');
    expect(result.failure?.reason).toContain('because no identity-based policy allows the cases:CreateCaseRule action');
  });

  test('Cases calls made while no handler runs (the test\'s own) are not authorized', async () => {
    const domainId = sim.fake.addDomain();
    const client = sim.harness.outOfBandClient();
    sim.resetAuthorizations();

    await client.send(new CreateCaseRuleCommand({ domainId, name: 'Out of band', rule: { required: { defaultValue: true, conditions: [] } } }));
    await client.send(new ListCaseRulesCommand({ domainId }));
    client.destroy();

    expect(sim.authorizations()).toStrictEqual([]);
    expect(sim.fake.caseRules(domainId)).toHaveLength(1);
  });

  test.each<[string, Record<string, unknown>, string]>([
    ['a malformed policy document', { Bad: policy([{ Effect: 'Allow', Action: 'CreateCaseRule', Resource: '*' }]) }, 'MalformedPolicyDocument: Bad PolicyDocument'],
    ['inline policies over 10,240 characters', {
      Big: policy([allow(['cases:*'], Array.from({ length: 120 }, (_, i) => `arn:aws:cases:us-east-1:123456789012:domain/${'d'.repeat(40)}${i}/case-rule/*`))]),
    }, 'LimitExceeded: Maximum policy size of 10240 bytes exceeded for role'],
    ['a policy attached to a role that does not exist', { Orphan: { ...policy([allow(['cases:*'], ['*'])]), Properties: { PolicyName: 'x', Roles: ['ghost'], PolicyDocument: { Statement: [allow(['cases:*'], ['*'])] } } } },
      'NoSuchEntity: The role with name ghost cannot be found'],
  ])('IAM refuses %s: the create fails', async (_, extra, reason) => {
    const result = await sim.create(`Refused${Object.keys(extra)[0]}`, template({ ...baseResources([]), ...extra } as never));

    expect(result.status).toBe('ROLLBACK_COMPLETE');
    expect(result.failure?.reason).toContain(reason);
  });
});

describe('IAM turned off', () => {
  // This block checks the switch itself: with IAM off, a stack without any grant deploys.
  let sim: CloudFormationSimulator;
  beforeAll(async () => { sim = await CloudFormationSimulator.start({ iam: false, customResourceHandler: testCaseRuleHandler(() => sim.fake.endpoint) }); });
  afterAll(() => sim.close());

  test('{ iam: false } authorizes nothing', async () => {
    const result = await sim.create('Open', template({ ...baseResources(['A']), Rule: caseRule('A', 'Anything') }));

    expect(result.status).toBe('CREATE_COMPLETE');
    expect(sim.authorizations()).toStrictEqual([]);
  });
});
