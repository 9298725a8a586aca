import {
  BatchGetCaseRuleCommand,
  CaseRuleDetails,
  ConnectCasesClient,
  CreateCaseRuleCommand,
  CreateCaseRuleCommandInput,
  CreateTemplateCommand,
  CreateTemplateCommandInput,
  DeleteCaseRuleCommand,
  DeleteTemplateCommand,
  GetTemplateCommand,
  ListCaseRulesCommand,
  ListTagsForResourceCommand,
  ListTemplatesCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateCaseRuleCommand,
  UpdateTemplateCommand,
} from '@aws-sdk/client-connectcases';
import { FakeCases } from './fake';

// Dummy credentials: the fake checks the SigV4 scope, never the signature.
process.env.AWS_ACCESS_KEY_ID = 'AKIAFAKECASES';
process.env.AWS_SECRET_ACCESS_KEY = 'fake-secret';
process.env.AWS_REGION = 'us-east-1';
delete process.env.AWS_PROFILE;
delete process.env.AWS_SESSION_TOKEN;

let fake: FakeCases;
let cases: ConnectCasesClient;
let domainId: string;

beforeEach(async () => {
  fake = await FakeCases.start();
  cases = new ConnectCasesClient({ endpoint: fake.endpoint, maxAttempts: 1 });
  domainId = fake.addDomain();
});

afterEach(async () => {
  cases.destroy();
  await fake.close();
});

function requiredRule(fieldId: string, overrides: Partial<{ defaultValue: unknown; result: boolean }> = {}): CaseRuleDetails {
  return {
    required: {
      defaultValue: (overrides.defaultValue ?? false) as boolean,
      conditions: [{ equalTo: { operandOne: { fieldId }, operandTwo: { stringValue: 'closed' }, result: overrides.result ?? true } }],
    },
  };
}

async function createRule(input: Partial<CreateCaseRuleCommandInput> = {}) {
  const fieldId = fake.addField(domainId, 'status');
  return cases.send(new CreateCaseRuleCommand({ domainId, name: 'Reason required', rule: requiredRule(fieldId), ...input }));
}

async function createTemplate(input: Partial<CreateTemplateCommandInput> = {}) {
  return cases.send(new CreateTemplateCommand({ domainId, name: 'Complaint', ...input }));
}

/** The SDK error a call rejects with, for assertions on name, status and members. */
async function errorOf(call: Promise<unknown>): Promise<Error & { $metadata: { httpStatusCode?: number }; [key: string]: unknown }> {
  try {
    await call;
  } catch (error) {
    return error as Error & { $metadata: { httpStatusCode?: number }; [key: string]: unknown };
  }
  throw new Error('expected the call to fail, but it succeeded');
}

describe('case rules', () => {
  test('create, batch-get and list round-trip the rule JSON exactly', async () => {
    // GIVEN a domain with a field
    const fieldId = fake.addField(domainId, 'status');
    const rule = requiredRule(fieldId);

    // WHEN a rule is created
    const created = await cases.send(new CreateCaseRuleCommand({ domainId, name: 'Reason required', description: 'why', rule }));

    // THEN its ARN follows the documented template and every read shows the same rule
    expect(created.caseRuleArn).toBe(`arn:aws:cases:us-east-1:123456789012:domain/${domainId}/case-rule/${created.caseRuleId}`);
    const batch = await cases.send(new BatchGetCaseRuleCommand({ domainId, caseRules: [{ id: created.caseRuleId! }] }));
    expect(batch.errors).toEqual([]);
    expect(batch.caseRules).toEqual([expect.objectContaining({
      caseRuleId: created.caseRuleId, name: 'Reason required', description: 'why', rule, deleted: false, tags: {},
    })]);
    expect(batch.caseRules![0].createdTime).toBeInstanceOf(Date);
    const list = await cases.send(new ListCaseRulesCommand({ domainId }));
    expect(list.caseRules).toEqual([{
      caseRuleId: created.caseRuleId, caseRuleArn: created.caseRuleArn, name: 'Reason required', description: 'why', ruleType: 'Required',
    }]);
    expect(list.nextToken).toBeUndefined();
    expect(fake.caseRules(domainId)).toEqual([{
      caseRuleId: created.caseRuleId, caseRuleArn: created.caseRuleArn, name: 'Reason required', description: 'why', rule, deleted: false, tags: {},
    }]);
  });

  test('hidden and field-options rules (overlay members) are accepted and listed with their rule type', async () => {
    const parent = fake.addField(domainId, 'category');
    const child = fake.addField(domainId, 'subcategory');
    await cases.send(new CreateCaseRuleCommand({
      domainId, name: 'Hide notes',
      rule: { hidden: { defaultValue: true, conditions: [{ notEqualTo: { operandOne: { fieldId: parent }, operandTwo: { emptyValue: {} }, result: false } }] } },
    }));
    await cases.send(new CreateCaseRuleCommand({
      domainId, name: 'Subcategories',
      rule: { fieldOptions: { parentFieldId: parent, childFieldId: child, parentChildFieldOptionsMappings: [{ parentFieldOptionValue: 'billing', childFieldOptionValues: ['refund', 'invoice'] }] } },
    }));

    const list = await cases.send(new ListCaseRulesCommand({ domainId }));

    expect(list.caseRules!.map((rule) => [rule.name, rule.ruleType])).toEqual([['Hide notes', 'Hidden'], ['Subcategories', 'FieldOptions']]);
  });

  test('update replaces the members sent, keeps the absent ones, and "" clears the description', async () => {
    const { caseRuleId } = await createRule({ description: 'old' });

    await cases.send(new UpdateCaseRuleCommand({ domainId, caseRuleId, name: 'Renamed' }));
    expect(fake.caseRules(domainId)[0]).toMatchObject({ name: 'Renamed', description: 'old', rule: requiredRule('status') });

    const newRule = requiredRule('status', { defaultValue: true, result: false });
    await cases.send(new UpdateCaseRuleCommand({ domainId, caseRuleId, rule: newRule, description: '' }));
    const [record] = fake.caseRules(domainId);
    expect(record).toMatchObject({ name: 'Renamed', rule: newRule });
    expect(record).not.toHaveProperty('description');
  });

  test('delete is soft: listed no more, batch-get shows deleted=true, and the name is free again', async () => {
    const { caseRuleId } = await createRule();

    await cases.send(new DeleteCaseRuleCommand({ domainId, caseRuleId }));

    expect((await cases.send(new ListCaseRulesCommand({ domainId }))).caseRules).toEqual([]);
    const batch = await cases.send(new BatchGetCaseRuleCommand({ domainId, caseRules: [{ id: caseRuleId! }, { id: 'missing' }] }));
    expect(batch.caseRules!.map((rule) => [rule.caseRuleId, rule.deleted])).toEqual([[caseRuleId, true]]);
    expect(batch.errors).toEqual([{ id: 'missing', errorCode: 'ResourceNotFoundException', message: expect.stringContaining('missing') }]);
    expect(fake.caseRules(domainId)).toEqual([]);
    expect(fake.caseRules(domainId, { includeDeleted: true })).toEqual([expect.objectContaining({ caseRuleId, deleted: true })]);
    await expect(createRule()).resolves.toHaveProperty('caseRuleId');
  });

  test.each([
    ['updating', (caseRuleId: string) => new UpdateCaseRuleCommand({ domainId, caseRuleId, name: 'x' })],
    ['deleting', (caseRuleId: string) => new DeleteCaseRuleCommand({ domainId, caseRuleId })],
  ])('%s an unknown or deleted case rule is a 404', async (_, command) => {
    const { caseRuleId } = await createRule();
    await cases.send(new DeleteCaseRuleCommand({ domainId, caseRuleId }));

    for (const id of [caseRuleId!, 'never-existed']) {
      const error = await errorOf(cases.send(command(id) as UpdateCaseRuleCommand));
      expect([error.name, error.$metadata.httpStatusCode, error.resourceType, error.resourceId]).toEqual(['ResourceNotFoundException', 404, 'CaseRule', id]);
    }
  });

  test('a second live rule with the same name is a 409 conflict, also when renaming', async () => {
    await createRule({ name: 'Taken' });
    const { caseRuleId } = await createRule({ name: 'Other' });

    const onCreate = await errorOf(createRule({ name: 'Taken' }));
    const onRename = await errorOf(cases.send(new UpdateCaseRuleCommand({ domainId, caseRuleId, name: 'Taken' })));

    for (const error of [onCreate, onRename]) expect([error.name, error.$metadata.httpStatusCode]).toEqual(['ConflictException', 409]);
    expect(fake.caseRules(domainId).map((rule) => rule.name)).toEqual(['Taken', 'Other']);
  });

  test('unknown domain and unknown condition field are 404s naming the resource', async () => {
    const noDomain = await errorOf(cases.send(new ListCaseRulesCommand({ domainId: 'no-such-domain' })));
    expect([noDomain.name, noDomain.$metadata.httpStatusCode, noDomain.resourceType, noDomain.resourceId])
      .toEqual(['ResourceNotFoundException', 404, 'Domain', 'no-such-domain']);

    const noField = await errorOf(cases.send(new CreateCaseRuleCommand({ domainId, name: 'r', rule: requiredRule('ghost-field') })));
    expect([noField.name, noField.$metadata.httpStatusCode, noField.resourceType, noField.resourceId])
      .toEqual(['ResourceNotFoundException', 404, 'Field', 'ghost-field']);
  });
});

describe('validation against the model', () => {
  const status = { fieldId: 'status' };
  test.each<[string, Record<string, unknown>, string]>([
    ['a missing required member', { name: 'r' }, "'rule' failed to satisfy constraint: Member must not be null"],
    ['a string where a boolean belongs', { name: 'r', rule: { required: { defaultValue: 'true', conditions: [] } } },
      "'rule.required.defaultValue' failed to satisfy constraint: Member must be a boolean"],
    ['a name over 100 characters', { name: 'n'.repeat(101), rule: requiredRule('status') },
      "'name' failed to satisfy constraint: Member must have length less than or equal to 100"],
    ['a name ending in whitespace', { name: 'trailing ', rule: requiredRule('status') },
      "'name' failed to satisfy constraint: Member must satisfy regular expression pattern"],
    ['a union with two members', { name: 'r', rule: { required: { defaultValue: true, conditions: [] }, hidden: { defaultValue: true, conditions: [] } } },
      "'rule' failed to satisfy constraint: Union must have exactly one member set"],
    ['a number where a boolean belongs in a nested union', {
      name: 'r', rule: { required: { defaultValue: true, conditions: [{ equalTo: { operandOne: status, operandTwo: { booleanValue: 1 }, result: true } }] } },
    }, "'rule.required.conditions[0].equalTo.operandTwo.booleanValue' failed to satisfy constraint: Member must be a boolean"],
    ['an empty string operand (min length 1)', {
      name: 'r', rule: { required: { defaultValue: true, conditions: [{ equalTo: { operandOne: status, operandTwo: { stringValue: '' }, result: true } }] } },
    }, "'rule.required.conditions[0].equalTo.operandTwo.stringValue' failed to satisfy constraint: Member must have length greater than or equal to 1"],
  ])('CreateCaseRule with %s is a 400 ValidationException naming the member', async (_, body, expected) => {
    fake.addField(domainId, 'status');

    const error = await errorOf(cases.send(new CreateCaseRuleCommand({ domainId, ...body } as unknown as CreateCaseRuleCommandInput)));

    expect([error.name, error.$metadata.httpStatusCode]).toEqual(['ValidationException', 400]);
    expect(error.message).toContain(expected);
    expect(fake.caseRules(domainId, { includeDeleted: true })).toEqual([]);
  });

  test('an enum violation, a list over its limit and a query parameter out of range are 400s', async () => {
    const badStatus = await errorOf(createTemplate({ status: 'Enabled' as 'Active' }));
    expect([badStatus.name, badStatus.$metadata.httpStatusCode]).toEqual(['ValidationException', 400]);
    expect(badStatus.message).toContain("'status' failed to satisfy constraint: Member must satisfy enum value set: [Active, Inactive]");

    const tooMany = await errorOf(cases.send(new BatchGetCaseRuleCommand({ domainId, caseRules: Array.from({ length: 51 }, (_, i) => ({ id: `r${i}` })) })));
    expect(tooMany.message).toContain("'caseRules' failed to satisfy constraint: Member must have length less than or equal to 50");

    const badPage = await errorOf(cases.send(new ListCaseRulesCommand({ domainId, maxResults: 0 })));
    expect([badPage.name, badPage.message]).toEqual(['ValidationException', expect.stringContaining("'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 1")]);
  });

  test('unknown members are ignored, as restJson1 services do', async () => {
    fake.addField(domainId, 'status');
    const input = { domainId, name: 'r', rule: requiredRule('status'), futureMember: 42 } as CreateCaseRuleCommandInput;

    await expect(cases.send(new CreateCaseRuleCommand(input))).resolves.toHaveProperty('caseRuleId');
  });
});

describe('templates', () => {
  test('create defaults to Active and GetTemplate returns every member', async () => {
    const layout = fake.addLayout(domainId, 'main-layout');
    const field = fake.addField(domainId, 'status');
    const { caseRuleId } = await createRule();
    const tagPropagationConfigurations = [{ resourceType: 'Cases' as const, tagMap: { team: 'support' } }];

    const { templateId, templateArn } = await createTemplate({
      description: 'd', layoutConfiguration: { defaultLayout: layout }, requiredFields: [{ fieldId: field }],
      rules: [{ caseRuleId, fieldId: field }], tagPropagationConfigurations,
    });

    expect(templateArn).toBe(`arn:aws:cases:us-east-1:123456789012:domain/${domainId}/template/${templateId}`);
    const got = await cases.send(new GetTemplateCommand({ domainId, templateId }));
    expect(got).toMatchObject({
      templateId, templateArn, name: 'Complaint', description: 'd', status: 'Active', deleted: false, tags: {},
      layoutConfiguration: { defaultLayout: layout }, requiredFields: [{ fieldId: field }], rules: [{ caseRuleId, fieldId: field }],
      tagPropagationConfigurations,
    });
    expect(fake.templates(domainId)).toEqual([{
      templateId, templateArn, name: 'Complaint', description: 'd', status: 'Active', deleted: false, tags: {},
      layoutConfiguration: { defaultLayout: layout }, requiredFields: [{ fieldId: field }], rules: [{ caseRuleId, fieldId: field }],
      tagPropagationConfigurations,
    }]);
  });

  test('update is a patch: absent members keep their value; "", {} and [] clear', async () => {
    const layout = fake.addLayout(domainId);
    const field = fake.addField(domainId, 'status');
    const { caseRuleId } = await createRule();
    const { templateId } = await createTemplate({
      description: 'd', layoutConfiguration: { defaultLayout: layout }, requiredFields: [{ fieldId: field }],
      rules: [{ caseRuleId, fieldId: field }], tagPropagationConfigurations: [{ resourceType: 'Cases', tagMap: { a: 'b' } }],
    });

    await cases.send(new UpdateTemplateCommand({ domainId, templateId, status: 'Inactive' }));
    expect(fake.templates(domainId)[0]).toMatchObject({
      status: 'Inactive', description: 'd', layoutConfiguration: { defaultLayout: layout }, requiredFields: [{ fieldId: field }],
    });

    await cases.send(new UpdateTemplateCommand({
      domainId, templateId, description: '', layoutConfiguration: {}, requiredFields: [], rules: [], tagPropagationConfigurations: [],
    }));
    expect(fake.templates(domainId)).toEqual([{
      templateId, templateArn: expect.any(String), name: 'Complaint', status: 'Inactive', requiredFields: [], rules: [], deleted: false, tags: {},
    }]);
    const got = await cases.send(new GetTemplateCommand({ domainId, templateId }));
    expect([got.description, got.layoutConfiguration, got.requiredFields, got.rules]).toEqual([undefined, undefined, [], []]);
  });

  test('an update with no updatable member is a 400', async () => {
    const { templateId } = await createTemplate();

    const error = await errorOf(cases.send(new UpdateTemplateCommand({ domainId, templateId })));

    expect([error.name, error.$metadata.httpStatusCode]).toEqual(['ValidationException', 400]);
  });

  test.each<[string, (ids: { field: string; rule: string }) => Partial<CreateTemplateCommandInput>, string, number, string | undefined]>([
    ['an unknown layout', () => ({ layoutConfiguration: { defaultLayout: 'ghost' } }), 'ResourceNotFoundException', 404, 'Layout'],
    ['an unknown required field', () => ({ requiredFields: [{ fieldId: 'ghost' }] }), 'ResourceNotFoundException', 404, 'Field'],
    ['an unknown rule field', ({ rule }) => ({ rules: [{ caseRuleId: rule, fieldId: 'ghost' }] }), 'ResourceNotFoundException', 404, 'Field'],
    ['an unknown case rule', ({ field }) => ({ rules: [{ caseRuleId: 'ghost', fieldId: field }] }), 'ResourceNotFoundException', 404, 'CaseRule'],
    ['the same required field twice', ({ field }) => ({ requiredFields: [{ fieldId: field }, { fieldId: field }] }), 'ValidationException', 400, undefined],
    ['the same rule on the same field twice', ({ field, rule }) => ({ rules: [{ caseRuleId: rule, fieldId: field }, { caseRuleId: rule, fieldId: field }] }), 'ValidationException', 400, undefined],
  ])('a template with %s is rejected', async (_, members, errorName, status, resourceType) => {
    const field = fake.addField(domainId, 'status');
    const { caseRuleId } = await createRule();

    const error = await errorOf(createTemplate(members({ field, rule: caseRuleId! })));

    expect([error.name, error.$metadata.httpStatusCode, error.resourceType]).toEqual([errorName, status, resourceType]);
    expect(fake.templates(domainId, { includeDeleted: true })).toEqual([]);
  });

  test('names are unique among live templates (409), and free again after delete', async () => {
    const { templateId } = await createTemplate({ name: 'Same' });

    const error = await errorOf(createTemplate({ name: 'Same' }));
    expect([error.name, error.$metadata.httpStatusCode]).toEqual(['ConflictException', 409]);

    await cases.send(new DeleteTemplateCommand({ domainId, templateId }));
    await expect(createTemplate({ name: 'Same' })).resolves.toHaveProperty('templateId');
  });

  test('delete is soft: GetTemplate shows deleted=true, update and a second delete are 400s, unknown is 404', async () => {
    const { templateId } = await createTemplate();

    await cases.send(new DeleteTemplateCommand({ domainId, templateId }));

    expect(await cases.send(new GetTemplateCommand({ domainId, templateId }))).toMatchObject({ templateId, deleted: true });
    expect((await cases.send(new ListTemplatesCommand({ domainId }))).templates).toEqual([]);
    const update = await errorOf(cases.send(new UpdateTemplateCommand({ domainId, templateId, status: 'Inactive' })));
    expect([update.name, update.$metadata.httpStatusCode, update.message]).toEqual(['ValidationException', 400, expect.stringContaining('has been deleted and cannot be updated')]);
    const again = await errorOf(cases.send(new DeleteTemplateCommand({ domainId, templateId })));
    expect([again.name, again.$metadata.httpStatusCode]).toEqual(['ValidationException', 400]);
    const unknown = await errorOf(cases.send(new GetTemplateCommand({ domainId, templateId: 'ghost' })));
    expect([unknown.name, unknown.$metadata.httpStatusCode, unknown.resourceType]).toEqual(['ResourceNotFoundException', 404, 'Template']);
  });

  test('a domain holds at most 100 deleted templates (402 beyond)', async () => {
    for (let i = 0; i < 100; i++) {
      const { templateId } = await createTemplate({ name: `t${i}` });
      await cases.send(new DeleteTemplateCommand({ domainId, templateId }));
    }
    const { templateId } = await createTemplate({ name: 'one too many' });

    const error = await errorOf(cases.send(new DeleteTemplateCommand({ domainId, templateId })));

    expect([error.name, error.$metadata.httpStatusCode]).toEqual(['ServiceQuotaExceededException', 402]);
    expect(fake.templates(domainId).map((template) => template.name)).toEqual(['one too many']);
  });

  test('a case rule used by a live template cannot be deleted (409); once the template is deleted it can', async () => {
    const field = fake.addField(domainId, 'status');
    const { caseRuleId } = await createRule();
    const { templateId } = await createTemplate({ rules: [{ caseRuleId, fieldId: field }] });

    const error = await errorOf(cases.send(new DeleteCaseRuleCommand({ domainId, caseRuleId })));
    expect([error.name, error.$metadata.httpStatusCode]).toEqual(['ConflictException', 409]);

    await cases.send(new DeleteTemplateCommand({ domainId, templateId }));
    await cases.send(new DeleteCaseRuleCommand({ domainId, caseRuleId }));
    expect(fake.caseRules(domainId, { includeDeleted: true })[0].deleted).toBe(true);
  });
});

describe('pagination', () => {
  test('ListCaseRules pages by 20 by default and by maxResults, with an opaque token', async () => {
    const fieldId = fake.addField(domainId, 'status');
    for (let i = 0; i < 45; i++) {
      await cases.send(new CreateCaseRuleCommand({ domainId, name: `rule-${i}`, rule: requiredRule(fieldId) }));
    }

    const pageSizes: number[] = [];
    const names: string[] = [];
    let nextToken: string | undefined;
    do {
      const page = await cases.send(new ListCaseRulesCommand({ domainId, nextToken }));
      pageSizes.push(page.caseRules!.length);
      names.push(...page.caseRules!.map((rule) => rule.name!));
      nextToken = page.nextToken;
    } while (nextToken);

    expect(pageSizes).toEqual([20, 20, 5]);
    expect(names).toEqual(Array.from({ length: 45 }, (_, i) => `rule-${i}`));
    const small = await cases.send(new ListCaseRulesCommand({ domainId, maxResults: 7 }));
    expect(small.caseRules).toHaveLength(7);
    const bad = await errorOf(cases.send(new ListCaseRulesCommand({ domainId, nextToken: 'not-a-token' })));
    expect([bad.name, bad.$metadata.httpStatusCode]).toEqual(['ValidationException', 400]);
  });

  test('ListTemplates filters by status and pages', async () => {
    for (let i = 0; i < 5; i++) await createTemplate({ name: `active-${i}` });
    await createTemplate({ name: 'inactive', status: 'Inactive' });

    const first = await cases.send(new ListTemplatesCommand({ domainId, status: ['Active'], maxResults: 3 }));
    const second = await cases.send(new ListTemplatesCommand({ domainId, status: ['Active'], maxResults: 3, nextToken: first.nextToken }));
    const all = await cases.send(new ListTemplatesCommand({ domainId }));

    expect(first.templates!.map((t) => t.name)).toEqual(['active-0', 'active-1', 'active-2']);
    expect(second.templates!.map((t) => t.name)).toEqual(['active-3', 'active-4']);
    expect(second.nextToken).toBeUndefined();
    expect(all.templates).toHaveLength(6);
    expect(all.templates![5]).toEqual({ templateId: expect.any(String), templateArn: expect.any(String), name: 'inactive', status: 'Inactive' });
  });
});

describe('tags', () => {
  test('tag, list and untag a case rule and a template by ARN', async () => {
    const { caseRuleArn, caseRuleId } = await createRule();
    const { templateArn, templateId } = await createTemplate();

    await cases.send(new TagResourceCommand({ arn: caseRuleArn, tags: { team: 'support', env: 'test' } }));
    await cases.send(new TagResourceCommand({ arn: templateArn, tags: { team: 'sales' } }));
    await cases.send(new UntagResourceCommand({ arn: caseRuleArn, tagKeys: ['env'] }));

    expect((await cases.send(new ListTagsForResourceCommand({ arn: caseRuleArn }))).tags).toEqual({ team: 'support' });
    expect(fake.tagsOf(templateArn!)).toEqual({ team: 'sales' });
    expect((await cases.send(new GetTemplateCommand({ domainId, templateId }))).tags).toEqual({ team: 'sales' });
    const batch = await cases.send(new BatchGetCaseRuleCommand({ domainId, caseRules: [{ id: caseRuleId! }] }));
    expect(batch.caseRules![0].tags).toEqual({ team: 'support' });
  });

  test('an unknown ARN is a 404 and an aws: tag key is a 400', async () => {
    const { caseRuleArn } = await createRule();
    const ghostArn = `arn:aws:cases:us-east-1:123456789012:domain/${domainId}/case-rule/ghost`;

    const unknown = await errorOf(cases.send(new ListTagsForResourceCommand({ arn: ghostArn })));
    expect([unknown.name, unknown.$metadata.httpStatusCode, unknown.resourceId]).toEqual(['ResourceNotFoundException', 404, ghostArn]);
    const reserved = await errorOf(cases.send(new UntagResourceCommand({ arn: caseRuleArn, tagKeys: ['aws:reserved'] })));
    expect([reserved.name, reserved.$metadata.httpStatusCode, reserved.message]).toEqual(['ValidationException', 400, expect.stringContaining("'tagKeys[0]'")]);
  });
});

describe('fault injection and call counts', () => {
  test('throttling answers 429 before the operation runs, so nothing changes', async () => {
    fake.setFaults({ throttleRate: 1 });

    const error = await errorOf(createRule());

    expect([error.name, error.$metadata.httpStatusCode]).toEqual(['ThrottlingException', 429]);
    expect(fake.caseRules(domainId)).toEqual([]);
    expect(fake.callCounts()).toEqual({ CreateCaseRule: 1 });
  });

  test('server errors answer 500 InternalServerException', async () => {
    fake.setFaults({ serverErrorRate: 1 });

    const error = await errorOf(createTemplate());

    expect([error.name, error.$metadata.httpStatusCode]).toEqual(['InternalServerException', 500]);
    expect(fake.templates(domainId)).toEqual([]);
  });

  test('the same seed gives the same fault sequence', async () => {
    async function outcomes(seed: number): Promise<string[]> {
      fake.setFaults({ seed, throttleRate: 0.3, serverErrorRate: 0.3 });
      const result: string[] = [];
      for (let i = 0; i < 20; i++) {
        result.push(await cases.send(new ListTemplatesCommand({ domainId })).then(() => 'ok', (error: Error) => error.name));
      }
      return result;
    }

    const first = await outcomes(7);
    const replay = await outcomes(7);

    expect(replay).toEqual(first);
    expect(new Set(first)).toEqual(new Set(['ok', 'ThrottlingException', 'InternalServerException']));
  });

  test('a hanging operation never answers until the caller aborts, and close() releases it', async () => {
    const { caseRuleId } = await createRule();
    fake.setFaults({ hangOperations: ['UpdateCaseRule'] });

    const abort = new AbortController();
    const aborted = errorOf(cases.send(new UpdateCaseRuleCommand({ domainId, caseRuleId, name: 'never' }), { abortSignal: abort.signal }));
    const held = errorOf(cases.send(new UpdateCaseRuleCommand({ domainId, caseRuleId, name: 'never either' })));
    await new Promise((resolve) => setTimeout(resolve, 200));
    abort.abort();

    expect((await aborted).name).toBe('AbortError');
    await expect(cases.send(new ListCaseRulesCommand({ domainId }))).resolves.toHaveProperty('caseRules');
    await fake.close();
    expect(await held).toBeInstanceOf(Error);
    expect(fake.caseRules(domainId)[0].name).toBe('Reason required');
    fake = await FakeCases.start(); // afterEach closes it
  });

  test('latency delays every answer', async () => {
    fake.setFaults({ latencyMs: 150 });

    const started = Date.now();
    await cases.send(new ListTemplatesCommand({ domainId }));

    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  test('callCounts counts every request per operation, faulted ones too, until reset', async () => {
    await createTemplate();
    fake.setFaults({ throttleRate: 1 });
    await errorOf(createTemplate({ name: 'second' }));
    await errorOf(cases.send(new ListTemplatesCommand({ domainId })));

    expect(fake.callCounts()).toEqual({ CreateTemplate: 2, ListTemplates: 1 });
    fake.resetCallCounts();
    expect(fake.callCounts()).toEqual({});
  });
});

describe('transport', () => {
  test('AWS_ENDPOINT_URL_CONNECTCASES points a default client at the fake', async () => {
    process.env.AWS_ENDPOINT_URL_CONNECTCASES = fake.endpoint;
    const fromEnv = new ConnectCasesClient({ maxAttempts: 1 });
    try {
      const { templateId } = await fromEnv.send(new CreateTemplateCommand({ domainId, name: 'via env' }));
      expect(fake.templates(domainId).map((t) => t.templateId)).toEqual([templateId]);
    } finally {
      delete process.env.AWS_ENDPOINT_URL_CONNECTCASES;
      fromEnv.destroy();
    }
  });

  test('unsigned requests and requests signed for another region are 403s; unknown routes are not operations', async () => {
    const unsigned = await fetch(`${fake.endpoint}/domains/${domainId}/templates-list`, { method: 'POST' });
    expect([unsigned.status, unsigned.headers.get('x-amzn-errortype')]).toEqual([403, 'AccessDeniedException']);

    const elsewhere = new ConnectCasesClient({ endpoint: fake.endpoint, region: 'eu-west-1', maxAttempts: 1 });
    const error = await errorOf(elsewhere.send(new ListTemplatesCommand({ domainId })));
    elsewhere.destroy();
    expect([error.name, error.$metadata.httpStatusCode, error.message]).toEqual(['AccessDeniedException', 403, expect.stringContaining('eu-west-1')]);

    // ListCaseRules' URI has a trailing slash; without it no operation matches.
    const noSlash = await fetch(`${fake.endpoint}/domains/${domainId}/rules-list`, { method: 'POST' });
    expect([noSlash.status, noSlash.headers.get('x-amzn-errortype')]).toEqual([400, 'UnknownOperationException']);
    expect(fake.callCounts()).toEqual({ ListTemplates: 2 });
  });
});
