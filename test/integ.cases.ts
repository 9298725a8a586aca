// Integration test, the CDK way: deploys two case rules (one on the system status field, one with a
// compound condition) and a template into a fresh Cases domain, then reads them back through the
// Cases API (BatchGetCaseRule, GetTemplate) and asserts what the service holds.
//
// Without an AWS account: `npm run integ` synthesizes this app and compares it with the committed
// snapshot (integ.cases.ts.snapshot/); `npm run integ:update` rewrites the snapshot.
//
// Against a real account (it creates a Cases domain; credentials for a test account):
// - once integ-runner reads cloud-assembly schema 55 (aws-cdk-lib 2.276; integ-runner 2.197.10
//   stops at 53): `npx integ-runner --update-on-failed --parallel-regions us-east-1`;
// - until then, with the CDK CLI: `npx cdk deploy --app 'npx ts-node test/integ.cases.ts' --all
//   --require-approval never --outputs-file integ-outputs.json`, check that every
//   `AssertionResults...` output reads success, then `npx cdk destroy --app '...' --all --force`.
import { ExpectedResult, IntegTest, Match } from '@aws-cdk/integ-tests-alpha';
import { App, Stack, Tags } from 'aws-cdk-lib';
import * as cases from 'aws-cdk-lib/aws-cases';
import {
  CaseRule, CaseRuleCondition, CaseRuleDefinition, CaseRuleValue, SystemFieldId, Template, TemplateStatus,
} from '../lib';

const app = new App();
const stack = new Stack(app, 'ConnectCasesInteg');

const domain = new cases.CfnDomain(stack, 'Domain', { name: 'cdk-connect-cases-integ' });
const domainId = domain.attrDomainId;
// The rules use the system status field every domain has: a custom field named "Status" is refused.
const priority = new cases.CfnField(stack, 'Priority', { domainId, name: 'Integ priority', type: 'SingleSelect' });
const reason = new cases.CfnField(stack, 'Reason', { domainId, name: 'Integ close reason', type: 'Text' });
const notes = new cases.CfnField(stack, 'Notes', { domainId, name: 'Integ escalation notes', type: 'Text' });

const reasonRequired = new CaseRule(stack, 'ReasonRequired', {
  domainId,
  caseRuleName: 'Integ close reason required',
  description: 'A closed case must say why',
  rule: CaseRuleDefinition.required({
    conditions: [CaseRuleCondition.equalTo({ fieldId: SystemFieldId.STATUS, value: CaseRuleValue.fromString('closed'), result: true })],
    defaultValue: false,
  }),
});

// Hidden unless the case is open and urgent: a compound condition.
const notesHidden = new CaseRule(stack, 'NotesHidden', {
  domainId,
  caseRuleName: 'Integ notes hidden unless urgent',
  rule: CaseRuleDefinition.hidden({
    conditions: [CaseRuleCondition.allOf({
      conditions: [
        CaseRuleCondition.equalTo({ fieldId: SystemFieldId.STATUS, value: CaseRuleValue.fromString('open') }),
        CaseRuleCondition.equalTo({ fieldId: priority.attrFieldId, value: CaseRuleValue.fromString('urgent') }),
      ],
      result: false,
    })],
    defaultValue: true,
  }),
});

const template = new Template(stack, 'Escalation', {
  domainId,
  templateName: 'Integ escalation',
  description: 'Cases escalated to tier 2',
  status: TemplateStatus.ACTIVE,
  requiredFields: [SystemFieldId.STATUS],
  rules: [
    { caseRule: reasonRequired, fieldId: reason.attrFieldId },
    { caseRule: notesHidden, fieldId: notes.attrFieldId },
  ],
});
Tags.of(template).add('team', 'integ');

const integ = new IntegTest(app, 'ConnectCasesIntegTest', { testCases: [stack] });

// Only members the SDK of the assertion provider's runtime has long known are asserted (a newer
// member, such as a compound condition, would be dropped by an older client's deserializer).
integ.assertions
  .awsApiCall('ConnectCases', 'batchGetCaseRule', { domainId, caseRules: [{ id: reasonRequired.caseRuleId }] })
  .expect(ExpectedResult.objectLike({
    caseRules: [Match.objectLike({
      caseRuleId: reasonRequired.caseRuleId,
      name: 'Integ close reason required',
      description: 'A closed case must say why',
      rule: {
        required: {
          defaultValue: false,
          conditions: [{ equalTo: { operandOne: { fieldId: 'status' }, operandTwo: { stringValue: 'closed' }, result: true } }],
        },
      },
    })],
  }));

integ.assertions
  .awsApiCall('ConnectCases', 'batchGetCaseRule', { domainId, caseRules: [{ id: notesHidden.caseRuleId }] })
  .expect(ExpectedResult.objectLike({
    caseRules: [Match.objectLike({ caseRuleId: notesHidden.caseRuleId, name: 'Integ notes hidden unless urgent', rule: { hidden: { defaultValue: true } } })],
  }));

integ.assertions
  .awsApiCall('ConnectCases', 'getTemplate', { domainId, templateId: template.templateId })
  .expect(ExpectedResult.objectLike({
    templateId: template.templateId,
    name: 'Integ escalation',
    status: 'Active',
    requiredFields: [{ fieldId: 'status' }],
    rules: Match.arrayWith([
      { caseRuleId: reasonRequired.caseRuleId, fieldId: reason.attrFieldId },
      { caseRuleId: notesHidden.caseRuleId, fieldId: notes.attrFieldId },
    ]),
    tags: Match.objectLike({ team: 'integ' }),
  }));

app.synth();
