import { BatchPutFieldOptionsCommand, FieldOption, ListFieldOptionsCommand } from '@aws-sdk/client-connectcases';
import { errorOf, statusOf, useFakeAndClient } from './sdk-test-client';

const t = useFakeAndClient();
let domainId: string;
let category: string;
beforeEach(() => {
  domainId = t.fake.addDomain();
  category = t.fake.addField(domainId, { name: 'Category', type: 'SingleSelect' });
});

const option = (value: string, name = value.toUpperCase(), active = true): FieldOption => ({ name, value, active });

async function put(options: FieldOption[], fieldId = category) {
  return t.cases.send(new BatchPutFieldOptionsCommand({ domainId, fieldId, options }));
}

async function listAll(fieldId = category, maxResults?: number): Promise<{ options: FieldOption[]; pages: number }> {
  const options: FieldOption[] = [];
  let pages = 0;
  let nextToken: string | undefined;
  do {
    const page = await t.cases.send(new ListFieldOptionsCommand({ domainId, fieldId, maxResults, nextToken }));
    options.push(...page.options!);
    pages++;
    nextToken = page.nextToken;
  } while (nextToken);
  return { options, pages };
}

describe('BatchPutFieldOptions and ListFieldOptions', () => {
  test('options are added in order, renamed and deactivated by value, never deleted', async () => {
    // GIVEN three options
    expect(await put([option('billing'), option('tech'), option('other')])).toMatchObject({ errors: [] });

    // WHEN one is renamed (same value) and one deactivated, and a new one added
    await put([option('tech', 'Technical'), option('other', 'OTHER', false), option('sales')]);

    // THEN the field has all four, in the order their values were first written
    const expected = [option('billing'), option('tech', 'Technical'), option('other', 'OTHER', false), option('sales')];
    expect((await listAll()).options).toStrictEqual(expected);
    expect(t.fake.fieldOptions(domainId, category)).toStrictEqual(expected);
  });

  test('per-option problems come back in errors[] and leave only those options unwritten', async () => {
    // GIVEN an option named "Billing"
    await put([option('billing', 'Billing')]);

    // WHEN a call repeats a value and reuses an existing name (regardless of case) for another value
    const { errors } = await put([option('refund', 'Refund'), option('refund', 'Refund again'), option('invoice', 'BILLING'), option('tax', 'Tax')]);

    // THEN the two problems are reported with their values and the rest is written
    expect(errors).toStrictEqual([
      { errorCode: 'ValidationException', value: 'refund', message: expect.stringContaining('more than once') },
      { errorCode: 'ConflictException', value: 'invoice', message: expect.stringContaining("already used by option 'billing'") },
    ]);
    expect(t.fake.fieldOptions(domainId, category).map((o) => o.value)).toStrictEqual(['billing', 'refund', 'tax']);
    expect(t.fake.fieldOptions(domainId, category)[1].name).toBe('Refund');
  });

  test('a name can move to another value once the earlier options of the same call have freed it', async () => {
    await put([option('a', 'First'), option('b', 'Second')]);

    const { errors } = await put([option('a', 'Renamed'), option('b', 'First')]);

    expect(errors).toStrictEqual([]);
    expect(t.fake.fieldOptions(domainId, category)).toStrictEqual([option('a', 'Renamed'), option('b', 'First')]);
  });

  test.each<[string, FieldOption[], string]>([
    ['51 options in one call', Array.from({ length: 51 }, (_, i) => option(`v${i}`)), "'options' failed to satisfy constraint: Member must have length less than or equal to 50"],
    ['a name ending in white space', [option('ok'), option('v', 'Name ')], "'options[1].name' failed to satisfy constraint: Member must satisfy regular expression pattern"],
    ['a value ending in white space', [option('ok'), option('v\t')], "'options[1].value' failed to satisfy constraint: Member must satisfy regular expression pattern"],
    ['an empty value', [option('ok'), option('', 'Empty')], "'options[1].value' failed to satisfy constraint: Member must have length greater than or equal to 1"],
    ['a value of 101 characters', [option('ok'), option('v'.repeat(101), 'Long')], "'options[1].value' failed to satisfy constraint: Member must have length less than or equal to 100"],
  ])('%s fails the whole call (400) and writes nothing, not even the valid options', async (_, options, expected) => {
    const error = await errorOf(put(options));

    expect(statusOf(error)).toStrictEqual(['ValidationException', 400]);
    expect(error.message).toContain(expected);
    expect(t.fake.fieldOptions(domainId, category)).toStrictEqual([]);
  });

  test('50 options of 100 characters are accepted', async () => {
    const options = Array.from({ length: 50 }, (_, i) => option(`${i}`.padStart(100, 'v'), `${i}`.padStart(100, 'n')));

    await expect(put(options)).resolves.toMatchObject({ errors: [] });
    expect(t.fake.fieldOptions(domainId, category)).toHaveLength(50);
  });

  test.each<[string, () => string, [string, number], string | undefined]>([
    ['a Text field', () => t.fake.addField(domainId, { name: 'Notes', type: 'Text' }), ['ValidationException', 400], 'only SingleSelect fields have options'],
    ['the system status field', () => 'status', ['ValidationException', 400], "system field 'status' cannot be changed"],
    ['a deleted field', () => { t.fake.deleteField(domainId, category); return category; }, ['ValidationException', 400], 'has been deleted'],
    ['an unknown field', () => 'ghost', ['ResourceNotFoundException', 404], undefined],
  ])('options on %s are refused for the whole call', async (_, fieldOf, expected, message) => {
    const fieldId = fieldOf();

    const error = await errorOf(put([option('x')], fieldId));

    expect(statusOf(error)).toStrictEqual(expected);
    if (message) expect(error.message).toContain(message);
    expect(t.fake.fieldOptions(domainId, 'status').map((o) => o.value)).toStrictEqual(['open', 'closed']);
  });

  test('ListFieldOptions pages by 20 by default and by maxResults, and filters by one value', async () => {
    t.fake.putFieldOptions(domainId, category, Array.from({ length: 45 }, (_, i) => ({ name: `Option ${i}`, value: `o${i}`, active: i % 3 !== 0 })));

    const byDefault = await listAll();
    const bySeven = await listAll(category, 7);
    const filtered = await t.cases.send(new ListFieldOptionsCommand({ domainId, fieldId: category, values: ['o3'] }));
    const missing = await t.cases.send(new ListFieldOptionsCommand({ domainId, fieldId: category, values: ['nope'] }));
    const twoValues = await errorOf(t.cases.send(new ListFieldOptionsCommand({ domainId, fieldId: category, values: ['o1', 'o2'] })));

    expect(byDefault.pages).toBe(3);
    expect(byDefault.options.map((o) => o.value)).toStrictEqual(Array.from({ length: 45 }, (_, i) => `o${i}`));
    expect(bySeven).toStrictEqual({ options: byDefault.options, pages: 7 });
    expect(filtered.options).toStrictEqual([{ name: 'Option 3', value: 'o3', active: false }]);
    expect(missing.options).toStrictEqual([]);
    expect(statusOf(twoValues)).toStrictEqual(['ValidationException', 400]);
  });

  test('ListFieldOptions of a field without options is empty; of a Text field a 400', async () => {
    const notes = t.fake.addField(domainId, { name: 'Notes', type: 'Text' });

    expect((await t.cases.send(new ListFieldOptionsCommand({ domainId, fieldId: category }))).options).toStrictEqual([]);
    expect(statusOf(await errorOf(t.cases.send(new ListFieldOptionsCommand({ domainId, fieldId: notes }))))).toStrictEqual(['ValidationException', 400]);
  });

  test('the seed helper applies the same per-option rules without the 50-per-call limit', () => {
    t.fake.putFieldOptions(domainId, category, Array.from({ length: 120 }, (_, i) => ({ name: `N${i}`, value: `v${i}` })));

    expect(t.fake.fieldOptions(domainId, category)).toHaveLength(120);
    expect(t.fake.fieldOptions(domainId, category)[119]).toStrictEqual({ name: 'N119', value: 'v119', active: true });
    expect(() => t.fake.putFieldOptions(domainId, category, [{ name: 'n0', value: 'other' }])).toThrow("already used by option 'v0'");
    expect(() => t.fake.putFieldOptions(domainId, 'title', [{ name: 'x', value: 'x' }])).toThrow('only SingleSelect fields have options');
  });
});
