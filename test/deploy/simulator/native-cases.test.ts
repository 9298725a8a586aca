import { GetDomainCommand } from '@aws-sdk/client-connectcases';
import { CloudFormationSimulator, StackOperationResult } from './index';
import { ALL_RULE_ACTIONS, allow, baseResources, caseRule, policy, ruleArns, template, testCaseRuleHandler } from './test-templates';
import { CfnResource } from './template-types';

let sim: CloudFormationSimulator;
beforeAll(async () => { sim = await CloudFormationSimulator.start({ customResourceHandler: testCaseRuleHandler(() => sim.fake.endpoint) }); });
afterAll(() => sim.close());

const domainRef = { 'Fn::GetAtt': ['DomainA', 'DomainId'] };
const field = (name: string, type = 'Text', extra: Record<string, unknown> = {}): CfnResource =>
  ({ Type: 'AWS::Cases::Field', Properties: { DomainId: domainRef, Name: name, Type: type, ...extra } });
const expectStatus = (result: StackOperationResult, status: StackOperationResult['status']) => {
  expect([result.status, result.failure?.reason]).toStrictEqual([status, undefined]);
};

describe('AWS::Cases resources', () => {
  test('a domain comes with its system fields; a custom field named like one fails with a ConflictException and rolls back', async () => {
    // WHEN a stack declares a domain and a field named "Status"
    const result = await sim.create('SystemName', template({ ...baseResources(['A']), Mine: field('Priority'), Status: field('Status', 'SingleSelect') }));

    // THEN the field fails as Cases refuses it, and the rollback deletes what was created
    expect(result.status).toBe('ROLLBACK_COMPLETE');
    expect(result.failure).toMatchObject({ logicalId: 'Status', reason: expect.stringContaining('ConflictException: A field named \'Status\' (a system field \'status\')') });
    const domainId = result.events.find((e) => e.logicalId === 'DomainA' && e.action === 'Create')!.physicalId!.split('/').pop()!;
    expect(sim.fake.fields(domainId).map((f) => f.fieldId).slice(0, 2)).toStrictEqual(['status', 'title']);
    expect(sim.fake.fields(domainId, { includeDeleted: true }).filter((f) => f.namespace === 'Custom').map((f) => [f.name, f.deleted])).toStrictEqual([['Priority', true]]);
  });

  test('fields: Name and Description update in place, Type replaces; tags follow; delete is soft; a deleted domain answers 404', async () => {
    // GIVEN a field with tags and a layout showing it
    const layout = (name: string): CfnResource => ({
      Type: 'AWS::Cases::Layout',
      Properties: {
        DomainId: domainRef, Name: name,
        Content: { Basic: { TopPanel: { Sections: [{ FieldGroup: { Name: 'Top', Fields: [{ Id: { 'Fn::GetAtt': ['Category', 'FieldId'] } }] } }] } } },
      },
    });
    const v1 = { ...baseResources(['A']), Category: field('Category', 'SingleSelect', { Tags: [{ Key: 'team', Value: 'a' }] }), Layout: layout('Main') };
    expectStatus(await sim.create('Fields', template(v1)), 'CREATE_COMPLETE');
    const stack = sim.stack('Fields');
    const domainId = stack.attribute('DomainA', 'DomainId');
    const fieldId = stack.attribute('Category', 'FieldId');
    const fieldArn = stack.attribute('Category', 'FieldArn');
    expect(sim.fake.tagsOf(fieldArn)).toStrictEqual({ team: 'a' });
    expect(sim.fake.layouts(domainId)[0].content).toStrictEqual({ basic: { topPanel: { sections: [{ fieldGroup: { name: 'Top', fields: [{ id: fieldId }] } }] } } });

    // WHEN the name, description and tags change
    expectStatus(await sim.update('Fields', template({
      ...v1, Category: field('Topic', 'SingleSelect', { Description: 'd', Tags: [{ Key: 'owner', Value: 'b' }] }), Layout: layout('Renamed'),
    })), 'UPDATE_COMPLETE');

    // THEN the same field changed in place
    expect(stack.attribute('Category', 'FieldId')).toBe(fieldId);
    expect(sim.fake.fields(domainId).find((f) => f.fieldId === fieldId)).toMatchObject({ name: 'Topic', description: 'd', tags: { owner: 'b' } });
    expect(sim.fake.layouts(domainId).map((l) => l.name)).toStrictEqual(['Renamed']);

    // WHEN its type changes THEN it is replaced under a new name (the old one keeps its name until cleanup)
    const replaced = await sim.update('Fields', template({ ...v1, Category: field('Topic v2', 'Text'), Layout: layout('Renamed') }));
    expectStatus(replaced, 'UPDATE_COMPLETE');
    const newFieldId = stack.attribute('Category', 'FieldId');
    expect(newFieldId).not.toBe(fieldId);
    expect(sim.fake.fields(domainId, { includeDeleted: true }).filter((f) => f.namespace === 'Custom').map((f) => [f.fieldId, f.name, f.type, f.deleted]))
      .toStrictEqual([[fieldId, 'Topic', 'SingleSelect', true], [newFieldId, 'Topic v2', 'Text', false]]);

    // WHEN the stack is deleted THEN fields and layouts are soft-deleted and the domain is gone from the API
    expectStatus(await sim.delete('Fields'), 'DELETE_COMPLETE');
    expect(sim.fake.fields(domainId).filter((f) => f.namespace === 'Custom')).toStrictEqual([]);
    expect(sim.fake.layouts(domainId)).toStrictEqual([]);
    const client = sim.harness.outOfBandClient();
    await expect(client.send(new GetDomainCommand({ domainId }))).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
    client.destroy();
  });

  test('a replacement that keeps a custom name clashes with the old field, as in a real account', async () => {
    expectStatus(await sim.create('SameName', template({ ...baseResources(['A']), Category: field('Category', 'SingleSelect') })), 'CREATE_COMPLETE');

    const result = await sim.update('SameName', template({ ...baseResources(['A']), Category: field('Category', 'Text') }));

    expect(result.status).toBe('UPDATE_ROLLBACK_COMPLETE');
    expect(result.failure?.reason).toContain("ConflictException: A field named 'Category'");
    const domainId = sim.stack('SameName').attribute('DomainA', 'DomainId');
    expect(sim.fake.fields(domainId, { includeDeleted: true }).filter((f) => f.namespace === 'Custom').map((f) => [f.name, f.type, f.deleted]))
      .toStrictEqual([['Category', 'SingleSelect', false]]);
  });
});

describe('cleanup order', () => {
  test('resources removed from the template go in the old template\'s reverse dependency order, also through resources that stay', async () => {
    // GIVEN a rule that DependsOn a marker policy, which DependsOn the policy that grants the rule
    const granted = { ...baseResources(['A']), Grant: policy([allow(ALL_RULE_ACTIONS, ruleArns('A'))]) };
    expectStatus(await sim.create('Chain', template({
      ...granted,
      Marker: policy([allow(['cases:GetDomain'], ruleArns('A').slice(0, 1))], ['Grant']),
      Rule: caseRule('A', 'Chained', ['Marker']),
    })), 'CREATE_COMPLETE');
    const domainId = sim.stack('Chain').attribute('DomainA', 'DomainId');

    // WHEN the rule and the granting policy leave the template, the marker (which depended on the grant) staying without that dependency
    const { Grant: _removed, ...kept } = granted;
    const result = await sim.update('Chain', template({ ...kept, Marker: policy([allow(['cases:GetDomain'], ruleArns('A').slice(0, 1))]) }));

    // THEN the rule was deleted (allowed) before the grant it depended on through the marker
    expectStatus(result, 'UPDATE_COMPLETE');
    expect(result.cleanupFailures).toStrictEqual([]);
    const ruleDelete = result.events.find((e) => e.logicalId === 'Rule' && e.action === 'Delete')!;
    const grantDelete = result.events.find((e) => e.logicalId === 'Grant' && e.action === 'Delete')!;
    expect([ruleDelete.phase, ruleDelete.status, grantDelete.phase]).toStrictEqual(['cleanup', 'SUCCESS', 'cleanup']);
    expect(ruleDelete.finishedAt).toBeLessThan(grantDelete.startedAt);
    expect(sim.fake.caseRules(domainId)).toStrictEqual([]);
  });
});
