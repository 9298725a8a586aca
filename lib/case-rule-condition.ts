import { CaseRuleValue } from './case-rule-value';
import { LIMITS } from './private/api-limits';
import { BooleanConditionShape, BooleanOperandsShape } from './private/contract';
import { checkId, describeValue, problemsOf, property } from './private/validate';

/** Options of `CaseRuleCondition.equalTo` and `.notEqualTo`. */
export interface ComparisonConditionOptions {
  /** The field compared (1-500 characters), e.g. `CfnField.attrFieldId` or `SystemFieldId.STATUS`. */
  readonly fieldId: string;

  /** The value it is compared with. */
  readonly value: CaseRuleValue;

  /**
   * The rule's value when this condition holds. Required on a top-level condition; omit it on a
   * condition inside `allOf`/`anyOf`, which takes the result of the outermost `allOf`/`anyOf`.
   *
   * @default - none: only valid inside `allOf`/`anyOf`
   */
  readonly result?: boolean;
}

/** Options of `CaseRuleCondition.allOf` and `.anyOf`. */
export interface CompoundConditionOptions {
  /**
   * The conditions combined (at least 1): `equalTo`/`notEqualTo`, or `allOf`/`anyOf` of those
   * (at most 2 levels of nesting, at most 5 `equalTo`/`notEqualTo` in the whole rule). They
   * must not set `result`.
   */
  readonly conditions: CaseRuleCondition[];

  /**
   * The rule's value when this condition holds. Required on a top-level condition; omit it on an
   * `allOf`/`anyOf` nested in another.
   *
   * @default - none: only valid inside another `allOf`/`anyOf`
   */
  readonly result?: boolean;
}

/**
 * One condition of a required or hidden rule: a comparison of a field with a value, or all/any of
 * several conditions. A top-level condition that holds gives the rule its `result`; the first one
 * that holds decides. Built only through the static factories, which never throw: problems are
 * reported when the construct that uses the condition is validated.
 */
export abstract class CaseRuleCondition {
  /** Holds when the field's value equals `value`: the same type and the same value. */
  public static equalTo(options: ComparisonConditionOptions): CaseRuleCondition {
    return new Comparison('equalTo', options);
  }

  /** Holds when the field's value does not equal `value`. */
  public static notEqualTo(options: ComparisonConditionOptions): CaseRuleCondition {
    return new Comparison('notEqualTo', options);
  }

  /** Holds when all of `conditions` hold (the API's `andAll`). */
  public static allOf(options: CompoundConditionOptions): CaseRuleCondition {
    return new Compound('allOf', 'andAll', options);
  }

  /** Holds when at least one of `conditions` holds (the API's `orAll`). */
  public static anyOf(options: CompoundConditionOptions): CaseRuleCondition {
    return new Compound('anyOf', 'orAll', options);
  }

  /**
   * The condition in the API's shape (`BooleanCondition`).
   *
   * @param inheritedResult the result of the outermost compound holding this condition, which
   *   the API wants in every nested `equalTo`/`notEqualTo`; undefined for a top-level condition
   * @internal
   */
  public abstract _render(inheritedResult?: boolean): BooleanConditionShape;

  /**
   * Every problem of this condition.
   *
   * @param path the condition's property path, e.g. `rule.conditions[0]`
   * @param level 0 for a top-level condition, n for one inside n compounds
   * @internal
   */
  public abstract _problems(path: string, level: number): string[];

  /**
   * `equalTo`/`notEqualTo` conditions in this condition (itself, or nested at any depth).
   *
   * @internal
   */
  public abstract _comparisonCount(): number;

  /**
   * Levels of compounds: 0 for a comparison, 1 for an `allOf`/`anyOf` of comparisons, and so on.
   *
   * @internal
   */
  public abstract _nestingLevels(): number;
}

/** Problems of the `result` of a condition at `level`. */
function resultProblems(path: string, level: number, result: boolean | undefined): string[] {
  if (level === 0 && result === undefined) {
    return [`${property(`${path}.result`)} must be set on a top-level condition (the rule's value when the condition holds); received undefined`];
  }
  if (level > 0 && result !== undefined) {
    return [`${property(`${path}.result`)} must be omitted on a condition inside allOf or anyOf: every nested condition takes the result of the top-level allOf/anyOf (see docs/rule-evaluation.md); received ${describeValue(result)}`];
  }
  return [];
}

class Comparison extends CaseRuleCondition {
  private readonly fieldId: string;
  private readonly value: CaseRuleValue;
  private readonly result?: boolean;

  constructor(private readonly member: 'equalTo' | 'notEqualTo', options: ComparisonConditionOptions) {
    super();
    this.fieldId = options.fieldId;
    this.value = options.value;
    this.result = options.result;
  }

  /** @internal */
  public _render(inheritedResult?: boolean): BooleanConditionShape {
    const result = inheritedResult ?? this.result;
    // A top-level condition without result is a validation error, reported before anything is
    // deployed; the member is left out rather than invented.
    const operands = {
      operandOne: { fieldId: this.fieldId },
      operandTwo: this.value._render(),
      ...(result === undefined ? {} : { result }),
    } as BooleanOperandsShape;
    return { [this.member]: operands };
  }

  /** @internal */
  public _problems(path: string, level: number): string[] {
    return [
      ...problemsOf([checkId(property(`${path}.fieldId`), this.fieldId)]),
      ...this.value._problems(property(`${path}.value`)),
      ...resultProblems(path, level, this.result),
    ];
  }

  /** @internal */
  public _comparisonCount(): number {
    return 1;
  }

  /** @internal */
  public _nestingLevels(): number {
    return 0;
  }
}

class Compound extends CaseRuleCondition {
  private readonly conditions: CaseRuleCondition[];
  private readonly result?: boolean;

  constructor(private readonly factory: 'allOf' | 'anyOf', private readonly member: 'andAll' | 'orAll', options: CompoundConditionOptions) {
    super();
    // Copied so that a later push onto the caller's array cannot bypass the limits.
    this.conditions = [...options.conditions];
    this.result = options.result;
  }

  /** @internal */
  public _render(inheritedResult?: boolean): BooleanConditionShape {
    const result = inheritedResult ?? this.result;
    return { [this.member]: { conditions: this.conditions.map((condition) => condition._render(result)) } };
  }

  /** @internal */
  public _problems(path: string, level: number): string[] {
    const problems = resultProblems(path, level, this.result);
    const list = `${path}.${this.factory}.conditions`;
    // This compound is nesting level `level + 1`; only the first level too deep is reported.
    if (level === LIMITS.MAX_NESTING_LEVELS) {
      problems.push(`${property(path)} must be equalTo or notEqualTo: a case rule allows at most ${LIMITS.MAX_NESTING_LEVELS} levels of nesting (allOf/anyOf inside allOf/anyOf); received ${this.factory} at level ${level + 1}`);
    }
    if (this.conditions.length === 0) {
      problems.push(`${property(list)} must have at least 1 condition; received 0`);
    }
    this.conditions.forEach((condition, index) => problems.push(...condition._problems(`${list}[${index}]`, level + 1)));
    return problems;
  }

  /** @internal */
  public _comparisonCount(): number {
    return this.conditions.reduce((count, condition) => count + condition._comparisonCount(), 0);
  }

  /** @internal */
  public _nestingLevels(): number {
    return 1 + Math.max(0, ...this.conditions.map((condition) => condition._nestingLevels()));
  }
}
