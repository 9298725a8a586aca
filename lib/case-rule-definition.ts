import { CaseRuleCondition } from './case-rule-condition';
import { CaseRuleType } from './case-rule-type';
import { CaseRuleValue } from './case-rule-value';
import { FieldOptionMapping } from './field-option-mapping';
import { CaseRuleEvaluation } from './rule-evaluation';
import { COMPOUND_CONDITION_LIMIT_TEXT, LIMITS } from './private/api-limits';
import { CaseRuleDetailsShape, OperandTwoShape } from './private/contract';
import { evaluateRule } from './private/evaluate-rule';
import { optionValueProblems, repeatedOptionValueProblems } from './private/option-values';
import { RULE_TYPES } from './private/rule-kinds';
import { checkCount, checkId, describeValue, problemsOf, property } from './private/validate';

/** Options of a required or hidden rule. */
export interface ConditionalCaseRuleOptions {
  /**
   * Top-level conditions, evaluated in order; the first that holds gives the rule its value. Each
   * sets `result`. At most 100; when any is an `allOf`/`anyOf`, at most 5 `equalTo`/`notEqualTo`
   * in total (the API's documented limit; a plain list of more than 5 draws a synth warning).
   *
   * @default - no conditions: the rule always has `defaultValue`
   */
  readonly conditions?: CaseRuleCondition[];

  /** The rule's value when no condition holds. */
  readonly defaultValue: boolean;
}

/** Options of a field-options rule. */
export interface FieldOptionsCaseRuleOptions {
  /** The field whose value selects the child's options (1-500 characters). */
  readonly parentFieldId: string;

  /** The field whose options are limited (1-500 characters, not the parent). */
  readonly childFieldId: string;

  /**
   * For each parent value, the child options it allows: 1-200 mappings, no parent value twice,
   * at most 1500 distinct child values each; every value 1-100 characters, one line, not ending
   * in white space. `FieldOptionsCsv.mappings(...)` reads them from the admin website's CSV.
   */
  readonly mappings: FieldOptionMapping[];
}

/**
 * What a case rule says: a required rule, a hidden rule or a field-options rule.
 *
 * Built only through the static factories, which never throw: the construct that uses the
 * definition reports every problem at synth, naming itself and the property.
 */
export abstract class CaseRuleDefinition {
  /** A rule saying whether a field must have a value. */
  public static required(options: ConditionalCaseRuleOptions): CaseRuleDefinition {
    return new ConditionalRule('required', options);
  }

  /** A rule saying whether a field is hidden. */
  public static hidden(options: ConditionalCaseRuleOptions): CaseRuleDefinition {
    return new ConditionalRule('hidden', options);
  }

  /** A rule limiting a child field's options to those mapped to its parent field's current value. */
  public static fieldOptions(options: FieldOptionsCaseRuleOptions): CaseRuleDefinition {
    return new FieldOptionsRule(options);
  }

  /** The kind of rule. */
  public abstract readonly ruleType: CaseRuleType;

  /**
   * What this rule decides for a case whose fields hold `values`, computed locally so that rule
   * logic can be unit-tested before deployment. A field missing from `values` has no value.
   *
   * @param values field id (the same string or token used in the rule) to the field's value
   * @throws Error listing the rule's problems when it would fail validation
   */
  public evaluate(values: { [fieldId: string]: CaseRuleValue }): CaseRuleEvaluation {
    const problems = this._validate('rule');
    if (problems.length > 0) {
      throw new Error(`Cannot evaluate an invalid case rule: ${problems.join('; ')}`);
    }
    const fieldValues: { [fieldId: string]: OperandTwoShape } = {};
    for (const [fieldId, value] of Object.entries(values)) {
      fieldValues[fieldId] = value._render();
    }
    return evaluateRule(this._render(), fieldValues);
  }

  /**
   * The rule in the API's shape (`CaseRuleDetails`), as the construct writes it.
   *
   * @internal
   */
  public abstract _render(): CaseRuleDetailsShape;

  /**
   * Every problem that would make the API refuse the rule (values that are unresolved tokens are
   * not checked), each starting with `property '<property>...'`.
   *
   * @param property the construct's property holding this definition, e.g. `rule`
   * @internal
   */
  public abstract _validate(property: string): string[];

  /**
   * What may make the API refuse the rule without being stated as a limit.
   *
   * @param property the construct's property holding this definition, e.g. `rule`
   * @internal
   */
  public abstract _warnings(property: string): string[];
}

class ConditionalRule extends CaseRuleDefinition {
  public readonly ruleType: CaseRuleType;
  private readonly conditions: CaseRuleCondition[];
  private readonly defaultValue: boolean;

  constructor(private readonly member: 'required' | 'hidden', options: ConditionalCaseRuleOptions) {
    super();
    this.ruleType = RULE_TYPES[member];
    // Copied so that a later push onto the caller's array cannot bypass the limits.
    this.conditions = [...(options.conditions ?? [])];
    this.defaultValue = options.defaultValue;
  }

  /** @internal */
  public _render(): CaseRuleDetailsShape {
    return {
      [this.member]: {
        defaultValue: this.defaultValue,
        conditions: this.conditions.map((condition) => condition._render()),
      },
    };
  }

  /** @internal */
  public _validate(path: string): string[] {
    const list = `${path}.conditions`;
    const problems = problemsOf([checkCount(property(list), this.conditions.length, 0, LIMITS.MAX_CONDITIONS, 'conditions')]);
    this.conditions.forEach((condition, index) => problems.push(...condition._problems(`${list}[${index}]`, 0)));
    const comparisons = this.comparisonCount();
    if (this.hasCompound() && comparisons > LIMITS.MAX_CONDITIONS_WITH_COMPOUNDS) {
      problems.push(`${property(list)} must have at most ${LIMITS.MAX_CONDITIONS_WITH_COMPOUNDS} equalTo/notEqualTo conditions in total, `
        + `counting those inside allOf/anyOf, when it uses allOf or anyOf; received ${comparisons}`);
    }
    return problems;
  }

  /** @internal */
  public _warnings(path: string): string[] {
    const count = this.conditions.length;
    if (this.hasCompound() || count <= LIMITS.MAX_CONDITIONS_WITH_COMPOUNDS || count > LIMITS.MAX_CONDITIONS) {
      return [];
    }
    return [`${property(`${path}.conditions`)} has ${count} conditions; the Cases API documents "${COMPOUND_CONDITION_LIMIT_TEXT}" `
      + `without saying whether that applies to a list without allOf/anyOf (the list itself allows ${LIMITS.MAX_CONDITIONS}), `
      + 'so the service may refuse this rule'];
  }

  private hasCompound(): boolean {
    return this.conditions.some((condition) => condition._nestingLevels() > 0);
  }

  private comparisonCount(): number {
    return this.conditions.reduce((count, condition) => count + condition._comparisonCount(), 0);
  }
}

class FieldOptionsRule extends CaseRuleDefinition {
  public readonly ruleType = RULE_TYPES.fieldOptions;
  private readonly parentFieldId: string;
  private readonly childFieldId: string;
  private readonly mappings: FieldOptionMapping[];

  constructor(options: FieldOptionsCaseRuleOptions) {
    super();
    this.parentFieldId = options.parentFieldId;
    this.childFieldId = options.childFieldId;
    // Copied so that later changes to the caller's arrays cannot bypass the limits.
    this.mappings = options.mappings.map((m) => ({ parentValue: m.parentValue, childValues: [...m.childValues] }));
  }

  /** @internal */
  public _render(): CaseRuleDetailsShape {
    return {
      fieldOptions: {
        parentFieldId: this.parentFieldId,
        childFieldId: this.childFieldId,
        parentChildFieldOptionsMappings: this.mappings.map((m) => ({
          parentFieldOptionValue: m.parentValue,
          childFieldOptionValues: [...m.childValues],
        })),
      },
    };
  }

  /** @internal */
  public _validate(path: string): string[] {
    const member = (name: string) => property(`${path}.${name}`);
    const problems = problemsOf([
      checkId(member('parentFieldId'), this.parentFieldId),
      checkId(member('childFieldId'), this.childFieldId),
      this.parentFieldId === this.childFieldId
        ? `${member('childFieldId')} must differ from 'parentFieldId'; received ${describeValue(this.childFieldId)} for both`
        : undefined,
      checkCount(member('mappings'), this.mappings.length, 1, LIMITS.MAX_FIELD_OPTION_MAPPINGS, 'mappings'),
    ]);
    this.mappings.forEach((mapping, i) => {
      const children = `mappings[${i}].childValues`;
      problems.push(...optionValueProblems(member(`mappings[${i}].parentValue`), mapping.parentValue));
      problems.push(...problemsOf([checkCount(member(children), mapping.childValues.length, 0, LIMITS.MAX_CHILD_OPTION_VALUES, 'values')]));
      mapping.childValues.forEach((value, j) => problems.push(...optionValueProblems(member(`${children}[${j}]`), value)));
      problems.push(...repeatedOptionValueProblems(member(children), mapping.childValues, 'child value'));
    });
    problems.push(...repeatedOptionValueProblems(member('mappings'), this.mappings.map((m) => m.parentValue), 'parent value'));
    return problems;
  }

  /** @internal */
  public _warnings(): string[] {
    return [];
  }
}
