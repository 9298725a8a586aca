import { App, CfnParameter, RemovalPolicy, Stack, Tags } from 'aws-cdk-lib';
import * as cases from 'aws-cdk-lib/aws-cases';
import {
  CaseRule, CaseRuleCondition, CaseRuleDefinition, CaseRuleValue, SystemFieldId, TagPropagationResourceType, Template, TemplateStatus,
} from '../../lib';
import { FieldOptions } from '../../lib/field-options';

/**
 * Every feature of the library in one app: a domain created in the same stack, a domain created in
 * another stack (a cross-stack reference, i.e. `Fn::ImportValue`) and a domain given as a parameter;
 * required (with a compound condition), hidden and field-options rules; field options; a template
 * with every attribute, rules added later and rules imported by attributes and by ARN; imported
 * templates; adoption; RETAIN removal policies; tags.
 */
export function buildEveryFeatureApp(app: App): { shared: Stack; stack: Stack } {
  const shared = new Stack(app, 'SharedDomain');
  const sharedDomain = new cases.CfnDomain(shared, 'Domain', { name: 'shared' });
  const sharedNotes = new cases.CfnField(shared, 'Notes', { domainId: sharedDomain.attrDomainId, name: 'Notes', type: 'Text' });

  const stack = new Stack(app, 'EveryFeature');
  const localDomain = new cases.CfnDomain(stack, 'Domain', { name: 'local' }).attrDomainId;
  const parameterDomain = new CfnParameter(stack, 'ParameterDomainId', { description: 'A domain made elsewhere' }).valueAsString;
  const field = (id: string, type: string, domainId = localDomain) =>
    new cases.CfnField(stack, id, { domainId, name: id, type }).attrFieldId;
  const notes = field('Notes', 'Text');
  const category = field('Category', 'SingleSelect');
  const subcategory = field('Subcategory', 'SingleSelect');
  const layout = new cases.CfnLayout(stack, 'Layout', {
    domainId: localDomain,
    name: 'Layout',
    content: { basic: { topPanel: { sections: [{ fieldGroup: { fields: [{ id: SystemFieldId.STATUS }] } }] }, moreInfo: { sections: [] } } },
  });

  const categories = new FieldOptions(stack, 'Categories', {
    domainId: localDomain, fieldId: category, options: FieldOptions.optionsFromValues(['billing', 'other']),
  });
  const subcategories = new FieldOptions(stack, 'Subcategories', {
    domainId: localDomain, fieldId: subcategory, options: FieldOptions.optionsFromValues(['refund']), removalPolicy: RemovalPolicy.RETAIN,
  });

  const required = new CaseRule(stack, 'Required', {
    domainId: localDomain,
    caseRuleName: 'Notes required when closed',
    description: 'Every operand kind',
    rule: CaseRuleDefinition.required({
      conditions: [
        CaseRuleCondition.allOf({
          conditions: [
            CaseRuleCondition.equalTo({ fieldId: SystemFieldId.STATUS, value: CaseRuleValue.fromString('closed') }),
            CaseRuleCondition.notEqualTo({ fieldId: notes, value: CaseRuleValue.empty() }),
          ],
          result: true,
        }),
        CaseRuleCondition.equalTo({ fieldId: field('Urgent', 'Boolean'), value: CaseRuleValue.fromBoolean(true), result: true }),
        CaseRuleCondition.equalTo({ fieldId: field('Score', 'Number'), value: CaseRuleValue.fromNumber(1.5), result: true }),
      ],
      defaultValue: false,
    }),
  });
  const hidden = new CaseRule(stack, 'Hidden', {
    domainId: localDomain,
    rule: CaseRuleDefinition.hidden({
      conditions: [CaseRuleCondition.equalTo({ fieldId: SystemFieldId.STATUS, value: CaseRuleValue.fromString('open'), result: true })],
      defaultValue: false,
    }),
    removalPolicy: RemovalPolicy.RETAIN,
    adoptCaseRuleId: 'existing-hidden-rule',
  });
  const options = new CaseRule(stack, 'Options', {
    domainId: localDomain,
    rule: CaseRuleDefinition.fieldOptions({
      parentFieldId: categories.fieldId,
      childFieldId: subcategories.fieldId,
      mappings: [{ parentValue: 'billing', childValues: ['refund'] }, { parentValue: 'other', childValues: [] }],
    }),
  });
  const importedById = CaseRule.fromCaseRuleAttributes(stack, 'ImportedRule', { domainId: localDomain, caseRuleId: 'existing-rule-id' });

  const template = new Template(stack, 'Full', {
    domainId: localDomain,
    templateName: 'Full',
    description: 'Every attribute',
    status: TemplateStatus.INACTIVE,
    layoutId: layout.attrLayoutId,
    requiredFields: [SystemFieldId.STATUS],
    rules: [{ caseRule: required, fieldId: notes }, { caseRule: importedById, fieldId: SystemFieldId.STATUS }],
    tagPropagationConfigurations: [{ resourceType: TagPropagationResourceType.CASES, tags: { team: 'support' } }],
    removalPolicy: RemovalPolicy.RETAIN,
    adoptTemplateId: 'existing-template',
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
    rules: [{ caseRule: sharedRule, fieldId: sharedNotes.attrFieldId }, { caseRule: importedByArn, fieldId: sharedNotes.attrFieldId }],
  });

  // The parameter domain.
  new Template(stack, 'Minimal', { domainId: parameterDomain });
  Template.fromTemplateAttributes(stack, 'ImportedTemplate', { domainId: parameterDomain, templateId: 'existing-template' });

  Tags.of(stack).add('project', 'every-feature');
  return { shared, stack };
}
