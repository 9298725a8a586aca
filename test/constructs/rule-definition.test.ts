import { Lazy, Token } from 'aws-cdk-lib';
import { CaseRule, CaseRuleCondition, CaseRuleDefinition, CaseRuleType, CaseRuleValue, FieldOptionMapping } from '../../lib';
import { CASE_RULE_TYPE, newStack, onlyResource, synth } from './helpers';

/** The `Rule` property a CaseRule writes for `rule`. */
function renderedRule(rule: CaseRuleDefinition): unknown {
  const { stack } = newStack();
  new CaseRule(stack, 'Rule', { domainId: 'domain-1', rule });
  return onlyResource(synth(stack), CASE_RULE_TYPE).properties.Rule;
}

function mappings(count: number): FieldOptionMapping[] {
  return Array.from({ length: count }, (_, i) => ({ parentValue: `parent-${i}`, childValues: ['a'] }));
}

describe('rendering the contract wire types', () => {
  test('a required rule renders its default, each operand kind and both operators in order', () => {
    // GIVEN one condition per operand kind
    const rule = CaseRuleDefinition.required({
      conditions: [
        CaseRuleCondition.equalTo('status', CaseRuleValue.string('closed'), true),
        CaseRuleCondition.notEqualTo('amount', CaseRuleValue.number(1.5), false),
        CaseRuleCondition.equalTo('vip', CaseRuleValue.boolean(true), true),
        CaseRuleCondition.notEqualTo('reason', CaseRuleValue.empty(), false),
      ],
      defaultValue: false,
    });

    // THEN each condition carries operator, field, typed value and result; the empty operand has no Value
    expect(renderedRule(rule)).toEqual({
      Type: 'Required',
      DefaultValue: false,
      Conditions: [
        { Operator: 'EqualTo', FieldId: 'status', ValueType: 'String', Value: 'closed', Result: true },
        { Operator: 'NotEqualTo', FieldId: 'amount', ValueType: 'Number', Value: 1.5, Result: false },
        { Operator: 'EqualTo', FieldId: 'vip', ValueType: 'Boolean', Value: true, Result: true },
        { Operator: 'NotEqualTo', FieldId: 'reason', ValueType: 'Empty', Result: false },
      ],
    });
    expect(rule.type).toBe(CaseRuleType.REQUIRED);
  });

  test('a hidden rule without conditions renders only its type and default', () => {
    const rule = CaseRuleDefinition.hidden({ defaultValue: true });
    expect(renderedRule(rule)).toEqual({ Type: 'Hidden', DefaultValue: true });
    expect(rule.type).toBe(CaseRuleType.HIDDEN);
  });

  test('a field-options rule renders its fields and mappings; an empty child list is left out', () => {
    const rule = CaseRuleDefinition.fieldOptions({
      parentFieldId: 'category',
      childFieldId: 'subcategory',
      mappings: [
        { parentValue: 'billing', childValues: ['refund', 'invoice'] },
        { parentValue: 'other', childValues: [] },
      ],
    });
    expect(renderedRule(rule)).toEqual({
      Type: 'FieldOptions',
      ParentFieldId: 'category',
      ChildFieldId: 'subcategory',
      Mappings: [
        { ParentValue: 'billing', ChildValues: ['refund', 'invoice'] },
        { ParentValue: 'other' },
      ],
    });
    expect(rule.type).toBe(CaseRuleType.FIELD_OPTIONS);
  });

  test('changing the caller\'s arrays after building does not change the rule', () => {
    // GIVEN a rule built from arrays the caller keeps
    const conditions = [CaseRuleCondition.equalTo('status', CaseRuleValue.string('closed'), true)];
    const childValues = ['refund'];
    const required = CaseRuleDefinition.required({ conditions, defaultValue: false });
    const options = CaseRuleDefinition.fieldOptions({
      parentFieldId: 'p', childFieldId: 'c', mappings: [{ parentValue: 'billing', childValues }],
    });

    // WHEN the caller mutates them
    conditions.push(CaseRuleCondition.equalTo('other', CaseRuleValue.empty(), true));
    childValues.push('invoice');

    // THEN the rules still hold what was validated
    expect((renderedRule(required) as any).Conditions).toHaveLength(1);
    expect((renderedRule(options) as any).Mappings[0].ChildValues).toEqual(['refund']);
  });
});

describe('arguments are checked where the rule is built', () => {
  const long = (n: number) => 'x'.repeat(n);

  test.each([
    ['an empty string operand', () => CaseRuleValue.string(''),
      "CaseRuleValue.string() argument 'value' must be 1-1500 characters; received '' (0 characters)"],
    ['a string operand over 1500 characters', () => CaseRuleValue.string(long(1501)),
      `CaseRuleValue.string() argument 'value' must be 1-1500 characters; received '${long(40)}...' (1501 characters)`],
    ['an infinite number', () => CaseRuleValue.number(Infinity),
      "CaseRuleValue.number() argument 'value' must be a finite number; received Infinity"],
    ['NaN', () => CaseRuleValue.number(NaN),
      "CaseRuleValue.number() argument 'value' must be a finite number; received NaN"],
    ['an empty field id', () => CaseRuleCondition.equalTo('', CaseRuleValue.empty(), true),
      "CaseRuleCondition.equalTo() argument 'fieldId' must be 1-500 characters; received '' (0 characters)"],
    ['a field id over 500 characters', () => CaseRuleCondition.notEqualTo(long(501), CaseRuleValue.empty(), true),
      "CaseRuleCondition.notEqualTo() argument 'fieldId' must be 1-500 characters; received"],
    ['101 conditions', () => CaseRuleDefinition.hidden({
      conditions: Array.from({ length: 101 }, () => CaseRuleCondition.equalTo('f', CaseRuleValue.empty(), true)),
      defaultValue: false,
    }), "CaseRuleDefinition.hidden() option 'conditions' must have at most 100 conditions; received 101"],
    ['no mappings', () => CaseRuleDefinition.fieldOptions({ parentFieldId: 'p', childFieldId: 'c', mappings: [] }),
      "CaseRuleDefinition.fieldOptions() option 'mappings' must have 1-200 mappings; received 0"],
    ['201 mappings', () => CaseRuleDefinition.fieldOptions({ parentFieldId: 'p', childFieldId: 'c', mappings: mappings(201) }),
      "CaseRuleDefinition.fieldOptions() option 'mappings' must have 1-200 mappings; received 201"],
    ['1501 child values', () => CaseRuleDefinition.fieldOptions({
      parentFieldId: 'p', childFieldId: 'c',
      mappings: [{ parentValue: 'a', childValues: Array.from({ length: 1501 }, (_, i) => `v${i}`) }],
    }), "CaseRuleDefinition.fieldOptions() option 'mappings[0].childValues' must have at most 1500 values; received 1501"],
    ['a parent value over 100 characters', () => CaseRuleDefinition.fieldOptions({
      parentFieldId: 'p', childFieldId: 'c', mappings: [{ parentValue: long(101), childValues: [] }],
    }), "CaseRuleDefinition.fieldOptions() option 'mappings[0].parentValue' must be at most 100 characters; received"],
    ['a child value over 100 characters', () => CaseRuleDefinition.fieldOptions({
      parentFieldId: 'p', childFieldId: 'c', mappings: [{ parentValue: 'a', childValues: ['ok', long(101)] }],
    }), "CaseRuleDefinition.fieldOptions() option 'mappings[0].childValues[1]' must be at most 100 characters; received"],
    ['a parent value mapped twice', () => CaseRuleDefinition.fieldOptions({
      parentFieldId: 'p', childFieldId: 'c',
      mappings: [{ parentValue: 'billing', childValues: [] }, { parentValue: 'billing', childValues: ['x'] }],
    }), "CaseRuleDefinition.fieldOptions() option 'mappings' must not map the same parent value twice; received 'billing' (7 characters) more than once"],
    ['the same parent and child field', () => CaseRuleDefinition.fieldOptions({
      parentFieldId: 'same', childFieldId: 'same', mappings: mappings(1),
    }), "CaseRuleDefinition.fieldOptions() option 'childFieldId' must differ from 'parentFieldId'; received 'same' (4 characters) for both"],
    ['an empty parent field id', () => CaseRuleDefinition.fieldOptions({ parentFieldId: '', childFieldId: 'c', mappings: mappings(1) }),
      "CaseRuleDefinition.fieldOptions() option 'parentFieldId' must be 1-500 characters; received '' (0 characters)"],
  ])('%s is refused', (_case, build, message) => {
    expect(build).toThrow(message);
  });

  test.each([
    ['1500-character string', () => CaseRuleValue.string('x'.repeat(1500))],
    ['a 500-character field id', () => CaseRuleCondition.equalTo('f'.repeat(500), CaseRuleValue.number(0), true)],
    ['100 conditions', () => CaseRuleDefinition.required({
      conditions: Array.from({ length: 100 }, () => CaseRuleCondition.equalTo('f', CaseRuleValue.empty(), true)),
      defaultValue: false,
    })],
    ['200 mappings of 1500 empty-or-100-character values', () => CaseRuleDefinition.fieldOptions({
      parentFieldId: 'p', childFieldId: 'c',
      mappings: Array.from({ length: 200 }, (_, i) => ({
        parentValue: i === 0 ? '' : `${i}`.padEnd(100, '.'),
        childValues: Array.from({ length: 1500 }, (__, j) => (j === 0 ? '' : `${j}`)),
      })),
    })],
  ])('the limit itself is accepted: %s', (_case, build) => {
    expect(build).not.toThrow();
  });

  test('unresolved tokens are not checked', () => {
    const tokenString = Lazy.string({ produce: () => '' });
    const tokenNumber = Token.asNumber(Lazy.any({ produce: () => 1 }));
    expect(() => CaseRuleValue.string(tokenString)).not.toThrow();
    expect(() => CaseRuleValue.number(tokenNumber)).not.toThrow();
    expect(() => CaseRuleCondition.equalTo(tokenString, CaseRuleValue.empty(), true)).not.toThrow();
    const otherTokenString = Lazy.string({ produce: () => '' });
    expect(() => CaseRuleDefinition.fieldOptions({ parentFieldId: tokenString, childFieldId: otherTokenString, mappings: mappings(1) }))
      .not.toThrow();
  });
});

describe('local evaluation', () => {
  test('evaluate() applies the first condition that holds, keyed by the same field id', () => {
    const rule = CaseRuleDefinition.required({
      conditions: [CaseRuleCondition.equalTo('status', CaseRuleValue.string('closed'), true)],
      defaultValue: false,
    });
    expect(rule.evaluate({ status: CaseRuleValue.string('closed') })).toMatchObject({ required: true, matchedCondition: 0 });
    expect(rule.evaluate({ status: CaseRuleValue.string('open') })).toMatchObject({ required: false, matchedCondition: undefined });
  });

  test('evaluate() gives a field-options rule the children mapped to the parent value', () => {
    const rule = CaseRuleDefinition.fieldOptions({
      parentFieldId: 'category',
      childFieldId: 'subcategory',
      mappings: [{ parentValue: 'billing', childValues: ['refund'] }, { parentValue: 'technical', childValues: ['bug'] }],
    });
    expect(rule.evaluate({ category: CaseRuleValue.string('technical') })).toMatchObject({ childOptions: ['bug'], matchedMapping: 1 });
  });
});
