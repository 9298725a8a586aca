import {
  BatchGetCaseRuleCommand, BooleanCondition, CaseRuleDetails, CreateCaseRuleCommand, UpdateCaseRuleCommand,
} from '@aws-sdk/client-connectcases';
import { errorOf, statusOf, useFakeAndClient } from './sdk-test-client';

const t = useFakeAndClient();
let domainId: string;
let category: string;
beforeEach(() => {
  domainId = t.fake.addDomain();
  category = t.fake.addField(domainId, { name: 'Category', type: 'SingleSelect' });
});

const eq = (fieldId: string, operandTwo: Record<string, unknown>, result = true): BooleanCondition =>
  ({ equalTo: { operandOne: { fieldId }, operandTwo, result } } as unknown as BooleanCondition);
const ne = (fieldId: string, operandTwo: Record<string, unknown>, result = true): BooleanCondition =>
  ({ notEqualTo: { operandOne: { fieldId }, operandTwo, result } } as unknown as BooleanCondition);
const all = (...conditions: BooleanCondition[]): BooleanCondition => ({ andAll: { conditions } });
const any = (...conditions: BooleanCondition[]): BooleanCondition => ({ orAll: { conditions } });
const required = (...conditions: BooleanCondition[]): CaseRuleDetails => ({ required: { defaultValue: false, conditions } });
const hidden = (...conditions: BooleanCondition[]): CaseRuleDetails => ({ hidden: { defaultValue: true, conditions } });

async function create(name: string, rule: CaseRuleDetails) {
  return t.cases.send(new CreateCaseRuleCommand({ domainId, name, rule }));
}

describe('compound conditions (andAll / orAll)', () => {
  test('nested andAll/orAll with string, number, boolean and empty operands round-trip exactly', async () => {
    // GIVEN a required and a hidden rule with two levels of compounds, 5 leaves
    const requiredRule = required(
      all(eq('status', { stringValue: 'closed' }), any(eq(category, { stringValue: 'billing' }), ne('summary', { emptyValue: {} }))),
      eq('title', { doubleValue: 2.5 }, false),
      ne('case_reason', { booleanValue: true }),
    );
    const hiddenRule = hidden(any(all(eq(category, { stringValue: 'tech' }, false), eq('status', { stringValue: 'open' }, false))));

    // WHEN they are created and read back
    const a = await create('Required nested', requiredRule);
    const b = await create('Hidden nested', hiddenRule);
    const batch = await t.cases.send(new BatchGetCaseRuleCommand({ domainId, caseRules: [{ id: a.caseRuleId! }, { id: b.caseRuleId! }] }));

    // THEN BatchGetCaseRule returns exactly what was written, and so does the fake's record
    expect(batch.caseRules!.map((rule) => rule.rule)).toStrictEqual([requiredRule, hiddenRule]);
    expect(t.fake.caseRules(domainId).map((rule) => rule.rule)).toStrictEqual([requiredRule, hiddenRule]);
  });

  test('a flat list of 100 conditions without compounds is accepted (the model limit)', async () => {
    const conditions = Array.from({ length: 100 }, (_, i) => eq('title', { stringValue: `t${i}` }));

    await expect(create('Flat 100', required(...conditions))).resolves.toHaveProperty('caseRuleId');
    const tooMany = await errorOf(create('Flat 101', required(...conditions, eq('title', { stringValue: 'x' }))));
    expect(statusOf(tooMany)).toStrictEqual(['ValidationException', 400]);
  });

  test.each<[string, CaseRuleDetails, string]>([
    ['6 leaves spread over a compound and the list', required(all(eq('status', { stringValue: 'a' }), eq('status', { stringValue: 'b' }), eq('status', { stringValue: 'c' })),
      eq('title', { stringValue: 'd' }), eq('title', { stringValue: 'e' }), eq('title', { stringValue: 'f' })), 'required.conditions has 6 conditions'],
    ['6 leaves inside one orAll', hidden(any(...Array.from({ length: 6 }, (_, i) => eq('title', { stringValue: `${i}` })))), 'hidden.conditions has 6 conditions'],
    ['a compound inside a compound inside a compound', required(all(any(all(eq('status', { stringValue: 'closed' }))))), 'nests compound conditions 3 levels deep'],
  ])('%s is a 400 citing "5 conditions, 2 levels of nesting"', async (_, rule, expected) => {
    const error = await errorOf(create('Too much', rule));

    expect(statusOf(error)).toStrictEqual(['ValidationException', 400]);
    expect(error.message).toContain(expected);
    expect(error.message).toContain('a maximum of 5 conditions, spread across a maximum of 2 levels of nesting');
    expect(t.fake.caseRules(domainId, { includeDeleted: true })).toStrictEqual([]);
  });

  test('5 leaves across 2 levels are accepted; an update beyond the limits is refused and changes nothing', async () => {
    const five = required(all(eq('status', { stringValue: 'a' }), any(eq('title', { stringValue: 'b' }), eq('title', { stringValue: 'c' }))),
      ne('summary', { emptyValue: {} }), eq(category, { stringValue: 'x' }));
    const { caseRuleId } = await create('Five', five);

    const deeper = await errorOf(t.cases.send(new UpdateCaseRuleCommand({ domainId, caseRuleId, rule: required(any(any(any(eq('status', { stringValue: 'a' }))))) })));

    expect(statusOf(deeper)).toStrictEqual(['ValidationException', 400]);
    expect(t.fake.caseRules(domainId)[0].rule).toStrictEqual(five);
  });

  test('nested operands need their own result and a field that exists', async () => {
    const noResult = await errorOf(t.cases.send(new CreateCaseRuleCommand({
      domainId, name: 'r', rule: { required: { defaultValue: false, conditions: [{ andAll: { conditions: [{ equalTo: { operandOne: { fieldId: 'status' }, operandTwo: { stringValue: 'x' } } }] } }] } },
    } as never)));
    const ghost = await errorOf(create('r', required(any(eq('ghost', { stringValue: 'x' })))));

    expect(noResult.message).toContain("'rule.required.conditions[0].andAll.conditions[0].equalTo.result' failed to satisfy constraint: Member must not be null");
    expect([ghost.name, ghost.resourceType, ghost.resourceId]).toStrictEqual(['ResourceNotFoundException', 'Field', 'ghost']);
  });
});
