import { LIMITS } from './private/api-limits';
import { OperandWire } from './private/resource-properties';
import { checkFiniteNumber, checkLength, throwFirst } from './private/validate';

/**
 * A typed value: what a condition compares a field with, or a field's value when a rule is
 * evaluated locally. Built only through the static factories, one per value type.
 */
export abstract class CaseRuleValue {
  /**
   * A text value (1-1500 characters), e.g. the value of a Text or SingleSelect field.
   */
  public static string(value: string): CaseRuleValue {
    throwFirst('', [checkLength("CaseRuleValue.string() argument 'value'", value, 1, LIMITS.STRING_OPERAND_MAX_LENGTH)]);
    return new TypedValue({ ValueType: 'String', Value: value });
  }

  /** A number (finite), e.g. the value of a Number field. */
  public static number(value: number): CaseRuleValue {
    throwFirst('', [checkFiniteNumber("CaseRuleValue.number() argument 'value'", value)]);
    return new TypedValue({ ValueType: 'Number', Value: value });
  }

  /** A boolean, e.g. the value of a Boolean field. */
  public static boolean(value: boolean): CaseRuleValue {
    return new TypedValue({ ValueType: 'Boolean', Value: value });
  }

  /** No value: the field is empty. */
  public static empty(): CaseRuleValue {
    return new TypedValue({ ValueType: 'Empty' });
  }

  /** @internal */
  public abstract _render(): OperandWire;
}

class TypedValue extends CaseRuleValue {
  constructor(private readonly operand: OperandWire) {
    super();
  }

  /** @internal */
  public _render(): OperandWire {
    return this.operand;
  }
}
