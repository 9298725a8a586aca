import { CfnParameter, CfnResource, Lazy, RemovalPolicy, Tags } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { CaseRule, CaseRuleDefinition } from '../../lib';
import { CASE_RULE_TYPE, newStack, onlyResource, requiredWhenClosed, synth } from './helpers';

describe('CaseRule', () => {
  test('writes exactly the contract properties and is served by the shared handler', () => {
    // GIVEN
    const { stack } = newStack();

    // WHEN
    new CaseRule(stack, 'ReasonRequired', {
      domainId: 'domain-1',
      caseRuleName: 'Close reason required when closed',
      description: 'A closed case must say why',
      rule: requiredWhenClosed('status-field'),
    });

    // THEN
    const { properties, resource } = onlyResource(synth(stack), CASE_RULE_TYPE);
    const handler = synth(stack).findResources('AWS::Lambda::Function');
    expect(properties).toEqual({
      ServiceToken: { 'Fn::GetAtt': [Object.keys(handler)[0], 'Arn'] },
      ServiceTimeout: '900',
      DomainId: 'domain-1',
      Name: 'Close reason required when closed',
      Description: 'A closed case must say why',
      Rule: {
        Type: 'Required',
        DefaultValue: false,
        Conditions: [{ Operator: 'EqualTo', FieldId: 'status-field', ValueType: 'String', Value: 'closed', Result: true }],
      },
    });
    expect(resource.DeletionPolicy).toBe('Delete');
  });

  test('generates a deterministic name from the construct path when none is given', () => {
    const build = () => {
      const { stack } = newStack();
      const rule = new CaseRule(stack, 'Unnamed', { domainId: 'domain-1', rule: requiredWhenClosed() });
      return { name: rule.caseRuleName, written: onlyResource(synth(stack), CASE_RULE_TYPE).properties.Name };
    };
    const first = build();
    expect(first.name).toMatch(/^StackUnnamed[0-9A-F]{8}$/);
    expect(first.written).toBe(first.name);
    expect(build().name).toBe(first.name);
  });

  test('generated names stay within 100 characters for deep paths', () => {
    const { stack } = newStack();
    const rule = new CaseRule(stack, 'N'.repeat(150), { domainId: 'd', rule: requiredWhenClosed() });
    expect(rule.caseRuleName.length).toBeLessThanOrEqual(100);
  });

  test('exposes its id and ARN as attributes of its resource', () => {
    const { stack } = newStack();
    const rule = new CaseRule(stack, 'Rule', { domainId: 'domain-1', rule: requiredWhenClosed() });
    const { logicalId } = onlyResource(synth(stack), CASE_RULE_TYPE);
    expect(stack.resolve(rule.caseRuleId)).toEqual({ 'Fn::GetAtt': [logicalId, 'CaseRuleId'] });
    expect(stack.resolve(rule.caseRuleArn)).toEqual({ 'Fn::GetAtt': [logicalId, 'CaseRuleArn'] });
    expect(rule.domainId).toBe('domain-1');
  });

  test('RETAIN keeps the rule when it leaves the stack', () => {
    const { stack } = newStack();
    new CaseRule(stack, 'Rule', { domainId: 'domain-1', rule: requiredWhenClosed(), removalPolicy: RemovalPolicy.RETAIN });
    const { resource } = onlyResource(synth(stack), CASE_RULE_TYPE);
    expect(resource.DeletionPolicy).toBe('Retain');
    expect(resource.UpdateReplacePolicy).toBe('Retain');
  });

  test('tags from Tags.of on the rule and its scopes are written sorted, after construction too', () => {
    // GIVEN
    const { stack } = newStack();
    const rule = new CaseRule(stack, 'Rule', { domainId: 'domain-1', rule: requiredWhenClosed() });

    // WHEN tags are added after the rule exists
    Tags.of(stack).add('team', 'support');
    Tags.of(rule).add('cost-center', '42');

    // THEN
    synth(stack).hasResourceProperties(CASE_RULE_TYPE, {
      Tags: [{ Key: 'cost-center', Value: '42' }, { Key: 'team', Value: 'support' }],
    });
  });

  test('no tags means no Tags property', () => {
    const { stack } = newStack();
    new CaseRule(stack, 'Rule', { domainId: 'domain-1', rule: requiredWhenClosed() });
    synth(stack).hasResourceProperties(CASE_RULE_TYPE, { Tags: Match.absent(), Description: Match.absent() });
  });

  describe('imports', () => {
    test('fromCaseRuleId builds the ARN in the stack\'s partition, region and account', () => {
      const { stack } = newStack();
      const rule = CaseRule.fromCaseRuleId(stack, 'Imported', 'domain-1', 'rule-1');
      expect(rule.caseRuleId).toBe('rule-1');
      expect(rule.domainId).toBe('domain-1');
      expect(stack.resolve(rule.caseRuleArn)).toEqual({
        'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':cases:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' },
          ':domain/domain-1/case-rule/rule-1']],
      });
    });

    test('fromCaseRuleArn reads the domain and rule ids from a literal ARN', () => {
      const { stack } = newStack();
      const rule = CaseRule.fromCaseRuleArn(stack, 'Imported',
        'arn:aws:cases:eu-west-1:111122223333:domain/domain-1/case-rule/rule-1');
      expect(rule.domainId).toBe('domain-1');
      expect(rule.caseRuleId).toBe('rule-1');
      expect(rule.env.region).toBe('eu-west-1');
      expect(rule.env.account).toBe('111122223333');
    });

    test('fromCaseRuleArn splits a token ARN at deploy time', () => {
      const { stack } = newStack();
      const arn = new CfnParameter(stack, 'RuleArn').valueAsString;
      const rule = CaseRule.fromCaseRuleArn(stack, 'Imported', arn);
      const path = { 'Fn::Split': ['/', { 'Fn::Select': [5, { 'Fn::Split': [':', { Ref: 'RuleArn' }] }] }] };
      expect(stack.resolve(rule.domainId)).toEqual({ 'Fn::Select': [1, path] });
      expect(stack.resolve(rule.caseRuleId)).toEqual({ 'Fn::Select': [3, path] });
    });

    test.each([
      'arn:aws:cases:eu-west-1:111122223333:domain/domain-1/template/t-1',
      'arn:aws:cases:eu-west-1:111122223333:domain/domain-1',
      'not-an-arn',
    ])('fromCaseRuleArn refuses %s', (arn) => {
      const { stack } = newStack();
      expect(() => CaseRule.fromCaseRuleArn(stack, 'Imported', arn)).toThrow(
        `[Stack/Imported] expected an ARN like arn:<partition>:cases:<region>:<account>:domain/<domainId>/case-rule/<id>; received '${arn}'`,
      );
    });

    test('imports add no resource', () => {
      const { stack } = newStack();
      CaseRule.fromCaseRuleId(stack, 'A', 'domain-1', 'rule-1');
      CaseRule.fromCaseRuleArn(stack, 'B', 'arn:aws:cases:eu-west-1:111122223333:domain/d/case-rule/r');
      expect(stack.node.findAll().filter((c) => CfnResource.isCfnResource(c))).toEqual([]);
    });
  });

  describe('validation', () => {
    const long = (n: number) => 'x'.repeat(n);

    test.each([
      ['a name over 100 characters', { caseRuleName: long(101) },
        `[Stack/Rule] CaseRule property 'caseRuleName' must be 1-100 characters and must not end in white space; received '${long(40)}...' (101 characters)`],
      ['an empty name', { caseRuleName: '' },
        "[Stack/Rule] CaseRule property 'caseRuleName' must be 1-100 characters and must not end in white space; received '' (0 characters)"],
      ['a name ending in white space', { caseRuleName: 'Reason required ' },
        "[Stack/Rule] CaseRule property 'caseRuleName' must be 1-100 characters and must not end in white space; received 'Reason required ' (16 characters)"],
      ['a name ending in a newline', { caseRuleName: 'Reason\n' }, "CaseRule property 'caseRuleName'"],
      ['a description over 255 characters', { description: long(256) },
        `[Stack/Rule] CaseRule property 'description' must be at most 255 characters; received '${long(40)}...' (256 characters)`],
      ['an empty domain id', { domainId: '' },
        "[Stack/Rule] CaseRule property 'domainId' must be 1-500 characters; received '' (0 characters)"],
      ['a domain id over 500 characters', { domainId: long(501) },
        "[Stack/Rule] CaseRule property 'domainId' must be 1-500 characters; received"],
    ])('%s is refused', (_case, override, message) => {
      const { stack } = newStack();
      expect(() => new CaseRule(stack, 'Rule', { domainId: 'domain-1', rule: requiredWhenClosed(), ...override }))
        .toThrow(message);
    });

    test('the limits themselves are accepted', () => {
      const { stack } = newStack();
      expect(() => new CaseRule(stack, 'Rule', {
        domainId: long(500), caseRuleName: long(100), description: long(255), rule: requiredWhenClosed(),
      })).not.toThrow();
    });

    test('unresolved tokens are not checked', () => {
      const { stack } = newStack();
      const empty = Lazy.string({ produce: () => '' });
      expect(() => new CaseRule(stack, 'Rule', {
        domainId: empty, caseRuleName: empty, description: empty, rule: requiredWhenClosed(),
      })).not.toThrow();
    });
  });

  test('an empty field-options child list and a hidden rule synthesize side by side in one stack', () => {
    const { stack } = newStack();
    new CaseRule(stack, 'Hidden', { domainId: 'd', rule: CaseRuleDefinition.hidden({ defaultValue: true }) });
    new CaseRule(stack, 'Options', {
      domainId: 'd',
      rule: CaseRuleDefinition.fieldOptions({ parentFieldId: 'p', childFieldId: 'c', mappings: [{ parentValue: 'x', childValues: [] }] }),
    });
    const template = synth(stack);
    template.resourceCountIs(CASE_RULE_TYPE, 2);
    template.hasResourceProperties(CASE_RULE_TYPE, { Rule: { Type: 'FieldOptions', Mappings: [{ ParentValue: 'x', ChildValues: Match.absent() }] } });
  });
});
