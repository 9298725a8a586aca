import { CaseRuleType } from './case-rule-type';
import {
  ConditionWire,
  FieldOptionsMappingWire,
  OperandWire,
  RuleWire,
  Wire,
} from './private/resource-properties';
import { wireBoolean, wireNumber } from './private/wire-scalars';

/**
 * Local evaluation of a case rule against the values of a case's fields, so that rule logic can be
 * unit-tested without deploying it. Semantics and their sources: docs/rule-evaluation.md.
 *
 * The rule is the rendered `RuleWire`, either as a construct writes it or as CloudFormation delivers
 * it (every scalar a string): both decode the same way.
 */

/** What a rule decides for one set of field values. Which members are set depends on `ruleType`. */
export interface CaseRuleEvaluation {
  /** Kind of the evaluated rule. */
  readonly ruleType: CaseRuleType;
  /** Required rules: whether the field the rule is attached to is required. */
  readonly required?: boolean;
  /** Hidden rules: whether the field the rule is attached to is hidden. */
  readonly hidden?: boolean;
  /**
   * Field-options rules: the options the child field offers. Undefined means the rule does not
   * restrict the child (the parent has no value, or a value without a mapping); `[]` means the
   * child offers no option at all.
   */
  readonly childOptions?: string[];
  /**
   * Required and hidden rules: index in `Conditions` of the condition that decided the result.
   * Undefined when no condition held and `DefaultValue` applied.
   */
  readonly matchedCondition?: number;
  /**
   * Field-options rules: index in `Mappings` of the mapping that gave `childOptions`. Undefined
   * when no mapping applied.
   */
  readonly matchedMapping?: number;
}

/** A field value as given to `evaluateRule`: the same typed shape as a condition's operand. */
export type FieldValues = { readonly [fieldId: string]: OperandWire };

/**
 * Evaluates `rule` for a case whose fields hold `values`. A field absent from `values` has no value.
 *
 * @throws Error when the rule or a value is malformed (unknown type or operator, a boolean or number
 *   that does not decode, a rule without the members its type needs).
 */
export function evaluateRule(rule: RuleWire, values: FieldValues): CaseRuleEvaluation {
  switch (rule.Type) {
    case 'Required': {
      const { value, matchedCondition } = evaluateConditions(rule, values);
      return { ruleType: CaseRuleType.REQUIRED, required: value, matchedCondition };
    }
    case 'Hidden': {
      const { value, matchedCondition } = evaluateConditions(rule, values);
      return { ruleType: CaseRuleType.HIDDEN, hidden: value, matchedCondition };
    }
    case 'FieldOptions':
      return evaluateFieldOptions(rule, values);
    default:
      throw new Error(`Cannot evaluate a rule of Type ${JSON.stringify(rule.Type)}: expected Required, Hidden or FieldOptions`);
  }
}

/** Conditions in order; the first that holds gives its Result, otherwise DefaultValue (API docs). */
function evaluateConditions(rule: RuleWire, values: FieldValues): { value: boolean; matchedCondition?: number } {
  if (rule.DefaultValue === undefined) {
    throw new Error(`Cannot evaluate a ${rule.Type} rule without DefaultValue`);
  }
  const defaultValue = decodeBoolean(rule.DefaultValue, `${rule.Type} rule DefaultValue`);
  const conditions = rule.Conditions ?? [];
  for (let index = 0; index < conditions.length; index++) {
    const condition = conditions[index];
    const subject = `${rule.Type} rule Conditions[${index}]`;
    if (conditionHolds(condition, values, subject)) {
      return { value: decodeBoolean(condition.Result, `${subject}.Result`), matchedCondition: index };
    }
  }
  return { value: defaultValue };
}

function conditionHolds(condition: ConditionWire, values: FieldValues, subject: string): boolean {
  const operand = decodeOperand(condition, subject);
  const field = decodeOperand(values[condition.FieldId] ?? { ValueType: 'Empty' }, `value of field '${condition.FieldId}'`);
  switch (condition.Operator) {
    case 'EqualTo':
      return typedEquals(field, operand);
    case 'NotEqualTo':
      return !typedEquals(field, operand);
    default:
      throw new Error(`${subject} has Operator ${JSON.stringify(condition.Operator)}: expected EqualTo or NotEqualTo`);
  }
}

/**
 * The child offers the options mapped to the parent's current value. A parent without a value, or
 * with a value that no mapping names, leaves the child unrestricted (an inference: see the doc).
 */
function evaluateFieldOptions(rule: RuleWire, values: FieldValues): CaseRuleEvaluation {
  if (rule.ParentFieldId === undefined) {
    throw new Error('Cannot evaluate a FieldOptions rule without ParentFieldId');
  }
  const parent = decodeOperand(values[rule.ParentFieldId] ?? { ValueType: 'Empty' }, `value of field '${rule.ParentFieldId}'`);
  const mappings: FieldOptionsMappingWire[] = rule.Mappings ?? [];
  // Option values are strings: a parent holding a number or boolean matches no mapping.
  const index = parent.type === 'String' ? mappings.findIndex((mapping) => mapping.ParentValue === parent.value) : -1;
  if (index < 0) {
    return { ruleType: CaseRuleType.FIELD_OPTIONS };
  }
  return { ruleType: CaseRuleType.FIELD_OPTIONS, childOptions: [...(mappings[index].ChildValues ?? [])], matchedMapping: index };
}

/** A decoded operand: the wire's strings turned back into the type its ValueType names. */
type TypedValue =
  | { readonly type: 'String'; readonly value: string }
  | { readonly type: 'Number'; readonly value: number }
  | { readonly type: 'Boolean'; readonly value: boolean }
  | { readonly type: 'Empty' };

/** Same type and same value; Empty equals only Empty. Numbers compare numerically (1 equals 1.0). */
function typedEquals(left: TypedValue, right: TypedValue): boolean {
  if (left.type !== right.type) return false;
  if (left.type === 'Empty') return true;
  return left.value === (right as typeof left).value;
}

function decodeOperand(operand: OperandWire, subject: string): TypedValue {
  switch (operand.ValueType) {
    case 'Empty':
      return { type: 'Empty' };
    case 'String':
      return { type: 'String', value: decodeString(operand.Value, subject) };
    case 'Number':
      return { type: 'Number', value: decodeNumber(operand.Value, subject) };
    case 'Boolean':
      return { type: 'Boolean', value: decodeBoolean(operand.Value, subject) };
    default:
      throw new Error(`${subject} has ValueType ${JSON.stringify(operand.ValueType)}: expected String, Number, Boolean or Empty`);
  }
}

/** CloudFormation turns every scalar into a string, so a String operand may arrive as any scalar's text. */
function decodeString(value: Wire<string | number | boolean> | undefined, subject: string): string {
  if (value === undefined) throw new Error(`${subject} has ValueType String but no Value`);
  return String(value);
}

function decodeNumber(value: Wire<string | number | boolean> | undefined, subject: string): number {
  const decoded = wireNumber(value);
  if (decoded === undefined) {
    throw new Error(`${subject} has ValueType Number but Value ${JSON.stringify(value)} is not a finite number`);
  }
  return decoded;
}

function decodeBoolean(value: Wire<string | number | boolean> | undefined, subject: string): boolean {
  const decoded = wireBoolean(value);
  if (decoded === undefined) {
    throw new Error(`${subject} must be true or false (or the strings "true"/"false"); received ${JSON.stringify(value)}`);
  }
  return decoded;
}
