import { LIMITS } from './private/api-limits';
import { OperandTwoShape } from './private/contract';
import { checkFiniteNumber, checkLength, problemsOf } from './private/validate';

/**
 * A typed value: what a condition compares a field with, or a field's value when a rule is
 * evaluated locally. Built only through the static factories, one per value type.
 *
 * The factories never throw: a value out of the API's limits is reported when the construct that
 * uses it is validated, with the construct's path and property.
 */
export abstract class CaseRuleValue {
  /**
   * A text value, e.g. of a Text or SingleSelect field. In a condition: 1-1500 characters.
   */
  public static fromString(value: string): CaseRuleValue {
    return new TypedValue({ stringValue: value });
  }

  /** A number, e.g. of a Number field. In a condition: finite. */
  public static fromNumber(value: number): CaseRuleValue {
    return new TypedValue({ doubleValue: value });
  }

  /** A boolean, e.g. of a Boolean field. */
  public static fromBoolean(value: boolean): CaseRuleValue {
    return new TypedValue({ booleanValue: value });
  }

  /** No value: the field is empty. */
  public static empty(): CaseRuleValue {
    return new TypedValue({ emptyValue: {} });
  }

  /**
   * The value in the API's shape (`OperandTwo`).
   *
   * @internal
   */
  public abstract _render(): OperandTwoShape;

  /**
   * Every problem of this value as a condition's operand.
   *
   * @param subject where it is used, e.g. `property 'rule.conditions[0].value'`
   * @internal
   */
  public abstract _problems(subject: string): string[];
}

/** One class for every type: the operand says which, so a value keeps no closure of its own. */
class TypedValue extends CaseRuleValue {
  constructor(private readonly operand: OperandTwoShape) {
    super();
  }

  /** @internal */
  public _render(): OperandTwoShape {
    return { ...this.operand };
  }

  /** @internal */
  public _problems(subject: string): string[] {
    const { stringValue, doubleValue } = this.operand;
    if (stringValue !== undefined) return problemsOf([checkLength(subject, stringValue, 1, LIMITS.STRING_OPERAND_MAX_LENGTH)]);
    if (doubleValue !== undefined) return problemsOf([checkFiniteNumber(subject, doubleValue)]);
    return [];
  }
}
