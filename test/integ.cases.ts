// Integration test, the CDK way: deploys two case rules and a template into a fresh Cases domain,
// then reads them back through the Cases API (BatchGetCaseRule, GetTemplate) and asserts what the
// service holds.
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
import { CaseRule, CaseRuleCondition, CaseRuleDefinition, CaseRuleValue, Template, TemplateStatus } from '../lib';

const app = new App();
const stack = new Stack(app, 'ConnectCasesInteg');

const domain = new cases.CfnDomain(stack, 'Domain', { name: 'cdk-connect-cases-integ' });
const domainId = domain.attrDomainId;
const status = new cases.CfnField(stack, 'Status', { domainId, name: 'Integ status', type: 'SingleSelect' });
const priority = new cases.CfnField(stack, 'Priority', { domainId, name: 'Integ priority', type: 'SingleSelect' });
const reason = new cases.CfnField(stack, 'Reason', { domainId, name: 'Integ close reason', type: 'Text' });
const notes = new cases.CfnField(stack, 'Notes', { domainId, name: 'Integ escalation notes', type: 'Text' });

const reasonRequired = new CaseRule(stack, 'ReasonRequired', {
  domainId,
  caseRuleName: 'Integ close reason required',
  description: 'A closed case must say why',
  rule: CaseRuleDefinition.required({
    conditions: [CaseRuleCondition.equalTo(status.attrFieldId, CaseRuleValue.string('closed'), true)],
    defaultValue: false,
  }),
});

const notesHidden = new CaseRule(stack, 'NotesHidden', {
  domainId,
  caseRuleName: 'Integ notes hidden unless urgent',
  rule: CaseRuleDefinition.hidden({
    conditions: [CaseRuleCondition.equalTo(priority.attrFieldId, CaseRuleValue.string('urgent'), false)],
    defaultValue: true,
  }),
});

const template = new Template(stack, 'Escalation', {
  domainId,
  templateName: 'Integ escalation',
  description: 'Cases escalated to tier 2',
  status: TemplateStatus.ACTIVE,
  requiredFields: [status.attrFieldId],
  rules: [
    { caseRule: reasonRequired, field: reason.attrFieldId },
    { caseRule: notesHidden, field: notes.attrFieldId },
  ],
});
Tags.of(template).add('team', 'integ');

const integ = new IntegTest(app, 'ConnectCasesIntegTest', { testCases: [stack] });

integ.assertions
  .awsApiCall('ConnectCases', 'batchGetCaseRule', { domainId, caseRules: [{ id: reasonRequired.caseRuleId }] })
  .expect(ExpectedResult.objectLike({
    caseRules: [Match.objectLike({
      caseRuleId: reasonRequired.caseRuleId,
      name: 'Integ close reason required',
      description: 'A closed case must say why',
      rule: { required: { defaultValue: false } },
    })],
  }));

integ.assertions
  .awsApiCall('ConnectCases', 'getTemplate', { domainId, templateId: template.templateId })
  .expect(ExpectedResult.objectLike({
    templateId: template.templateId,
    name: 'Integ escalation',
    status: 'Active',
    requiredFields: [{ fieldId: status.attrFieldId }],
    rules: Match.arrayWith([{ caseRuleId: reasonRequired.caseRuleId, fieldId: reason.attrFieldId }]),
    tags: Match.objectLike({ team: 'integ' }),
  }));

app.synth();
