import { App, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as cases from 'aws-cdk-lib/aws-cases';
import { CaseRule, CaseRuleDefinition } from '../../lib';
import { FieldOption, FieldOptions } from '../../lib/field-options';
import { FieldOptionRecord } from '../fake';
import { eventOf, expectStatus, handlerEvents } from './expectations';
import { CloudFormationSimulator } from './simulator';
import { logicalIdOf } from './stacks/template-queries';
import { synthesize } from './synthesize';

/**
 * The options of a SingleSelect field declared with `FieldOptions`, through stack creates, updates
 * and deletes: after each one the fake's field holds exactly what the stack declares, plus the
 * options it never declared, untouched.
 */
let sim: CloudFormationSimulator;
beforeAll(async () => { sim = await CloudFormationSimulator.start(); });
afterAll(() => sim.close());

const FIELD_OPTIONS_TYPE = 'Custom::ConnectCasesFieldOptions';

/** A domain, a SingleSelect field `Category` and, unless `options` is undefined, its FieldOptions (construct id `optionsId`). */
function categoryStack(stackName: string, options: FieldOption[] | undefined, removalPolicy?: RemovalPolicy, optionsId = 'CategoryOptions'): (app: App) => Stack {
  return (app) => {
    const stack = new Stack(app, stackName);
    const domainId = new cases.CfnDomain(stack, 'Domain', { name: `${stackName}-domain` }).attrDomainId;
    const category = new cases.CfnField(stack, 'Category', { domainId, name: 'Category', type: 'SingleSelect' });
    if (options !== undefined) new FieldOptions(stack, optionsId, { domainId, fieldId: category.attrFieldId, options, removalPolicy });
    return stack;
  };
}

const option = (value: string, name: string, active = true): FieldOptionRecord => ({ name, value, active });
const BILLING = option('billing', 'Billing');
const TECHNICAL = option('technical', 'Technical');
const ACCOUNT = option('account', 'Account');
/** Added in the admin website, never declared by the stack. */
const CONSOLE = option('console', 'Console');

const created = new Set<string>();

/** Creates the stack, or updates it when it exists, and expects success. */
async function deploy(stackName: string, options: FieldOption[] | undefined, removalPolicy?: RemovalPolicy) {
  const template = synthesize(categoryStack(stackName, options, removalPolicy));
  const update = created.has(stackName);
  const result = update ? await sim.update(stackName, template) : await sim.create(stackName, template);
  expectStatus(result, update ? 'UPDATE_COMPLETE' : 'CREATE_COMPLETE');
  created.add(stackName);
  return { result, template };
}

function fieldOf(stackName: string): { domainId: string; fieldId: string } {
  const stack = sim.stack(stackName);
  return { domainId: stack.attribute('Domain', 'DomainId'), fieldId: stack.attribute('Category', 'FieldId') };
}

function liveOptions(field: { domainId: string; fieldId: string }): FieldOptionRecord[] {
  return sim.fake.fieldOptions(field.domainId, field.fieldId);
}

test('options added, renamed, removed from the app and declared again across updates, then deactivated by the stack delete', async () => {
  // GIVEN a stack with two options, and one option added in the admin website after it
  const { template } = await deploy('Lifecycle', [BILLING, TECHNICAL]);
  const field = fieldOf('Lifecycle');
  const logicalId = logicalIdOf(template, 'CategoryOptions');
  const physicalId = sim.stack('Lifecycle').resource(logicalId).physicalId;
  expect(physicalId).toBe(`${field.domainId}/${field.fieldId}`);
  expect(liveOptions(field)).toStrictEqual([BILLING, TECHNICAL]);
  sim.fake.putFieldOptions(field.domainId, field.fieldId, [CONSOLE]);

  // WHEN an option is added THEN it is written after the others
  await deploy('Lifecycle', [BILLING, TECHNICAL, ACCOUNT]);
  expect(liveOptions(field)).toStrictEqual([BILLING, TECHNICAL, CONSOLE, ACCOUNT]);

  // WHEN an option is renamed (same value) THEN it keeps its place
  await deploy('Lifecycle', [BILLING, { ...TECHNICAL, name: 'Tech support' }, ACCOUNT]);
  expect(liveOptions(field)).toStrictEqual([BILLING, option('technical', 'Tech support'), CONSOLE, ACCOUNT]);

  // WHEN an option leaves the app THEN it is deactivated, its name kept
  await deploy('Lifecycle', [{ ...TECHNICAL, name: 'Tech support' }, ACCOUNT]);
  expect(liveOptions(field)).toStrictEqual([option('billing', 'Billing', false), option('technical', 'Tech support'), CONSOLE, ACCOUNT]);

  // WHEN it is declared again THEN it is active again
  const { result } = await deploy('Lifecycle', [BILLING, { ...TECHNICAL, name: 'Tech support' }, ACCOUNT]);
  expect(liveOptions(field)).toStrictEqual([BILLING, option('technical', 'Tech support'), CONSOLE, ACCOUNT]);

  // Every update was in place: the same id, and no Delete sent
  expect(sim.stack('Lifecycle').resource(logicalId).physicalId).toBe(physicalId);
  expect(handlerEvents(result)).toMatchObject([{ logicalId, action: 'Update', status: 'SUCCESS', physicalId }]);

  // WHEN the stack is deleted THEN the declared options are deactivated and the console's stays active
  const deleted = await sim.delete('Lifecycle');
  expectStatus(deleted, 'DELETE_COMPLETE');
  expect(eventOf(deleted, logicalId, 'Delete')).toMatchObject({ status: 'SUCCESS', physicalId });
  expect(liveOptions(field)).toStrictEqual([
    option('billing', 'Billing', false), option('technical', 'Tech support', false), CONSOLE, option('account', 'Account', false),
  ]);
});

test('a FieldOptions removed from the app deactivates its options in cleanup', async () => {
  await deploy('Removed', [BILLING, TECHNICAL]);
  const field = fieldOf('Removed');

  const { result } = await deploy('Removed', undefined);

  expect(result.events.filter((e) => e.type === FIELD_OPTIONS_TYPE)).toMatchObject([{ action: 'Delete', phase: 'cleanup', status: 'SUCCESS' }]);
  expect(liveOptions(field)).toStrictEqual([option('billing', 'Billing', false), option('technical', 'Technical', false)]);
  expectStatus(await sim.delete('Removed'), 'DELETE_COMPLETE');
});

test('RETAIN: deleting the stack leaves the options active and sends the handler nothing', async () => {
  const { template } = await deploy('Retained', [BILLING, TECHNICAL], RemovalPolicy.RETAIN);
  const field = fieldOf('Retained');

  const deleted = await sim.delete('Retained');

  expectStatus(deleted, 'DELETE_COMPLETE');
  expect(eventOf(deleted, logicalIdOf(template, 'CategoryOptions'), 'Delete')).toMatchObject({ status: 'RETAINED' });
  expect(liveOptions(field)).toStrictEqual([BILLING, TECHNICAL]);
});

test('a field-options rule given fieldOptions.fieldId is created after the options of both its fields exist', async () => {
  // GIVEN
  const template = synthesize((app) => {
    const stack = new Stack(app, 'WithRule');
    const domainId = new cases.CfnDomain(stack, 'Domain', { name: 'with-rule' }).attrDomainId;
    const field = (name: string) => new cases.CfnField(stack, name, { domainId, name, type: 'SingleSelect' }).attrFieldId;
    const categories = new FieldOptions(stack, 'CategoryOptions', {
      domainId, fieldId: field('Category'), options: FieldOptions.optionsFromValues(['billing', 'technical']),
    });
    const subcategories = new FieldOptions(stack, 'SubcategoryOptions', {
      domainId, fieldId: field('Subcategory'), options: FieldOptions.optionsFromValues(['refund', 'outage']),
    });
    new CaseRule(stack, 'Subcategories', {
      domainId,
      caseRuleName: 'Subcategories',
      rule: CaseRuleDefinition.fieldOptions({
        parentFieldId: categories.fieldId,
        childFieldId: subcategories.fieldId,
        mappings: [{ parentValue: 'billing', childValues: ['refund'] }, { parentValue: 'technical', childValues: ['outage'] }],
      }),
    });
    return stack;
  });

  // WHEN
  const result = await sim.create('WithRule', template);

  // THEN
  expectStatus(result, 'CREATE_COMPLETE');
  const stack = sim.stack('WithRule');
  const ruleCreate = eventOf(result, logicalIdOf(template, 'Subcategories'), 'Create');
  for (const name of ['CategoryOptions', 'SubcategoryOptions']) {
    expect(eventOf(result, logicalIdOf(template, name), 'Create').finishedAt).toBeLessThan(ruleCreate.startedAt);
  }
  const domainId = stack.attribute('Domain', 'DomainId');
  expect(sim.fake.fieldOptions(domainId, stack.attribute('Subcategory', 'FieldId'))).toStrictEqual([option('refund', 'refund'), option('outage', 'outage')]);
  const [rule] = sim.fake.caseRules(domainId);
  expect(rule.rule).toStrictEqual({
    fieldOptions: {
      parentFieldId: stack.attribute('Category', 'FieldId'),
      childFieldId: stack.attribute('Subcategory', 'FieldId'),
      parentChildFieldOptionsMappings: [
        { parentFieldOptionValue: 'billing', childFieldOptionValues: ['refund'] },
        { parentFieldOptionValue: 'technical', childFieldOptionValues: ['outage'] },
      ],
    },
  });
  expectStatus(await sim.delete('WithRule'), 'DELETE_COMPLETE');
});

test('a FieldOptions construct renamed (a new logical id) keeps its options active: the old resource\'s delete leaves them to the new one', async () => {
  // GIVEN options declared by a construct with id CategoryOptions
  await deploy('Renamed', [BILLING, TECHNICAL]);
  const field = fieldOf('Renamed');

  // WHEN the construct is renamed: CloudFormation creates the new resource, then deletes the old one in cleanup
  const result = await sim.update('Renamed', synthesize(categoryStack('Renamed', [BILLING, TECHNICAL], undefined, 'Categories')));

  // THEN both ran, and the options are still active
  expectStatus(result, 'UPDATE_COMPLETE');
  expect(handlerEvents(result).map((e) => [e.action, e.phase, e.status])).toStrictEqual([['Create', 'deploy', 'SUCCESS'], ['Delete', 'cleanup', 'SUCCESS']]);
  expect(liveOptions(field)).toStrictEqual([BILLING, TECHNICAL]);

  // AND the renamed construct's own delete still deactivates them
  expectStatus(await sim.delete('Renamed'), 'DELETE_COMPLETE');
  expect(liveOptions(field)).toStrictEqual([BILLING, TECHNICAL].map((o) => ({ ...o, active: false })));
});
