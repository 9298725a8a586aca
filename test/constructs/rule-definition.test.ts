import { Lazy, Token } from 'aws-cdk-lib';
import { CaseRuleCondition, CaseRuleDefinition, CaseRuleType, CaseRuleValue } from '../../lib';
import { FieldOptionMapping } from '../../lib/field-option-mapping';

/*
 * The rule model on its own: what it renders (the API's shape, written by the CaseRule construct)
 * and what it reports to the construct (`_validate('rule')` / `_warnings('rule')`, which the
 * construct prefixes with `CaseRule ` and CDK with the construct path).
 */

const S = CaseRuleValue.fromString;
const N = CaseRuleValue.fromNumber;
const B = CaseRuleValue.fromBoolean;
const EMPTY = CaseRuleValue.empty;

/** A comparison, top-level when `result` is given, nested otherwise. */
const eq = (fieldId: string, value: CaseRuleValue, result?: boolean) => CaseRuleCondition.equalTo({ fieldId, value, result });

function mappings(count: number): FieldOptionMapping[] {
  return Array.from({ length: count }, (_, i) => ({ parentValue: `parent-${i}`, childValues: ['a'] }));
}

function required(...conditions: CaseRuleCondition[]): CaseRuleDefinition {
  return CaseRuleDefinition.required({ conditions, defaultValue: false });
}

function fieldOptions(options: Partial<{ parentFieldId: string; childFieldId: string; mappings: FieldOptionMapping[] }>): CaseRuleDefinition {
  return CaseRuleDefinition.fieldOptions({ parentFieldId: 'p', childFieldId: 'c', mappings: mappings(1), ...options });
}

const long = (n: number) => 'x'.repeat(n);

describe('rendering the API shape', () => {
  test('a required rule renders its default, each operand kind and both comparisons in order', () => {
    // GIVEN one condition per operand kind
    const rule = CaseRuleDefinition.required({
      conditions: [
        CaseRuleCondition.equalTo({ fieldId: 'status', value: S('closed'), result: true }),
        CaseRuleCondition.notEqualTo({ fieldId: 'amount', value: N(1.5), result: false }),
        CaseRuleCondition.equalTo({ fieldId: 'vip', value: B(true), result: true }),
        CaseRuleCondition.notEqualTo({ fieldId: 'reason', value: EMPTY(), result: false }),
      ],
      defaultValue: false,
    });

    // WHEN
    const rendered = rule._render();

    // THEN each condition is the API's BooleanCondition, with its typed operand and result
    expect(rendered).toEqual({
      required: {
        defaultValue: false,
        conditions: [
          { equalTo: { operandOne: { fieldId: 'status' }, operandTwo: { stringValue: 'closed' }, result: true } },
          { notEqualTo: { operandOne: { fieldId: 'amount' }, operandTwo: { doubleValue: 1.5 }, result: false } },
          { equalTo: { operandOne: { fieldId: 'vip' }, operandTwo: { booleanValue: true }, result: true } },
          { notEqualTo: { operandOne: { fieldId: 'reason' }, operandTwo: { emptyValue: {} }, result: false } },
        ],
      },
    });
    expect(rule.ruleType).toBe(CaseRuleType.REQUIRED);
  });

  test('a hidden rule without conditions renders an empty list', () => {
    const rule = CaseRuleDefinition.hidden({ defaultValue: true });
    expect(rule._render()).toEqual({ hidden: { defaultValue: true, conditions: [] } });
    expect(rule.ruleType).toBe(CaseRuleType.HIDDEN);
  });

  test('a compound renders as andAll/orAll and writes its result into every nested comparison', () => {
    // GIVEN allOf(status = closed, anyOf(amount = 100, vip = false)) giving true, and a plain condition after it
    const rule = CaseRuleDefinition.hidden({
      conditions: [
        CaseRuleCondition.allOf({
          conditions: [
            eq('status', S('closed')),
            CaseRuleCondition.anyOf({ conditions: [eq('amount', N(100)), CaseRuleCondition.notEqualTo({ fieldId: 'vip', value: B(false) })] }),
          ],
          result: true,
        }),
        eq('reason', EMPTY(), false),
      ],
      defaultValue: false,
    });

    // WHEN
    const rendered = rule._render();

    // THEN the compound has no result of its own; each nested operand carries the compound's
    expect(rendered).toEqual({
      hidden: {
        defaultValue: false,
        conditions: [
          {
            andAll: {
              conditions: [
                { equalTo: { operandOne: { fieldId: 'status' }, operandTwo: { stringValue: 'closed' }, result: true } },
                {
                  orAll: {
                    conditions: [
                      { equalTo: { operandOne: { fieldId: 'amount' }, operandTwo: { doubleValue: 100 }, result: true } },
                      { notEqualTo: { operandOne: { fieldId: 'vip' }, operandTwo: { booleanValue: false }, result: true } },
                    ],
                  },
                },
              ],
            },
          },
          { equalTo: { operandOne: { fieldId: 'reason' }, operandTwo: { emptyValue: {} }, result: false } },
        ],
      },
    });
    expect(rule._validate('rule')).toEqual([]);
  });

  test('a field-options rule renders its fields and mappings; an empty child list stays a list', () => {
    const rule = CaseRuleDefinition.fieldOptions({
      parentFieldId: 'category',
      childFieldId: 'subcategory',
      mappings: [
        { parentValue: 'billing', childValues: ['refund', 'invoice'] },
        { parentValue: 'other', childValues: [] },
      ],
    });
    expect(rule._render()).toEqual({
      fieldOptions: {
        parentFieldId: 'category',
        childFieldId: 'subcategory',
        parentChildFieldOptionsMappings: [
          { parentFieldOptionValue: 'billing', childFieldOptionValues: ['refund', 'invoice'] },
          { parentFieldOptionValue: 'other', childFieldOptionValues: [] },
        ],
      },
    });
    expect(rule.ruleType).toBe(CaseRuleType.FIELD_OPTIONS);
  });

  test('a top-level condition without result leaves the member out rather than inventing one', () => {
    // GIVEN a rule that fails validation (the construct reports it before anything is deployed)
    const rule = required(eq('status', S('closed')));
    // THEN
    expect(rule._render()).toEqual({
      required: { defaultValue: false, conditions: [{ equalTo: { operandOne: { fieldId: 'status' }, operandTwo: { stringValue: 'closed' } } }] },
    });
  });

  test('changing the caller\'s arrays after building does not change the rule', () => {
    // GIVEN rules built from arrays the caller keeps
    const conditions = [eq('status', S('closed'), true)];
    const nested = [eq('status', S('closed'))];
    const childValues = ['refund'];
    const mappingList = [{ parentValue: 'billing', childValues }];
    const plain = CaseRuleDefinition.required({ conditions, defaultValue: false });
    const compound = required(CaseRuleCondition.anyOf({ conditions: nested, result: true }));
    const options = CaseRuleDefinition.fieldOptions({ parentFieldId: 'p', childFieldId: 'c', mappings: mappingList });

    // WHEN the caller mutates them
    conditions.push(eq('other', EMPTY(), true));
    nested.push(eq('other', EMPTY()));
    childValues.push('invoice');
    mappingList.push({ parentValue: 'other', childValues: [] });

    // THEN the rules still hold what they were built with
    expect(plain._render().required!.conditions).toHaveLength(1);
    expect(compound._render().required!.conditions[0].orAll!.conditions).toHaveLength(1);
    expect(options._render().fieldOptions!.parentChildFieldOptionsMappings).toEqual([
      { parentFieldOptionValue: 'billing', childFieldOptionValues: ['refund'] },
    ]);
  });
});

describe('validation: every problem, naming the property, the limit and the value received', () => {
  // Each case is built inside the test: the factories must not throw, whatever they are given.
  test.each<[string, () => CaseRuleDefinition, string[]]>([
    ['an empty string operand', () => required(eq('status', S(''), true)),
      ["property 'rule.conditions[0].value' must be 1-1500 characters; received '' (0 characters)"]],
    ['a string operand over 1500 characters', () => required(eq('status', S(long(1501)), true)),
      [`property 'rule.conditions[0].value' must be 1-1500 characters; received '${long(40)}...' (1501 characters)`]],
    ['an infinite number', () => required(eq('amount', N(Infinity), true)),
      ["property 'rule.conditions[0].value' must be a finite number; received Infinity"]],
    ['NaN', () => required(CaseRuleCondition.notEqualTo({ fieldId: 'amount', value: N(NaN), result: true })),
      ["property 'rule.conditions[0].value' must be a finite number; received NaN"]],
    ['an empty field id', () => required(eq('', EMPTY(), true)),
      ["property 'rule.conditions[0].fieldId' must be 1-500 characters; received '' (0 characters)"]],
    ['a field id over 500 characters', () => required(eq(long(501), EMPTY(), true)),
      [`property 'rule.conditions[0].fieldId' must be 1-500 characters; received '${long(40)}...' (501 characters)`]],
    ['101 conditions', () => CaseRuleDefinition.hidden({
      conditions: Array.from({ length: 101 }, () => eq('f', EMPTY(), true)),
      defaultValue: false,
    }), ["property 'rule.conditions' must have at most 100 conditions; received 101"]],
    ['a top-level comparison without result', () => required(eq('status', S('closed'), true), eq('status', S('open'))),
      ["property 'rule.conditions[1].result' must be set on a top-level condition (the rule's value when the condition holds); received undefined"]],
    ['a top-level compound without result', () => required(CaseRuleCondition.allOf({ conditions: [eq('status', S('closed'))] })),
      ["property 'rule.conditions[0].result' must be set on a top-level condition (the rule's value when the condition holds); received undefined"]],
    ['a nested comparison with a result', () => required(CaseRuleCondition.allOf({ conditions: [eq('status', S('closed')), eq('vip', B(true), false)], result: true })),
      ["property 'rule.conditions[0].allOf.conditions[1].result' must be omitted on a condition inside allOf or anyOf: every nested condition takes the result of the top-level allOf/anyOf (see docs/rule-evaluation.md); received false"]],
    ['a nested compound with a result', () => required(CaseRuleCondition.anyOf({
      conditions: [CaseRuleCondition.allOf({ conditions: [eq('status', S('closed'))], result: true })],
      result: true,
    })), ["property 'rule.conditions[0].anyOf.conditions[0].result' must be omitted on a condition inside allOf or anyOf: every nested condition takes the result of the top-level allOf/anyOf (see docs/rule-evaluation.md); received true"]],
    ['an empty allOf', () => required(CaseRuleCondition.allOf({ conditions: [], result: true })),
      ["property 'rule.conditions[0].allOf.conditions' must have at least 1 condition; received 0"]],
    ['an empty anyOf nested in an allOf', () => required(CaseRuleCondition.allOf({
      conditions: [eq('status', S('closed')), CaseRuleCondition.anyOf({ conditions: [] })],
      result: true,
    })), ["property 'rule.conditions[0].allOf.conditions[1].anyOf.conditions' must have at least 1 condition; received 0"]],
    ['three levels of nesting', () => required(CaseRuleCondition.allOf({
      conditions: [CaseRuleCondition.anyOf({ conditions: [CaseRuleCondition.allOf({ conditions: [eq('status', S('closed'))] })] })],
      result: true,
    })), ["property 'rule.conditions[0].allOf.conditions[0].anyOf.conditions[0]' must be equalTo or notEqualTo: a case rule allows at most 2 levels of nesting (allOf/anyOf inside allOf/anyOf); received allOf at level 3"]],
    ['6 comparisons in a rule with a compound', () => required(
      CaseRuleCondition.anyOf({ conditions: [eq('a', EMPTY()), eq('b', EMPTY()), CaseRuleCondition.allOf({ conditions: [eq('c', EMPTY()), eq('d', EMPTY())] })], result: true }),
      eq('e', EMPTY(), true),
      eq('f', EMPTY(), true),
    ), ["property 'rule.conditions' must have at most 5 equalTo/notEqualTo conditions in total, counting those inside allOf/anyOf, when it uses allOf or anyOf; received 6"]],
    ['a bad value inside a compound', () => required(CaseRuleCondition.allOf({ conditions: [eq('status', S('closed')), eq('reason', S(''))], result: true })),
      ["property 'rule.conditions[0].allOf.conditions[1].value' must be 1-1500 characters; received '' (0 characters)"]],
    ['a bad field id two levels down', () => required(CaseRuleCondition.anyOf({
      conditions: [CaseRuleCondition.allOf({ conditions: [eq('', N(1))] })],
      result: false,
    })), ["property 'rule.conditions[0].anyOf.conditions[0].allOf.conditions[0].fieldId' must be 1-500 characters; received '' (0 characters)"]],
    ['no mappings', () => fieldOptions({ mappings: [] }),
      ["property 'rule.mappings' must have 1-200 mappings; received 0"]],
    ['201 mappings', () => fieldOptions({ mappings: mappings(201) }),
      ["property 'rule.mappings' must have 1-200 mappings; received 201"]],
    ['1501 child values', () => fieldOptions({ mappings: [{ parentValue: 'a', childValues: Array.from({ length: 1501 }, (_, i) => `v${i}`) }] }),
      ["property 'rule.mappings[0].childValues' must have at most 1500 values; received 1501"]],
    ['a parent value over 100 characters', () => fieldOptions({ mappings: [{ parentValue: long(101), childValues: [] }] }),
      [`property 'rule.mappings[0].parentValue' must be 1-100 characters; received '${long(40)}...' (101 characters)`]],
    ['an empty parent value', () => fieldOptions({ mappings: [{ parentValue: '', childValues: ['a'] }] }),
      ["property 'rule.mappings[0].parentValue' must be 1-100 characters; received '' (0 characters)"]],
    ['a child value over 100 characters', () => fieldOptions({ mappings: [{ parentValue: 'a', childValues: ['ok', long(101)] }] }),
      [`property 'rule.mappings[0].childValues[1]' must be 1-100 characters; received '${long(40)}...' (101 characters)`]],
    ['an empty child value', () => fieldOptions({ mappings: [{ parentValue: 'a', childValues: [''] }] }),
      ["property 'rule.mappings[0].childValues[0]' must be 1-100 characters; received '' (0 characters)"]],
    ['a parent value ending in white space', () => fieldOptions({ mappings: [{ parentValue: 'billing ', childValues: [] }] }),
      ["property 'rule.mappings[0].parentValue' must not end in white space; received 'billing ' (8 characters)"]],
    ['a child value with a line break', () => fieldOptions({ mappings: [{ parentValue: 'US', childValues: ['New\nYork'] }] }),
      ["property 'rule.mappings[0].childValues[0]' must not contain a line break; received 'New\\nYork' (8 characters)"]],
    ['a child value twice in one mapping', () => fieldOptions({ mappings: [{ parentValue: 'billing', childValues: ['refund', 'invoice', 'refund'] }] }),
      ["property 'rule.mappings[0].childValues' must not hold the same child value twice; received 'refund' (6 characters) more than once"]],
    ['a parent value mapped twice', () => fieldOptions({
      mappings: [{ parentValue: 'billing', childValues: [] }, { parentValue: 'billing', childValues: ['x'] }],
    }), ["property 'rule.mappings' must not hold the same parent value twice; received 'billing' (7 characters) more than once"]],
    ['the same parent and child field', () => fieldOptions({ parentFieldId: 'same', childFieldId: 'same' }),
      ["property 'rule.childFieldId' must differ from 'parentFieldId'; received 'same' (4 characters) for both"]],
    ['an empty parent field id', () => fieldOptions({ parentFieldId: '' }),
      ["property 'rule.parentFieldId' must be 1-500 characters; received '' (0 characters)"]],
    ['a child field id over 500 characters', () => fieldOptions({ childFieldId: long(501) }),
      [`property 'rule.childFieldId' must be 1-500 characters; received '${long(40)}...' (501 characters)`]],
  ])('%s', (_case, build, problems) => {
    // WHEN the definition is built (never throws) and validated as the construct's property 'rule'
    expect(build).not.toThrow();
    // THEN
    expect(build()._validate('rule')).toEqual(problems);
  });

  test('every problem is reported at once, in property order, under the property the construct names', () => {
    // GIVEN a rule with four problems, two of them in the same condition
    const rule = CaseRuleDefinition.hidden({
      conditions: [
        eq('', S(''), true),
        CaseRuleCondition.anyOf({ conditions: [eq('vip', N(NaN), true)] }),
      ],
      defaultValue: true,
    });
    // WHEN
    const problems = rule._validate('hiddenRule');
    // THEN
    expect(problems).toEqual([
      "property 'hiddenRule.conditions[0].fieldId' must be 1-500 characters; received '' (0 characters)",
      "property 'hiddenRule.conditions[0].value' must be 1-1500 characters; received '' (0 characters)",
      "property 'hiddenRule.conditions[1].result' must be set on a top-level condition (the rule's value when the condition holds); received undefined",
      "property 'hiddenRule.conditions[1].anyOf.conditions[0].value' must be a finite number; received NaN",
      "property 'hiddenRule.conditions[1].anyOf.conditions[0].result' must be omitted on a condition inside allOf or anyOf: every nested condition takes the result of the top-level allOf/anyOf (see docs/rule-evaluation.md); received true",
    ]);
  });

  test('several problems of one mapping list are all reported', () => {
    const rule = fieldOptions({
      mappings: [
        { parentValue: 'a ', childValues: ['x', 'x', ''] },
        { parentValue: 'a ', childValues: [] },
      ],
    });
    expect(rule._validate('rule')).toEqual([
      "property 'rule.mappings[0].parentValue' must not end in white space; received 'a ' (2 characters)",
      "property 'rule.mappings[0].childValues[2]' must be 1-100 characters; received '' (0 characters)",
      "property 'rule.mappings[0].childValues' must not hold the same child value twice; received 'x' (1 character) more than once",
      "property 'rule.mappings[1].parentValue' must not end in white space; received 'a ' (2 characters)",
      "property 'rule.mappings' must not hold the same parent value twice; received 'a ' (2 characters) more than once",
    ]);
  });

  test.each<[string, () => CaseRuleDefinition]>([
    ['a 1500-character string', () => required(eq('f', S(long(1500)), true))],
    ['a 1-character string', () => required(eq('f', S('x'), true))],
    ['a 500-character field id', () => required(eq('f'.repeat(500), N(0), true))],
    ['the largest and smallest doubles', () => required(eq('f', N(Number.MAX_VALUE), true), eq('f', N(-Number.MIN_VALUE), true))],
    ['100 conditions without compounds', () => CaseRuleDefinition.required({
      conditions: Array.from({ length: 100 }, () => eq('f', EMPTY(), true)),
      defaultValue: false,
    })],
    ['5 comparisons across 2 levels of nesting', () => required(
      CaseRuleCondition.allOf({
        conditions: [eq('a', S('x')), CaseRuleCondition.anyOf({ conditions: [eq('b', N(1)), eq('c', B(true)), eq('d', EMPTY())] })],
        result: true,
      }),
      CaseRuleCondition.notEqualTo({ fieldId: 'e', value: EMPTY(), result: false }),
    )],
    ['a compound of one condition', () => required(CaseRuleCondition.anyOf({ conditions: [eq('a', S('x'))], result: false }))],
    ['200 mappings of 1500 values of 1 to 100 characters', () => fieldOptions({
      mappings: Array.from({ length: 200 }, (_, i) => ({
        parentValue: `${i}`.padEnd(100, '.'),
        childValues: Array.from({ length: 1500 }, (__, j) => (j === 0 ? 'x' : `${j}`.padEnd(100, '.'))),
      })),
    })],
    ['a mapping without child values', () => fieldOptions({ mappings: [{ parentValue: 'other', childValues: [] }] })],
    ['inner spaces in option values', () => fieldOptions({ mappings: [{ parentValue: ' New York', childValues: ['A  B'] }] })],
  ])('the limit itself is accepted: %s', (_case, build) => {
    expect(build()._validate('rule')).toEqual([]);
  });

  test('unresolved tokens are not checked', () => {
    // GIVEN tokens that would resolve to invalid values
    const tokenString = Lazy.string({ produce: () => '' });
    const otherTokenString = Lazy.string({ produce: () => '' });
    const tokenNumber = Token.asNumber(Lazy.any({ produce: () => NaN }));
    // WHEN / THEN
    expect(required(eq(tokenString, S(tokenString), true), eq('f', N(tokenNumber), true))._validate('rule')).toEqual([]);
    expect(fieldOptions({
      parentFieldId: tokenString,
      childFieldId: otherTokenString,
      mappings: [{ parentValue: tokenString, childValues: [otherTokenString] }],
    })._validate('rule')).toEqual([]);
  });
});

describe('warnings', () => {
  test('a list of more than 5 conditions without compounds draws a warning citing the documented limit', () => {
    // GIVEN 6 plain conditions (the list allows 100; whether the documented 5 applies is not stated)
    const rule = CaseRuleDefinition.required({
      conditions: Array.from({ length: 6 }, (_, i) => eq(`f${i}`, EMPTY(), true)),
      defaultValue: false,
    });
    // THEN it is valid, with a warning
    expect(rule._validate('rule')).toEqual([]);
    expect(rule._warnings('rule')).toEqual([
      "property 'rule.conditions' has 6 conditions; the Cases API documents \"A case rule can have a maximum of 5 conditions, "
      + 'spread across a maximum of 2 levels of nesting" without saying whether that applies to a list without allOf/anyOf '
      + '(the list itself allows 100), so the service may refuse this rule',
    ]);
  });

  test.each<[string, () => CaseRuleDefinition]>([
    ['5 plain conditions', () => CaseRuleDefinition.hidden({ conditions: Array.from({ length: 5 }, () => eq('f', EMPTY(), true)), defaultValue: false })],
    ['101 plain conditions (an error instead)', () => CaseRuleDefinition.hidden({ conditions: Array.from({ length: 101 }, () => eq('f', EMPTY(), true)), defaultValue: false })],
    ['6 comparisons with a compound (an error instead)', () => required(
      CaseRuleCondition.allOf({ conditions: [eq('a', EMPTY()), eq('b', EMPTY())], result: true }),
      ...Array.from({ length: 4 }, () => eq('f', EMPTY(), true)),
    )],
    ['a field-options rule', () => fieldOptions({})],
  ])('no warning: %s', (_case, build) => {
    expect(build()._warnings('rule')).toEqual([]);
  });
});

describe('evaluate() through the definition', () => {
  test('applies the first condition that holds, keyed by the same field id', () => {
    const rule = required(eq('status', S('closed'), true));
    expect(rule.evaluate({ status: S('closed') })).toEqual({ ruleType: CaseRuleType.REQUIRED, required: true, matchedCondition: 0 });
    expect(rule.evaluate({ status: S('open') })).toEqual({ ruleType: CaseRuleType.REQUIRED, required: false });
  });

  test('gives a field-options rule the children mapped to the parent value', () => {
    const rule = CaseRuleDefinition.fieldOptions({
      parentFieldId: 'category',
      childFieldId: 'subcategory',
      mappings: [{ parentValue: 'billing', childValues: ['refund'] }, { parentValue: 'technical', childValues: ['bug'] }],
    });
    expect(rule.evaluate({ category: S('technical') })).toEqual({ ruleType: CaseRuleType.FIELD_OPTIONS, childOptions: ['bug'], matchedMapping: 1 });
  });

  test('refuses a rule that would fail validation, listing its problems', () => {
    const rule = required(eq('status', S('closed')), eq('reason', S(''), true));
    expect(() => rule.evaluate({})).toThrow(new Error(
      "Cannot evaluate an invalid case rule: property 'rule.conditions[0].result' must be set on a top-level condition "
      + "(the rule's value when the condition holds); received undefined; "
      + "property 'rule.conditions[1].value' must be 1-1500 characters; received '' (0 characters)"));
  });

  test('field values are not held to the operand limits: an empty string is a value', () => {
    const rule = required(CaseRuleCondition.notEqualTo({ fieldId: 'reason', value: EMPTY(), result: true }));
    expect(rule.evaluate({ reason: S('') })).toEqual({ ruleType: CaseRuleType.REQUIRED, required: true, matchedCondition: 0 });
  });
});
