import { CreateTemplateCommand, DeleteTemplateCommand } from '@aws-sdk/client-connectcases';
import {
  CASE_RULE_RESOURCE_TYPE, OWNER_TAG_KEY, TEMPLATE_RESOURCE_TYPE, TemplateResourceProperties,
} from '../../lib/private/resource-properties';
import { SeededDomain, seedDomain } from '../support/domain';
import { HandlerHarness } from '../support/handler-harness';
import { fullTemplateProperties, minimalTemplateProperties, requiredRuleProperties, without } from '../support/properties';

let harness: HandlerHarness;
beforeAll(async () => { harness = await HandlerHarness.start(); });
afterAll(() => harness.close());

/** A domain with two case rules created through the handler. */
async function domainWithRules(): Promise<{ domain: SeededDomain; ruleIds: string[] }> {
  const domain = seedDomain(harness.fake);
  const ruleIds: string[] = [];
  for (const name of ['Rule one', 'Rule two']) {
    const { body } = await harness.invoke(harness.events.create(CASE_RULE_RESOURCE_TYPE, requiredRuleProperties(domain, { Name: name }), { logicalResourceId: name.replace(' ', '') }));
    ruleIds.push(body.PhysicalResourceId);
  }
  return { domain, ruleIds };
}

async function createdTemplate(properties: TemplateResourceProperties): Promise<string> {
  const { body } = await harness.invoke(harness.events.create(TEMPLATE_RESOURCE_TYPE, properties));
  expect(body.Status).toBe('SUCCESS');
  return body.PhysicalResourceId;
}

function templateIn(domain: SeededDomain, templateId: string) {
  const template = harness.fake.templates(domain.domainId, { includeDeleted: true }).find((t) => t.templateId === templateId);
  if (!template) throw new Error(`no template ${templateId}`);
  return template;
}

describe('Create of a template', () => {
  test('GIVEN every attribute WHEN created THEN the API receives each in its shape, and the answer names the template', async () => {
    const { domain, ruleIds } = await domainWithRules();
    harness.fake.resetCallCounts();

    const { body } = await harness.invoke(harness.events.create(TEMPLATE_RESOURCE_TYPE, fullTemplateProperties(domain, ruleIds)));

    const [template] = harness.fake.templates(domain.domainId);
    expect(body).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: template.templateId });
    expect(body.Data).toStrictEqual({ TemplateId: template.templateId, TemplateArn: template.templateArn });
    expect(template).toMatchObject({
      name: 'Support template',
      description: 'Used by the support queue',
      status: 'Active',
      layoutConfiguration: { defaultLayout: domain.layoutId },
      requiredFields: [{ fieldId: 'status' }],
      rules: ruleIds.map((caseRuleId) => ({ caseRuleId, fieldId: 'notes' })),
      tagPropagationConfigurations: [{ resourceType: 'Cases', tagMap: { queue: 'support' } }],
    });
    expect(template.tags).toStrictEqual({ team: 'support', [OWNER_TAG_KEY]: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(harness.fake.callCounts()).toStrictEqual({ CreateTemplate: 1, TagResource: 1 });
  });

  test('GIVEN only the required attributes WHEN created THEN the template has no layout, fields, rules or description', async () => {
    const domain = seedDomain(harness.fake);

    await createdTemplate(minimalTemplateProperties(domain, { Status: 'Inactive' }));

    const [template] = harness.fake.templates(domain.domainId);
    expect(template).toMatchObject({ name: 'Minimal template', status: 'Inactive', requiredFields: [], rules: [] });
    expect(template.description).toBeUndefined();
    expect(template.layoutConfiguration?.defaultLayout).toBeUndefined();
  });

  test('GIVEN an unknown layout WHEN created THEN FAILED with the service message and the rollback Delete makes no call', async () => {
    const domain = seedDomain(harness.fake);
    const properties = minimalTemplateProperties(domain, { LayoutId: 'no-such-layout' });

    const created = await harness.invoke(harness.events.create(TEMPLATE_RESOURCE_TYPE, properties));
    harness.fake.resetCallCounts();
    const rolledBack = await harness.invoke(harness.events.delete(TEMPLATE_RESOURCE_TYPE, created.body.PhysicalResourceId, properties));

    expect(created.body.Status).toBe('FAILED');
    expect(created.body.Reason).toMatch(new RegExp(`^CreateTemplate failed for template 'Minimal template' in domain ${domain.domainId}: ResourceNotFoundException: .*no-such-layout`));
    expect(created.body.PhysicalResourceId).toBe(`create-failed:${created.body.RequestId}`);
    expect(rolledBack.body.Status).toBe('SUCCESS');
    expect(harness.fake.callCounts()).toStrictEqual({});
    expect(harness.fake.templates(domain.domainId, { includeDeleted: true })).toHaveLength(0);
  });

  test('GIVEN a Create retried by Lambda WHEN it runs again THEN it adopts the template its first attempt created', async () => {
    const domain = seedDomain(harness.fake);
    const event = harness.events.create(TEMPLATE_RESOURCE_TYPE, minimalTemplateProperties(domain));
    const first = await harness.invoke(event);

    const retried = await harness.invoke(event);

    expect(retried.body).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: first.body.PhysicalResourceId });
    expect(harness.fake.templates(domain.domainId)).toHaveLength(1);
  });

  test('GIVEN a same-named template created outside this stack WHEN created THEN FAILED names it and says how to fix it', async () => {
    const domain = seedDomain(harness.fake);
    const foreign = await harness.outOfBandClient().send(new CreateTemplateCommand({ domainId: domain.domainId, name: 'Minimal template' }));

    const { body } = await harness.invoke(harness.events.create(TEMPLATE_RESOURCE_TYPE, minimalTemplateProperties(domain)));

    expect(body.Status).toBe('FAILED');
    expect(body.Reason).toContain(`template ${foreign.templateId} already has this name`);
    expect(body.Reason).toContain('choose another name or delete that template');
    expect(body.PhysicalResourceId).toBe(`create-failed:${body.RequestId}`);
    expect(templateIn(domain, foreign.templateId!).deleted).toBe(false);
  });
});

describe('in-place Update of a template', () => {
  type Record = ReturnType<typeof templateIn>;
  type Check = (template: Record, domain: SeededDomain, ruleIds: string[]) => void;
  type Change = (before: TemplateResourceProperties, domain: SeededDomain, ruleIds: string[]) => TemplateResourceProperties;
  /** What changes, the change, the record member it must touch, and how that member must look. */
  const changes: [string, Change, keyof Record, Check][] = [
    ['the name changes', (b) => ({ ...b, Name: 'Renamed' }), 'name', (t) => expect(t.name).toBe('Renamed')],
    ['the status changes', (b) => ({ ...b, Status: 'Inactive' }), 'status', (t) => expect(t.status).toBe('Inactive')],
    ['the description is removed', (b) => without(b, 'Description'), 'description', (t) => expect(t.description).toBeUndefined()],
    ['the layout changes', (b, d) => ({ ...b, LayoutId: d.otherLayoutId }), 'layoutConfiguration',
      (t, d) => expect(t.layoutConfiguration?.defaultLayout).toBe(d.otherLayoutId)],
    ['the layout is removed', (b) => without(b, 'LayoutId'), 'layoutConfiguration', (t) => expect(t.layoutConfiguration?.defaultLayout).toBeUndefined()],
    ['the last required field is removed', (b) => without(b, 'RequiredFieldIds'), 'requiredFields', (t) => expect(t.requiredFields).toStrictEqual([])],
    ['a required field is added', (b, d) => ({ ...b, RequiredFieldIds: [d.statusField, d.priorityField] }), 'requiredFields',
      (t) => expect(t.requiredFields).toStrictEqual([{ fieldId: 'status' }, { fieldId: 'priority' }])],
    ['a rule is removed', (b, _d, r) => ({ ...b, Rules: [{ CaseRuleId: r[1], FieldId: 'notes' }] }), 'rules',
      (t, _d, r) => expect(t.rules).toStrictEqual([{ caseRuleId: r[1], fieldId: 'notes' }])],
    ['the last rule is removed', (b) => without(b, 'Rules'), 'rules', (t) => expect(t.rules).toStrictEqual([])],
    ['the tag propagations are removed', (b) => without(b, 'TagPropagations'), 'tagPropagationConfigurations',
      (t) => expect(t.tagPropagationConfigurations ?? []).toStrictEqual([])],
    ['the user tags are removed', (b) => without(b, 'Tags'), 'tags', (t) => expect(Object.keys(t.tags)).toStrictEqual([OWNER_TAG_KEY])],
  ];

  test.each(changes)('GIVEN a full template WHEN %s THEN that member changes and nothing else', async (_name, change, member, check) => {
    const { domain, ruleIds } = await domainWithRules();
    const before = fullTemplateProperties(domain, ruleIds);
    const templateId = await createdTemplate(before);
    const original = templateIn(domain, templateId);

    const { body } = await harness.invoke(harness.events.update(TEMPLATE_RESOURCE_TYPE, templateId, change(before, domain, ruleIds), before));

    expect(body).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: templateId });
    const updated = templateIn(domain, templateId);
    check(updated, domain, ruleIds);
    expect(updated[member]).not.toStrictEqual(original[member]);
    expect({ ...updated, [member]: undefined }).toStrictEqual({ ...original, [member]: undefined });
  });

  test('GIVEN a template WHEN its description changes THEN it costs one GetTemplate and one UpdateTemplate', async () => {
    const { domain, ruleIds } = await domainWithRules();
    const before = fullTemplateProperties(domain, ruleIds);
    const templateId = await createdTemplate(before);
    harness.fake.resetCallCounts();

    await harness.invoke(harness.events.update(TEMPLATE_RESOURCE_TYPE, templateId, { ...before, Description: 'Changed' }, before));

    expect(harness.fake.callCounts()).toStrictEqual({ GetTemplate: 1, UpdateTemplate: 1 });
  });

  test('GIVEN an update that clears everything WHEN CloudFormation rolls it back THEN the previous state is restored exactly', async () => {
    const { domain, ruleIds } = await domainWithRules();
    const before = fullTemplateProperties(domain, ruleIds);
    const templateId = await createdTemplate(before);
    const original = templateIn(domain, templateId);
    const after = minimalTemplateProperties(domain, { Name: 'Cleared', Status: 'Inactive' });
    await harness.invoke(harness.events.update(TEMPLATE_RESOURCE_TYPE, templateId, after, before));

    const { body } = await harness.invoke(harness.events.update(TEMPLATE_RESOURCE_TYPE, templateId, before, after));

    expect(body.Status).toBe('SUCCESS');
    expect(templateIn(domain, templateId)).toStrictEqual(original);
  });

  test('GIVEN an update to a required field that does not exist WHEN applied THEN FAILED with the old id and the template unchanged', async () => {
    const { domain, ruleIds } = await domainWithRules();
    const before = fullTemplateProperties(domain, ruleIds);
    const templateId = await createdTemplate(before);
    const original = templateIn(domain, templateId);

    const { body } = await harness.invoke(harness.events.update(TEMPLATE_RESOURCE_TYPE, templateId, { ...before, RequiredFieldIds: ['ghost'] }, before));

    expect(body).toMatchObject({ Status: 'FAILED', PhysicalResourceId: templateId });
    expect(body.Reason).toMatch(new RegExp(`^UpdateTemplate failed for template ${templateId} in domain ${domain.domainId}: ResourceNotFoundException: .*ghost`));
    expect(templateIn(domain, templateId)).toStrictEqual(original);
  });
});

describe('Update of a template that replaces it', () => {
  test('GIVEN a template WHEN its domain changes THEN a new one is created there and its id returned', async () => {
    const oldDomain = seedDomain(harness.fake);
    const newDomain = seedDomain(harness.fake);
    const before = minimalTemplateProperties(oldDomain);
    const oldId = await createdTemplate(before);

    const { body } = await harness.invoke(harness.events.update(TEMPLATE_RESOURCE_TYPE, oldId, { ...before, DomainId: newDomain.domainId }, before));
    await harness.invoke(harness.events.delete(TEMPLATE_RESOURCE_TYPE, oldId, before));

    const [replacement] = harness.fake.templates(newDomain.domainId);
    expect(body).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: replacement.templateId });
    expect(templateIn(oldDomain, oldId).deleted).toBe(true);
  });

  test('GIVEN a template deleted out of band WHEN updated THEN it is created again and the new id returned', async () => {
    const domain = seedDomain(harness.fake);
    const before = minimalTemplateProperties(domain);
    const oldId = await createdTemplate(before);
    await harness.outOfBandClient().send(new DeleteTemplateCommand({ domainId: domain.domainId, templateId: oldId }));

    const { body } = await harness.invoke(harness.events.update(TEMPLATE_RESOURCE_TYPE, oldId, { ...before, Description: 'again' }, before));

    const live = harness.fake.templates(domain.domainId);
    expect(live).toEqual([expect.objectContaining({ description: 'again' })]);
    expect(body).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: live[0].templateId });
    expect(live[0].templateId).not.toBe(oldId);
  });
});

describe('Delete of a template', () => {
  test('GIVEN a template WHEN deleted THEN it is soft-deleted with one DeleteTemplate call', async () => {
    const domain = seedDomain(harness.fake);
    const properties = minimalTemplateProperties(domain);
    const templateId = await createdTemplate(properties);
    harness.fake.resetCallCounts();

    const { body } = await harness.invoke(harness.events.delete(TEMPLATE_RESOURCE_TYPE, templateId, properties));

    expect(body.Status).toBe('SUCCESS');
    expect(templateIn(domain, templateId).deleted).toBe(true);
    expect(harness.fake.callCounts()).toStrictEqual({ DeleteTemplate: 1 });
  });

  test('GIVEN a template already deleted (the API answers 400) WHEN deleted THEN a read confirms it and SUCCESS', async () => {
    const domain = seedDomain(harness.fake);
    const properties = minimalTemplateProperties(domain);
    const templateId = await createdTemplate(properties);
    await harness.outOfBandClient().send(new DeleteTemplateCommand({ domainId: domain.domainId, templateId }));
    harness.fake.resetCallCounts();

    const { body } = await harness.invoke(harness.events.delete(TEMPLATE_RESOURCE_TYPE, templateId, properties));

    expect(body.Status).toBe('SUCCESS');
    expect(harness.fake.callCounts()).toStrictEqual({ DeleteTemplate: 1, GetTemplate: 1 });
  });

  test('GIVEN an id that never existed WHEN deleted THEN SUCCESS', async () => {
    const domain = seedDomain(harness.fake);

    const { body } = await harness.invoke(harness.events.delete(TEMPLATE_RESOURCE_TYPE, 'c0ffee00-0000-4000-8000-000000000000', minimalTemplateProperties(domain)));

    expect(body.Status).toBe('SUCCESS');
  });

  test('GIVEN a case rule still used by a live template WHEN the rule is deleted THEN FAILED with the conflict, rule kept', async () => {
    const { domain, ruleIds } = await domainWithRules();
    await createdTemplate(fullTemplateProperties(domain, ruleIds));

    const { body } = await harness.invoke(harness.events.delete(CASE_RULE_RESOURCE_TYPE, ruleIds[0], requiredRuleProperties(domain)));

    expect(body).toMatchObject({ Status: 'FAILED', PhysicalResourceId: ruleIds[0] });
    expect(body.Reason).toMatch(new RegExp(`^DeleteCaseRule failed for case rule ${ruleIds[0]} in domain ${domain.domainId}: ConflictException`));
  });
});
