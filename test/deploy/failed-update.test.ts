import { FieldOptionRecord } from '../fake';
import { expectStatus, handlerEvents, liveCaseRules, liveTemplates } from './expectations';
import { CloudFormationSimulator } from './simulator';
import { TemplateVariant, attributeStack } from './stacks/attribute-stack';
import { logicalIdOf } from './stacks/template-queries';
import { synthesize } from './synthesize';

/**
 * Failures the service reports: the stack operation fails with the service's message, rolls back
 * like CloudFormation, and leaves the fake exactly as it was before.
 */
let sim: CloudFormationSimulator;
beforeAll(async () => { sim = await CloudFormationSimulator.start(); });
afterAll(() => sim.close());

const option = (value: string, name: string, active = true): FieldOptionRecord => ({ name, value, active });
const LAPTOP = option('laptop', 'Laptop');
const PHONE = option('phone', 'Phone');
const CRASH = option('crash', 'Crash');

const DEPLOYED: TemplateVariant = {
  description: 'Deployed',
  subcategoryOptions: [LAPTOP, PHONE, CRASH],
  layout: 'LayoutMain',
  requiredFields: ['Stage'],
  rules: [{ rule: 'NotesRequired', field: 'Notes' }, { rule: 'SubcategoryOptions' }],
  tags: { env: 'dev' },
};

test('an update whose template requires a missing field fails with the service message and restores the previous state', async () => {
  // GIVEN a deployed stack, and the fake's complete state (deleted items too)
  expectStatus(await sim.create('Failing', synthesize(attributeStack('Failing', DEPLOYED))), 'CREATE_COMPLETE');
  const stack = sim.stack('Failing');
  const domainId = stack.attribute('Domain', 'DomainId');
  const rulesBefore = sim.fake.caseRules(domainId, { includeDeleted: true });
  const templatesBefore = sim.fake.templates(domainId, { includeDeleted: true });
  const resourcesBefore = new Map([...stack.resources].map(([id, r]) => [id, r.physicalId]));
  const subcategoryOptions = () => sim.fake.fieldOptions(domainId, stack.attribute('Subcategory', 'FieldId'));
  expect(subcategoryOptions()).toStrictEqual([LAPTOP, PHONE, CRASH]);

  // WHEN one update changes a rule in place, adds a rule, renames an option and adds one (both written
  // before the template, which waits for the field-options rule, which waits for the options), and
  // changes the template to require a field that does not exist
  const broken = synthesize(attributeStack('Failing', {
    ...DEPLOYED,
    description: 'Broken',
    tags: { env: 'prod' },
    rules: [...DEPLOYED.rules!, { rule: 'NotesHidden', field: 'Notes' }],
    ruleDescriptions: { NotesRequired: 'Changed by the failing update' },
    subcategoryOptions: [{ ...LAPTOP, name: 'Notebook' }, PHONE, CRASH, option('tablet', 'Tablet')],
    extraRequiredFieldIds: ['no-such-field'],
  }));
  const result = await sim.update('Failing', broken);

  // THEN the template's update failed with the service's own message
  expectStatus(result, 'UPDATE_ROLLBACK_COMPLETE');
  const templateLogicalId = logicalIdOf(broken, 'Template');
  expect(result.failure?.logicalId).toBe(templateLogicalId);
  expect(result.failure?.reason).toContain('ResourceNotFoundException');
  expect(result.failure?.reason).toContain(`Field 'no-such-field' does not exist in domain '${domainId}'`);
  // AND the rollback undid each step: the updated rule and the template are updated back, the new rule deleted
  const notesRequired = logicalIdOf(broken, 'NotesRequired');
  const notesHidden = logicalIdOf(broken, 'NotesHidden');
  const options = logicalIdOf(broken, 'SubcategoryFieldOptions');
  expect(handlerEvents(result).map((e) => `${e.phase} ${e.action} ${e.logicalId} ${e.status}`).sort()).toStrictEqual([
    `deploy Create ${notesHidden} SUCCESS`,
    `deploy Update ${notesRequired} SUCCESS`,
    `deploy Update ${options} SUCCESS`,
    `deploy Update ${templateLogicalId} FAILED`,
    `rollback Delete ${notesHidden} SUCCESS`,
    `rollback Update ${notesRequired} SUCCESS`,
    `rollback Update ${options} SUCCESS`,
    `rollback Update ${templateLogicalId} SUCCESS`,
  ].sort());
  // AND the fake holds exactly the previous state; the discarded rule exists only as deleted
  const discarded = sim.fake.caseRules(domainId, { includeDeleted: true }).filter((r) => r.name === 'NotesHidden');
  expect(discarded.map((r) => r.deleted)).toStrictEqual([true]);
  expect(sim.fake.caseRules(domainId, { includeDeleted: true }).filter((r) => r.name !== 'NotesHidden')).toStrictEqual(rulesBefore);
  expect(sim.fake.templates(domainId, { includeDeleted: true })).toStrictEqual(templatesBefore);
  expect(new Map([...stack.resources].map(([id, r]) => [id, r.physicalId]))).toStrictEqual(resourcesBefore);
  // AND the options are as before: the rename undone; the added option stays, inactive (the API cannot delete an option)
  expect(subcategoryOptions()).toStrictEqual([LAPTOP, PHONE, CRASH, option('tablet', 'Tablet', false)]);

  // AND the stack still updates and deletes normally afterwards
  expectStatus(await sim.update('Failing', synthesize(attributeStack('Failing', { ...DEPLOYED, description: 'Fixed' }))), 'UPDATE_COMPLETE');
  expect(liveTemplates(sim.fake, domainId).map((t) => t.description)).toStrictEqual(['Fixed']);
  expect(subcategoryOptions()).toStrictEqual([LAPTOP, PHONE, CRASH, option('tablet', 'Tablet', false)]);
  const subcategoryFieldId = stack.attribute('Subcategory', 'FieldId');
  expectStatus(await sim.delete('Failing'), 'DELETE_COMPLETE');
  expect(liveTemplates(sim.fake, domainId)).toStrictEqual([]);
  expect(liveCaseRules(sim.fake, domainId)).toStrictEqual([]);
  expect(sim.fake.fieldOptions(domainId, subcategoryFieldId)).toStrictEqual([LAPTOP, PHONE, CRASH, option('tablet', 'Tablet')].map((o) => ({ ...o, active: false })));
});

test('a create whose template requires a missing field rolls back and deletes the rules it created', async () => {
  // GIVEN a new stack whose template requires a field that does not exist
  const template = synthesize(attributeStack('FailingCreate', { ...DEPLOYED, extraRequiredFieldIds: ['no-such-field'] }));

  // WHEN it is created
  const result = await sim.create('FailingCreate', template);

  // THEN creation fails with the service's message and every rule it created is deleted again, rules last
  expectStatus(result, 'ROLLBACK_COMPLETE');
  expect(result.failure?.logicalId).toBe(logicalIdOf(template, 'Template'));
  expect(result.failure?.reason).toContain("Field 'no-such-field' does not exist");
  const domainId = result.events.find((e) => e.logicalId === 'Domain' && e.action === 'Create')!.physicalId!.split('/').pop()!;
  expect(liveCaseRules(sim.fake, domainId)).toStrictEqual([]);
  expect(sim.fake.caseRules(domainId, { includeDeleted: true }).map((r) => [r.name, r.deleted]).sort())
    .toStrictEqual([['NotesRequired', true], ['SubcategoryOptions', true]]);
  expect(sim.fake.templates(domainId, { includeDeleted: true })).toStrictEqual([]);
  // The options it wrote are deactivated again (the API cannot delete an option).
  const subcategoryFieldId = result.events.find((e) => e.logicalId === 'Subcategory' && e.action === 'Create')!.physicalId!.split('/').pop()!;
  expect(sim.fake.fieldOptions(domainId, subcategoryFieldId)).toStrictEqual([LAPTOP, PHONE, CRASH].map((o) => ({ ...o, active: false })));
  const rollbackDeletes = handlerEvents(result).filter((e) => e.phase === 'rollback');
  // The failed template answered with a marker (nothing created); its Delete comes before the rules'.
  const templateDelete = rollbackDeletes.find((e) => e.type === 'Custom::ConnectCasesTemplate')!;
  for (const ruleDelete of rollbackDeletes.filter((e) => e.type === 'Custom::ConnectCasesCaseRule')) {
    expect(templateDelete.finishedAt).toBeLessThan(ruleDelete.startedAt);
  }
});
