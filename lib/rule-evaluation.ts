import { CaseRuleType } from './case-rule-type';

/**
 * What a rule decides for one set of field values (`CaseRuleDefinition.evaluate`). Which members
 * are set depends on `ruleType`. Semantics and their sources: docs/rule-evaluation.md.
 */
export interface CaseRuleEvaluation {
  /** Kind of the evaluated rule. */
  readonly ruleType: CaseRuleType;

  /**
   * Required rules: whether the field the rule is attached to is required.
   *
   * @default - not a required rule
   */
  readonly required?: boolean;

  /**
   * Hidden rules: whether the field the rule is attached to is hidden.
   *
   * @default - not a hidden rule
   */
  readonly hidden?: boolean;

  /**
   * Field-options rules: the options the child field offers. Undefined means the rule does not
   * restrict the child (the parent has no value, or a value without a mapping); `[]` means the
   * child offers no option at all.
   *
   * @default - not restricted, or not a field-options rule
   */
  readonly childOptions?: string[];

  /**
   * Required and hidden rules: index in the rule's `conditions` of the top-level condition that
   * decided the result (an `allOf`/`anyOf` counts as one condition).
   *
   * @default - no condition held and `defaultValue` applied, or not a required or hidden rule
   */
  readonly matchedCondition?: number;

  /**
   * Field-options rules: index in `mappings` of the mapping that gave `childOptions`.
   *
   * @default - no mapping applied, or not a field-options rule
   */
  readonly matchedMapping?: number;
}
