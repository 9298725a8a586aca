import { ConditionOperator, ConditionWire, OperandWire, RuleWire } from '../lib/private/resource-properties';
import { evaluateRule, FieldValues } from '../lib/rule-evaluation';

/** A required rule with one condition on field `f` whose Result (true) differs from its default (false). */
function oneConditionRule(operator: ConditionOperator, operand: OperandWire): RuleWire {
  return {
    Type: 'Required',
    DefaultValue: false,
    Conditions: [{ Operator: operator, FieldId: 'f', ...operand, Result: true }],
  };
}

const S = (value: string): OperandWire => ({ ValueType: 'String', Value: value });
const N = (value: number | string): OperandWire => ({ ValueType: 'Number', Value: value });
const B = (value: boolean | string): OperandWire => ({ ValueType: 'Boolean', Value: value });
const EMPTY: OperandWire = { ValueType: 'Empty' };

describe('evaluateRule: EqualTo and NotEqualTo for each value type', () => {
  // field: the value of field `f` (undefined = absent from the values); equal: whether EqualTo holds.
  const cases: Array<[string, OperandWire, OperandWire | undefined, boolean]> = [
    ['String, same value', S('closed'), S('closed'), true],
    ['String, other value', S('closed'), S('open'), false],
    ['String, other case', S('closed'), S('Closed'), false],
    ['String, field is a Number', S('1'), N(1), false],
    ['String, field is absent', S('closed'), undefined, false],
    ['String, field is Empty', S('closed'), EMPTY, false],
    ['Number, same value', N(2), N(2), true],
    ['Number, 1 and 1.0', N(1), N(1.0), true],
    ['Number, numeric string operand', N('1.50'), N(1.5), true],
    ['Number, numeric string field', N(3), N('3e0'), true],
    ['Number, other value', N(2), N(3), false],
    ['Number, field is a String', N(2), S('2'), false],
    ['Number, field is absent', N(0), undefined, false],
    ['Number, field is Empty', N(0), EMPTY, false],
    ['Boolean, same value', B(true), B(true), true],
    ['Boolean, "false" string operand', B('false'), B(false), true],
    ['Boolean, other value', B(true), B(false), false],
    ['Boolean, field is the String "true"', B(true), S('true'), false],
    ['Boolean, field is absent', B(false), undefined, false],
    ['Boolean, field is Empty', B(false), EMPTY, false],
    ['Empty, field is absent', EMPTY, undefined, true],
    ['Empty, field is Empty', EMPTY, EMPTY, true],
    ['Empty, field is a String', EMPTY, S('x'), false],
    ['Empty, field is the empty String', EMPTY, S(''), false],
    ['Empty, field is the Number 0', EMPTY, N(0), false],
    ['Empty, field is the Boolean false', EMPTY, B(false), false],
  ];

  test.each(cases)('%s', (_name, operand, field, equal) => {
    // GIVEN
    const values: FieldValues = field === undefined ? {} : { f: field };
    // WHEN
    const equalTo = evaluateRule(oneConditionRule('EqualTo', operand), values);
    const notEqualTo = evaluateRule(oneConditionRule('NotEqualTo', operand), values);
    // THEN the condition that holds gives Result true; otherwise the default false applies
    expect(equalTo).toEqual(equal
      ? { ruleType: 'Required', required: true, matchedCondition: 0 }
      : { ruleType: 'Required', required: false });
    expect(notEqualTo).toEqual(equal
      ? { ruleType: 'Required', required: false }
      : { ruleType: 'Required', required: true, matchedCondition: 0 });
  });
});

describe('evaluateRule: condition order and default', () => {
  // GIVEN a hidden rule whose first two conditions disagree
  const rule: RuleWire = {
    Type: 'Hidden',
    DefaultValue: true,
    Conditions: [
      { Operator: 'EqualTo', FieldId: 'status', ValueType: 'String', Value: 'closed', Result: false },
      { Operator: 'NotEqualTo', FieldId: 'priority', ValueType: 'Empty', Result: true },
      { Operator: 'NotEqualTo', FieldId: 'status', ValueType: 'Empty', Result: false },
    ],
  };

  test.each([
    ['first condition wins over later ones that also hold', { status: S('closed'), priority: S('high') }, { hidden: false, matchedCondition: 0 }],
    ['second condition decides when the first fails', { status: S('open'), priority: S('high') }, { hidden: true, matchedCondition: 1 }],
    ['third condition decides when the first two fail', { status: S('open') }, { hidden: false, matchedCondition: 2 }],
    ['default applies when none holds', {}, { hidden: true }],
  ])('%s', (_name, values, expected) => {
    expect(evaluateRule(rule, values)).toEqual({ ruleType: 'Hidden', ...expected });
  });

  test('a rule without conditions always gives its default', () => {
    expect(evaluateRule({ Type: 'Required', DefaultValue: true }, { f: S('x') })).toEqual({ ruleType: 'Required', required: true });
    expect(evaluateRule({ Type: 'Hidden', DefaultValue: false, Conditions: [] }, {})).toEqual({ ruleType: 'Hidden', hidden: false });
  });

  test('the rule as CloudFormation delivers it (all scalars strings) evaluates the same', () => {
    // GIVEN the same rule twice: as a construct renders it and with every scalar stringified
    const rendered: RuleWire = {
      Type: 'Required',
      DefaultValue: false,
      Conditions: [
        { Operator: 'EqualTo', FieldId: 'amount', ValueType: 'Number', Value: 100, Result: true },
        { Operator: 'EqualTo', FieldId: 'vip', ValueType: 'Boolean', Value: true, Result: true },
      ],
    };
    const delivered = JSON.parse(JSON.stringify(rendered, (_key, value) =>
      typeof value === 'number' || typeof value === 'boolean' ? String(value) : value)) as RuleWire;
    const values = { amount: N('100.0'), vip: B('false') };
    // WHEN / THEN
    expect(delivered.DefaultValue).toBe('false');
    expect(evaluateRule(delivered, values)).toEqual({ ruleType: 'Required', required: true, matchedCondition: 0 });
    expect(evaluateRule(rendered, values)).toEqual({ ruleType: 'Required', required: true, matchedCondition: 0 });
  });
});

describe('evaluateRule: field options', () => {
  // GIVEN Country -> State mappings, one of them offering no state at all
  const rule: RuleWire = {
    Type: 'FieldOptions',
    ParentFieldId: 'country',
    ChildFieldId: 'state',
    Mappings: [
      { ParentValue: 'US', ChildValues: ['CA', 'NY'] },
      { ParentValue: 'CA', ChildValues: ['ON', 'QC'] },
      { ParentValue: 'MC' },
    ],
  };

  test.each([
    ['mapped parent value', { country: S('CA') }, { childOptions: ['ON', 'QC'], matchedMapping: 1 }],
    ['mapping without children offers nothing', { country: S('MC') }, { childOptions: [], matchedMapping: 2 }],
    ['parent value without mapping leaves the child unrestricted', { country: S('FR') }, {}],
    ['parent value differing in case has no mapping', { country: S('us') }, {}],
    ['absent parent leaves the child unrestricted', {}, {}],
    ['Empty parent leaves the child unrestricted', { country: EMPTY }, {}],
    ['Number parent matches no mapping', { country: N(1) }, {}],
  ])('%s', (_name, values, expected) => {
    expect(evaluateRule(rule, values)).toEqual({ ruleType: 'FieldOptions', ...expected });
  });

  test('the returned options are a copy, not the rule\'s own list', () => {
    const result = evaluateRule(rule, { country: S('US') });
    result.childOptions!.push('TX');
    expect(rule.Mappings![0].ChildValues).toEqual(['CA', 'NY']);
  });
});

describe('evaluateRule: malformed input is rejected with a clear error', () => {
  const condition = (overrides: Partial<ConditionWire>): RuleWire => ({
    Type: 'Required',
    DefaultValue: false,
    Conditions: [{ Operator: 'EqualTo', FieldId: 'f', ValueType: 'String', Value: 'x', Result: true, ...overrides }],
  });

  test.each<[string, RuleWire, FieldValues, string]>([
    ['unknown Type', { Type: 'Visible' as never }, {}, 'Cannot evaluate a rule of Type "Visible": expected Required, Hidden or FieldOptions'],
    ['missing DefaultValue', { Type: 'Hidden' }, {}, 'Cannot evaluate a Hidden rule without DefaultValue'],
    ['DefaultValue not a boolean', { Type: 'Required', DefaultValue: 'yes' }, {}, 'Required rule DefaultValue must be true or false (or the strings "true"/"false"); received "yes"'],
    ['unknown Operator', condition({ Operator: 'GreaterThan' as never }), {}, 'Required rule Conditions[0] has Operator "GreaterThan": expected EqualTo or NotEqualTo'],
    ['Result not a boolean', condition({ Result: 'TRUE' }), { f: S('x') }, 'Required rule Conditions[0].Result must be true or false (or the strings "true"/"false"); received "TRUE"'],
    ['Number operand not numeric', condition({ ValueType: 'Number', Value: 'ten' }), {}, 'Required rule Conditions[0] has ValueType Number but Value "ten" is not a finite number'],
    ['Number operand blank', condition({ ValueType: 'Number', Value: ' ' }), {}, 'Required rule Conditions[0] has ValueType Number but Value " " is not a finite number'],
    ['Number operand in hex (the handler rejects it too)', condition({ ValueType: 'Number', Value: '0x10' }), {}, 'Required rule Conditions[0] has ValueType Number but Value "0x10" is not a finite number'],
    ['String operand without Value', condition({ Value: undefined }), {}, 'Required rule Conditions[0] has ValueType String but no Value'],
    ['unknown operand ValueType', condition({ ValueType: 'Date' as never }), {}, 'Required rule Conditions[0] has ValueType "Date": expected String, Number, Boolean or Empty'],
    ['field value not a boolean', condition({}), { f: B('1') }, 'value of field \'f\' must be true or false (or the strings "true"/"false"); received "1"'],
    ['FieldOptions without ParentFieldId', { Type: 'FieldOptions', Mappings: [] }, {}, 'Cannot evaluate a FieldOptions rule without ParentFieldId'],
  ])('%s', (_name, rule, values, message) => {
    expect(() => evaluateRule(rule, values)).toThrow(new Error(message));
  });
});
