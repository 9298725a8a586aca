#!/usr/bin/env node
// Example app: a Cases domain with fields and a layout, three case rules (required, hidden,
// field options) and a template using them. Synthesizes without AWS credentials (no lookups,
// environment-agnostic) and with deterministic names, so its template can be snapshot-tested.
import { App, RemovalPolicy, Stack, Tags } from 'aws-cdk-lib';
import * as cases from 'aws-cdk-lib/aws-cases';
import {
  CaseRule,
  CaseRuleCondition,
  CaseRuleDefinition,
  CaseRuleValue,
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

  const status = new cases.CfnField(stack, 'Status', { domainId, name: 'Status', type: 'SingleSelect' });
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
        topPanel: { sections: [{ fieldGroup: { fields: [{ id: status.attrFieldId }, { id: priority.attrFieldId }] } }] },
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
    description: 'A closed case must say why',
    rule: CaseRuleDefinition.required({
      conditions: [CaseRuleCondition.equalTo(status.attrFieldId, CaseRuleValue.string('closed'), true)],
      defaultValue: false,
    }),
  });

  // Name generated from the construct path.
  const notesHiddenUnlessUrgent = new CaseRule(stack, 'NotesHiddenUnlessUrgent', {
    domainId,
    description: 'Escalation notes only matter for urgent cases',
    rule: CaseRuleDefinition.hidden({
      conditions: [CaseRuleCondition.equalTo(priority.attrFieldId, CaseRuleValue.string('urgent'), false)],
      defaultValue: true,
    }),
    removalPolicy: RemovalPolicy.RETAIN,
  });

  const subcategoryOptions = new CaseRule(stack, 'SubcategoryOptions', {
    domainId,
    caseRuleName: 'Subcategory by category',
    rule: CaseRuleDefinition.fieldOptions({
      parentFieldId: category.attrFieldId,
      childFieldId: subcategory.attrFieldId,
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
    layout: layout.attrLayoutId,
    requiredFields: [status.attrFieldId],
    rules: [{ caseRule: closeReasonRequired, field: closeReason.attrFieldId }],
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
