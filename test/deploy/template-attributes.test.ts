import { TemplateStatus } from '../../lib';
import { expectStatus, handlerEvents, liveCaseRules, liveTemplates } from './expectations';
import { CloudFormationSimulator } from './simulator';
import { TemplateVariant, attributeStack } from './stacks/attribute-stack';
import { expectedState } from './stacks/attribute-expectations';
import { logicalIdOf } from './stacks/template-queries';
import { synthesize } from './synthesize';

/**
 * Every template attribute, and every case-rule attribute, set, changed and removed through stack
 * updates; after each one the fake holds exactly what the stack declares, and the template and the
 * rules are updated in place (same ids).
 */
let sim: CloudFormationSimulator;
beforeAll(async () => { sim = await CloudFormationSimulator.start(); });
afterAll(() => sim.close());

const MINIMAL: TemplateVariant = {};
const EVERYTHING_SET: TemplateVariant = {
  description: 'First description',
  status: TemplateStatus.INACTIVE,
  layout: 'LayoutMain',
  requiredFields: ['Stage', 'Priority'],
  rules: [{ rule: 'NotesRequired', field: 'Notes' }, { rule: 'SubcategoryOptions' }],
  tagPropagation: { team: 'tier-1' },
  tags: { env: 'dev', costCenter: 'support' },
};
const EVERYTHING_CHANGED: TemplateVariant = {
  templateName: 'Attributes renamed',
  description: 'Second description',
  status: TemplateStatus.ACTIVE,
  layout: 'LayoutOther',
  requiredFields: ['Priority', 'Category'],
  rules: [{ rule: 'NotesHidden', field: 'Notes' }, { rule: 'NotesRequired', field: 'Subcategory' }],
  tagPropagation: { team: 'tier-2', region: 'emea' },
  tags: { env: 'prod' },
};

/** Deploys `variant` (create or update) and asserts the fake's exact state and the template's unchanged id. */
async function deployAndCheck(stackName: string, variant: TemplateVariant, templateId?: string): Promise<string> {
  const template = synthesize(attributeStack(stackName, variant));
  const idsBefore = new Map(templateId === undefined ? [] : [...sim.stack(stackName).resources].map(([id, r]) => [id, r.physicalId]));
  const result = templateId === undefined ? await sim.create(stackName, template) : await sim.update(stackName, template);
  expectStatus(result, templateId === undefined ? 'CREATE_COMPLETE' : 'UPDATE_COMPLETE');
  const stack = sim.stack(stackName);
  const domainId = stack.attribute('Domain', 'DomainId');
  const expected = expectedState(stack, template, variant);
  expect(liveTemplates(sim.fake, domainId)).toStrictEqual(expected.templates);
  expect(liveCaseRules(sim.fake, domainId)).toStrictEqual(expected.rules);
  // Nothing is replaced: every Update answers with the id the resource had, and a rule is only deleted in cleanup (left the app).
  for (const event of handlerEvents(result)) {
    if (event.action === 'Update') expect(event.physicalId).toBe(idsBefore.get(event.logicalId));
    if (event.action === 'Delete') expect({ phase: event.phase, inTemplate: event.logicalId in template.Resources }).toStrictEqual({ phase: 'cleanup', inTemplate: false });
  }
  expect(result.cleanupFailures).toStrictEqual([]);
  const id = stack.resource(logicalIdOf(template, 'Template')).physicalId;
  if (templateId !== undefined) expect(id).toBe(templateId);
  return id;
}

test('all attributes at once: unset, set, changed (rules swapped, one leaves the app), removed, then deleted', async () => {
  const templateId = await deployAndCheck('AllAtOnce', MINIMAL);
  await deployAndCheck('AllAtOnce', EVERYTHING_SET, templateId);
  await deployAndCheck('AllAtOnce', EVERYTHING_CHANGED, templateId);
  await deployAndCheck('AllAtOnce', MINIMAL, templateId);

  const domainId = sim.stack('AllAtOnce').attribute('Domain', 'DomainId');
  expectStatus(await sim.delete('AllAtOnce'), 'DELETE_COMPLETE');
  expect(liveTemplates(sim.fake, domainId)).toStrictEqual([]);
  expect(liveCaseRules(sim.fake, domainId)).toStrictEqual([]);
  // Three rules were created over the updates (the first NotesRequired survived all of them) and all are deleted.
  expect(sim.fake.caseRules(domainId, { includeDeleted: true }).map((r) => [r.name, r.deleted]).sort())
    .toStrictEqual([['NotesHidden', true], ['NotesRequired', true], ['SubcategoryOptions', true]]);
});

/** One attribute at a time, from EVERYTHING_SET: changed alone, then removed alone (removing the status means the default, Active). */
const ONE_AT_A_TIME: Array<[string, TemplateVariant, TemplateVariant]> = [
  ['name', { templateName: 'Renamed' }, {}],
  ['description', { description: 'Changed description' }, { description: undefined }],
  ['status', { status: TemplateStatus.ACTIVE }, { status: undefined }],
  ['layout', { layout: 'LayoutOther' }, { layout: undefined }],
  ['required fields', { requiredFields: ['Notes'] }, { requiredFields: undefined }],
  ['rules', { rules: [{ rule: 'NotesHidden', field: 'Notes' }] }, { rules: undefined }],
  ['tag propagation', { tagPropagation: { team: 'tier-3' } }, { tagPropagation: undefined }],
  ['tags', { tags: { env: 'test' } }, { tags: undefined }],
];

test.each(ONE_AT_A_TIME)('%s: set, changed alone, set again, removed alone', async (attribute, changed, removed) => {
  const stackName = `OneAtATime-${attribute.replace(/ /g, '-')}`;
  const templateId = await deployAndCheck(stackName, EVERYTHING_SET);
  await deployAndCheck(stackName, { ...EVERYTHING_SET, ...changed }, templateId);
  // Back to the set value first, so that the removal always starts from it.
  await deployAndCheck(stackName, EVERYTHING_SET, templateId);
  await deployAndCheck(stackName, { ...EVERYTHING_SET, ...removed }, templateId);
  expectStatus(await sim.delete(stackName), 'DELETE_COMPLETE');
});

test('case-rule attributes: descriptions set, changed and removed; a name changed; every rule body changed; all in place', async () => {
  const withAllRules: TemplateVariant = {
    rules: [{ rule: 'NotesRequired', field: 'Notes' }, { rule: 'NotesHidden', field: 'Stage' }, { rule: 'SubcategoryOptions' }],
  };
  // SubcategoryOptions starts without a description, NotesRequired and NotesHidden with one.
  const templateId = await deployAndCheck('RuleAttributes', withAllRules);
  const describedDifferently: TemplateVariant = {
    ...withAllRules,
    ruleDescriptions: { SubcategoryOptions: 'Subcategories by category', NotesRequired: 'Changed description', NotesHidden: null },
  };
  await deployAndCheck('RuleAttributes', describedDifferently, templateId);
  await deployAndCheck('RuleAttributes', { ...describedDifferently, ruleNames: { NotesRequired: 'Notes required (renamed)' } }, templateId);
  await deployAndCheck('RuleAttributes', { ...describedDifferently, ruleNames: { NotesRequired: 'Notes required (renamed)' }, ruleVersion: 2 }, templateId);
  // Back to the first state: every attribute as created.
  await deployAndCheck('RuleAttributes', withAllRules, templateId);

  const domainId = sim.stack('RuleAttributes').attribute('Domain', 'DomainId');
  expectStatus(await sim.delete('RuleAttributes'), 'DELETE_COMPLETE');
  // The same three rules throughout: none was ever replaced.
  expect(sim.fake.caseRules(domainId, { includeDeleted: true }).map((r) => [r.name, r.deleted]).sort())
    .toStrictEqual([['NotesHidden', true], ['NotesRequired', true], ['SubcategoryOptions', true]]);
});
