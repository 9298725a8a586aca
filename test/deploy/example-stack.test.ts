import { buildExampleStack } from '../../bin/example';
import { byName, eventOf, expectStatus, handlerEvents, liveCaseRules, liveTemplates, ownerTag } from './expectations';
import { CfnTemplate, CloudFormationSimulator, ResourceEvent } from './simulator';
import { declaredProperty, logicalIdOf } from './stacks/template-queries';
import { synthesize } from './synthesize';

/**
 * The example app, deployed, updated and deleted as CloudFormation would: every custom resource
 * goes through the bundled handler to the loopback Cases fake, whose state is asserted exactly.
 */
let sim: CloudFormationSimulator;
beforeAll(async () => { sim = await CloudFormationSimulator.start(); });
afterAll(() => sim.close());

const STACK = 'ConnectCasesExample';
const PROJECT_TAG = { project: 'cdk-connect-cases-example' };

test('the example stack deploys, updates (a rule dropped from template and app) and tears down to nothing but its retained rule', async () => {
  // GIVEN the example app's template
  const template = synthesize(buildExampleStack);
  const ids = {
    closeReasonRule: logicalIdOf(template, 'CloseReasonRequired'),
    notesRule: logicalIdOf(template, 'NotesHiddenUnlessUrgent'),
    subcategoryRule: logicalIdOf(template, 'SubcategoryOptions'),
    template: logicalIdOf(template, 'Escalation'),
  };

  // WHEN it is created
  const created = await sim.create(STACK, template);

  // THEN the fake holds exactly the three rules and the template the stack declares
  expectStatus(created, 'CREATE_COMPLETE');
  const stack = sim.stack(STACK);
  const domainId = stack.attribute('Domain', 'DomainId');
  const field = (name: string) => stack.attribute(name, 'FieldId');
  const ruleId = (logicalId: string) => stack.resource(logicalId).physicalId;
  const ruleArn = (logicalId: string) => `arn:aws:cases:us-east-1:123456789012:domain/${domainId}/case-rule/${ruleId(logicalId)}`;

  const closeReasonRule = {
    caseRuleId: ruleId(ids.closeReasonRule),
    caseRuleArn: ruleArn(ids.closeReasonRule),
    name: 'Close reason required when closed',
    description: 'A closed case must say why',
    rule: {
      required: {
        defaultValue: false,
        conditions: [{ equalTo: { operandOne: { fieldId: field('Status') }, operandTwo: { stringValue: 'closed' }, result: true } }],
      },
    },
    deleted: false,
    tags: { ...PROJECT_TAG, ...ownerTag(stack, ids.closeReasonRule) },
  };
  const notesRule = {
    caseRuleId: ruleId(ids.notesRule),
    caseRuleArn: ruleArn(ids.notesRule),
    // Generated from the construct path: what the stack declares.
    name: declaredProperty(template, ids.notesRule, 'Name') as string,
    description: 'Escalation notes only matter for urgent cases',
    rule: {
      hidden: {
        defaultValue: true,
        conditions: [{ equalTo: { operandOne: { fieldId: field('Priority') }, operandTwo: { stringValue: 'urgent' }, result: false } }],
      },
    },
    deleted: false,
    tags: { ...PROJECT_TAG, ...ownerTag(stack, ids.notesRule) },
  };
  const subcategoryRule = {
    caseRuleId: ruleId(ids.subcategoryRule),
    caseRuleArn: ruleArn(ids.subcategoryRule),
    name: 'Subcategory by category',
    rule: {
      fieldOptions: {
        parentFieldId: field('Category'),
        childFieldId: field('Subcategory'),
        parentChildFieldOptionsMappings: [
          { parentFieldOptionValue: 'billing', childFieldOptionValues: ['refund', 'invoice', 'payment-method'] },
          { parentFieldOptionValue: 'technical', childFieldOptionValues: ['outage', 'bug', 'how-to'] },
          { parentFieldOptionValue: 'other', childFieldOptionValues: [] },
        ],
      },
    },
    deleted: false,
    tags: { ...PROJECT_TAG, ...ownerTag(stack, ids.subcategoryRule) },
  };
  expect(liveCaseRules(sim.fake, domainId)).toStrictEqual([closeReasonRule, notesRule, subcategoryRule].sort(byName));

  const templateId = stack.resource(ids.template).physicalId;
  const escalation = {
    templateId,
    templateArn: `arn:aws:cases:us-east-1:123456789012:domain/${domainId}/template/${templateId}`,
    name: 'Escalation',
    description: 'Cases escalated to tier 2',
    status: 'Active',
    layoutConfiguration: { defaultLayout: stack.attribute('Layout', 'LayoutId') },
    requiredFields: [{ fieldId: field('Status') }, { fieldId: field('Priority') }],
    rules: [
      { caseRuleId: closeReasonRule.caseRuleId, fieldId: field('CloseReason') },
      { caseRuleId: notesRule.caseRuleId, fieldId: field('EscalationNotes') },
      { caseRuleId: subcategoryRule.caseRuleId },
    ],
    tagPropagationConfigurations: [{ resourceType: 'Cases', tagMap: { team: 'tier-2' } }],
    deleted: false,
    tags: { ...PROJECT_TAG, tier: '2', ...ownerTag(stack, ids.template) },
  };
  expect(liveTemplates(sim.fake, domainId)).toStrictEqual([escalation]);
  // The attributes CloudFormation hands to other resources are the ones the fake knows.
  expect(stack.resource(ids.template).attributes).toStrictEqual({ TemplateId: templateId, TemplateArn: escalation.templateArn });
  // Independent rules were created at the same time, and the template only after all three.
  expectOverlapping(created.events.filter((e) => e.type === 'Custom::ConnectCasesCaseRule'));
  const templateCreate = eventOf(created, ids.template, 'Create');
  for (const rule of [ids.closeReasonRule, ids.notesRule, ids.subcategoryRule]) {
    expect(eventOf(created, rule, 'Create').finishedAt).toBeLessThan(templateCreate.startedAt);
  }

  // WHEN one update drops the field-options rule from the template and from the app
  const updated = await sim.update(STACK, withoutRule(template, ids.subcategoryRule, ids.template));

  // THEN the template is updated in place first, and the rule deleted afterwards, in cleanup
  expectStatus(updated, 'UPDATE_COMPLETE');
  expect(handlerEvents(updated).map((e) => `${e.phase} ${e.action} ${e.logicalId}`))
    .toStrictEqual([`deploy Update ${ids.template}`, `cleanup Delete ${ids.subcategoryRule}`]);
  expect(stack.resource(ids.template).physicalId).toBe(templateId);
  const templateUpdate = eventOf(updated, ids.template, 'Update', 'deploy');
  const ruleDelete = eventOf(updated, ids.subcategoryRule, 'Delete', 'cleanup');
  expect(templateUpdate.finishedAt).toBeLessThan(ruleDelete.startedAt);
  expect(ruleDelete.status).toBe('SUCCESS');
  expect(liveCaseRules(sim.fake, domainId)).toStrictEqual([closeReasonRule, notesRule].sort(byName));
  expect(liveTemplates(sim.fake, domainId)).toStrictEqual([{ ...escalation, rules: escalation.rules.slice(0, 2) }]);
  expect(sim.fake.caseRules(domainId, { includeDeleted: true }).find((r) => r.caseRuleId === subcategoryRule.caseRuleId))
    .toStrictEqual({ ...subcategoryRule, deleted: true });

  // WHEN the stack is deleted
  const deleted = await sim.delete(STACK);

  // THEN the template goes before the rules it uses; the retained rule is the only live thing left
  expectStatus(deleted, 'DELETE_COMPLETE');
  const templateDelete = eventOf(deleted, ids.template, 'Delete');
  expect(templateDelete.finishedAt).toBeLessThan(eventOf(deleted, ids.closeReasonRule, 'Delete').startedAt);
  expect(eventOf(deleted, ids.notesRule, 'Delete').status).toBe('RETAINED');
  expect(eventOf(deleted, 'Domain', 'Delete').startedAt).toBeGreaterThan(eventOf(deleted, ids.closeReasonRule, 'Delete').finishedAt);
  expect(liveTemplates(sim.fake, domainId)).toStrictEqual([]);
  expect(liveCaseRules(sim.fake, domainId)).toStrictEqual([notesRule]);
  expect(sim.fake.templates(domainId, { includeDeleted: true }).map((t) => t.deleted)).toStrictEqual([true]);
});

/** The template as the app would synthesize it without rule `ruleLogicalId`: resource gone, and gone from the template's Rules. */
function withoutRule(template: CfnTemplate, ruleLogicalId: string, templateLogicalId: string): CfnTemplate {
  const copy = structuredClone(template) as { Resources: Record<string, { Properties: Record<string, unknown> }> } & CfnTemplate;
  delete copy.Resources[ruleLogicalId];
  const properties = copy.Resources[templateLogicalId].Properties;
  properties.Rules = (properties.Rules as unknown[]).filter((rule) => !JSON.stringify(rule).includes(`"${ruleLogicalId}"`));
  return copy;
}

/** Every pair of events overlapped in time: they ran in parallel. */
function expectOverlapping(events: ResourceEvent[]): void {
  expect(events.length).toBeGreaterThan(1);
  const lastStart = Math.max(...events.map((e) => e.startedAt));
  const firstFinish = Math.min(...events.map((e) => e.finishedAt));
  expect(lastStart).toBeLessThan(firstFinish);
}
