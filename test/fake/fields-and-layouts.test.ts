import {
  BatchGetFieldCommand, CreateCaseRuleCommand, CreateFieldCommand, CreateLayoutCommand, CreateTemplateCommand, DeleteFieldCommand,
  GetDomainCommand, GetLayoutCommand, GetTemplateCommand, ListDomainsCommand, ListFieldOptionsCommand, ListFieldsCommand,
  ListLayoutsCommand, TagResourceCommand, UpdateFieldCommand,
} from '@aws-sdk/client-connectcases';
import { SYSTEM_FIELDS } from './index';
import { errorOf, statusOf, useFakeAndClient } from './sdk-test-client';

const t = useFakeAndClient();
let domainId: string;
beforeEach(() => { domainId = t.fake.addDomain({ name: 'support' }); });

const SYSTEM = [
  ['status', 'Status', 'SingleSelect'], ['title', 'Title', 'Text'], ['summary', 'Summary', 'Text'], ['customer_id', 'Customer', 'Text'],
  ['reference_number', 'Reference number', 'Text'], ['case_reason', 'Case reason', 'SingleSelect'], ['assigned_user', 'Assigned user', 'Text'],
  ['assigned_queue', 'Assigned queue', 'Text'], ['created_datetime', 'Created date/time', 'DateTime'],
  ['last_updated_datetime', 'Last updated date/time', 'DateTime'], ['last_closed_datetime', 'Last closed date/time', 'DateTime'],
  ['case_id', 'Case id', 'Text'], ['last_updated_user', 'Last updated user', 'Text'],
];

describe('system fields', () => {
  test('a new domain lists its 13 system fields with fixed ids, names and types, and status offers open and closed', async () => {
    // WHEN the fields of a fresh domain are listed (one page of 100)
    const listed = await t.cases.send(new ListFieldsCommand({ domainId, maxResults: 100 }));
    const status = await t.cases.send(new ListFieldOptionsCommand({ domainId, fieldId: 'status' }));

    // THEN they are exactly the system fields, in the System namespace, with ARNs under the domain
    expect(listed.fields!.map((f) => [f.fieldId, f.name, f.type])).toStrictEqual(SYSTEM);
    expect(new Set(listed.fields!.map((f) => f.namespace))).toStrictEqual(new Set(['System']));
    expect(listed.fields![0].fieldArn).toBe(`arn:aws:cases:us-east-1:123456789012:domain/${domainId}/field/status`);
    expect(SYSTEM_FIELDS.map((f) => f.fieldId)).toStrictEqual(SYSTEM.map(([id]) => id));
    expect(status.options).toStrictEqual([{ name: 'Open', value: 'open', active: true }, { name: 'Closed', value: 'closed', active: true }]);
  });

  test.each(['Status', 'status', 'STATUS', 'Created date/time', 'case id'])('CreateField named %p clashes with a system field (409)', async (name) => {
    const error = await errorOf(t.cases.send(new CreateFieldCommand({ domainId, name, type: 'Text' })));

    expect(statusOf(error)).toStrictEqual(['ConflictException', 409]);
    expect(t.fake.fields(domainId).filter((f) => f.namespace === 'Custom')).toStrictEqual([]);
  });

  test('custom names are unique regardless of case, also on rename; a deleted field frees its name', async () => {
    // GIVEN a custom field
    const { fieldId } = await t.cases.send(new CreateFieldCommand({ domainId, name: 'Priority', type: 'SingleSelect', description: 'p' }));
    const { fieldId: other } = await t.cases.send(new CreateFieldCommand({ domainId, name: 'Urgency', type: 'Text' }));

    // WHEN another field takes its name, or is renamed to it, or to a system name
    const twin = await errorOf(t.cases.send(new CreateFieldCommand({ domainId, name: 'PRIORITY', type: 'Text' })));
    const rename = await errorOf(t.cases.send(new UpdateFieldCommand({ domainId, fieldId: other!, name: 'priority' })));
    const toSystem = await errorOf(t.cases.send(new UpdateFieldCommand({ domainId, fieldId: other!, name: 'Title' })));
    const seeded = (() => { try { t.fake.addField(domainId, { name: 'priority', type: 'Text' }); return undefined; } catch (e) { return e as Error; } })();

    // THEN each is a conflict, and the field keeps its record
    for (const error of [twin, rename, toSystem]) expect(statusOf(error)).toStrictEqual(['ConflictException', 409]);
    expect(seeded?.name).toBe('ConflictException');
    expect(t.fake.fields(domainId).filter((f) => f.namespace === 'Custom')).toStrictEqual([
      { fieldId, fieldArn: `arn:aws:cases:us-east-1:123456789012:domain/${domainId}/field/${fieldId}`, name: 'Priority', type: 'SingleSelect',
        namespace: 'Custom', description: 'p', deleted: false, tags: {} },
      expect.objectContaining({ fieldId: other, name: 'Urgency' }),
    ]);

    // WHEN the field is deleted THEN its name is free again
    await t.cases.send(new DeleteFieldCommand({ domainId, fieldId: fieldId! }));
    await expect(t.cases.send(new CreateFieldCommand({ domainId, name: 'priority', type: 'Text' }))).resolves.toHaveProperty('fieldId');
  });

  test('system fields cannot be updated or deleted', async () => {
    const update = await errorOf(t.cases.send(new UpdateFieldCommand({ domainId, fieldId: 'title', description: 'x' })));
    const remove = await errorOf(t.cases.send(new DeleteFieldCommand({ domainId, fieldId: 'status' })));

    expect([statusOf(update), statusOf(remove)]).toStrictEqual([['ValidationException', 400], ['ValidationException', 400]]);
    expect(t.fake.fields(domainId).find((f) => f.fieldId === 'status')?.deleted).toBe(false);
  });

  test('rules and templates may name system fields', async () => {
    const rule = await t.cases.send(new CreateCaseRuleCommand({
      domainId, name: 'Summary when closed',
      rule: { required: { defaultValue: false, conditions: [{ equalTo: { operandOne: { fieldId: 'status' }, operandTwo: { stringValue: 'closed' }, result: true } }] } },
    }));
    const template = await t.cases.send(new CreateTemplateCommand({
      domainId, name: 'Default', requiredFields: [{ fieldId: 'title' }], rules: [{ caseRuleId: rule.caseRuleId!, fieldId: 'summary' }],
    }));

    expect(t.fake.templates(domainId)).toStrictEqual([expect.objectContaining({
      templateId: template.templateId, requiredFields: [{ fieldId: 'title' }], rules: [{ caseRuleId: rule.caseRuleId, fieldId: 'summary' }],
    })]);
  });

  test('the legacy seed addField(domainId, id) returns a system field as it is and adds other ids as Text fields', () => {
    expect(t.fake.addField(domainId, 'status')).toBe('status');
    expect(t.fake.addField(domainId, 'priority')).toBe('priority');
    expect(t.fake.addField(domainId, 'priority')).toBe('priority');

    expect(t.fake.fields(domainId).filter((f) => f.namespace === 'Custom').map((f) => [f.fieldId, f.name, f.type])).toStrictEqual([['priority', 'priority', 'Text']]);
  });
});

describe('deleted fields', () => {
  test('BatchGetField still shows a deleted field; ListFields, new rules and GetTemplate leave it out', async () => {
    // GIVEN a template that requires two custom fields and has a rule on one of them
    const keep = t.fake.addField(domainId, { name: 'Keep', type: 'Text' });
    const gone = t.fake.addField(domainId, { name: 'Gone', type: 'Text' });
    const rule = await t.cases.send(new CreateCaseRuleCommand({ domainId, name: 'r', rule: { required: { defaultValue: true, conditions: [] } } }));
    const { templateId } = await t.cases.send(new CreateTemplateCommand({
      domainId, name: 'T', requiredFields: [{ fieldId: keep }, { fieldId: gone }],
      rules: [{ caseRuleId: rule.caseRuleId!, fieldId: gone }, { caseRuleId: rule.caseRuleId!, fieldId: keep }],
    }));

    // WHEN one field is deleted
    await t.cases.send(new DeleteFieldCommand({ domainId, fieldId: gone }));

    // THEN reads reflect it
    const batch = await t.cases.send(new BatchGetFieldCommand({ domainId, fields: [{ id: gone }, { id: 'ghost' }] }));
    expect(batch.fields!.map((f) => [f.fieldId, f.name, f.deleted, f.namespace])).toStrictEqual([[gone, 'Gone', true, 'Custom']]);
    expect(batch.errors).toStrictEqual([{ id: 'ghost', errorCode: 'ResourceNotFoundException', message: expect.stringContaining('ghost') }]);
    const listed = await t.cases.send(new ListFieldsCommand({ domainId, maxResults: 100 }));
    expect(listed.fields!.map((f) => f.fieldId)).not.toContain(gone);
    const got = await t.cases.send(new GetTemplateCommand({ domainId, templateId }));
    expect([got.requiredFields, got.rules]).toStrictEqual([[{ fieldId: keep }], [{ caseRuleId: rule.caseRuleId, fieldId: keep }]]);
    // AND the record keeps what was written
    expect(t.fake.templates(domainId)[0].requiredFields).toStrictEqual([{ fieldId: keep }, { fieldId: gone }]);
    // AND a new rule or template naming it is a 400, an update of it too
    const newRule = await errorOf(t.cases.send(new CreateCaseRuleCommand({
      domainId, name: 'r2', rule: { hidden: { defaultValue: true, conditions: [{ equalTo: { operandOne: { fieldId: gone }, operandTwo: { emptyValue: {} }, result: false } }] } },
    })));
    const newTemplate = await errorOf(t.cases.send(new CreateTemplateCommand({ domainId, name: 'T2', requiredFields: [{ fieldId: gone }] })));
    const update = await errorOf(t.cases.send(new UpdateFieldCommand({ domainId, fieldId: gone, name: 'Back' })));
    for (const error of [newRule, newTemplate, update]) expect(statusOf(error)).toStrictEqual(['ValidationException', 400]);
  });
});

describe('read operations for export', () => {
  test('ListFields pages in creation order (system fields first) with maxResults and nextToken', async () => {
    for (let i = 0; i < 30; i++) t.fake.addField(domainId, { name: `Custom ${i}`, type: i % 2 ? 'Number' : 'Boolean' });

    const ids: string[] = [];
    const sizes: number[] = [];
    let nextToken: string | undefined;
    do {
      const page = await t.cases.send(new ListFieldsCommand({ domainId, maxResults: 25, nextToken }));
      sizes.push(page.fields!.length);
      ids.push(...page.fields!.map((f) => f.name!));
      nextToken = page.nextToken;
    } while (nextToken);

    expect(sizes).toStrictEqual([25, 18]);
    expect(ids).toStrictEqual([...SYSTEM.map(([, name]) => name), ...Array.from({ length: 30 }, (_, i) => `Custom ${i}`)]);
    const bad = await errorOf(t.cases.send(new ListFieldsCommand({ domainId, nextToken: 'forged' })));
    expect(statusOf(bad)).toStrictEqual(['ValidationException', 400]);
  });

  test('BatchGetField returns every member, tags and timestamps included, and at most 50 ids a call', async () => {
    const fieldId = t.fake.addField(domainId, { name: 'Category', type: 'SingleSelect', description: 'what it is about' });
    const arn = `arn:aws:cases:us-east-1:123456789012:domain/${domainId}/field/${fieldId}`;
    await t.cases.send(new TagResourceCommand({ arn, tags: { team: 'support' } }));

    const batch = await t.cases.send(new BatchGetFieldCommand({ domainId, fields: [{ id: fieldId }, { id: 'status' }] }));
    const tooMany = await errorOf(t.cases.send(new BatchGetFieldCommand({ domainId, fields: Array.from({ length: 51 }, (_, i) => ({ id: `f${i}` })) })));

    expect(batch.fields).toStrictEqual([
      {
        fieldId, fieldArn: arn, name: 'Category', description: 'what it is about', type: 'SingleSelect', namespace: 'Custom',
        tags: { team: 'support' }, deleted: false, createdTime: expect.any(Date), lastModifiedTime: expect.any(Date),
      },
      expect.objectContaining({ fieldId: 'status', name: 'Status', namespace: 'System', tags: {} }),
    ]);
    expect(statusOf(tooMany)).toStrictEqual(['ValidationException', 400]);
  });

  test('layouts: CreateLayout, ListLayouts pages, GetLayout returns content, tags and timestamps, and names are unique', async () => {
    // GIVEN a seeded layout and one created through the API with one section per panel
    const fieldId = t.fake.addField(domainId, { name: 'Category', type: 'SingleSelect' });
    const seeded = t.fake.addLayout(domainId, { name: 'Seeded' });
    const content = {
      basic: {
        topPanel: { sections: [{ fieldGroup: { name: 'Top', fields: [{ id: 'status' }, { id: fieldId }] } }] },
        moreInfo: { sections: [{ fieldGroup: { name: 'More', fields: [{ id: 'summary' }] } }] },
      },
    };
    const { layoutId, layoutArn } = await t.cases.send(new CreateLayoutCommand({ domainId, name: 'Main', content }));
    await t.cases.send(new TagResourceCommand({ arn: layoutArn!, tags: { owner: 'me' } }));

    // WHEN they are read
    const first = await t.cases.send(new ListLayoutsCommand({ domainId, maxResults: 1 }));
    const second = await t.cases.send(new ListLayoutsCommand({ domainId, maxResults: 1, nextToken: first.nextToken }));
    const got = await t.cases.send(new GetLayoutCommand({ domainId, layoutId: layoutId! }));
    const twin = await errorOf(t.cases.send(new CreateLayoutCommand({ domainId, name: 'Main', content })));
    const ghostField = await errorOf(t.cases.send(new CreateLayoutCommand({
      domainId, name: 'Other', content: { basic: { topPanel: { sections: [{ fieldGroup: { fields: [{ id: 'ghost' }] } }] } } },
    })));

    // THEN
    expect([...first.layouts!, ...second.layouts!].map((l) => [l.layoutId, l.name])).toStrictEqual([[seeded, 'Seeded'], [layoutId, 'Main']]);
    expect(second.nextToken).toBeUndefined();
    expect(got).toMatchObject({ layoutId, layoutArn, name: 'Main', content, tags: { owner: 'me' }, deleted: false });
    expect(got.createdTime).toBeInstanceOf(Date);
    expect(statusOf(twin)).toStrictEqual(['ConflictException', 409]);
    expect([ghostField.name, ghostField.resourceType]).toStrictEqual(['ResourceNotFoundException', 'Field']);
    expect(t.fake.layouts(domainId)[0].content).toStrictEqual({
      basic: { topPanel: { sections: [{ fieldGroup: { name: 'Top panel', fields: [] } }] }, moreInfo: { sections: [{ fieldGroup: { name: 'More info', fields: [] } }] } },
    });

    // WHEN a field of the layout is deleted THEN GetLayout leaves it out
    t.fake.deleteField(domainId, fieldId);
    const after = await t.cases.send(new GetLayoutCommand({ domainId, layoutId: layoutId! }));
    expect(after.content).toStrictEqual({ basic: { ...content.basic, topPanel: { sections: [{ fieldGroup: { name: 'Top', fields: [{ id: 'status' }] } }] } } });
  });

  test('ListDomains pages by at most 10, GetDomain answers with tags; a deleted domain is a 404', async () => {
    const more = Array.from({ length: 11 }, (_, i) => t.fake.addDomain({ name: `d${i}` }));
    await t.cases.send(new TagResourceCommand({ arn: `arn:aws:cases:us-east-1:123456789012:domain/${domainId}`, tags: { env: 'test' } }));

    const first = await t.cases.send(new ListDomainsCommand({}));
    const second = await t.cases.send(new ListDomainsCommand({ nextToken: first.nextToken }));
    const got = await t.cases.send(new GetDomainCommand({ domainId }));
    const tooBig = await errorOf(t.cases.send(new ListDomainsCommand({ maxResults: 11 })));
    t.fake.deleteDomain(more[0]);
    const deleted = await errorOf(t.cases.send(new GetDomainCommand({ domainId: more[0] })));

    expect([first.domains!.length, second.domains!.length, second.nextToken]).toStrictEqual([10, 2, undefined]);
    expect([...first.domains!, ...second.domains!].map((d) => d.name)).toStrictEqual(['support', ...more.map((_, i) => `d${i}`)]);
    expect(got).toMatchObject({ domainId, name: 'support', domainStatus: 'Active', tags: { env: 'test' } });
    expect(got.domainArn).toBe(`arn:aws:cases:us-east-1:123456789012:domain/${domainId}`);
    expect(statusOf(tooBig)).toStrictEqual(['ValidationException', 400]);
    expect([deleted.name, deleted.resourceType]).toStrictEqual(['ResourceNotFoundException', 'Domain']);
    expect(t.fake.fields(more[0])).toHaveLength(13);
  });

  test('every kind of Cases resource takes tags by ARN', async () => {
    const fieldId = t.fake.addField(domainId, { name: 'F', type: 'Text' });
    const layoutId = t.fake.addLayout(domainId, { name: 'L' });
    const base = `arn:aws:cases:us-east-1:123456789012:domain/${domainId}`;
    const arns = [base, `${base}/field/${fieldId}`, `${base}/field/status`, `${base}/layout/${layoutId}`];

    for (const arn of arns) await t.cases.send(new TagResourceCommand({ arn, tags: { k: arn.slice(-6) } }));

    expect(arns.map((arn) => t.fake.tagsOf(arn))).toStrictEqual(arns.map((arn) => ({ k: arn.slice(-6) })));
    const ghost = await errorOf(t.cases.send(new TagResourceCommand({ arn: `${base}/layout/ghost`, tags: { k: 'v' } })));
    expect([ghost.name, ghost.resourceType]).toStrictEqual(['ResourceNotFoundException', 'Layout']);
  });
});
