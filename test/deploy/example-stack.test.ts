import { buildExampleStack } from '../../bin/example';
import { FieldOptionRecord } from '../fake';
import { byName, eventOf, expectStatus, handlerEvents, liveCaseRules, liveTemplates, ownerTag } from './expectations';
import { CfnTemplate, CloudFormationSimulator, ResourceEvent } from './simulator';
import { declaredProperty, domainPolicyOf, logicalIdOf } from './stacks/template-queries';
import { synthesize } from './synthesize';

/**
 * The example app, deployed, updated and deleted as CloudFormation would: every custom resource
 * goes through the bundled handler to the loopback Cases fake (each Cases call authorized by the
 * IAM policies deployed at that moment), whose state is asserted exactly.
 */
let sim: CloudFormationSimulator;
beforeAll(async () => { sim = await CloudFormationSimulator.start(); });
afterAll(() => sim.close());

const STACK = 'ConnectCasesExample';
const PROJECT_TAG = { project: 'cdk-connect-cases-example' };
/** The system field every domain has: the example's rules and template use its fixed id. */
const STATUS_FIELD_ID = 'status';

const option = (value: string, name = value, active = true): FieldOptionRecord => ({ name, value, active });
const inactive = (o: FieldOptionRecord): FieldOptionRecord => ({ ...o, active: false });
const CATEGORIES = [option('billing', 'Billing'), option('technical', 'Technical'), option('other', 'Other')];
const SUBCATEGORIES = ['refund', 'invoice', 'payment-method', 'outage', 'bug', 'how-to'].map((value) => option(value));
/** The subcategory the update removes from the app. */
const REMOVED_SUBCATEGORY = 'how-to';

test('the example stack deploys, updates (a rule dropped from template and app, an option removed) and tears down to nothing but its retained rule', async () => {
  // GIVEN the example app's template
  const template = synthesize(buildExampleStack);
  const ids = {
    closeReasonRule: logicalIdOf(template, 'CloseReasonRequired'),
    notesRule: logicalIdOf(template, 'NotesHiddenUnlessUrgent'),
    subcategoryRule: logicalIdOf(template, 'SubcategoryOptions'),
    categoryOptions: logicalIdOf(template, 'CategoryFieldOptions'),
    subcategoryOptions: logicalIdOf(template, 'SubcategoryFieldOptions'),
    template: logicalIdOf(template, 'Escalation'),
    domainPolicy: domainPolicyOf(template, 'Domain'),
  };

  // WHEN it is created
  const created = await sim.create(STACK, template);

  // THEN the fake holds exactly the three rules, the template and the field options the stack declares
  expectStatus(created, 'CREATE_COMPLETE');
  const stack = sim.stack(STACK);
  const domainId = stack.attribute('Domain', 'DomainId');
  const field = (name: string) => stack.attribute(name, 'FieldId');
  const ruleId = (logicalId: string) => stack.resource(logicalId).physicalId;
  const ruleArn = (logicalId: string) => `arn:aws:cases:us-east-1:123456789012:domain/${domainId}/case-rule/${ruleId(logicalId)}`;
  const equalTo = (fieldId: string, stringValue: string, result: boolean) =>
    ({ equalTo: { operandOne: { fieldId }, operandTwo: { stringValue }, result } });

  const closeReasonRule = {
    caseRuleId: ruleId(ids.closeReasonRule),
    caseRuleArn: ruleArn(ids.closeReasonRule),
    name: 'Close reason required when closed',
    description: 'A closed billing case must say why',
    rule: {
      required: {
        defaultValue: false,
        // allOf: the nested conditions carry the compound's result.
        conditions: [{ andAll: { conditions: [equalTo(STATUS_FIELD_ID, 'closed', true), equalTo(field('Category'), 'billing', true)] } }],
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
    rule: { hidden: { defaultValue: true, conditions: [equalTo(field('Priority'), 'urgent', false)] } },
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
  expect(sim.fake.caseRules(domainId, { includeDeleted: true })).toHaveLength(3);

  const templateId = stack.resource(ids.template).physicalId;
  const escalation = {
    templateId,
    templateArn: `arn:aws:cases:us-east-1:123456789012:domain/${domainId}/template/${templateId}`,
    name: 'Escalation',
    description: 'Cases escalated to tier 2',
    status: 'Active',
    layoutConfiguration: { defaultLayout: stack.attribute('Layout', 'LayoutId') },
    requiredFields: [{ fieldId: STATUS_FIELD_ID }, { fieldId: field('Priority') }],
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
  expect(sim.fake.templates(domainId, { includeDeleted: true })).toHaveLength(1);

  // Field ids kept for after the stack delete, when the stack no longer knows them.
  const optionFields = { category: field('Category'), subcategory: field('Subcategory'), priority: field('Priority') };
  const options = () => ({
    category: sim.fake.fieldOptions(domainId, optionFields.category),
    subcategory: sim.fake.fieldOptions(domainId, optionFields.subcategory),
    priority: sim.fake.fieldOptions(domainId, optionFields.priority),
  });
  // The example declares no options for Priority: the handler writes none there.
  expect(options()).toStrictEqual({ category: CATEGORIES, subcategory: SUBCATEGORIES, priority: [] });
  // The system status field is not the example's: its options stay as every domain has them.
  expect(sim.fake.fieldOptions(domainId, STATUS_FIELD_ID)).toStrictEqual([option('open', 'Open'), option('closed', 'Closed')]);
  expect(stack.resource(ids.categoryOptions).physicalId).toBe(`${domainId}/${field('Category')}`);

  // The attributes CloudFormation hands to other resources are the ones the fake knows.
  expect(stack.resource(ids.template).attributes).toStrictEqual({ TemplateId: templateId, TemplateArn: escalation.templateArn });
  // Independent rules were created at the same time, and the template only after all three.
  expectOverlapping([eventOf(created, ids.closeReasonRule, 'Create'), eventOf(created, ids.notesRule, 'Create')]);
  const templateCreate = eventOf(created, ids.template, 'Create');
  for (const rule of [ids.closeReasonRule, ids.notesRule, ids.subcategoryRule]) {
    expect(eventOf(created, rule, 'Create').finishedAt).toBeLessThan(templateCreate.startedAt);
  }
  // The field-options rule only after the options it maps; every custom resource only after the domain's policy.
  for (const options of [ids.categoryOptions, ids.subcategoryOptions]) {
    expect(eventOf(created, options, 'Create').finishedAt).toBeLessThan(eventOf(created, ids.subcategoryRule, 'Create').startedAt);
  }
  const policyCreated = eventOf(created, ids.domainPolicy, 'Create').finishedAt;
  for (const event of handlerEvents(created)) expect(policyCreated).toBeLessThan(event.startedAt);
  expectEveryCallAllowed();

  // WHEN one update drops the field-options rule from the template and from the app, and a subcategory from the app
  sim.resetAuthorizations();
  const updated = await sim.update(STACK, withoutSubcategory(withoutRule(template, ids.subcategoryRule, ids.template), ids.subcategoryOptions, REMOVED_SUBCATEGORY));

  // THEN the template and the options are updated in place first, and the rule deleted afterwards, in cleanup
  expectStatus(updated, 'UPDATE_COMPLETE');
  expect(updated.cleanupFailures).toStrictEqual([]);
  expect(handlerEvents(updated).map((e) => `${e.phase} ${e.action} ${e.logicalId} ${e.status}`).sort()).toStrictEqual([
    `cleanup Delete ${ids.subcategoryRule} SUCCESS`,
    `deploy Update ${ids.subcategoryOptions} SUCCESS`,
    `deploy Update ${ids.template} SUCCESS`,
  ].sort());
  expect(stack.resource(ids.template).physicalId).toBe(templateId);
  expect(stack.resource(ids.subcategoryOptions).physicalId).toBe(`${domainId}/${field('Subcategory')}`);
  const ruleDelete = eventOf(updated, ids.subcategoryRule, 'Delete', 'cleanup');
  expect(eventOf(updated, ids.template, 'Update', 'deploy').finishedAt).toBeLessThan(ruleDelete.startedAt);
  expect(liveCaseRules(sim.fake, domainId)).toStrictEqual([closeReasonRule, notesRule].sort(byName));
  expect(liveTemplates(sim.fake, domainId)).toStrictEqual([{ ...escalation, rules: escalation.rules.slice(0, 2) }]);
  expect(sim.fake.caseRules(domainId, { includeDeleted: true }).find((r) => r.caseRuleId === subcategoryRule.caseRuleId))
    .toStrictEqual({ ...subcategoryRule, deleted: true });
  // The removed option is deactivated in place (the API cannot delete one); the others are untouched.
  expect(options()).toStrictEqual({
    category: CATEGORIES,
    subcategory: SUBCATEGORIES.map((o) => (o.value === REMOVED_SUBCATEGORY ? inactive(o) : o)),
    priority: [],
  });
  expectEveryCallAllowed();

  // WHEN the stack is deleted
  sim.resetAuthorizations();
  const deleted = await sim.delete(STACK);

  // THEN the template goes before the rules it uses; the retained rule is the only live thing left
  expectStatus(deleted, 'DELETE_COMPLETE');
  const templateDelete = eventOf(deleted, ids.template, 'Delete');
  expect(templateDelete.finishedAt).toBeLessThan(eventOf(deleted, ids.closeReasonRule, 'Delete').startedAt);
  expect(eventOf(deleted, ids.notesRule, 'Delete').status).toBe('RETAINED');
  expect(eventOf(deleted, 'Domain', 'Delete').startedAt).toBeGreaterThan(eventOf(deleted, ids.closeReasonRule, 'Delete').finishedAt);
  // Every Delete the handler got succeeded before the policy that allows it went.
  const policyDeleted = eventOf(deleted, ids.domainPolicy, 'Delete').startedAt;
  for (const event of handlerEvents(deleted)) {
    expect(event).toMatchObject({ action: 'Delete', status: 'SUCCESS' });
    expect(event.finishedAt).toBeLessThan(policyDeleted);
  }
  expect(liveTemplates(sim.fake, domainId)).toStrictEqual([]);
  expect(liveCaseRules(sim.fake, domainId)).toStrictEqual([notesRule]);
  expect(sim.fake.templates(domainId, { includeDeleted: true }).map((t) => t.deleted)).toStrictEqual([true]);
  expect(sim.fake.caseRules(domainId, { includeDeleted: true }).map((r) => [r.name, r.deleted]).sort()).toStrictEqual([
    [closeReasonRule.name, true], [notesRule.name, false], [subcategoryRule.name, true],
  ].sort());
  // DESTROY: every option the example declared is deactivated, names kept; nothing else changed.
  expect(options()).toStrictEqual({ category: CATEGORIES.map(inactive), subcategory: SUBCATEGORIES.map(inactive), priority: [] });
  expect(sim.fake.fieldOptions(domainId, STATUS_FIELD_ID)).toStrictEqual([option('open', 'Open'), option('closed', 'Closed')]);
  expectEveryCallAllowed();
});

/** IAM evaluated the handler's calls (so it was on), and allowed every one of them. */
function expectEveryCallAllowed(): void {
  const authorizations = sim.authorizations();
  expect(authorizations.length).toBeGreaterThan(0);
  expect(authorizations.filter((a) => a.decision !== 'allow')).toStrictEqual([]);
}

type MutableTemplate = { Resources: Record<string, { Properties: Record<string, unknown> }> } & CfnTemplate;

/** The template as the app would synthesize it without rule `ruleLogicalId`: resource gone, and gone from the template's Rules. */
function withoutRule(template: CfnTemplate, ruleLogicalId: string, templateLogicalId: string): CfnTemplate {
  const copy = structuredClone(template) as MutableTemplate;
  delete copy.Resources[ruleLogicalId];
  const properties = copy.Resources[templateLogicalId].Properties;
  properties.Rules = (properties.Rules as unknown[]).filter((rule) => !JSON.stringify(rule).includes(`"${ruleLogicalId}"`));
  return copy;
}

/** The template as the app would synthesize it with option `value` removed from FieldOptions `optionsLogicalId`. */
function withoutSubcategory(template: CfnTemplate, optionsLogicalId: string, value: string): CfnTemplate {
  const copy = structuredClone(template) as MutableTemplate;
  const properties = copy.Resources[optionsLogicalId].Properties;
  const before = properties.Options as Array<{ value: string }>;
  properties.Options = before.filter((o) => o.value !== value);
  if ((properties.Options as unknown[]).length !== before.length - 1) throw new Error(`${optionsLogicalId} declares no option ${value}`);
  return copy;
}

/** Every pair of events overlapped in time: they ran in parallel. */
function expectOverlapping(events: ResourceEvent[]): void {
  expect(events.length).toBeGreaterThan(1);
  const lastStart = Math.max(...events.map((e) => e.startedAt));
  const firstFinish = Math.min(...events.map((e) => e.finishedAt));
  expect(lastStart).toBeLessThan(firstFinish);
}
