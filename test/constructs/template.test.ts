import { CfnParameter, CfnResource, Lazy, RemovalPolicy, Tags } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { CfnCaseRule, ITemplateRef } from 'aws-cdk-lib/aws-cases';
import {
  CaseRule, CaseRuleDefinition, ITemplate, SystemFieldId, TagPropagationResourceType, Template, TemplateProps, TemplateStatus,
} from '../../lib';
import { CASE_RULE_TYPE, TEMPLATE_TYPE, newStack, onlyResource, problemLines, requiredWhenClosed, synth, synthError } from './helpers';

const fieldOptionsRule = () => CaseRuleDefinition.fieldOptions({
  parentFieldId: 'category', childFieldId: 'subcategory', mappings: [{ parentValue: 'billing', childValues: ['refund'] }],
});

/** `Fn::Select` of the rule id out of a token case-rule ARN, as the template reads it at deploy time. */
function idFromArn(arn: unknown): unknown {
  return { 'Fn::Select': [3, { 'Fn::Split': ['/', { 'Fn::Select': [5, { 'Fn::Split': [':', arn] }] }] }] };
}

describe('Template', () => {
  test('writes exactly the contract properties, in the API\'s shape', () => {
    // GIVEN a rule of this stack and an imported one
    const { stack } = newStack();
    const rule = new CaseRule(stack, 'Rule', { domainId: 'domain-1', rule: requiredWhenClosed() });
    const imported = CaseRule.fromCaseRuleAttributes(stack, 'Imported', { domainId: 'domain-1', caseRuleId: 'plain-rule' });

    // WHEN
    new Template(stack, 'Escalation', {
      domainId: 'domain-1',
      templateName: 'Escalation',
      description: 'Cases escalated to tier 2',
      status: TemplateStatus.INACTIVE,
      layoutId: 'layout-1',
      requiredFields: ['status-field', 'priority-field'],
      rules: [{ caseRule: rule, fieldId: 'reason-field' }, { caseRule: imported, fieldId: 'other-field' }],
      tagPropagationConfigurations: [{ resourceType: TagPropagationResourceType.CASES, tags: { team: 'tier-2', area: 'emea' } }],
    });

    // THEN
    const template = synth(stack);
    const ruleId = onlyResource(template, CASE_RULE_TYPE).logicalId;
    const { properties, resource } = onlyResource(template, TEMPLATE_TYPE);
    expect(properties).toEqual({
      ServiceToken: { 'Fn::GetAtt': [onlyResource(template, 'AWS::Lambda::Function').logicalId, 'Arn'] },
      ServiceTimeout: '900',
      DomainId: 'domain-1',
      Name: 'Escalation',
      Description: 'Cases escalated to tier 2',
      Status: 'Inactive',
      LayoutConfiguration: { defaultLayout: 'layout-1' },
      RequiredFields: [{ fieldId: 'status-field' }, { fieldId: 'priority-field' }],
      Rules: [
        // The GetAtt is also what orders the template after the rule it uses.
        { caseRuleId: { 'Fn::GetAtt': [ruleId, 'CaseRuleId'] }, fieldId: 'reason-field' },
        { caseRuleId: 'plain-rule', fieldId: 'other-field' },
      ],
      // Keys sorted, whatever order they were written in.
      TagPropagationConfigurations: [{ resourceType: 'Cases', tagMap: { area: 'emea', team: 'tier-2' } }],
    });
    expect(Object.keys(properties.TagPropagationConfigurations[0].tagMap)).toEqual(['area', 'team']);
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

  test('a tag propagation without resource type is for cases', () => {
    const { stack } = newStack();
    new Template(stack, 'Template', { domainId: 'domain-1', tagPropagationConfigurations: [{ tags: { team: 'a' } }] });
    synth(stack).hasResourceProperties(TEMPLATE_TYPE, { TagPropagationConfigurations: [{ resourceType: 'Cases', tagMap: { team: 'a' } }] });
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
      RequiredFields: [{ fieldId: 'a' }, { fieldId: 'b' }],
      Rules: [
        { caseRuleId: { 'Fn::GetAtt': [ruleIds[0], 'CaseRuleId'] }, fieldId: 'reason-field' },
        { caseRuleId: { 'Fn::GetAtt': [ruleIds[1], 'CaseRuleId'] }, fieldId: Match.absent() },
      ],
    });
  });

  test('system field ids are field ids like any other', () => {
    // GIVEN
    const { stack } = newStack();
    const rule = CaseRule.fromCaseRuleAttributes(stack, 'Rule', { domainId: 'domain-1', caseRuleId: 'rule-1' });

    // WHEN the template requires the title and attaches a rule to the summary
    new Template(stack, 'Template', {
      domainId: 'domain-1',
      requiredFields: [SystemFieldId.TITLE, SystemFieldId.STATUS],
      rules: [{ caseRule: rule, fieldId: SystemFieldId.SUMMARY }],
    });

    // THEN
    synth(stack).hasResourceProperties(TEMPLATE_TYPE, {
      RequiredFields: [{ fieldId: 'title' }, { fieldId: 'status' }],
      Rules: [{ caseRuleId: 'rule-1', fieldId: 'summary' }],
    });
  });

  describe('attaching rules from elsewhere', () => {
    test('an imported rule is referenced by its plain id', () => {
      const { stack } = newStack();
      const byArn = CaseRule.fromCaseRuleArn(stack, 'ByArn', 'arn:aws:cases:eu-west-1:111122223333:domain/domain-1/case-rule/rule-9');
      const byAttributes = CaseRule.fromCaseRuleAttributes(stack, 'ByAttributes', { domainId: 'domain-1', caseRuleId: 'rule-8' });
      new Template(stack, 'Template', { domainId: 'domain-1', rules: [{ caseRule: byArn, fieldId: 'f' }, { caseRule: byAttributes, fieldId: 'g' }] });
      synth(stack).hasResourceProperties(TEMPLATE_TYPE, {
        Rules: [{ caseRuleId: 'rule-9', fieldId: 'f' }, { caseRuleId: 'rule-8', fieldId: 'g' }],
      });
    });

    test('an aws-cdk-lib CfnCaseRule is attached by the id read from its ARN', () => {
      // GIVEN a rule declared with the L1
      const { stack } = newStack();
      const l1 = new CfnCaseRule(stack, 'L1Rule', {
        domainId: 'domain-1',
        name: 'Reason required',
        rule: { required: { defaultValue: false, conditions: [] } },
      });

      // WHEN
      new Template(stack, 'Template', { domainId: 'domain-1', rules: [{ caseRule: l1, fieldId: 'reason-field' }] });

      // THEN the id is split out of the rule's ARN (its reference) at deploy time, which also orders
      // the template after the rule
      expect(stack.resolve(l1.caseRuleRef.caseRuleArn)).toEqual({ Ref: stack.getLogicalId(l1) });
      synth(stack).hasResourceProperties(TEMPLATE_TYPE, {
        Rules: [{ caseRuleId: idFromArn({ Ref: stack.getLogicalId(l1) }), fieldId: 'reason-field' }],
      });
    });

    test('a hidden CfnCaseRule attached without a field is refused, as our own hidden rules are', () => {
      const { app, stack } = newStack();
      const l1 = new CfnCaseRule(stack, 'L1Rule', { domainId: 'domain-1', name: 'r', rule: { hidden: { defaultValue: true, conditions: [] } } });
      new Template(stack, 'Template', { domainId: 'domain-1', rules: [{ caseRule: l1 }] });
      expect(problemLines(synthError(app))).toEqual([
        "[Stack/Template] Template property 'rules[0]' must give 'fieldId' for a Hidden rule (only field-options rules name their own fields); received none for rule Stack/L1Rule",
      ]);
    });

    test('a CfnCaseRule of another domain is refused', () => {
      const { app, stack } = newStack();
      const l1 = new CfnCaseRule(stack, 'L1Rule', { domainId: 'domain-2', name: 'r', rule: { hidden: { defaultValue: true, conditions: [] } } });
      new Template(stack, 'Template', { domainId: 'domain-1', rules: [{ caseRule: l1, fieldId: 'f' }] });
      expect(problemLines(synthError(app))).toEqual([
        "[Stack/Template] Template property 'rules[0]' must use a case rule of the template's domain 'domain-1'; received rule Stack/L1Rule of domain 'domain-2'",
      ]);
    });
  });

  test('exposes its id and ARN as attributes of its resource, and is an aws-cdk-lib ITemplateRef', () => {
    // GIVEN
    const { stack } = newStack();

    // WHEN
    const template = new Template(stack, 'Template', { domainId: 'domain-1' });
    const ref: ITemplateRef = template;

    // THEN
    const { logicalId } = onlyResource(synth(stack), TEMPLATE_TYPE);
    expect(stack.resolve(template.templateId)).toEqual({ 'Fn::GetAtt': [logicalId, 'TemplateId'] });
    expect(stack.resolve(template.templateArn)).toEqual({ 'Fn::GetAtt': [logicalId, 'TemplateArn'] });
    expect(stack.resolve(ref.templateRef)).toEqual({ templateArn: { 'Fn::GetAtt': [logicalId, 'TemplateArn'] } });
    expect(template.domainId).toBe('domain-1');
  });

  test('RETAIN keeps the template when it leaves the stack', () => {
    const { stack } = newStack();
    new Template(stack, 'Template', { domainId: 'domain-1', removalPolicy: RemovalPolicy.RETAIN });
    const { resource } = onlyResource(synth(stack), TEMPLATE_TYPE);
    expect(resource.DeletionPolicy).toBe('Retain');
    expect(resource.UpdateReplacePolicy).toBe('Retain');
  });

  test('tags from Tags.of are written; propagated tags stay separate', () => {
    const { stack } = newStack();
    const template = new Template(stack, 'Template', { domainId: 'domain-1', tagPropagationConfigurations: [{ tags: { team: 'a' } }] });
    Tags.of(template).add('owner', 'support');
    synth(stack).hasResourceProperties(TEMPLATE_TYPE, {
      Tags: [{ Key: 'owner', Value: 'support' }],
      TagPropagationConfigurations: [{ resourceType: 'Cases', tagMap: { team: 'a' } }],
    });
  });

  test('adoptTemplateId is written as AdoptId, next to the declared state', () => {
    // GIVEN
    const { stack } = newStack();

    // WHEN
    new Template(stack, 'Template', { domainId: 'domain-1', templateName: 'Escalation', adoptTemplateId: 'existing-template-1' });

    // THEN
    synth(stack).hasResourceProperties(TEMPLATE_TYPE, { AdoptId: 'existing-template-1', Name: 'Escalation', Status: 'Active' });
  });

  describe('imports', () => {
    test('fromTemplateAttributes builds the ARN', () => {
      // GIVEN
      const { stack } = newStack();

      // WHEN
      const template = Template.fromTemplateAttributes(stack, 'Imported', { domainId: 'domain-1', templateId: 'template-1' });

      // THEN
      const arn = {
        'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':cases:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' },
          ':domain/domain-1/template/template-1']],
      };
      expect([template.domainId, template.templateId]).toEqual(['domain-1', 'template-1']);
      expect(stack.resolve(template.templateArn)).toEqual(arn);
      expect(stack.resolve(template.templateRef)).toEqual({ templateArn: arn });
    });

    test('fromTemplateArn reads a literal ARN and splits a token one', () => {
      const { stack } = newStack();
      const literalArn = 'arn:aws-cn:cases:cn-north-1:111122223333:domain/d-1/template/t-1';
      const literal = Template.fromTemplateArn(stack, 'Literal', literalArn);
      expect([literal.domainId, literal.templateId, literal.env.region]).toEqual(['d-1', 't-1', 'cn-north-1']);
      expect(literal.templateRef).toEqual({ templateArn: literalArn });

      const token = Template.fromTemplateArn(stack, 'Token', new CfnParameter(stack, 'Arn').valueAsString);
      expect(stack.resolve(token.templateId)).toEqual(idFromArn({ Ref: 'Arn' }));
    });

    test('fromTemplateArn refuses a case-rule ARN', () => {
      const { stack } = newStack();
      expect(() => Template.fromTemplateArn(stack, 'Imported', 'arn:aws:cases:eu-west-1:1:domain/d/case-rule/r'))
        .toThrow("[Stack/Imported] expected an ARN like arn:<partition>:cases:<region>:<account>:domain/<domainId>/template/<id>; received 'arn:aws:cases:eu-west-1:1:domain/d/case-rule/r'");
    });

    test('imports add no resource', () => {
      const { stack } = newStack();
      const imports: ITemplate[] = [
        Template.fromTemplateAttributes(stack, 'A', { domainId: 'd', templateId: 't' }),
        Template.fromTemplateArn(stack, 'B', 'arn:aws:cases:eu-west-1:111122223333:domain/d/template/t'),
      ];
      expect(imports).toHaveLength(2);
      expect(stack.node.findAll().filter((c) => CfnResource.isCfnResource(c))).toEqual([]);
    });
  });

  describe('validation at synthesis', () => {
    const long = (n: number) => 'x'.repeat(n);

    test.each<[string, Partial<TemplateProps>, string]>([
      ['a name over 100 characters', { templateName: long(101) },
        `Template property 'templateName' must be 1-100 characters and must not end in white space; received '${long(40)}...' (101 characters)`],
      ['an empty name', { templateName: '' },
        "Template property 'templateName' must be 1-100 characters and must not end in white space; received '' (0 characters)"],
      ['a name ending in a tab', { templateName: 'Escalation\t' },
        "Template property 'templateName' must be 1-100 characters and must not end in white space; received 'Escalation\\t' (11 characters)"],
      ['a description over 255 characters', { description: long(256) },
        `Template property 'description' must be at most 255 characters; received '${long(40)}...' (256 characters)`],
      ['an empty domain id', { domainId: '' },
        "Template property 'domainId' must be 1-500 characters; received '' (0 characters)"],
      ['a domain id over 500 characters', { domainId: long(501) },
        `Template property 'domainId' must be 1-500 characters; received '${long(40)}...' (501 characters)`],
      ['an empty layout id', { layoutId: '' },
        "Template property 'layoutId' must be 1-500 characters; received '' (0 characters)"],
      ['a layout id over 500 characters', { layoutId: long(501) },
        `Template property 'layoutId' must be 1-500 characters; received '${long(40)}...' (501 characters)`],
      ['an empty id to adopt', { adoptTemplateId: '' },
        "Template property 'adoptTemplateId' must be 1-500 characters; received '' (0 characters)"],
      ['an id to adopt over 500 characters', { adoptTemplateId: long(501) },
        `Template property 'adoptTemplateId' must be 1-500 characters; received '${long(40)}...' (501 characters)`],
      ['an empty required field id', { requiredFields: ['ok', ''] },
        "Template property 'requiredFields[1]' must be 1-500 characters; received '' (0 characters)"],
      ['a required field id over 500 characters', { requiredFields: [long(501)] },
        `Template property 'requiredFields[0]' must be 1-500 characters; received '${long(40)}...' (501 characters)`],
      ['two tag propagations for cases', { tagPropagationConfigurations: [{ tags: {} }, { resourceType: TagPropagationResourceType.CASES, tags: {} }] },
        "Template property 'tagPropagationConfigurations' must have at most one configuration per resource type; received 'Cases' more than once"],
    ])('%s is refused when the app is synthesized, not when the template is built', (_case, override, message) => {
      // GIVEN
      const { app, stack } = newStack();

      // WHEN
      const build = () => new Template(stack, 'Template', { domainId: 'domain-1', ...override });

      // THEN
      expect(build).not.toThrow();
      expect(problemLines(synthError(app))).toEqual([`[Stack/Template] ${message}`]);
    });

    test.each<[string, (t: Template) => void, string]>([
      ['101 required fields', (t) => Array.from({ length: 101 }, (_, i) => t.addRequiredField(`f${i}`)),
        "Template property 'requiredFields' must have at most 100 fields; received 101"],
      ['a required field twice', (t) => { t.addRequiredField('status'); t.addRequiredField('status'); },
        "Template property 'requiredFields' must not list a field twice; received 'status' (6 characters) more than once"],
      ['51 rules', (t) => Array.from({ length: 51 }, (_, i) =>
        t.addRule(CaseRule.fromCaseRuleAttributes(t, `R${i}`, { domainId: 'domain-1', caseRuleId: `r${i}` }), `f${i}`)),
      "Template property 'rules' must have at most 50 rules; received 51"],
      ['a rule twice on the same field', (t) => {
        const rule = CaseRule.fromCaseRuleAttributes(t, 'R', { domainId: 'domain-1', caseRuleId: 'rule-1' });
        t.addRule(rule, 'reason');
        t.addRule(rule, 'reason');
      }, "Template property 'rules' must not attach a rule twice to the same field; received rule 'rule-1' (6 characters) on field 'reason' (6 characters) more than once"],
      ['a field-options rule twice', (t) => {
        const rule = CaseRule.fromCaseRuleAttributes(t, 'R', { domainId: 'domain-1', caseRuleId: 'options-1' });
        t.addRule(rule);
        t.addRule(rule);
      }, "Template property 'rules' must not attach a rule twice to the same field; received rule 'options-1' (9 characters) on field (none) more than once"],
      ['an empty rule field id', (t) => t.addRule(CaseRule.fromCaseRuleAttributes(t, 'R', { domainId: 'domain-1', caseRuleId: 'r' }), ''),
        "Template property 'rules[0].fieldId' must be 1-500 characters; received '' (0 characters)"],
      ['a rule from another domain', (t) => t.addRule(new CaseRule(t.stack, 'Rule', { domainId: 'domain-2', rule: requiredWhenClosed() }), 'f'),
        "Template property 'rules[0]' must use a case rule of the template's domain 'domain-1'; received rule Stack/Rule of domain 'domain-2'"],
      ['an imported rule from another domain', (t) => t.addRule(CaseRule.fromCaseRuleAttributes(t, 'R', { domainId: 'domain-2', caseRuleId: 'r' }), 'f'),
        "Template property 'rules[0]' must use a case rule of the template's domain 'domain-1'; received rule Stack/Template/R of domain 'domain-2'"],
      ['a required rule without a field', (t) => t.addRule(new CaseRule(t.stack, 'Rule', { domainId: 'domain-1', rule: requiredWhenClosed() })),
        "Template property 'rules[0]' must give 'fieldId' for a Required rule (only field-options rules name their own fields); received none for rule Stack/Rule"],
      ['a hidden rule without a field', (t) => t.addRule(new CaseRule(t.stack, 'Rule', { domainId: 'domain-1', rule: CaseRuleDefinition.hidden({ defaultValue: true }) })),
        "Template property 'rules[0]' must give 'fieldId' for a Hidden rule (only field-options rules name their own fields); received none for rule Stack/Rule"],
    ])('%s is refused when the app is synthesized, not when added', (_case, grow, message) => {
      // GIVEN
      const { app, stack } = newStack();
      const template = new Template(stack, 'Template', { domainId: 'domain-1' });

      // WHEN
      expect(() => grow(template)).not.toThrow();

      // THEN
      expect(problemLines(synthError(app))).toEqual([`[Stack/Template] ${message}`]);
    });

    test('every problem of the template is reported at once, including those of lists grown later', () => {
      // GIVEN two bad props
      const { app, stack } = newStack();
      const template = new Template(stack, 'Template', { domainId: 'domain-1', templateName: '', layoutId: '' });

      // WHEN a duplicate is added later
      template.addRequiredField('status');
      template.addRequiredField('status');

      // THEN
      const expected = [
        "Template property 'templateName' must be 1-100 characters and must not end in white space; received '' (0 characters)",
        "Template property 'layoutId' must be 1-500 characters; received '' (0 characters)",
        "Template property 'requiredFields' must not list a field twice; received 'status' (6 characters) more than once",
      ];
      expect(problemLines(synthError(app))).toEqual(expected.map((problem) => `[Stack/Template] ${problem}`));
      expect(template.node.validate()).toEqual(expected);
    });

    test('the same field given twice as one token is a duplicate; the message shows what it stands for', () => {
      const { app, stack } = newStack();
      const field = new CfnParameter(stack, 'Field').valueAsString;
      new Template(stack, 'Template', { domainId: 'domain-1', requiredFields: [field, field] });
      expect(problemLines(synthError(app))).toEqual([
        "[Stack/Template] Template property 'requiredFields' must not list a field twice; received {\"Ref\":\"Field\"} more than once",
      ]);
    });

    test('a CaseRule attached twice to the same field is named by the id it will have', () => {
      const { app, stack } = newStack();
      const rule = new CaseRule(stack, 'Rule', { domainId: 'domain-1', rule: requiredWhenClosed() });
      new Template(stack, 'Template', { domainId: 'domain-1', rules: [{ caseRule: rule, fieldId: 'reason' }, { caseRule: rule, fieldId: 'reason' }] });
      const ruleId = stack.getLogicalId(rule.node.defaultChild as CfnResource);
      expect(problemLines(synthError(app))).toEqual([
        `[Stack/Template] Template property 'rules' must not attach a rule twice to the same field; received rule {"Fn::GetAtt":["${ruleId}","CaseRuleId"]} on field 'reason' (6 characters) more than once`,
      ]);
    });

    test('the limits themselves are accepted: 100 required fields, 50 rules, one rule on several fields', () => {
      const { stack } = newStack();
      const template = new Template(stack, 'Template', {
        domainId: long(500), templateName: long(100), description: long(255), layoutId: long(500), adoptTemplateId: long(500),
      });
      Array.from({ length: 100 }, (_, i) => template.addRequiredField(`f${i}`));
      const rule = CaseRule.fromCaseRuleAttributes(stack, 'R', { domainId: long(500), caseRuleId: 'rule-1' });
      Array.from({ length: 50 }, (_, i) => template.addRule(rule, `f${i}`));
      expect(() => synth(stack)).not.toThrow();
    });

    test('domains given as tokens are not compared', () => {
      const { stack } = newStack();
      const domain = new CfnParameter(stack, 'Domain').valueAsString;
      const rule = new CaseRule(stack, 'Rule', { domainId: domain, rule: requiredWhenClosed() });
      const template = new Template(stack, 'Template', { domainId: 'domain-1' });
      template.addRule(rule, 'f');
      expect(() => synth(stack)).not.toThrow();
    });

    test('unresolved tokens are not checked', () => {
      const { stack } = newStack();
      const empty = Lazy.string({ produce: () => '' });
      const rule = CaseRule.fromCaseRuleAttributes(stack, 'R', { domainId: empty, caseRuleId: empty });
      new Template(stack, 'Template', {
        domainId: empty, templateName: empty, description: empty, layoutId: empty, adoptTemplateId: empty,
        requiredFields: [empty], rules: [{ caseRule: rule, fieldId: empty }],
      });
      expect(() => synth(stack)).not.toThrow();
    });
  });
});
