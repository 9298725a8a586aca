import { App, CfnParameter, RemovalPolicy, Stack, Tags } from 'aws-cdk-lib';
import * as cases from 'aws-cdk-lib/aws-cases';
import {
  CaseRule, CaseRuleCondition, CaseRuleDefinition, CaseRuleValue, TagPropagationResourceType, Template, TemplateStatus,
} from '../../lib';

/**
 * Every feature of the library in one app: a domain created in the same stack, a domain created in
 * another stack (a cross-stack reference, i.e. `Fn::ImportValue`) and a domain given as a parameter;
 * required, hidden and field-options rules; a template with every attribute, rules added later and
 * rules imported by id and by ARN; imported templates; RETAIN removal policies; tags.
 */
export function buildEveryFeatureApp(app: App): { shared: Stack; stack: Stack } {
  const shared = new Stack(app, 'SharedDomain');
  const sharedDomain = new cases.CfnDomain(shared, 'Domain', { name: 'shared' });
  const sharedStatus = new cases.CfnField(shared, 'Status', { domainId: sharedDomain.attrDomainId, name: 'Status', type: 'Text' });

  const stack = new Stack(app, 'EveryFeature');
  const localDomain = new cases.CfnDomain(stack, 'Domain', { name: 'local' }).attrDomainId;
  const parameterDomain = new CfnParameter(stack, 'ParameterDomainId', { description: 'A domain made elsewhere' }).valueAsString;
  const field = (id: string, type: string, domainId = localDomain) =>
    new cases.CfnField(stack, id, { domainId, name: id, type }).attrFieldId;
  const status = field('Status', 'SingleSelect');
  const notes = field('Notes', 'Text');
  const category = field('Category', 'SingleSelect');
  const subcategory = field('Subcategory', 'SingleSelect');
  const layout = new cases.CfnLayout(stack, 'Layout', {
    domainId: localDomain,
    name: 'Layout',
    content: { basic: { topPanel: { sections: [{ fieldGroup: { fields: [{ id: status }] } }] }, moreInfo: { sections: [] } } },
  });

  const required = new CaseRule(stack, 'Required', {
    domainId: localDomain,
    caseRuleName: 'Notes required when closed',
    description: 'Every operand kind',
    rule: CaseRuleDefinition.required({
      conditions: [
        CaseRuleCondition.equalTo(status, CaseRuleValue.string('closed'), true),
        CaseRuleCondition.notEqualTo(notes, CaseRuleValue.empty(), false),
        CaseRuleCondition.equalTo(field('Urgent', 'Boolean'), CaseRuleValue.boolean(true), true),
        CaseRuleCondition.equalTo(field('Score', 'Number'), CaseRuleValue.number(1.5), true),
      ],
      defaultValue: false,
    }),
  });
  const hidden = new CaseRule(stack, 'Hidden', {
    domainId: localDomain,
    rule: CaseRuleDefinition.hidden({ conditions: [CaseRuleCondition.equalTo(status, CaseRuleValue.string('open'), true)], defaultValue: false }),
    removalPolicy: RemovalPolicy.RETAIN,
  });
  const options = new CaseRule(stack, 'Options', {
    domainId: localDomain,
    rule: CaseRuleDefinition.fieldOptions({
      parentFieldId: category,
      childFieldId: subcategory,
      mappings: [{ parentValue: 'billing', childValues: ['refund'] }, { parentValue: 'other', childValues: [] }],
    }),
  });
  const importedById = CaseRule.fromCaseRuleId(stack, 'ImportedRule', localDomain, 'existing-rule-id');

  const template = new Template(stack, 'Full', {
    domainId: localDomain,
    templateName: 'Full',
    description: 'Every attribute',
    status: TemplateStatus.INACTIVE,
    layout: layout.attrLayoutId,
    requiredFields: [status],
    rules: [{ caseRule: required, field: notes }, { caseRule: importedById, field: status }, { caseRuleId: 'another-existing-rule' }],
    tagPropagationConfigurations: [{ resourceType: TagPropagationResourceType.CASES, tags: { team: 'support' } }],
    removalPolicy: RemovalPolicy.RETAIN,
  });
  template.addRequiredField(notes);
  template.addRule(hidden, notes);
  template.addRule(options);
  Tags.of(template).add('tier', '2');

  // The shared domain, referenced across stacks.
  const sharedRule = new CaseRule(stack, 'SharedRule', {
    domainId: sharedDomain.attrDomainId,
    rule: CaseRuleDefinition.required({ conditions: [], defaultValue: true }),
  });
  const importedByArn = CaseRule.fromCaseRuleArn(stack, 'ImportedByArn', stack.formatArn({
    service: 'cases', resource: 'domain', resourceName: `${sharedDomain.attrDomainId}/case-rule/existing`,
  }));
  new Template(stack, 'Shared', {
    domainId: sharedDomain.attrDomainId,
    rules: [{ caseRule: sharedRule, field: sharedStatus.attrFieldId }, { caseRule: importedByArn, field: sharedStatus.attrFieldId }],
  });

  // The parameter domain.
  new Template(stack, 'Minimal', { domainId: parameterDomain });
  Template.fromTemplateId(stack, 'ImportedTemplate', parameterDomain, 'existing-template');

  Tags.of(stack).add('project', 'every-feature');
  return { shared, stack };
}
