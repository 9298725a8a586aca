import { CaseRuleType } from '../case-rule-type';
import { CaseRuleEvaluation } from '../rule-evaluation';
import {
  BooleanConditionShape,
  BooleanOperandsShape,
  CaseRuleDetailsShape,
  CompoundConditionShape,
  ConditionalCaseRuleShape,
  FieldOptionsCaseRuleShape,
  OperandTwoShape,
} from './contract';
import { RULE_MEMBERS, RULE_TYPES } from './rule-kinds';

/**
 * Local evaluation of a case rule in the API's own shape (`CaseRuleDetails`), so that rule logic can
 * be unit-tested without deploying it. Semantics, their sources and the inferences:
 * docs/rule-evaluation.md.
 *
 * The shape is typed, but it may come from outside this library (a live rule, a hand-written
 * object), so every member is checked and a malformed one is an error naming its path.
 */

/** Field values, each in the shape of a condition's second operand (`OperandTwo`). */
export type FieldValues = { readonly [fieldId: string]: OperandTwoShape };

/**
 * Evaluates `rule` for a case whose fields hold `values`. A field absent from `values` has no value.
 *
 * @throws Error naming the member path when the rule or a value is malformed.
 */
export function evaluateRule(rule: CaseRuleDetailsShape, values: FieldValues): CaseRuleEvaluation {
  const member = onlyMember(rule, RULE_MEMBERS, 'rule');
  const ruleType = RULE_TYPES[member];
  switch (member) {
    case 'required': {
      const { value, matchedCondition } = evaluateConditions(rule.required!, values, member);
      return withoutUndefined({ ruleType, required: value, matchedCondition });
    }
    case 'hidden': {
      const { value, matchedCondition } = evaluateConditions(rule.hidden!, values, member);
      return withoutUndefined({ ruleType, hidden: value, matchedCondition });
    }
    case 'fieldOptions':
      return evaluateFieldOptions(rule.fieldOptions!, values);
  }
}

/**
 * Top-level conditions in order; the first that holds gives its result, otherwise `defaultValue`
 * (API: "the first condition to evaluate to true dictates the value of the rule").
 */
function evaluateConditions(rule: ConditionalCaseRuleShape, values: FieldValues, path: string): { value: boolean; matchedCondition?: number } {
  const defaultValue = booleanMember(rule, 'defaultValue', path);
  const conditions = listMember(rule, 'conditions', path) as BooleanConditionShape[];
  // Every condition is read, not only those up to the match, so a malformed rule fails whatever the values.
  const decided = conditions.map((condition, index) => {
    const conditionPath = `${path}.conditions[${index}]`;
    const judged = judge(condition, values, conditionPath);
    return { holds: judged.holds, result: topLevelResult(judged, conditionPath) };
  });
  const matchedCondition = decided.findIndex((condition) => condition.holds);
  if (matchedCondition >= 0) {
    return { value: decided[matchedCondition].result, matchedCondition };
  }
  return { value: defaultValue };
}

/** Whether a condition holds, and the `result` of every comparison in it (with its path). */
interface Judgement {
  readonly holds: boolean;
  readonly results: ReadonlyArray<{ readonly path: string; readonly result: boolean }>;
}

const CONDITION_MEMBERS = ['equalTo', 'notEqualTo', 'andAll', 'orAll'] as const;

function judge(condition: BooleanConditionShape, values: FieldValues, path: string): Judgement {
  const member = onlyMember(condition, CONDITION_MEMBERS, path);
  const memberPath = `${path}.${member}`;
  switch (member) {
    case 'equalTo':
    case 'notEqualTo': {
      const operands = objectMember(condition, member, path) as BooleanOperandsShape;
      const operandOne = objectMember(operands, 'operandOne', memberPath) as { fieldId?: unknown };
      const fieldId = operandOne.fieldId;
      if (typeof fieldId !== 'string') {
        throw new Error(`${memberPath}.operandOne.fieldId must be a string; received ${JSON.stringify(fieldId)}`);
      }
      const operand = decodeValue(objectMember(operands, 'operandTwo', memberPath) as OperandTwoShape, `${memberPath}.operandTwo`);
      const field = decodeValue(values[fieldId] ?? { emptyValue: {} }, `value of field '${fieldId}'`);
      const equal = typedEquals(field, operand);
      const result = booleanMember(operands, 'result', memberPath);
      return { holds: member === 'equalTo' ? equal : !equal, results: [{ path: `${memberPath}.result`, result }] };
    }
    case 'andAll':
    case 'orAll': {
      const compound = objectMember(condition, member, path) as CompoundConditionShape;
      const nested = (listMember(compound, 'conditions', memberPath) as BooleanConditionShape[])
        .map((inner, index) => judge(inner, values, `${memberPath}.conditions[${index}]`));
      const holds = member === 'andAll' ? nested.every((inner) => inner.holds) : nested.some((inner) => inner.holds);
      return { holds, results: nested.flatMap((inner) => inner.results) };
    }
  }
}

/**
 * The result a top-level condition gives the rule. A comparison has its own; an `andAll`/`orAll`
 * has none, and this library writes its result into every comparison it holds (an inference about
 * what the service reads: docs/rule-evaluation.md). A compound whose comparisons disagree has no
 * documented reading, so it is refused rather than guessed.
 */
function topLevelResult(judged: Judgement, path: string): boolean {
  const [first, ...others] = judged.results;
  if (first === undefined) {
    throw new Error(`${path} holds no equalTo or notEqualTo, so it has no result`);
  }
  const differing = others.find((other) => other.result !== first.result);
  if (differing !== undefined) {
    throw new Error(`${path} has nested results that differ (${first.path} is ${first.result}, ${differing.path} is ${differing.result}); `
      + 'what the service makes of that is not documented, so it is not evaluated');
  }
  return first.result;
}

/**
 * The child offers the options mapped to the parent's current value. A parent without a value, or
 * with a value that no mapping names, leaves the child unrestricted (an inference: see the doc).
 */
function evaluateFieldOptions(rule: FieldOptionsCaseRuleShape, values: FieldValues): CaseRuleEvaluation {
  const ruleType = CaseRuleType.FIELD_OPTIONS;
  const parentFieldId = rule.parentFieldId;
  if (typeof parentFieldId !== 'string') {
    throw new Error(`fieldOptions.parentFieldId must be a string; received ${JSON.stringify(parentFieldId)}`);
  }
  const parent = decodeValue(values[parentFieldId] ?? { emptyValue: {} }, `value of field '${parentFieldId}'`);
  const mappings = listMember(rule, 'parentChildFieldOptionsMappings', 'fieldOptions') as FieldOptionsCaseRuleShape['parentChildFieldOptionsMappings'];
  // Option values are strings: a parent holding a number or boolean matches no mapping.
  const index = parent.type === 'string' ? mappings.findIndex((mapping) => mapping.parentFieldOptionValue === parent.value) : -1;
  if (index < 0) {
    return { ruleType };
  }
  const childOptions = listMember(mappings[index], 'childFieldOptionValues', `fieldOptions.parentChildFieldOptionsMappings[${index}]`) as string[];
  return { ruleType, childOptions: [...childOptions], matchedMapping: index };
}

/** A decoded `OperandTwo`. */
type TypedValue =
  | { readonly type: 'string'; readonly value: string }
  | { readonly type: 'number'; readonly value: number }
  | { readonly type: 'boolean'; readonly value: boolean }
  | { readonly type: 'empty' };

const VALUE_MEMBERS = ['stringValue', 'doubleValue', 'booleanValue', 'emptyValue'] as const;

function decodeValue(operand: OperandTwoShape, path: string): TypedValue {
  const member = onlyMember(operand, VALUE_MEMBERS, path);
  const value: unknown = operand[member];
  const wrong = (expected: string) => new Error(`${path}.${member} must be ${expected}; received ${JSON.stringify(value)}`);
  switch (member) {
    case 'stringValue':
      if (typeof value !== 'string') throw wrong('a string');
      return { type: 'string', value };
    case 'doubleValue':
      if (typeof value !== 'number' || !Number.isFinite(value)) throw wrong('a finite number');
      return { type: 'number', value };
    case 'booleanValue':
      if (typeof value !== 'boolean') throw wrong('true or false');
      return { type: 'boolean', value };
    case 'emptyValue':
      if (typeof value !== 'object' || value === null || Array.isArray(value)) throw wrong('{}');
      return { type: 'empty' };
  }
}

/** Same type and same value; empty equals only empty. Numbers compare numerically (1 equals 1.0). */
function typedEquals(left: TypedValue, right: TypedValue): boolean {
  if (left.type !== right.type) return false;
  if (left.type === 'empty') return true;
  return left.value === (right as typeof left).value;
}

/** The one member of a union that is set (not undefined). */
function onlyMember<M extends string>(union: object, members: readonly M[], path: string): M {
  if (typeof union !== 'object' || union === null || Array.isArray(union)) {
    throw new Error(`${path} must be an object with one of ${members.join(', ')}; received ${JSON.stringify(union)}`);
  }
  const set = Object.keys(union).filter((key) => (union as Record<string, unknown>)[key] !== undefined);
  if (set.length !== 1 || !(members as readonly string[]).includes(set[0])) {
    throw new Error(`${path} must have exactly one of ${members.join(', ')}; received ${set.length === 0 ? 'none' : set.join(', ')}`);
  }
  return set[0] as M;
}

function booleanMember(structure: object, key: string, path: string): boolean {
  const value = (structure as Record<string, unknown>)[key];
  if (typeof value !== 'boolean') {
    throw new Error(`${path}.${key} must be true or false; received ${JSON.stringify(value)}`);
  }
  return value;
}

function listMember(structure: object, key: string, path: string): unknown[] {
  const value = (structure as Record<string, unknown>)[key];
  if (!Array.isArray(value)) {
    throw new Error(`${path}.${key} must be a list; received ${JSON.stringify(value)}`);
  }
  return value;
}

function objectMember(structure: object, key: string, path: string): object {
  const value = (structure as Record<string, unknown>)[key];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(`${path}.${key} must be an object; received ${JSON.stringify(value)}`);
  }
  return value;
}

/** Leaves out members that are undefined, so results compare and print cleanly. */
function withoutUndefined(evaluation: CaseRuleEvaluation): CaseRuleEvaluation {
  return Object.fromEntries(Object.entries(evaluation).filter(([, value]) => value !== undefined)) as unknown as CaseRuleEvaluation;
}
