import { CaseRuleCondition } from './case-rule-condition';
import { CaseRuleType } from './case-rule-type';
import { CaseRuleValue } from './case-rule-value';
import { FieldOptionMapping } from './field-option-mapping';
import { LIMITS } from './private/api-limits';
import { FieldOptionsMappingWire, OperandWire, RuleWire } from './private/resource-properties';
import { CaseRuleEvaluation, evaluateRule } from './rule-evaluation';
import { checkCount, checkId, checkLength, describeValue, firstDuplicate, throwFirst } from './private/validate';


/** Options of a required or hidden rule. */
export interface ConditionalCaseRuleOptions {
  /**
   * Conditions evaluated in order; the first that holds gives the rule its value (at most 100).
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

  /** The field whose options are limited (1-500 characters). */
  readonly childFieldId: string;

  /**
   * For each parent value, the child options it allows: 1-200 mappings, no parent value twice,
   * at most 1500 child values each, every value at most 100 characters.
   */
  readonly mappings: FieldOptionMapping[];
}


/**
 * What a case rule says: a required rule, a hidden rule or a field-options rule.
 * Built only through the static factories.
 */
export abstract class CaseRuleDefinition {
  /** A rule saying whether a field must have a value. */
  public static required(options: ConditionalCaseRuleOptions): CaseRuleDefinition {
    return new ConditionalRule(CaseRuleType.REQUIRED, 'required', options);
  }

  /** A rule saying whether a field is hidden. */
  public static hidden(options: ConditionalCaseRuleOptions): CaseRuleDefinition {
    return new ConditionalRule(CaseRuleType.HIDDEN, 'hidden', options);
  }

  /** A rule limiting a child field's options to those mapped to its parent field's current value. */
  public static fieldOptions(options: FieldOptionsCaseRuleOptions): CaseRuleDefinition {
    return new FieldOptionsRule(options);
  }

  /** The kind of rule. */
  public abstract readonly type: CaseRuleType;

  /**
   * What this rule decides for a case whose fields hold `values`, computed locally so that rule
   * logic can be unit-tested before deployment. A field missing from `values` has no value.
   *
   * @param values field id (the same string or token used in the rule) to the field's value
   */
  public evaluate(values: { [fieldId: string]: CaseRuleValue }): CaseRuleEvaluation {
    const operands: { [fieldId: string]: OperandWire } = {};
    for (const [fieldId, value] of Object.entries(values)) {
      operands[fieldId] = value._render();
    }
    return evaluateRule(this._render(), operands);
  }

  /** @internal */
  public abstract _render(): RuleWire;
}

class ConditionalRule extends CaseRuleDefinition {
  private readonly conditions: CaseRuleCondition[];
  private readonly defaultValue: boolean;

  constructor(public readonly type: CaseRuleType, factory: string, options: ConditionalCaseRuleOptions) {
    super();
    // Copied so that a later push onto the caller's array cannot bypass the limit.
    this.conditions = [...(options.conditions ?? [])];
    this.defaultValue = options.defaultValue;
    throwFirst('', [
      checkCount(`CaseRuleDefinition.${factory}() option 'conditions'`, this.conditions.length, 0, LIMITS.MAX_CONDITIONS, 'conditions'),
    ]);
  }

  /** @internal */
  public _render(): RuleWire {
    return {
      Type: this.type,
      DefaultValue: this.defaultValue,
      Conditions: this.conditions.length > 0 ? this.conditions.map((c) => c._render()) : undefined,
    };
  }
}

class FieldOptionsRule extends CaseRuleDefinition {
  public readonly type = CaseRuleType.FIELD_OPTIONS;
  private readonly parentFieldId: string;
  private readonly childFieldId: string;
  private readonly mappings: FieldOptionMapping[];

  constructor(options: FieldOptionsCaseRuleOptions) {
    super();
    this.parentFieldId = options.parentFieldId;
    this.childFieldId = options.childFieldId;
    this.mappings = options.mappings.map((m) => ({ parentValue: m.parentValue, childValues: [...m.childValues] }));
    throwFirst('', fieldOptionsProblems(this.parentFieldId, this.childFieldId, this.mappings));
  }

  /** @internal */
  public _render(): RuleWire {
    return {
      Type: this.type,
      ParentFieldId: this.parentFieldId,
      ChildFieldId: this.childFieldId,
      Mappings: this.mappings.map((m): FieldOptionsMappingWire => ({
        ParentValue: m.parentValue,
        ChildValues: m.childValues.length > 0 ? m.childValues : undefined,
      })),
    };
  }
}

function fieldOptionsProblems(parentFieldId: string, childFieldId: string, mappings: FieldOptionMapping[]): Array<string | undefined> {
  const option = (name: string) => `CaseRuleDefinition.fieldOptions() option '${name}'`;
  const problems: Array<string | undefined> = [
    checkId(option('parentFieldId'), parentFieldId),
    checkId(option('childFieldId'), childFieldId),
    checkCount(option('mappings'), mappings.length, 1, LIMITS.MAX_FIELD_OPTION_MAPPINGS, 'mappings'),
  ];
  if (parentFieldId === childFieldId) {
    problems.push(`${option('childFieldId')} must differ from 'parentFieldId'; received ${describeValue(childFieldId)} for both`);
  }
  mappings.forEach((mapping, i) => {
    problems.push(checkLength(option(`mappings[${i}].parentValue`), mapping.parentValue, 0, LIMITS.OPTION_VALUE_MAX_LENGTH));
    problems.push(checkCount(option(`mappings[${i}].childValues`), mapping.childValues.length, 0, LIMITS.MAX_CHILD_OPTION_VALUES, 'values'));
    mapping.childValues.forEach((value, j) => {
      problems.push(checkLength(option(`mappings[${i}].childValues[${j}]`), value, 0, LIMITS.OPTION_VALUE_MAX_LENGTH));
    });
  });
  const duplicate = firstDuplicate(mappings.map((m) => m.parentValue));
  if (duplicate !== undefined) {
    problems.push(`${option('mappings')} must not map the same parent value twice; received ${describeValue(duplicate)} more than once`);
  }
  return problems;
}
