import { App, RemovalPolicy, Stack, TagManager, TagType, Tags } from 'aws-cdk-lib';
import { Template as Assertions } from 'aws-cdk-lib/assertions';
import { Construct } from 'constructs';
import { CasesHandler } from '../../lib/private/cases-handler';

/**
 * `CasesHandler.newResource`, the one CloudFormation resource behind each construct of the library,
 * driven directly the way the constructs drive it.
 */

/** A construct that owns a TagManager, as CaseRule and Template do (so that `Tags.of` reaches it). */
class Owner extends Construct {
  public readonly tags = new TagManager(TagType.KEY_VALUE, 'Custom::ConnectCasesCaseRule');
}

function ownerWithResource(removalPolicy = RemovalPolicy.DESTROY, withTags = true) {
  const stack = new Stack(new App(), 'Resources');
  const owner = new Owner(stack, 'Rule');
  const names: string[] = ['Rule'];
  const resource = CasesHandler.of(owner).newResource(owner, {
    resourceType: 'Custom::ConnectCasesCaseRule',
    domainId: 'domain-1',
    renderProperties: () => ({ DomainId: 'domain-1', Name: names.join(' ') }),
    removalPolicy,
    tags: withTags ? owner.tags : undefined,
  });
  return { stack, owner, resource, names };
}

function onlyOfType(stack: Stack, type: string): { logicalId: string; resource: any } {
  const found = Object.entries(Assertions.fromStack(stack).findResources(type));
  expect(found).toHaveLength(1);
  return { logicalId: found[0][0], resource: found[0][1] };
}

test('one resource at <construct>/Resource with ServiceToken and ServiceTimeout first, then the properties', () => {
  const { stack, resource } = ownerWithResource();
  expect(resource.node.path).toBe('Resources/Rule/Resource');
  const fn = onlyOfType(stack, 'AWS::Lambda::Function');
  const { logicalId, resource: rendered } = onlyOfType(stack, 'Custom::ConnectCasesCaseRule');
  expect(logicalId).toBe(stack.getLogicalId(resource));
  expect(Object.keys(rendered.Properties)).toEqual(['ServiceToken', 'ServiceTimeout', 'DomainId', 'Name']);
  expect(rendered.Properties).toEqual({ ServiceToken: { 'Fn::GetAtt': [fn.logicalId, 'Arn'] }, ServiceTimeout: '900', DomainId: 'domain-1', Name: 'Rule' });
});

test('the properties are rendered at synthesis: what changed after construction is included', () => {
  const { stack, names } = ownerWithResource();
  names.push('renamed');
  expect(onlyOfType(stack, 'Custom::ConnectCasesCaseRule').resource.Properties.Name).toBe('Rule renamed');
});

test('no Tags property when the construct has no tags', () => {
  const { stack } = ownerWithResource();
  expect(onlyOfType(stack, 'Custom::ConnectCasesCaseRule').resource.Properties.Tags).toBeUndefined();
});

test('tags added later with Tags.of, on the construct or the stack, are rendered last as the contract\'s list, sorted by key', () => {
  // GIVEN a resource whose owner gets tags after it was created
  const { stack, owner } = ownerWithResource();
  Tags.of(owner).add('team', 'support');
  Tags.of(stack).add('env', 'prod');

  // THEN the resource carries both, as { Key, Value } entries
  const rendered = onlyOfType(stack, 'Custom::ConnectCasesCaseRule').resource.Properties;
  expect(Object.keys(rendered).pop()).toBe('Tags');
  expect(rendered.Tags).toEqual([{ Key: 'env', Value: 'prod' }, { Key: 'team', Value: 'support' }]);
});

test('without a TagManager, the resource is not taggable itself: stack tags do not reach it', () => {
  const { stack } = ownerWithResource(RemovalPolicy.DESTROY, false);
  Tags.of(stack).add('env', 'prod');
  expect(onlyOfType(stack, 'Custom::ConnectCasesCaseRule').resource.Properties.Tags).toBeUndefined();
});

test.each([
  [RemovalPolicy.DESTROY, 'Delete'],
  [RemovalPolicy.RETAIN, 'Retain'],
])('removal policy %s becomes DeletionPolicy and UpdateReplacePolicy %s', (policy, expected) => {
  const { stack } = ownerWithResource(policy);
  const { resource } = onlyOfType(stack, 'Custom::ConnectCasesCaseRule');
  expect({ DeletionPolicy: resource.DeletionPolicy, UpdateReplacePolicy: resource.UpdateReplacePolicy })
    .toEqual({ DeletionPolicy: expected, UpdateReplacePolicy: expected });
});

test('getAttString reads what the handler returns', () => {
  const { stack, resource } = ownerWithResource();
  expect(stack.resolve(resource.getAttString('CaseRuleId'))).toEqual({ 'Fn::GetAtt': [stack.getLogicalId(resource), 'CaseRuleId'] });
});
