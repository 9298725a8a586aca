import { FieldOptionShape, FieldOptionsProperties, RESOURCE_TYPES } from '../../lib/private/contract';
import { HandlerHarness } from '../support/handler-harness';

const TYPE = RESOURCE_TYPES.fieldOptions;

let harness: HandlerHarness;
beforeAll(async () => { harness = await HandlerHarness.start(); });
afterEach(() => harness.fake.setFaults({}));
afterAll(() => harness.close());

/** A fresh domain with one empty SingleSelect field, so tests never share state. */
function singleSelectField(name = 'Category'): { domainId: string; fieldId: string; physicalId: string } {
  const domainId = harness.fake.addDomain();
  const fieldId = harness.fake.addField(domainId, { name, type: 'SingleSelect' });
  return { domainId, fieldId, physicalId: `${domainId}/${fieldId}` };
}

function option(value: string, active = true, name = `Name of ${value}`): FieldOptionShape {
  return { name, value, active };
}

/** `count` options `v000`, `v001`, ... */
function manyOptions(count: number): FieldOptionShape[] {
  return Array.from({ length: count }, (_, i) => option(`v${String(i).padStart(3, '0')}`));
}

function properties(field: { domainId: string; fieldId: string }, options: FieldOptionShape[]): FieldOptionsProperties {
  return { DomainId: field.domainId, FieldId: field.fieldId, Options: options };
}

const logsOf = (lines: string[]) => lines.map((line) => JSON.parse(line) as Record<string, unknown>);

describe('Create', () => {
  test('GIVEN 120 options on an empty field WHEN created THEN 3 BatchPutFieldOptions calls write them all, and the answer names the field', async () => {
    // GIVEN
    const field = singleSelectField();
    const declared = manyOptions(120);
    harness.fake.resetCallCounts();

    // WHEN
    const { body } = await harness.invoke(harness.events.create(TYPE, properties(field, declared)));

    // THEN
    expect(body).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: field.physicalId, Data: { FieldId: field.fieldId } });
    expect(harness.fake.fieldOptions(field.domainId, field.fieldId)).toStrictEqual(declared);
    expect(harness.fake.callCounts()).toStrictEqual({ ListFieldOptions: 1, BatchPutFieldOptions: 3, BatchGetField: 1, TagResource: 1 });
  });

  test('GIVEN a field with options of its own WHEN created THEN only declared options that differ are written, the others are left alone', async () => {
    // GIVEN options added in the admin website, one of which the stack then declares with another name
    const field = singleSelectField();
    harness.fake.putFieldOptions(field.domainId, field.fieldId, [
      { name: 'Console only', value: 'console' },
      { name: 'Retired in console', value: 'retired', active: false },
      { name: 'Old name', value: 'billing' },
      { name: 'Same', value: 'same' },
    ]);
    harness.fake.resetCallCounts();

    // WHEN
    const { body } = await harness.invoke(harness.events.create(TYPE, properties(field, [option('billing', true, 'Billing'), option('same', true, 'Same'), option('new')])));

    // THEN
    expect(body.Status).toBe('SUCCESS');
    expect(harness.fake.fieldOptions(field.domainId, field.fieldId)).toStrictEqual([
      { name: 'Console only', value: 'console', active: true },
      { name: 'Retired in console', value: 'retired', active: false },
      { name: 'Billing', value: 'billing', active: true },
      { name: 'Same', value: 'same', active: true },
      option('new'),
    ]);
    expect(harness.fake.callCounts()).toStrictEqual({ ListFieldOptions: 1, BatchPutFieldOptions: 1, BatchGetField: 1, TagResource: 1 });
  });

  test('GIVEN the options are already as declared WHEN the Create is retried THEN nothing is written', async () => {
    const field = singleSelectField();
    const event = harness.events.create(TYPE, properties(field, manyOptions(3)));
    await harness.invoke(event);
    harness.fake.resetCallCounts();

    const { body } = await harness.invoke(event);

    expect(body).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: field.physicalId });
    // The field already carries this resource's owner tag: read, not written again.
    expect(harness.fake.callCounts()).toStrictEqual({ ListFieldOptions: 1, BatchGetField: 1 });
  });

  test('GIVEN an inactive declared option WHEN created THEN it is written inactive', async () => {
    const field = singleSelectField();
    await harness.invoke(harness.events.create(TYPE, properties(field, [option('a'), option('b', false)])));
    expect(harness.fake.fieldOptions(field.domainId, field.fieldId)).toStrictEqual([option('a'), option('b', false)]);
  });

  test.each<[string, (domainId: string) => string, RegExp]>([
    ['a field that does not exist', () => 'no-such-field', /^field no-such-field in domain [\w-]+ does not exist$/],
    ['a Text field', (domainId) => harness.fake.addField(domainId, { name: 'Notes', type: 'Text' }),
      /^ListFieldOptions failed for field [\w-]+ in domain [\w-]+: ValidationException: Field '[\w-]+' is of type Text: only SingleSelect fields have options$/],
  ])('GIVEN %s WHEN created THEN FAILED with the reason', async (_name, fieldOf, reason) => {
    const domainId = harness.fake.addDomain();
    const { body } = await harness.invoke(harness.events.create(TYPE, { DomainId: domainId, FieldId: fieldOf(domainId), Options: [option('a')] }));
    expect(body.Status).toBe('FAILED');
    expect(body.Reason).toMatch(reason);
  });

  test('GIVEN a value declared twice WHEN created THEN FAILED naming the property, before any call', async () => {
    const field = singleSelectField();
    harness.fake.resetCallCounts();
    const { body } = await harness.invoke(harness.events.create(TYPE, properties(field, [option('a'), option('a', false)])));
    expect(body).toMatchObject({ Status: 'FAILED', Reason: 'Invalid resource property Options[1].value: duplicate value "a"' });
    expect(harness.fake.callCounts()).toStrictEqual({});
  });

  test('GIVEN a declared name that another option of the field has WHEN created THEN FAILED with the value and the service message, other options written', async () => {
    // GIVEN a console option named like one the stack declares, among 60 options (two calls)
    const field = singleSelectField();
    harness.fake.putFieldOptions(field.domainId, field.fieldId, [{ name: 'Billing', value: 'legacy-billing' }]);
    const declared = [option('billing', true, 'billing'), ...manyOptions(59)];
    harness.fake.resetCallCounts();

    // WHEN
    const { body } = await harness.invoke(harness.events.create(TYPE, properties(field, declared)));

    // THEN
    expect(body).toMatchObject({ Status: 'FAILED', PhysicalResourceId: expect.stringMatching(/^create-failed:/) });
    expect(body.Reason).toBe(`BatchPutFieldOptions failed for 1 option of field ${field.fieldId} in domain ${field.domainId}: `
      + `"billing": ConflictException: The name 'billing' is already used by option 'legacy-billing' of field '${field.fieldId}'`);
    expect(harness.fake.fieldOptions(field.domainId, field.fieldId).map((o) => o.value)).toStrictEqual(['legacy-billing', ...manyOptions(59).map((o) => o.value)]);
    // Failed before it could mark the field as its own.
    expect(harness.fake.callCounts()).toStrictEqual({ ListFieldOptions: 1, BatchPutFieldOptions: 2 });
  });

  test('GIVEN scalars as CloudFormation delivers them, empty members dropped WHEN created THEN active flags keep their boolean meaning', async () => {
    const field = singleSelectField();
    await harness.invoke(harness.events.create(TYPE, properties(field, [option('true', false, 'true'), option('false', true, 'false')]), { encoding: 'dropped-empty' }));
    expect(harness.fake.fieldOptions(field.domainId, field.fieldId)).toStrictEqual([
      { name: 'true', value: 'true', active: false },
      { name: 'false', value: 'false', active: true },
    ]);
  });
});

describe('Update', () => {
  /** A field whose options the handler created from `before`, plus one option the console added. */
  async function created(before: FieldOptionShape[]) {
    const field = singleSelectField();
    harness.fake.putFieldOptions(field.domainId, field.fieldId, [{ name: 'Console only', value: 'console' }]);
    const { body } = await harness.invoke(harness.events.create(TYPE, properties(field, before)));
    expect(body.Status).toBe('SUCCESS');
    harness.fake.resetCallCounts();
    return field;
  }

  test('GIVEN 120 options WHEN one is renamed THEN one call writes only that one, in place', async () => {
    const before = manyOptions(120);
    const field = await created(before);
    const after = before.map((o) => (o.value === 'v060' ? { ...o, name: 'Renamed' } : o));

    const { body } = await harness.invoke(harness.events.update(TYPE, field.physicalId, properties(field, after), properties(field, before)));

    expect(body).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: field.physicalId, Data: { FieldId: field.fieldId } });
    expect(harness.fake.fieldOptions(field.domainId, field.fieldId)).toStrictEqual([{ name: 'Console only', value: 'console', active: true }, ...after]);
    // 121 options: two pages to read; a write of all 120 would take three calls.
    expect(harness.fake.callCounts()).toStrictEqual({ ListFieldOptions: 2, BatchPutFieldOptions: 1, BatchGetField: 1 });
  });

  test('GIVEN an option removed from the properties WHEN updated THEN it is deactivated, keeping its name; undeclared options untouched', async () => {
    const field = await created([option('a'), option('b'), option('c')]);

    const { body } = await harness.invoke(harness.events.update(TYPE, field.physicalId,
      properties(field, [option('a'), option('c')]), properties(field, [option('a'), option('b'), option('c')])));

    expect(body.Status).toBe('SUCCESS');
    expect(harness.fake.fieldOptions(field.domainId, field.fieldId)).toStrictEqual([
      { name: 'Console only', value: 'console', active: true }, option('a'), option('b', false), option('c'),
    ]);
    expect(harness.fake.callCounts()).toStrictEqual({ ListFieldOptions: 1, BatchPutFieldOptions: 1, BatchGetField: 1 });
  });

  test('GIVEN an option deactivated, then declared active again WHEN updated twice THEN it follows each time', async () => {
    const field = await created([option('a'), option('b')]);
    const deactivated = [option('a'), option('b', false)];
    await harness.invoke(harness.events.update(TYPE, field.physicalId, properties(field, deactivated), properties(field, [option('a'), option('b')])));
    expect(harness.fake.fieldOptions(field.domainId, field.fieldId)).toContainEqual(option('b', false));

    await harness.invoke(harness.events.update(TYPE, field.physicalId, properties(field, [option('a'), option('b')]), properties(field, deactivated)));

    expect(harness.fake.fieldOptions(field.domainId, field.fieldId)).toContainEqual(option('b'));
  });

  test('GIVEN nothing differs WHEN updated THEN nothing is written', async () => {
    const field = await created([option('a')]);
    const { body } = await harness.invoke(harness.events.update(TYPE, field.physicalId, properties(field, [option('a')]), properties(field, [option('a')])));
    expect(body.Status).toBe('SUCCESS');
    expect(harness.fake.callCounts()).toStrictEqual({ ListFieldOptions: 1, BatchGetField: 1 });
  });

  test('GIVEN a chain of renames (a takes b\'s name, b takes a new one) WHEN updated THEN the writes are ordered so that each name is free', async () => {
    const field = await created([option('a', true, 'Alpha'), option('b', true, 'Beta')]);
    const after = [option('a', true, 'beta'), option('b', true, 'Gamma')];

    const { body } = await harness.invoke(harness.events.update(TYPE, field.physicalId, properties(field, after),
      properties(field, [option('a', true, 'Alpha'), option('b', true, 'Beta')])));

    expect(body.Status).toBe('SUCCESS');
    expect(harness.fake.fieldOptions(field.domainId, field.fieldId).slice(1)).toStrictEqual(after);
  });

  test('GIVEN a rollback Update (old and new properties swapped) WHEN applied THEN the earlier options are back', async () => {
    // GIVEN an update that added c and removed b
    const before = [option('a'), option('b')];
    const after = [option('a', true, 'Renamed'), option('c')];
    const field = await created(before);
    await harness.invoke(harness.events.update(TYPE, field.physicalId, properties(field, after), properties(field, before)));

    // WHEN CloudFormation rolls it back
    const { body } = await harness.invoke(harness.events.update(TYPE, field.physicalId, properties(field, before), properties(field, after)));

    // THEN
    expect(body.Status).toBe('SUCCESS');
    expect(harness.fake.fieldOptions(field.domainId, field.fieldId)).toStrictEqual([
      { name: 'Console only', value: 'console', active: true }, option('a'), option('b'), option('c', false),
    ]);
  });

  test('GIVEN another field WHEN updated THEN a replacement: the new field gets the options, the old keeps them until the old id is deleted', async () => {
    // GIVEN
    const oldField = await created([option('a')]);
    const newFieldId = harness.fake.addField(oldField.domainId, { name: 'Other', type: 'SingleSelect' });
    const newField = { domainId: oldField.domainId, fieldId: newFieldId };

    // WHEN
    const { body } = await harness.invoke(harness.events.update(TYPE, oldField.physicalId, properties(newField, [option('x')]), properties(oldField, [option('a')])));

    // THEN
    expect(body).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: `${oldField.domainId}/${newFieldId}`, Data: { FieldId: newFieldId } });
    expect(harness.fake.fieldOptions(newField.domainId, newFieldId)).toStrictEqual([option('x')]);
    expect(harness.fake.fieldOptions(oldField.domainId, oldField.fieldId)).toContainEqual(option('a'));

    // WHEN CloudFormation deletes the old one with its old properties
    const deleted = await harness.invoke(harness.events.delete(TYPE, oldField.physicalId, properties(oldField, [option('a')])));

    // THEN
    expect(deleted.body.Status).toBe('SUCCESS');
    expect(harness.fake.fieldOptions(oldField.domainId, oldField.fieldId)).toContainEqual(option('a', false));
    expect(harness.fake.fieldOptions(newField.domainId, newFieldId)).toStrictEqual([option('x')]);
  });
});

describe('Delete', () => {
  test('GIVEN the construct was renamed (a new resource wrote the same field) WHEN CloudFormation deletes the old resource THEN no option is deactivated', async () => {
    // GIVEN the old resource's options, then the renamed construct's resource writing the same field
    const field = singleSelectField();
    const declared = [option('a'), option('b')];
    await harness.invoke(harness.events.create(TYPE, properties(field, declared), { logicalResourceId: 'OldOptions' }));
    await harness.invoke(harness.events.create(TYPE, properties(field, declared), { logicalResourceId: 'RenamedOptions' }));
    harness.fake.resetCallCounts();

    // WHEN the old one is deleted in cleanup
    const { body } = await harness.invoke(harness.events.delete(TYPE, field.physicalId, properties(field, declared), { logicalResourceId: 'OldOptions' }));

    // THEN the options stay as the renamed resource declares them, and nothing was written
    expect(body.Status).toBe('SUCCESS');
    expect(harness.fake.fieldOptions(field.domainId, field.fieldId)).toStrictEqual(declared);
    expect(harness.fake.callCounts()).toStrictEqual({ BatchGetField: 1 });
    // AND the field is marked as the renamed resource's, so its own delete still deactivates them
    const deleted = await harness.invoke(harness.events.delete(TYPE, field.physicalId, properties(field, declared), { logicalResourceId: 'RenamedOptions' }));
    expect(deleted.body.Status).toBe('SUCCESS');
    expect(harness.fake.fieldOptions(field.domainId, field.fieldId)).toStrictEqual(declared.map((o) => ({ ...o, active: false })));
  });

  test('GIVEN declared options, one already inactive, and console options WHEN deleted THEN exactly the declared active ones are deactivated', async () => {
    // GIVEN
    const field = singleSelectField();
    const declared = [option('a'), option('b', false), ...manyOptions(60)];
    await harness.invoke(harness.events.create(TYPE, properties(field, declared)));
    harness.fake.putFieldOptions(field.domainId, field.fieldId, [{ name: 'Console only', value: 'console' }]);
    harness.fake.resetCallCounts();

    // WHEN
    const { body } = await harness.invoke(harness.events.delete(TYPE, field.physicalId, properties(field, declared)));

    // THEN
    expect(body).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: field.physicalId });
    expect(harness.fake.fieldOptions(field.domainId, field.fieldId)).toStrictEqual([
      ...declared.map((o) => ({ ...o, active: false })),
      { name: 'Console only', value: 'console', active: true },
    ]);
    // 61 deactivations in two calls; b was already inactive.
    expect(harness.fake.callCounts()).toStrictEqual({ BatchGetField: 1, ListFieldOptions: 1, BatchPutFieldOptions: 2 });
  });

  test('GIVEN the options are already inactive WHEN the Delete is retried THEN nothing is written', async () => {
    const field = singleSelectField();
    await harness.invoke(harness.events.create(TYPE, properties(field, [option('a')])));
    const event = harness.events.delete(TYPE, field.physicalId, properties(field, [option('a')]));
    await harness.invoke(event);
    harness.fake.resetCallCounts();

    const { body } = await harness.invoke(event);

    expect(body.Status).toBe('SUCCESS');
    expect(harness.fake.callCounts()).toStrictEqual({ ListFieldOptions: 1, BatchGetField: 1 });
  });

  test.each<[string, (field: { domainId: string; fieldId: string }) => void]>([
    ['the field was deleted', (field) => harness.fake.deleteField(field.domainId, field.fieldId)],
    ['the domain was deleted', (field) => harness.fake.deleteDomain(field.domainId)],
  ])('GIVEN %s WHEN deleted THEN SUCCESS without writing', async (_name, removeIt) => {
    const field = singleSelectField();
    await harness.invoke(harness.events.create(TYPE, properties(field, [option('a')])));
    removeIt(field);
    harness.fake.resetCallCounts();

    const { body } = await harness.invoke(harness.events.delete(TYPE, field.physicalId, properties(field, [option('a')])));

    expect(body.Status).toBe('SUCCESS');
    expect(harness.fake.callCounts().BatchPutFieldOptions).toBeUndefined();
  });

  test('GIVEN a Create that failed before knowing anything WHEN its rollback Delete arrives THEN nothing is called', async () => {
    const field = singleSelectField();
    const failed = await harness.invoke(harness.events.create(TYPE, properties(field, [option('a'), option('a')])));
    harness.fake.resetCallCounts();

    const { body } = await harness.invoke(harness.events.delete(TYPE, failed.body.PhysicalResourceId, properties(field, [option('a'), option('a')])));

    expect(body.Status).toBe('SUCCESS');
    expect(harness.fake.callCounts()).toStrictEqual({});
  });
});

describe('reliability', () => {
  test.each([
    ['throttling', { throttleRate: 0.5, seed: 3 }],
    ['internal server errors', { serverErrorRate: 0.5, seed: 3 }],
  ])('GIVEN %s on half the requests WHEN 120 options are created, changed and deleted THEN every step succeeds after retries', async (_name, faults) => {
    // GIVEN
    const field = singleSelectField();
    const before = manyOptions(120);
    const after = [...before.slice(0, 100).map((o) => ({ ...o, name: `${o.name}!` })), option('new')];
    harness.fake.setFaults(faults);

    // WHEN
    const created = await harness.invoke(harness.events.create(TYPE, properties(field, before)));
    const updated = await harness.invoke(harness.events.update(TYPE, field.physicalId, properties(field, after), properties(field, before)));
    harness.fake.setFaults({});
    expect(harness.fake.fieldOptions(field.domainId, field.fieldId)).toStrictEqual([
      ...after.slice(0, 100), ...before.slice(100).map((o) => ({ ...o, active: false })), option('new'),
    ]);
    harness.fake.setFaults(faults);
    const deleted = await harness.invoke(harness.events.delete(TYPE, field.physicalId, properties(field, after)));

    // THEN
    expect([created.body.Status, updated.body.Status, deleted.body.Status]).toStrictEqual(['SUCCESS', 'SUCCESS', 'SUCCESS']);
    expect(harness.fake.fieldOptions(field.domainId, field.fieldId).filter((o) => o.active)).toStrictEqual([]);
    const retries = [created, updated, deleted].flatMap((i) => logsOf(i.logLines)).filter((l) => l.message === 'retrying Cases call');
    expect(retries.length).toBeGreaterThan(0);
  });

  test.each<['serverError' | 'dropConnection']>([['serverError'], ['dropConnection']])(
    'GIVEN BatchPutFieldOptions commits but its answer is lost (%s) WHEN created THEN the retried call converges on the declared options',
    async (loseAnswerAs) => {
      const field = singleSelectField();
      const declared = manyOptions(120);
      // Half the answers lost (seeded): some calls commit unseen and are retried.
      harness.fake.setFaults({ loseAnswerRate: 0.5, seed: 5, loseAnswerOperations: ['BatchPutFieldOptions'], loseAnswerAs });
      harness.fake.resetInjectedFaults();

      const { body } = await harness.invoke(harness.events.create(TYPE, properties(field, declared)));

      expect(body.Status).toBe('SUCCESS');
      expect(harness.fake.injectedFaults()).toContainEqual({ operation: 'BatchPutFieldOptions', domainId: field.domainId, fault: 'loseAnswer', outcome: 'committed' });
      expect(harness.fake.fieldOptions(field.domainId, field.fieldId)).toStrictEqual(declared);
    },
  );

  test('GIVEN a Create whose first call committed but never answered WHEN Lambda retries the event THEN the retry writes only what is left', async () => {
    // GIVEN the first BatchPutFieldOptions commits its 50 options and hangs: the handler answers FAILED at its deadline
    const field = singleSelectField();
    const declared = manyOptions(120);
    const event = harness.events.create(TYPE, properties(field, declared));
    harness.fake.setFaults({ delayedCommitOperations: ['BatchPutFieldOptions'], delayedCommitLimit: 1 });
    const first = await harness.invoke(event, { remainingMs: 1_500 });
    expect(first.body.Status).toBe('FAILED');
    expect(harness.fake.fieldOptions(field.domainId, field.fieldId)).toStrictEqual(declared.slice(0, 50));
    harness.fake.resetCallCounts();

    // WHEN
    const { body } = await harness.invoke(event);

    // THEN
    expect(body).toMatchObject({ Status: 'SUCCESS', PhysicalResourceId: field.physicalId });
    expect(harness.fake.fieldOptions(field.domainId, field.fieldId)).toStrictEqual(declared);
    expect(harness.fake.callCounts()).toStrictEqual({ BatchGetField: 1, ListFieldOptions: 1, BatchPutFieldOptions: 2, TagResource: 1 });
  });

  test('GIVEN BatchPutFieldOptions hangs WHEN created THEN FAILED before Lambda would end, naming the operation and the field', async () => {
    const field = singleSelectField();
    harness.fake.setFaults({ hangOperations: ['BatchPutFieldOptions'] });

    const { body, elapsedMs } = await harness.invoke(harness.events.create(TYPE, properties(field, [option('a')])), { remainingMs: 2_000 });

    expect(body.Status).toBe('FAILED');
    expect(body.Reason).toMatch(new RegExp(`^timed out after [\\d.]+s during BatchPutFieldOptions on field ${field.fieldId} in domain ${field.domainId}$`));
    expect(elapsedMs).toBeLessThan(2_000);
  });

  test('GIVEN any request WHEN the handler logs THEN lines carry the field id and never option names or values', async () => {
    const field = singleSelectField();
    const { logLines } = await harness.invoke(harness.events.create(TYPE, properties(field, [option('secret-value', true, 'Secret name')])));
    const logs = logsOf(logLines);
    expect(logs).toContainEqual(expect.objectContaining({ operation: 'BatchPutFieldOptions', domainId: field.domainId, fieldId: field.fieldId, attempt: 1 }));
    expect(logLines.join('\n')).not.toMatch(/secret-value|Secret name/);
  });
});
