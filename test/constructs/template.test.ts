import { CfnParameter, Lazy, RemovalPolicy, Tags } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { CaseRule, CaseRuleDefinition, TagPropagationResourceType, Template, TemplateStatus } from '../../lib';
import { CASE_RULE_TYPE, TEMPLATE_TYPE, newStack, onlyResource, requiredWhenClosed, synth } from './helpers';

const fieldOptionsRule = () => CaseRuleDefinition.fieldOptions({
  parentFieldId: 'category', childFieldId: 'subcategory', mappings: [{ parentValue: 'billing', childValues: ['refund'] }],
});

describe('Template', () => {
  test('writes exactly the contract properties', () => {
    // GIVEN
    const { stack } = newStack();
    const rule = new CaseRule(stack, 'Rule', { domainId: 'domain-1', rule: requiredWhenClosed() });

    // WHEN
    new Template(stack, 'Escalation', {
      domainId: 'domain-1',
      templateName: 'Escalation',
      description: 'Cases escalated to tier 2',
      status: TemplateStatus.INACTIVE,
      layout: 'layout-1',
      requiredFields: ['status-field', 'priority-field'],
      rules: [{ caseRule: rule, field: 'reason-field' }, { caseRuleId: 'plain-rule', field: 'other-field' }],
      tagPropagationConfigurations: [{ resourceType: TagPropagationResourceType.CASES, tags: { team: 'tier-2', area: 'emea' } }],
    });

    // THEN
    const template = synth(stack);
    const ruleId = onlyResource(template, CASE_RULE_TYPE).logicalId;
    const { properties, resource } = onlyResource(template, TEMPLATE_TYPE);
    expect(properties).toEqual({
      ServiceToken: { 'Fn::GetAtt': [Object.keys(template.findResources('AWS::Lambda::Function'))[0], 'Arn'] },
      ServiceTimeout: '900',
      DomainId: 'domain-1',
      Name: 'Escalation',
      Description: 'Cases escalated to tier 2',
      Status: 'Inactive',
      LayoutId: 'layout-1',
      RequiredFieldIds: ['status-field', 'priority-field'],
      Rules: [
        // The GetAtt is also what orders the template after the rule it uses.
        { CaseRuleId: { 'Fn::GetAtt': [ruleId, 'CaseRuleId'] }, FieldId: 'reason-field' },
        { CaseRuleId: 'plain-rule', FieldId: 'other-field' },
      ],
      TagPropagations: [{ ResourceType: 'Cases', Tags: [{ Key: 'area', Value: 'emea' }, { Key: 'team', Value: 'tier-2' }] }],
    });
    expect(resource.DeletionPolicy).toBe('Delete');
  });

  test('defaults: Active, generated name, optional lists and attributes absent', () => {
    const { stack } = newStack();
    const created = new Template(stack, 'Minimal', { domainId: 'domain-1' });
    const { properties } = onlyResource(synth(stack), TEMPLATE_TYPE);
    expect(created.templateName).toMatch(/^StackMinimal[0-9A-F]{8}$/);
    expect(properties).toEqual({
      ServiceToken: expect.anything(),
      ServiceTimeout: '900',
      DomainId: 'domain-1',
      Name: created.templateName,
      Status: 'Active',
    });
  });

  test('addRequiredField and addRule after construction are rendered; a field-options rule needs no field', () => {
    // GIVEN
    const { stack } = newStack();
    const required = new CaseRule(stack, 'Required', { domainId: 'domain-1', rule: requiredWhenClosed() });
    const options = new CaseRule(stack, 'Options', { domainId: 'domain-1', rule: fieldOptionsRule() });
    const template = new Template(stack, 'Template', { domainId: 'domain-1', requiredFields: ['a'] });

    // WHEN
    template.addRequiredField('b');
    template.addRule(required, 'reason-field');
    template.addRule(options);

    // THEN
    const synthesized = synth(stack);
    const ruleIds = Object.keys(synthesized.findResources(CASE_RULE_TYPE));
    synthesized.hasResourceProperties(TEMPLATE_TYPE, {
      RequiredFieldIds: ['a', 'b'],
      Rules: [
        { CaseRuleId: { 'Fn::GetAtt': [ruleIds[0], 'CaseRuleId'] }, FieldId: 'reason-field' },
        { CaseRuleId: { 'Fn::GetAtt': [ruleIds[1], 'CaseRuleId'] }, FieldId: Match.absent() },
      ],
    });
  });

  test('an imported rule is referenced by its plain id', () => {
    const { stack } = newStack();
    const imported = CaseRule.fromCaseRuleArn(stack, 'Imported', 'arn:aws:cases:eu-west-1:111122223333:domain/domain-1/case-rule/rule-9');
    new Template(stack, 'Template', { domainId: 'domain-1', rules: [{ caseRule: imported, field: 'f' }] });
    synth(stack).hasResourceProperties(TEMPLATE_TYPE, { Rules: [{ CaseRuleId: 'rule-9', FieldId: 'f' }] });
  });

  test('exposes its id and ARN as attributes of its resource', () => {
    const { stack } = newStack();
    const template = new Template(stack, 'Template', { domainId: 'domain-1' });
    const { logicalId } = onlyResource(synth(stack), TEMPLATE_TYPE);
    expect(stack.resolve(template.templateId)).toEqual({ 'Fn::GetAtt': [logicalId, 'TemplateId'] });
    expect(stack.resolve(template.templateArn)).toEqual({ 'Fn::GetAtt': [logicalId, 'TemplateArn'] });
  });

  test('RETAIN keeps the template when it leaves the stack', () => {
    const { stack } = newStack();
    new Template(stack, 'Template', { domainId: 'domain-1', removalPolicy: RemovalPolicy.RETAIN });
    expect(onlyResource(synth(stack), TEMPLATE_TYPE).resource.DeletionPolicy).toBe('Retain');
  });

  test('tags from Tags.of are written; propagated tags stay separate', () => {
    const { stack } = newStack();
    const template = new Template(stack, 'Template', { domainId: 'domain-1', tagPropagationConfigurations: [{ tags: { team: 'a' } }] });
    Tags.of(template).add('owner', 'support');
    synth(stack).hasResourceProperties(TEMPLATE_TYPE, {
      Tags: [{ Key: 'owner', Value: 'support' }],
      TagPropagations: [{ ResourceType: 'Cases', Tags: [{ Key: 'team', Value: 'a' }] }],
    });
  });

  describe('imports', () => {
    test('fromTemplateId builds the ARN', () => {
      const { stack } = newStack();
      const template = Template.fromTemplateId(stack, 'Imported', 'domain-1', 'template-1');
      expect(template.templateId).toBe('template-1');
      expect(stack.resolve(template.templateArn)['Fn::Join'][1]).toContain(':domain/domain-1/template/template-1');
    });

    test('fromTemplateArn reads a literal ARN and splits a token one', () => {
      const { stack } = newStack();
      const literal = Template.fromTemplateArn(stack, 'Literal', 'arn:aws-cn:cases:cn-north-1:111122223333:domain/d-1/template/t-1');
      expect([literal.domainId, literal.templateId, literal.env.region]).toEqual(['d-1', 't-1', 'cn-north-1']);

      const token = Template.fromTemplateArn(stack, 'Token', new CfnParameter(stack, 'Arn').valueAsString);
      expect(stack.resolve(token.templateId)).toEqual({
        'Fn::Select': [3, { 'Fn::Split': ['/', { 'Fn::Select': [5, { 'Fn::Split': [':', { Ref: 'Arn' }] }] }] }],
      });
    });

    test('fromTemplateArn refuses a case-rule ARN', () => {
      const { stack } = newStack();
      expect(() => Template.fromTemplateArn(stack, 'Imported', 'arn:aws:cases:eu-west-1:1:domain/d/case-rule/r'))
        .toThrow("[Stack/Imported] expected an ARN like arn:<partition>:cases:<region>:<account>:domain/<domainId>/template/<id>; received 'arn:aws:cases:eu-west-1:1:domain/d/case-rule/r'");
    });
  });

  describe('validation when built', () => {
    const long = (n: number) => 'x'.repeat(n);

    test.each([
      ['a name over 100 characters', { templateName: long(101) },
        `[Stack/Template] Template property 'templateName' must be 1-100 characters and must not end in white space; received '${long(40)}...' (101 characters)`],
      ['a name ending in a tab', { templateName: 'Escalation\t' },
        "[Stack/Template] Template property 'templateName' must be 1-100 characters and must not end in white space; received 'Escalation\t' (11 characters)"],
      ['a description over 255 characters', { description: long(256) },
        "[Stack/Template] Template property 'description' must be at most 255 characters; received"],
      ['an empty layout id', { layout: '' },
        "[Stack/Template] Template property 'layout' must be 1-500 characters; received '' (0 characters)"],
      ['an empty required field id', { requiredFields: ['ok', ''] },
        "[Stack/Template] Template property 'requiredFields[1]' must be 1-500 characters; received '' (0 characters)"],
      ['a rule with neither caseRule nor caseRuleId', { rules: [{ field: 'f' }] },
        "[Stack/Template] Template property 'rules[0]' must give exactly one of 'caseRule' and 'caseRuleId'; received neither"],
      ['an empty plain rule id', { rules: [{ caseRuleId: '', field: 'f' }] },
        "[Stack/Template] Template property 'rules[0].caseRuleId' must be 1-500 characters; received '' (0 characters)"],
      ['an empty rule field id', { rules: [{ caseRuleId: 'r', field: '' }] },
        "[Stack/Template] Template property 'rules[0].field' must be 1-500 characters; received '' (0 characters)"],
      ['two tag propagations for cases', { tagPropagationConfigurations: [{ tags: {} }, { resourceType: TagPropagationResourceType.CASES, tags: {} }] },
        "[Stack/Template] Template property 'tagPropagationConfigurations' must have at most one configuration per resource type; received 'Cases' more than once"],
    ])('%s is refused', (_case, override, message) => {
      const { stack } = newStack();
      expect(() => new Template(stack, 'Template', { domainId: 'domain-1', ...override })).toThrow(message);
    });

    test('a rule with both caseRule and caseRuleId is refused', () => {
      const { stack } = newStack();
      const rule = CaseRule.fromCaseRuleId(stack, 'R', 'domain-1', 'r');
      expect(() => new Template(stack, 'Template', { domainId: 'domain-1', rules: [{ caseRule: rule, caseRuleId: 'r', field: 'f' }] }))
        .toThrow("[Stack/Template] Template property 'rules[0]' must give exactly one of 'caseRule' and 'caseRuleId'; received both");
    });

    test('a rule from another domain is refused', () => {
      const { stack } = newStack();
      const rule = new CaseRule(stack, 'Rule', { domainId: 'domain-2', rule: requiredWhenClosed() });
      const template = new Template(stack, 'Template', { domainId: 'domain-1' });
      expect(() => template.addRule(rule, 'f')).toThrow(
        "[Stack/Template] Template property 'rules[0]' must use a case rule of the template's domain 'domain-1'; received rule Stack/Rule of domain 'domain-2'",
      );
    });

    test('a required rule without a field is refused', () => {
      const { stack } = newStack();
      const rule = new CaseRule(stack, 'Rule', { domainId: 'domain-1', rule: requiredWhenClosed() });
      const template = new Template(stack, 'Template', { domainId: 'domain-1' });
      expect(() => template.addRule(rule)).toThrow(
        "[Stack/Template] Template property 'rules[0]' must give 'field' for a Required rule (only field-options rules name their own fields); received none for rule Stack/Rule",
      );
    });

    test('domains given as tokens are not compared', () => {
      const { stack } = newStack();
      const domain = new CfnParameter(stack, 'Domain').valueAsString;
      const rule = new CaseRule(stack, 'Rule', { domainId: domain, rule: requiredWhenClosed() });
      const template = new Template(stack, 'Template', { domainId: 'domain-1' });
      expect(() => template.addRule(rule, 'f')).not.toThrow();
    });

    test('unresolved tokens are not checked', () => {
      const { stack } = newStack();
      const empty = Lazy.string({ produce: () => '' });
      expect(() => new Template(stack, 'Template', {
        domainId: empty, templateName: empty, description: empty, layout: empty,
        requiredFields: [empty], rules: [{ caseRuleId: empty, field: empty }],
      })).not.toThrow();
    });
  });

  describe('validation at synthesis (lists that can grow)', () => {
    test.each([
      ['101 required fields', (t: Template) => Array.from({ length: 101 }, (_, i) => t.addRequiredField(`f${i}`)),
        "[Stack/Template] Template property 'requiredFields' must have at most 100 fields; received 101"],
      ['a required field twice', (t: Template) => { t.addRequiredField('status'); t.addRequiredField('status'); },
        "[Stack/Template] Template property 'requiredFields' must not list a field twice; received 'status' (6 characters) more than once"],
      ['51 rules', (t: Template) => Array.from({ length: 51 }, (_, i) => t.addRule(CaseRule.fromCaseRuleId(t, `R${i}`, 'domain-1', `r${i}`), `f${i}`)),
        "[Stack/Template] Template property 'rules' must have at most 50 rules; received 51"],
      ['a rule twice on the same field', (t: Template) => {
        const rule = CaseRule.fromCaseRuleId(t, 'R', 'domain-1', 'rule-1');
        t.addRule(rule, 'reason');
        t.addRule(rule, 'reason');
      }, "[Stack/Template] Template property 'rules' must not attach a rule twice to the same field; received rule 'rule-1' (6 characters) on field 'reason' (6 characters) more than once"],
    ])('%s fails synthesis', (_case, grow, message) => {
      const { app, stack } = newStack();
      const template = new Template(stack, 'Template', { domainId: 'domain-1' });
      grow(template);
      expect(() => app.synth()).toThrow(message);
    });

    test('the same field given twice as one token is a duplicate; the message shows what it stands for', () => {
      const { app, stack } = newStack();
      const field = new CfnParameter(stack, 'Field').valueAsString;
      new Template(stack, 'Template', { domainId: 'domain-1', requiredFields: [field, field] });
      expect(() => app.synth()).toThrow("Template property 'requiredFields' must not list a field twice; received {\"Ref\":\"Field\"} more than once");
    });

    test('100 required fields and 50 rules, one rule on two fields, are accepted', () => {
      const { stack } = newStack();
      const template = new Template(stack, 'Template', { domainId: 'domain-1' });
      Array.from({ length: 100 }, (_, i) => template.addRequiredField(`f${i}`));
      const rule = CaseRule.fromCaseRuleId(stack, 'R', 'domain-1', 'rule-1');
      Array.from({ length: 50 }, (_, i) => template.addRule(rule, `f${i}`));
      expect(() => synth(stack)).not.toThrow();
    });
  });
});
