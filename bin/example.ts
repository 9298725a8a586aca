#!/usr/bin/env node
// Example app: a Cases domain with custom fields, the options of its single-select fields and a
// layout, three case rules (required with a compound condition on the system status field, hidden,
// field options) and a template using them. Synthesizes without AWS credentials (no lookups,
// environment-agnostic) and with deterministic names, so its template can be snapshot-tested.
import { App, RemovalPolicy, Stack, Tags } from 'aws-cdk-lib';
import * as cases from 'aws-cdk-lib/aws-cases';
import {
  CaseRule,
  CaseRuleCondition,
  CaseRuleDefinition,
  CaseRuleValue,
  FieldOptions,
  SystemFieldId,
  Template,
  TemplateStatus,
} from '../lib';

/** Adds the `ConnectCasesExample` stack to `app` and returns it. */
export function buildExampleStack(app: App): Stack {
  const stack = new Stack(app, 'ConnectCasesExample', {
    description: 'cdk-connect-cases example: case rules and a template for a support domain',
  });

  const domain = new cases.CfnDomain(stack, 'Domain', { name: 'support' });
  const domainId = domain.attrDomainId;

  // Every domain already has the system field `status` (options open/closed): rules use its id.
  const closeReason = new cases.CfnField(stack, 'CloseReason', { domainId, name: 'Close reason', type: 'Text' });
  const priority = new cases.CfnField(stack, 'Priority', { domainId, name: 'Priority', type: 'SingleSelect' });
  const escalationNotes = new cases.CfnField(stack, 'EscalationNotes', { domainId, name: 'Escalation notes', type: 'Text' });
  const category = new cases.CfnField(stack, 'Category', { domainId, name: 'Category', type: 'SingleSelect' });
  const subcategory = new cases.CfnField(stack, 'Subcategory', { domainId, name: 'Subcategory', type: 'SingleSelect' });

  const layout = new cases.CfnLayout(stack, 'Layout', {
    domainId,
    name: 'Escalation layout',
    content: {
      basic: {
        topPanel: { sections: [{ fieldGroup: { fields: [{ id: SystemFieldId.STATUS }, { id: priority.attrFieldId }] } }] },
        moreInfo: {
          sections: [{
            fieldGroup: {
              fields: [
                { id: category.attrFieldId },
                { id: subcategory.attrFieldId },
                { id: closeReason.attrFieldId },
                { id: escalationNotes.attrFieldId },
              ],
            },
          }],
        },
      },
    },
  });

  const closeReasonRequired = new CaseRule(stack, 'CloseReasonRequired', {
    domainId,
    caseRuleName: 'Close reason required when closed',
    description: 'A closed billing case must say why',
    rule: CaseRuleDefinition.required({
      conditions: [
        CaseRuleCondition.allOf({
          conditions: [
            CaseRuleCondition.equalTo({ fieldId: SystemFieldId.STATUS, value: CaseRuleValue.fromString('closed') }),
            CaseRuleCondition.equalTo({ fieldId: category.attrFieldId, value: CaseRuleValue.fromString('billing') }),
          ],
          result: true,
        }),
      ],
      defaultValue: false,
    }),
  });

  // Name generated from the construct path.
  const notesHiddenUnlessUrgent = new CaseRule(stack, 'NotesHiddenUnlessUrgent', {
    domainId,
    description: 'Escalation notes only matter for urgent cases',
    rule: CaseRuleDefinition.hidden({
      conditions: [CaseRuleCondition.equalTo({ fieldId: priority.attrFieldId, value: CaseRuleValue.fromString('urgent'), result: false })],
      defaultValue: true,
    }),
    removalPolicy: RemovalPolicy.RETAIN,
  });

  // The options of the two single-select fields, which CloudFormation cannot declare. Giving the
  // rule their `fieldId` orders it after them; synth checks that every mapped value is an option.
  const categories = new FieldOptions(stack, 'CategoryFieldOptions', {
    domainId,
    fieldId: category.attrFieldId,
    options: [
      { name: 'Billing', value: 'billing' },
      { name: 'Technical', value: 'technical' },
      { name: 'Other', value: 'other' },
    ],
  });
  const subcategories = new FieldOptions(stack, 'SubcategoryFieldOptions', {
    domainId,
    fieldId: subcategory.attrFieldId,
    options: FieldOptions.optionsFromValues(['refund', 'invoice', 'payment-method', 'outage', 'bug', 'how-to']),
  });

  const subcategoryOptions = new CaseRule(stack, 'SubcategoryOptions', {
    domainId,
    caseRuleName: 'Subcategory by category',
    rule: CaseRuleDefinition.fieldOptions({
      parentFieldId: categories.fieldId,
      childFieldId: subcategories.fieldId,
      mappings: [
        { parentValue: 'billing', childValues: ['refund', 'invoice', 'payment-method'] },
        { parentValue: 'technical', childValues: ['outage', 'bug', 'how-to'] },
        { parentValue: 'other', childValues: [] },
      ],
    }),
  });

  const template = new Template(stack, 'Escalation', {
    domainId,
    templateName: 'Escalation',
    description: 'Cases escalated to tier 2',
    status: TemplateStatus.ACTIVE,
    layoutId: layout.attrLayoutId,
    requiredFields: [SystemFieldId.STATUS],
    rules: [{ caseRule: closeReasonRequired, fieldId: closeReason.attrFieldId }],
    tagPropagationConfigurations: [{ tags: { team: 'tier-2' } }],
  });
  template.addRequiredField(priority.attrFieldId);
  template.addRule(notesHiddenUnlessUrgent, escalationNotes.attrFieldId);
  template.addRule(subcategoryOptions);

  Tags.of(stack).add('project', 'cdk-connect-cases-example');
  Tags.of(template).add('tier', '2');
  return stack;
}

if (require.main === module) {
  const app = new App();
  buildExampleStack(app);
  app.synth();
}
