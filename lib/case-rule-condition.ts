import { CaseRuleValue } from './case-rule-value';
import { ConditionOperator, ConditionWire } from './private/resource-properties';
import { checkId, throwFirst } from './private/validate';

/**
 * One condition of a required or hidden rule: compares a field with a value and, when the
 * comparison holds, gives the rule its `result`. The first condition that holds decides.
 */
export abstract class CaseRuleCondition {
  /**
   * Holds when the field's value equals `value`.
   *
   * @param fieldId the field compared (1-500 characters), e.g. `CfnField.attrFieldId`
   * @param value the value it is compared with
   * @param result the rule's value when this condition holds
   */
  public static equalTo(fieldId: string, value: CaseRuleValue, result: boolean): CaseRuleCondition {
    return new Comparison('EqualTo', 'equalTo', fieldId, value, result);
  }

  /**
   * Holds when the field's value does not equal `value`.
   *
   * @param fieldId the field compared (1-500 characters), e.g. `CfnField.attrFieldId`
   * @param value the value it is compared with
   * @param result the rule's value when this condition holds
   */
  public static notEqualTo(fieldId: string, value: CaseRuleValue, result: boolean): CaseRuleCondition {
    return new Comparison('NotEqualTo', 'notEqualTo', fieldId, value, result);
  }

  /** @internal */
  public abstract _render(): ConditionWire;
}

class Comparison extends CaseRuleCondition {
  constructor(
    private readonly operator: ConditionOperator,
    factory: string,
    private readonly fieldId: string,
    private readonly value: CaseRuleValue,
    private readonly result: boolean,
  ) {
    super();
    throwFirst('', [checkId(`CaseRuleCondition.${factory}() argument 'fieldId'`, fieldId)]);
  }

  /** @internal */
  public _render(): ConditionWire {
    return {
      Operator: this.operator,
      FieldId: this.fieldId,
      ...this.value._render(),
      Result: this.result,
    };
  }
}
