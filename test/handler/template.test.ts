import { CreateTemplateCommand, DeleteTemplateCommand } from '@aws-sdk/client-connectcases';
import { OWNER_TAG_KEY, TemplateProperties } from '../../lib/private/contract';
import { MAX_DELETED_TEMPLATES_PER_DOMAIN } from '../fake';
import { SeededDomain, seedDomain } from '../support/domain';
import { HandlerHarness } from '../support/handler-harness';
import { CASE_RULE, TEMPLATE, createdThroughHandler } from '../support/kinds';
import { fullTemplateProperties, minimalTemplateProperties, requiredRuleProperties, without } from '../support/properties';

/**
 * What only templates do: many optional attributes that UpdateTemplate keeps unless told to clear
 * them, rules that point at case rules, and soft deletion. The lifecycle they share with case rules
 * is in `lifecycle.test.ts`.
 */

let harness: HandlerHarness;
beforeAll(async () => { harness = await HandlerHarness.start(); });
afterAll(() => harness.close());

/** A domain with two case rules created through the handler. */
async function domainWithRules(): Promise<{ domain: SeededDomain; ruleIds: string[] }> {
  const domain = seedDomain(harness.fake);
  const ruleIds: string[] = [];
  for (const name of ['Rule one', 'Rule two']) {
    ruleIds.push(await createdThroughHandler(harness, CASE_RULE, requiredRuleProperties(domain, { Name: name }), name.replace(' ', '')));
  }
  return { domain, ruleIds };
}

const createdTemplate = (properties: TemplateProperties) => createdThroughHandler(harness, TEMPLATE, properties);

function templateIn(domain: SeededDomain, templateId: string) {
  const template = harness.fake.templates(domain.domainId, { includeDeleted: true }).find((t) => t.templateId === templateId);
  if (!template) throw new Error(`no template ${templateId}`);
  return template;
}

describe('Create of a template', () => {
  test('GIVEN every attribute, rules included WHEN created THEN the API receives each in its shape', async () => {
    const { domain, ruleIds } = await domainWithRules();

    const templateId = await createdTemplate(fullTemplateProperties(domain, ruleIds));

    expect(templateIn(domain, templateId)).toMatchObject({
      name: 'Support template',
      description: 'Used by the support queue',
      status: 'Active',
      layoutConfiguration: { defaultLayout: domain.layoutId },
      requiredFields: [{ fieldId: 'status' }],
      rules: ruleIds.map((caseRuleId) => ({ caseRuleId, fieldId: 'notes' })),
      tagPropagationConfigurations: [{ resourceType: 'Cases', tagMap: { queue: 'support' } }],
    });
  });

  test('GIVEN only the required attributes WHEN created THEN the template has no layout, fields, rules, tag propagation or description', async () => {
    const domain = seedDomain(harness.fake);

    const templateId = await createdTemplate(minimalTemplateProperties(domain, { Status: 'Inactive' }));

    const template = templateIn(domain, templateId);
    expect(template).toMatchObject({ name: 'Minimal template', status: 'Inactive', requiredFields: [], rules: [] });
    expect(template.description).toBeUndefined();
    expect(template.layoutConfiguration).toBeUndefined();
    expect(template.tagPropagationConfigurations).toBeUndefined();
  });

  test('GIVEN a field-options rule attached without a field id WHEN created THEN the API receives the rule without one', async () => {
    const domain = seedDomain(harness.fake);
    const caseRuleId = await createdThroughHandler(harness, CASE_RULE, requiredRuleProperties(domain, {
      Rule: { fieldOptions: { parentFieldId: 'status', childFieldId: domain.priorityField, parentChildFieldOptionsMappings: [{ parentFieldOptionValue: 'open', childFieldOptionValues: ['1'] }] } },
    }), 'Options');

    const templateId = await createdTemplate(minimalTemplateProperties(domain, { Rules: [{ caseRuleId }] }));

    expect(templateIn(domain, templateId).rules).toStrictEqual([{ caseRuleId }]);
  });
});

describe('clearing and changing attributes in place', () => {
  type Template = ReturnType<typeof templateIn>;
  type Check = (template: Template, domain: SeededDomain, ruleIds: string[]) => void;
  type Change = (before: TemplateProperties, domain: SeededDomain, ruleIds: string[]) => TemplateProperties;
  /** What changes, the change, the record member it must touch, and how that member must look. */
  const changes: [string, Change, keyof Template, Check][] = [
    ['the name changes', (b) => ({ ...b, Name: 'Renamed' }), 'name', (t) => expect(t.name).toBe('Renamed')],
    ['the status changes', (b) => ({ ...b, Status: 'Inactive' }), 'status', (t) => expect(t.status).toBe('Inactive')],
    ['the description is removed', (b) => without(b, 'Description'), 'description', (t) => expect(t.description).toBeUndefined()],
    ['the layout changes', (b, d) => ({ ...b, LayoutConfiguration: { defaultLayout: d.otherLayoutId } }), 'layoutConfiguration',
      (t, d) => expect(t.layoutConfiguration).toStrictEqual({ defaultLayout: d.otherLayoutId })],
    ['the layout is removed', (b) => without(b, 'LayoutConfiguration'), 'layoutConfiguration', (t) => expect(t.layoutConfiguration).toBeUndefined()],
    ['the last required field is removed', (b) => without(b, 'RequiredFields'), 'requiredFields', (t) => expect(t.requiredFields).toStrictEqual([])],
    ['a required field is added', (b, d) => ({ ...b, RequiredFields: [{ fieldId: d.statusField }, { fieldId: d.priorityField }] }), 'requiredFields',
      (t) => expect(t.requiredFields).toStrictEqual([{ fieldId: 'status' }, { fieldId: 'priority' }])],
    ['a rule is removed', (b, d, r) => ({ ...b, Rules: [{ caseRuleId: r[1], fieldId: d.notesField }] }), 'rules',
      (t, _d, r) => expect(t.rules).toStrictEqual([{ caseRuleId: r[1], fieldId: 'notes' }])],
    ['the last rule is removed', (b) => without(b, 'Rules'), 'rules', (t) => expect(t.rules).toStrictEqual([])],
    ['the tag propagation changes', (b) => ({ ...b, TagPropagationConfigurations: [{ resourceType: 'Cases', tagMap: { queue: 'billing', tier: '2' } }] }),
      'tagPropagationConfigurations', (t) => expect(t.tagPropagationConfigurations).toStrictEqual([{ resourceType: 'Cases', tagMap: { queue: 'billing', tier: '2' } }])],
    ['the tag propagations are removed', (b) => without(b, 'TagPropagationConfigurations'), 'tagPropagationConfigurations',
      (t) => expect(t.tagPropagationConfigurations).toBeUndefined()],
    ['the user tags are removed', (b) => without(b, 'Tags'), 'tags', (t) => expect(Object.keys(t.tags)).toStrictEqual([OWNER_TAG_KEY])],
  ];

  test.each(changes)('GIVEN a full template WHEN %s THEN that member changes and nothing else', async (_name, change, member, check) => {
    const { domain, ruleIds } = await domainWithRules();
    const before = fullTemplateProperties(domain, ruleIds);
    const templateId = await createdTemplate(before);
    const original = templateIn(domain, templateId);

    const { body } = await harness.invoke(harness.events.update(TEMPLATE.resourceType, templateId, change(before, domain, ruleIds), before));

    expect(body).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: templateId });
    const updated = templateIn(domain, templateId);
    check(updated, domain, ruleIds);
    expect(updated[member]).not.toStrictEqual(original[member]);
    expect({ ...updated, [member]: undefined }).toStrictEqual({ ...original, [member]: undefined });
  });

  test('GIVEN a full template WHEN updated to only the required attributes THEN every optional one is cleared, and the rollback restores them exactly', async () => {
    const { domain, ruleIds } = await domainWithRules();
    const before = fullTemplateProperties(domain, ruleIds);
    const templateId = await createdTemplate(before);
    const original = templateIn(domain, templateId);
    const after = minimalTemplateProperties(domain, { Name: before.Name });

    const cleared = await harness.invoke(harness.events.update(TEMPLATE.resourceType, templateId, after, before));
    const clearedTemplate = templateIn(domain, templateId);
    const restored = await harness.invoke(harness.events.update(TEMPLATE.resourceType, templateId, before, after));

    expect([cleared.body.Status, restored.body.Status]).toStrictEqual(['SUCCESS', 'SUCCESS']);
    expect(clearedTemplate).toStrictEqual({
      templateId, templateArn: original.templateArn, name: before.Name, status: 'Active', requiredFields: [], rules: [], deleted: false,
      tags: { [OWNER_TAG_KEY]: original.tags[OWNER_TAG_KEY] },
    });
    expect(templateIn(domain, templateId)).toStrictEqual(original);
  });

  test('GIVEN a full template WHEN updated to empty lists that CloudFormation dropped on the way THEN the lists are cleared', async () => {
    const { domain, ruleIds } = await domainWithRules();
    const before = fullTemplateProperties(domain, ruleIds);
    const { body: created } = await harness.invoke(harness.events.create(TEMPLATE.resourceType, before, { encoding: 'dropped-empty' }));
    const after = { ...before, RequiredFields: [], Rules: [], TagPropagationConfigurations: [], Tags: [] };

    const { body } = await harness.invoke(harness.events.update(TEMPLATE.resourceType, created.PhysicalResourceId, after, before, { encoding: 'dropped-empty' }));

    expect(body.Status).toBe('SUCCESS');
    const template = templateIn(domain, created.PhysicalResourceId);
    expect(template).toMatchObject({ requiredFields: [], rules: [] });
    expect(template.tagPropagationConfigurations).toBeUndefined();
    expect(Object.keys(template.tags)).toStrictEqual([OWNER_TAG_KEY]);
  });

  test('GIVEN a tag propagation with an empty tag map that CloudFormation dropped WHEN created THEN the API receives the empty map', async () => {
    const domain = seedDomain(harness.fake);
    const properties = minimalTemplateProperties(domain, { TagPropagationConfigurations: [{ resourceType: 'Cases', tagMap: {} }] });

    const { body } = await harness.invoke(harness.events.create(TEMPLATE.resourceType, properties, { encoding: 'dropped-empty' }));

    expect(body.Status).toBe('SUCCESS');
    expect(templateIn(domain, body.PhysicalResourceId).tagPropagationConfigurations).toStrictEqual([{ resourceType: 'Cases', tagMap: {} }]);
  });
});

describe('soft-deleted templates', () => {
  test('GIVEN a template already soft-deleted out of band (DeleteTemplate then answers 400) WHEN deleted THEN a read confirms it is deleted, and SUCCESS', async () => {
    const domain = seedDomain(harness.fake);
    const properties = minimalTemplateProperties(domain);
    const templateId = await createdTemplate(properties);
    await harness.outOfBandClient().send(new DeleteTemplateCommand({ domainId: domain.domainId, templateId }));
    harness.fake.resetCallCounts();

    const { body } = await harness.invoke(harness.events.delete(TEMPLATE.resourceType, templateId, properties));

    expect(body).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: templateId });
    expect(harness.fake.callCounts()).toStrictEqual({ DeleteTemplate: 1, GetTemplate: 1 });
  });

  test(`GIVEN a domain that already holds ${MAX_DELETED_TEMPLATES_PER_DOMAIN} deleted templates WHEN a live template is deleted THEN FAILED with the quota error, and the template kept`, async () => {
    const domain = seedDomain(harness.fake);
    const properties = minimalTemplateProperties(domain);
    const templateId = await createdTemplate(properties);
    const client = harness.outOfBandClient();
    for (let i = 0; i < MAX_DELETED_TEMPLATES_PER_DOMAIN; i++) {
      const { templateId: spent } = await client.send(new CreateTemplateCommand({ domainId: domain.domainId, name: `spent ${i}` }));
      await client.send(new DeleteTemplateCommand({ domainId: domain.domainId, templateId: spent }));
    }

    const { body } = await harness.invoke(harness.events.delete(TEMPLATE.resourceType, templateId, properties));

    expect(body).toMatchObject({ Status: 'FAILED', PhysicalResourceId: templateId });
    expect(body.Reason).toMatch(new RegExp(`^DeleteTemplate failed for template ${templateId} in domain ${domain.domainId}: ServiceQuotaExceededException`));
    expect(templateIn(domain, templateId).deleted).toBe(false);
  });
});
