import { CaseRuleCondition, CaseRuleDefinition, CaseRuleType, CaseRuleValue } from '../lib';
import { BooleanConditionShape, CaseRuleDetailsShape, OperandTwoShape } from '../lib/private/contract';
import { evaluateRule, FieldValues } from '../lib/private/evaluate-rule';

/*
 * Local evaluation works on the rule in the API's own shape (`CaseRuleDetails`), the same shape the
 * construct writes and the handler sends. Semantics and inferences: docs/rule-evaluation.md.
 */

const S = (stringValue: string): OperandTwoShape => ({ stringValue });
const N = (doubleValue: number): OperandTwoShape => ({ doubleValue });
const B = (booleanValue: boolean): OperandTwoShape => ({ booleanValue });
const EMPTY: OperandTwoShape = { emptyValue: {} };

const equalTo = (fieldId: string, operandTwo: OperandTwoShape, result: boolean): BooleanConditionShape =>
  ({ equalTo: { operandOne: { fieldId }, operandTwo, result } });
const notEqualTo = (fieldId: string, operandTwo: OperandTwoShape, result: boolean): BooleanConditionShape =>
  ({ notEqualTo: { operandOne: { fieldId }, operandTwo, result } });

/** A required rule with one condition on field `f` whose result (true) differs from its default (false). */
function oneConditionRule(condition: typeof equalTo, operand: OperandTwoShape): CaseRuleDetailsShape {
  return { required: { defaultValue: false, conditions: [condition('f', operand, true)] } };
}

describe('evaluateRule: equalTo and notEqualTo for each value type', () => {
  // field: the value of field `f` (undefined = absent from the values); equal: whether equalTo holds.
  const cases: Array<[string, OperandTwoShape, OperandTwoShape | undefined, boolean]> = [
    ['string, same value', S('closed'), S('closed'), true],
    ['string, other value', S('closed'), S('open'), false],
    ['string, other case', S('closed'), S('Closed'), false],
    ['string, no trimming', S('closed'), S('closed '), false],
    ['string, field is a number', S('1'), N(1), false],
    ['string, field is absent', S('closed'), undefined, false],
    ['string, field is empty', S('closed'), EMPTY, false],
    ['number, same value', N(2), N(2), true],
    ['number, 1 and 1.0', N(1), N(1.0), true],
    ['number, 0.1 + 0.2 is not 0.3 (doubles)', N(0.3), N(0.1 + 0.2), false],
    ['number, other value', N(2), N(3), false],
    ['number, field is a string', N(2), S('2'), false],
    ['number, field is absent', N(0), undefined, false],
    ['number, field is empty', N(0), EMPTY, false],
    ['boolean, same value', B(true), B(true), true],
    ['boolean, false and false', B(false), B(false), true],
    ['boolean, other value', B(true), B(false), false],
    ['boolean, field is the string "true"', B(true), S('true'), false],
    ['boolean, field is absent', B(false), undefined, false],
    ['boolean, field is empty', B(false), EMPTY, false],
    ['empty, field is absent', EMPTY, undefined, true],
    ['empty, field is empty', EMPTY, EMPTY, true],
    ['empty, field is a string', EMPTY, S('x'), false],
    ['empty, field is the empty string', EMPTY, S(''), false],
    ['empty, field is the number 0', EMPTY, N(0), false],
    ['empty, field is the boolean false', EMPTY, B(false), false],
  ];

  test.each(cases)('%s', (_name, operand, field, equal) => {
    // GIVEN
    const values: FieldValues = field === undefined ? {} : { f: field };
    // WHEN
    const equalResult = evaluateRule(oneConditionRule(equalTo, operand), values);
    const notEqualResult = evaluateRule(oneConditionRule(notEqualTo, operand), values);
    // THEN the condition that holds gives result true; otherwise the default false applies
    expect(equalResult).toEqual(equal
      ? { ruleType: CaseRuleType.REQUIRED, required: true, matchedCondition: 0 }
      : { ruleType: CaseRuleType.REQUIRED, required: false });
    expect(notEqualResult).toEqual(equal
      ? { ruleType: CaseRuleType.REQUIRED, required: false }
      : { ruleType: CaseRuleType.REQUIRED, required: true, matchedCondition: 0 });
  });
});

describe('evaluateRule: condition order and default', () => {
  // GIVEN a hidden rule whose first two conditions disagree
  const rule: CaseRuleDetailsShape = {
    hidden: {
      defaultValue: true,
      conditions: [
        equalTo('status', S('closed'), false),
        notEqualTo('priority', EMPTY, true),
        notEqualTo('status', EMPTY, false),
      ],
    },
  };

  test.each<[string, FieldValues, object]>([
    ['first condition wins over later ones that also hold', { status: S('closed'), priority: S('high') }, { hidden: false, matchedCondition: 0 }],
    ['second condition decides when the first fails', { status: S('open'), priority: S('high') }, { hidden: true, matchedCondition: 1 }],
    ['third condition decides when the first two fail', { status: S('open') }, { hidden: false, matchedCondition: 2 }],
    ['default applies when none holds', {}, { hidden: true }],
  ])('%s', (_name, values, expected) => {
    expect(evaluateRule(rule, values)).toEqual({ ruleType: CaseRuleType.HIDDEN, ...expected });
  });

  test('a rule without conditions always gives its default', () => {
    expect(evaluateRule({ required: { defaultValue: true, conditions: [] } }, { f: S('x') }))
      .toEqual({ ruleType: CaseRuleType.REQUIRED, required: true });
    expect(evaluateRule({ hidden: { defaultValue: false, conditions: [] } }, {}))
      .toEqual({ ruleType: CaseRuleType.HIDDEN, hidden: false });
  });
});

describe('compound conditions, built with the typed model and evaluated through definition.evaluate()', () => {
  const { fromString, fromNumber, fromBoolean, empty } = CaseRuleValue;
  const eq = (fieldId: string, value: CaseRuleValue) => CaseRuleCondition.equalTo({ fieldId, value });
  const ne = (fieldId: string, value: CaseRuleValue) => CaseRuleCondition.notEqualTo({ fieldId, value });

  // GIVEN "shown when status is closed AND (amount is 100 OR vip is true OR reason is empty);
  // otherwise hidden when priority has a value; shown by default".
  const rule = CaseRuleDefinition.hidden({
    conditions: [
      CaseRuleCondition.allOf({
        conditions: [
          eq('status', fromString('closed')),
          CaseRuleCondition.anyOf({ conditions: [eq('amount', fromNumber(100)), eq('vip', fromBoolean(true)), eq('reason', empty())] }),
        ],
        result: false,
      }),
      CaseRuleCondition.anyOf({ conditions: [ne('priority', empty())], result: true }),
    ],
    defaultValue: false,
  });

  const closed = { status: fromString('closed'), reason: fromString('duplicate') };
  test.each<[string, { [fieldId: string]: CaseRuleValue }, object]>([
    ['all of status and the number operand', { ...closed, amount: fromNumber(100) }, { hidden: false, matchedCondition: 0 }],
    ['all of status and the boolean operand', { ...closed, vip: fromBoolean(true) }, { hidden: false, matchedCondition: 0 }],
    ['all of status and the empty operand (reason absent)', { status: fromString('closed') }, { hidden: false, matchedCondition: 0 }],
    ['all of status and the empty operand (reason empty)', { status: fromString('closed'), reason: empty() }, { hidden: false, matchedCondition: 0 }],
    ['the inner anyOf fails: other number, false, a reason', { ...closed, amount: fromNumber(99), vip: fromBoolean(false) }, { hidden: false }],
    ['the inner anyOf fails on types: "100" is not 100, "true" is not true', { ...closed, amount: fromString('100'), vip: fromString('true') }, { hidden: false }],
    ['the outer allOf fails on status, the second condition decides', { status: fromString('open'), amount: fromNumber(100), priority: fromString('high') }, { hidden: true, matchedCondition: 1 }],
    ['both hold: the first wins', { status: fromString('closed'), priority: fromString('high') }, { hidden: false, matchedCondition: 0 }],
    ['nothing holds: the default', { status: fromString('open') }, { hidden: false }],
  ])('%s', (_name, values, expected) => {
    expect(rule.evaluate(values)).toEqual({ ruleType: CaseRuleType.HIDDEN, ...expected });
  });

  test.each<[string, CaseRuleCondition, { [fieldId: string]: CaseRuleValue }, boolean]>([
    ['allOf: every nested condition holds', CaseRuleCondition.allOf({ conditions: [eq('a', fromString('x')), eq('b', fromNumber(1))], result: true }), { a: fromString('x'), b: fromNumber(1) }, true],
    ['allOf: one nested condition fails', CaseRuleCondition.allOf({ conditions: [eq('a', fromString('x')), eq('b', fromNumber(1))], result: true }), { a: fromString('x'), b: fromNumber(2) }, false],
    ['anyOf: one nested condition holds', CaseRuleCondition.anyOf({ conditions: [eq('a', fromString('x')), eq('b', fromNumber(1))], result: true }), { b: fromNumber(1) }, true],
    ['anyOf: no nested condition holds', CaseRuleCondition.anyOf({ conditions: [eq('a', fromString('x')), eq('b', fromNumber(1))], result: true }), {}, false],
    ['anyOf of allOf: one branch holds entirely', CaseRuleCondition.anyOf({
      conditions: [CaseRuleCondition.allOf({ conditions: [eq('a', fromBoolean(true)), ne('b', empty())] }), eq('c', fromString('z'))],
      result: true,
    }), { a: fromBoolean(true), b: fromString('set') }, true],
    ['anyOf of allOf: a branch holds only in part', CaseRuleCondition.anyOf({
      conditions: [CaseRuleCondition.allOf({ conditions: [eq('a', fromBoolean(true)), ne('b', empty())] }), eq('c', fromString('z'))],
      result: true,
    }), { a: fromBoolean(true) }, false],
    ['a compound of one condition', CaseRuleCondition.allOf({ conditions: [ne('a', fromNumber(0))], result: true }), { a: fromNumber(-0.5) }, true],
  ])('%s', (_name, condition, values, holds) => {
    // GIVEN a required rule whose only condition gives true, default false
    const required = CaseRuleDefinition.required({ conditions: [condition], defaultValue: false });
    // THEN
    expect(required.evaluate(values)).toEqual(holds
      ? { ruleType: CaseRuleType.REQUIRED, required: true, matchedCondition: 0 }
      : { ruleType: CaseRuleType.REQUIRED, required: false });
  });
});

describe('evaluateRule: compound conditions in the API shape', () => {
  test('a compound gives the result its nested comparisons carry', () => {
    // GIVEN the shape the construct writes: the compound's result copied into every nested operand
    const rule: CaseRuleDetailsShape = {
      required: {
        defaultValue: true,
        conditions: [{ orAll: { conditions: [equalTo('a', S('x'), false), { andAll: { conditions: [equalTo('b', N(1), false), equalTo('c', B(true), false)] } }] } }],
      },
    };
    // THEN
    expect(evaluateRule(rule, { b: N(1), c: B(true) })).toEqual({ ruleType: CaseRuleType.REQUIRED, required: false, matchedCondition: 0 });
    expect(evaluateRule(rule, { b: N(1), c: B(false) })).toEqual({ ruleType: CaseRuleType.REQUIRED, required: true });
  });

  test('a compound whose nested results differ is not evaluated, whatever the values', () => {
    // GIVEN a rule written elsewhere, with nested results this library never writes
    const rule: CaseRuleDetailsShape = {
      required: {
        defaultValue: false,
        conditions: [equalTo('z', S('z'), true), { andAll: { conditions: [equalTo('a', S('x'), true), { orAll: { conditions: [equalTo('b', S('y'), false)] } }] } }],
      },
    };
    // THEN even values for which the first condition decides are refused
    expect(() => evaluateRule(rule, { z: S('z') })).toThrow(new Error(
      'required.conditions[1] has nested results that differ (required.conditions[1].andAll.conditions[0].equalTo.result is true, '
      + 'required.conditions[1].andAll.conditions[1].orAll.conditions[0].equalTo.result is false); '
      + 'what the service makes of that is not documented, so it is not evaluated'));
  });

  test('a compound without any comparison has no result', () => {
    const rule: CaseRuleDetailsShape = { hidden: { defaultValue: false, conditions: [{ andAll: { conditions: [] } }] } };
    expect(() => evaluateRule(rule, {})).toThrow(new Error('hidden.conditions[0] holds no equalTo or notEqualTo, so it has no result'));
  });
});

describe('evaluateRule: field options', () => {
  // GIVEN Country -> State mappings, one of them offering no state at all
  const rule: CaseRuleDetailsShape = {
    fieldOptions: {
      parentFieldId: 'country',
      childFieldId: 'state',
      parentChildFieldOptionsMappings: [
        { parentFieldOptionValue: 'US', childFieldOptionValues: ['CA', 'NY'] },
        { parentFieldOptionValue: 'CA', childFieldOptionValues: ['ON', 'QC'] },
        { parentFieldOptionValue: 'MC', childFieldOptionValues: [] },
      ],
    },
  };

  test.each<[string, FieldValues, object]>([
    ['mapped parent value', { country: S('CA') }, { childOptions: ['ON', 'QC'], matchedMapping: 1 }],
    ['mapping without children offers nothing', { country: S('MC') }, { childOptions: [], matchedMapping: 2 }],
    ['parent value without mapping leaves the child unrestricted', { country: S('FR') }, {}],
    ['parent value differing in case has no mapping', { country: S('us') }, {}],
    ['absent parent leaves the child unrestricted', {}, {}],
    ['empty parent leaves the child unrestricted', { country: EMPTY }, {}],
    ['number parent matches no mapping', { country: N(1) }, {}],
  ])('%s', (_name, values, expected) => {
    expect(evaluateRule(rule, values)).toEqual({ ruleType: CaseRuleType.FIELD_OPTIONS, ...expected });
  });

  test('the returned options are a copy, not the rule\'s own list', () => {
    const result = evaluateRule(rule, { country: S('US') });
    result.childOptions!.push('TX');
    expect(rule.fieldOptions!.parentChildFieldOptionsMappings[0].childFieldOptionValues).toEqual(['CA', 'NY']);
  });
});

describe('evaluateRule: malformed input is rejected with an error naming the member', () => {
  const withCondition = (condition: object): CaseRuleDetailsShape =>
    ({ required: { defaultValue: false, conditions: [condition as BooleanConditionShape] } });
  const operands = (overrides: object) => withCondition({ equalTo: { operandOne: { fieldId: 'f' }, operandTwo: S('x'), result: true, ...overrides } });

  test.each<[string, CaseRuleDetailsShape, FieldValues, string]>([
    ['no rule member', {}, {}, 'rule must have exactly one of required, hidden, fieldOptions; received none'],
    ['two rule members', { required: { defaultValue: false, conditions: [] }, hidden: { defaultValue: false, conditions: [] } }, {},
      'rule must have exactly one of required, hidden, fieldOptions; received required, hidden'],
    ['an unknown rule member', { visible: {} } as never, {}, 'rule must have exactly one of required, hidden, fieldOptions; received visible'],
    ['missing defaultValue', { hidden: { conditions: [] } } as never, {}, 'hidden.defaultValue must be true or false; received undefined'],
    ['defaultValue as CloudFormation\'s string (the handler decodes it first)', { required: { defaultValue: 'false', conditions: [] } } as never, {},
      'required.defaultValue must be true or false; received "false"'],
    ['missing conditions', { required: { defaultValue: true } } as never, {}, 'required.conditions must be a list; received undefined'],
    ['an unknown condition member', withCondition({ greaterThan: {} }), {},
      'required.conditions[0] must have exactly one of equalTo, notEqualTo, andAll, orAll; received greaterThan'],
    ['result not a boolean', operands({ result: 'TRUE' }), { f: S('x') }, 'required.conditions[0].equalTo.result must be true or false; received "TRUE"'],
    ['a number operand as a string', operands({ operandTwo: { doubleValue: '1.50' } }), {},
      'required.conditions[0].equalTo.operandTwo.doubleValue must be a finite number; received "1.50"'],
    ['a boolean operand as a string', operands({ operandTwo: { booleanValue: 'false' } }), {},
      'required.conditions[0].equalTo.operandTwo.booleanValue must be true or false; received "false"'],
    ['an operand with two members', operands({ operandTwo: { stringValue: 'x', doubleValue: 1 } }), {},
      'required.conditions[0].equalTo.operandTwo must have exactly one of stringValue, doubleValue, booleanValue, emptyValue; received stringValue, doubleValue'],
    ['an unknown operand member', operands({ operandTwo: { dateValue: 1 } }), {},
      'required.conditions[0].equalTo.operandTwo must have exactly one of stringValue, doubleValue, booleanValue, emptyValue; received dateValue'],
    ['an operand without fieldId', operands({ operandOne: {} }), {}, 'required.conditions[0].equalTo.operandOne.fieldId must be a string; received undefined'],
    ['a compound without conditions', withCondition({ orAll: {} }), {}, 'required.conditions[0].orAll.conditions must be a list; received undefined'],
    ['a field value not a boolean', operands({}), { f: { booleanValue: 1 } as never }, 'value of field \'f\'.booleanValue must be true or false; received 1'],
    ['fieldOptions without parentFieldId', { fieldOptions: { parentChildFieldOptionsMappings: [] } }, {},
      'fieldOptions.parentFieldId must be a string; received undefined'],
  ])('%s', (_name, rule, values, message) => {
    expect(() => evaluateRule(rule, values)).toThrow(new Error(message));
  });
});
