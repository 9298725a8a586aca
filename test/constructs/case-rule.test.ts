import { CfnParameter, CfnResource, Lazy, RemovalPolicy, Tags } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { ICaseRuleRef } from 'aws-cdk-lib/aws-cases';
import {
  CaseRule, CaseRuleCondition, CaseRuleDefinition, CaseRuleType, CaseRuleValue, ICaseRule, SystemFieldId,
} from '../../lib';
import {
  CASE_RULE_TYPE, newStack, onlyResource, problemLines, requiredWhenClosed, requiredWhenClosedShape, synth, synthError,
} from './helpers';

describe('CaseRule', () => {
  test('writes exactly the contract properties, in the API\'s shape, served by the shared handler', () => {
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
    const template = synth(stack);
    const { properties, resource } = onlyResource(template, CASE_RULE_TYPE);
    const handler = onlyResource(template, 'AWS::Lambda::Function');
    expect(properties).toEqual({
      ServiceToken: { 'Fn::GetAtt': [handler.logicalId, 'Arn'] },
      ServiceTimeout: '900',
      DomainId: 'domain-1',
      Name: 'Close reason required when closed',
      Description: 'A closed case must say why',
      Rule: {
        required: {
          defaultValue: false,
          conditions: [{ equalTo: { operandOne: { fieldId: 'status-field' }, operandTwo: { stringValue: 'closed' }, result: true } }],
        },
      },
    });
    expect(resource.DeletionPolicy).toBe('Delete');
  });

  test.each([
    ['a hidden rule without conditions keeps its empty list', CaseRuleDefinition.hidden({ defaultValue: true }),
      { hidden: { defaultValue: true, conditions: [] } }],
    ['a field-options rule keeps an empty child list', CaseRuleDefinition.fieldOptions({
      parentFieldId: 'category',
      childFieldId: 'subcategory',
      mappings: [{ parentValue: 'billing', childValues: ['refund'] }, { parentValue: 'other', childValues: [] }],
    }), {
      fieldOptions: {
        parentFieldId: 'category',
        childFieldId: 'subcategory',
        parentChildFieldOptionsMappings: [
          { parentFieldOptionValue: 'billing', childFieldOptionValues: ['refund'] },
          { parentFieldOptionValue: 'other', childFieldOptionValues: [] },
        ],
      },
    }],
    ['anyOf nested in allOf: every nested comparison carries the top-level result', CaseRuleDefinition.required({
      conditions: [CaseRuleCondition.allOf({
        conditions: [
          CaseRuleCondition.equalTo({ fieldId: 'category', value: CaseRuleValue.fromString('billing') }),
          CaseRuleCondition.anyOf({
            conditions: [
              CaseRuleCondition.notEqualTo({ fieldId: 'amount', value: CaseRuleValue.fromNumber(0) }),
              CaseRuleCondition.equalTo({ fieldId: 'vip', value: CaseRuleValue.fromBoolean(true) }),
            ],
          }),
        ],
        result: true,
      })],
      defaultValue: false,
    }), {
      required: {
        defaultValue: false,
        conditions: [{
          andAll: {
            conditions: [
              { equalTo: { operandOne: { fieldId: 'category' }, operandTwo: { stringValue: 'billing' }, result: true } },
              {
                orAll: {
                  conditions: [
                    { notEqualTo: { operandOne: { fieldId: 'amount' }, operandTwo: { doubleValue: 0 }, result: true } },
                    { equalTo: { operandOne: { fieldId: 'vip' }, operandTwo: { booleanValue: true }, result: true } },
                  ],
                },
              },
            ],
          },
        }],
      },
    }],
  ])('%s', (_case, rule, expected) => {
    // GIVEN
    const { stack } = newStack();

    // WHEN
    new CaseRule(stack, 'Rule', { domainId: 'domain-1', rule });

    // THEN the Rule property is the API's CaseRuleDetails, empty lists included
    expect(onlyResource(synth(stack), CASE_RULE_TYPE).properties.Rule).toEqual(expected);
  });

  test('system field ids are field ids like any other', () => {
    // GIVEN a rule on the status field every domain has
    const { stack } = newStack();
    const rule = CaseRuleDefinition.hidden({
      conditions: [CaseRuleCondition.equalTo({ fieldId: SystemFieldId.STATUS, value: CaseRuleValue.fromString('closed'), result: false })],
      defaultValue: true,
    });

    // WHEN
    new CaseRule(stack, 'Rule', { domainId: 'domain-1', rule });

    // THEN the condition names the system field by its fixed id, and the rule is valid
    synth(stack).hasResourceProperties(CASE_RULE_TYPE, {
      Rule: { hidden: { conditions: [{ equalTo: Match.objectLike({ operandOne: { fieldId: 'status' } }) }] } },
    });
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
    expect(() => synth(stack)).not.toThrow();
  });

  test('exposes its id and ARN as attributes of its resource, and the definition it was given', () => {
    const { stack } = newStack();
    const definition = requiredWhenClosed();
    const rule = new CaseRule(stack, 'Rule', { domainId: 'domain-1', rule: definition });
    const { logicalId } = onlyResource(synth(stack), CASE_RULE_TYPE);
    expect(stack.resolve(rule.caseRuleId)).toEqual({ 'Fn::GetAtt': [logicalId, 'CaseRuleId'] });
    expect(stack.resolve(rule.caseRuleArn)).toEqual({ 'Fn::GetAtt': [logicalId, 'CaseRuleArn'] });
    expect(rule.domainId).toBe('domain-1');
    expect(rule.rule).toBe(definition);
    expect(rule.rule.ruleType).toBe(CaseRuleType.REQUIRED);
  });

  test('is an aws-cdk-lib ICaseRuleRef whose reference is its ARN', () => {
    // GIVEN
    const { stack } = newStack();

    // WHEN
    const rule: ICaseRuleRef = new CaseRule(stack, 'Rule', { domainId: 'domain-1', rule: requiredWhenClosed() });

    // THEN
    const { logicalId } = onlyResource(synth(stack), CASE_RULE_TYPE);
    expect(stack.resolve(rule.caseRuleRef)).toEqual({ caseRuleArn: { 'Fn::GetAtt': [logicalId, 'CaseRuleArn'] } });
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

  test('no tags, description or adoption means no such property', () => {
    const { stack } = newStack();
    new CaseRule(stack, 'Rule', { domainId: 'domain-1', rule: requiredWhenClosed() });
    synth(stack).hasResourceProperties(CASE_RULE_TYPE, { Tags: Match.absent(), Description: Match.absent(), AdoptId: Match.absent() });
  });

  test('adoptCaseRuleId is written as AdoptId, next to the declared state', () => {
    // GIVEN
    const { stack } = newStack();

    // WHEN
    new CaseRule(stack, 'Rule', { domainId: 'domain-1', rule: requiredWhenClosed(), adoptCaseRuleId: 'existing-rule-1' });

    // THEN
    synth(stack).hasResourceProperties(CASE_RULE_TYPE, { AdoptId: 'existing-rule-1', Rule: requiredWhenClosedShape() });
  });

  describe('imports', () => {
    test('fromCaseRuleAttributes builds the ARN in the stack\'s partition, region and account', () => {
      // GIVEN
      const { stack } = newStack();

      // WHEN
      const rule = CaseRule.fromCaseRuleAttributes(stack, 'Imported', { domainId: 'domain-1', caseRuleId: 'rule-1' });

      // THEN
      const arn = {
        'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':cases:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' },
          ':domain/domain-1/case-rule/rule-1']],
      };
      expect(rule.caseRuleId).toBe('rule-1');
      expect(rule.domainId).toBe('domain-1');
      expect(stack.resolve(rule.caseRuleArn)).toEqual(arn);
      expect(stack.resolve(rule.caseRuleRef)).toEqual({ caseRuleArn: arn });
    });

    test('fromCaseRuleArn reads the domain and rule ids from a literal ARN', () => {
      const arn = 'arn:aws:cases:eu-west-1:111122223333:domain/domain-1/case-rule/rule-1';
      const { stack } = newStack();
      const rule = CaseRule.fromCaseRuleArn(stack, 'Imported', arn);
      expect(rule.domainId).toBe('domain-1');
      expect(rule.caseRuleId).toBe('rule-1');
      expect(rule.env.region).toBe('eu-west-1');
      expect(rule.env.account).toBe('111122223333');
      expect(rule.caseRuleRef).toEqual({ caseRuleArn: arn });
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
      const imports: ICaseRule[] = [
        CaseRule.fromCaseRuleAttributes(stack, 'A', { domainId: 'domain-1', caseRuleId: 'rule-1' }),
        CaseRule.fromCaseRuleArn(stack, 'B', 'arn:aws:cases:eu-west-1:111122223333:domain/d/case-rule/r'),
      ];
      expect(imports).toHaveLength(2);
      expect(stack.node.findAll().filter((c) => CfnResource.isCfnResource(c))).toEqual([]);
    });
  });

  describe('validation at synthesis', () => {
    const long = (n: number) => 'x'.repeat(n);

    test.each([
      ['a name over 100 characters', { caseRuleName: long(101) },
        `[Stack/Rule] CaseRule property 'caseRuleName' must be 1-100 characters and must not end in white space; received '${long(40)}...' (101 characters)`],
      ['an empty name', { caseRuleName: '' },
        "[Stack/Rule] CaseRule property 'caseRuleName' must be 1-100 characters and must not end in white space; received '' (0 characters)"],
      ['a name ending in white space', { caseRuleName: 'Reason required ' },
        "[Stack/Rule] CaseRule property 'caseRuleName' must be 1-100 characters and must not end in white space; received 'Reason required ' (16 characters)"],
      ['a name ending in a newline', { caseRuleName: 'Reason\n' },
        "[Stack/Rule] CaseRule property 'caseRuleName' must be 1-100 characters and must not end in white space; received 'Reason\\n' (7 characters)"],
      ['a description over 255 characters', { description: long(256) },
        `[Stack/Rule] CaseRule property 'description' must be at most 255 characters; received '${long(40)}...' (256 characters)`],
      ['an empty domain id', { domainId: '' },
        "[Stack/Rule] CaseRule property 'domainId' must be 1-500 characters; received '' (0 characters)"],
      ['a domain id over 500 characters', { domainId: long(501) },
        `[Stack/Rule] CaseRule property 'domainId' must be 1-500 characters; received '${long(40)}...' (501 characters)`],
      ['an empty id to adopt', { adoptCaseRuleId: '' },
        "[Stack/Rule] CaseRule property 'adoptCaseRuleId' must be 1-500 characters; received '' (0 characters)"],
      ['an id to adopt over 500 characters', { adoptCaseRuleId: long(501) },
        `[Stack/Rule] CaseRule property 'adoptCaseRuleId' must be 1-500 characters; received '${long(40)}...' (501 characters)`],
    ])('%s is refused when the app is synthesized, not when the rule is built', (_case, override, message) => {
      // GIVEN
      const { app, stack } = newStack();

      // WHEN
      const build = () => new CaseRule(stack, 'Rule', { domainId: 'domain-1', rule: requiredWhenClosed(), ...override });

      // THEN
      expect(build).not.toThrow();
      expect(problemLines(synthError(app))).toEqual([message]);
    });

    test('every problem of the rule is reported at once, in the order of the props', () => {
      // GIVEN two bad props and a bad rule
      const { app, stack } = newStack();
      const rule = new CaseRule(stack, 'Rule', {
        domainId: '',
        caseRuleName: 'Reason required ',
        rule: CaseRuleDefinition.required({
          conditions: [CaseRuleCondition.equalTo({ fieldId: 'status', value: CaseRuleValue.fromString('closed') })],
          defaultValue: false,
        }),
      });

      // WHEN the app is synthesized
      const message = synthError(app);

      // THEN every problem is listed, each with the construct path
      const expected = [
        "CaseRule property 'domainId' must be 1-500 characters; received '' (0 characters)",
        "CaseRule property 'caseRuleName' must be 1-100 characters and must not end in white space; received 'Reason required ' (16 characters)",
        "CaseRule property 'rule.conditions[0].result' must be set on a top-level condition (the rule's value when the condition holds); received undefined",
      ];
      expect(problemLines(message)).toEqual(expected.map((problem) => `[Stack/Rule] ${problem}`));
      expect(rule.node.validate()).toEqual(expected);
    });

    test('a value built before any construct is reported with the path of each rule that uses it', () => {
      // GIVEN an invalid value, built outside any construct and used by two rules
      const empty = CaseRuleValue.fromString('');
      const definition = CaseRuleDefinition.required({
        conditions: [CaseRuleCondition.equalTo({ fieldId: 'status', value: empty, result: true })],
        defaultValue: false,
      });
      const { app, stack } = newStack();

      // WHEN
      new CaseRule(stack, 'First', { domainId: 'domain-1', rule: definition });
      new CaseRule(stack, 'Second', { domainId: 'domain-1', rule: definition });

      // THEN
      const problem = "CaseRule property 'rule.conditions[0].value' must be 1-1500 characters; received '' (0 characters)";
      expect(problemLines(synthError(app))).toEqual([`[Stack/First] ${problem}`, `[Stack/Second] ${problem}`]);
    });

    test('a problem inside allOf/anyOf names the nested property', () => {
      // GIVEN
      const { app, stack } = newStack();
      const nested = CaseRuleCondition.anyOf({
        conditions: [
          CaseRuleCondition.equalTo({ fieldId: 'category', value: CaseRuleValue.fromString('billing') }),
          CaseRuleCondition.equalTo({ fieldId: 'amount', value: CaseRuleValue.fromNumber(Number.NaN) }),
        ],
      });

      // WHEN
      new CaseRule(stack, 'Rule', {
        domainId: 'domain-1',
        rule: CaseRuleDefinition.hidden({ conditions: [CaseRuleCondition.allOf({ conditions: [nested], result: false })], defaultValue: true }),
      });

      // THEN
      expect(problemLines(synthError(app))).toEqual([
        "[Stack/Rule] CaseRule property 'rule.conditions[0].allOf.conditions[0].anyOf.conditions[1].value' must be a finite number; received NaN",
      ]);
    });

    test('the limits themselves are accepted', () => {
      const { stack } = newStack();
      new CaseRule(stack, 'Rule', {
        domainId: long(500), caseRuleName: long(100), description: long(255), adoptCaseRuleId: long(500), rule: requiredWhenClosed(),
      });
      expect(() => synth(stack)).not.toThrow();
    });

    test('unresolved tokens are not checked', () => {
      const { stack } = newStack();
      const empty = Lazy.string({ produce: () => '' });
      new CaseRule(stack, 'Rule', {
        domainId: empty, caseRuleName: empty, description: empty, adoptCaseRuleId: empty, rule: requiredWhenClosed(empty),
      });
      expect(() => synth(stack)).not.toThrow();
    });
  });

  describe('the undocumented condition limit', () => {
    const flatConditions = (count: number) => CaseRuleDefinition.required({
      conditions: Array.from({ length: count }, (_, i) =>
        CaseRuleCondition.equalTo({ fieldId: `field-${i}`, value: CaseRuleValue.fromString('x'), result: true })),
      defaultValue: false,
    });

    test('a flat list of more than 5 conditions synthesizes, with a warning on the rule', () => {
      // GIVEN
      const { stack } = newStack();

      // WHEN
      new CaseRule(stack, 'Rule', { domainId: 'domain-1', rule: flatConditions(6) });

      // THEN
      const warnings = Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('.*'));
      expect(warnings.map((w) => w.id)).toEqual(['/Stack/Rule']);
      expect(warnings[0].entry.data).toMatch(
        /^CaseRule property 'rule\.conditions' has 6 conditions; the Cases API documents "A case rule can have a maximum of 5 conditions, spread across a maximum of 2 levels of nesting" without saying whether that applies to a list without allOf\/anyOf \(the list itself allows 100\), so the service may refuse this rule/,
      );
      synth(stack).resourceCountIs(CASE_RULE_TYPE, 1);
    });

    test('5 conditions draw no warning', () => {
      const { stack } = newStack();
      new CaseRule(stack, 'Rule', { domainId: 'domain-1', rule: flatConditions(5) });
      Annotations.fromStack(stack).hasNoWarning('*', Match.stringLikeRegexp('.*'));
    });
  });
});
