/**
 * One row of a field-options rule: when the parent field has `parentValue`, the child field offers
 * only `childValues`. Shared by `CaseRuleDefinition.fieldOptions`, the CSV reader and local evaluation.
 */
export interface FieldOptionMapping {
  /** A value of the parent field (1-100 characters, not ending in white space, one line). */
  readonly parentValue: string;
  /**
   * The child field's options allowed for that parent value: 0-1500 distinct values, each 1-100
   * characters, not ending in white space, one line. An empty list offers no option at all.
   */
  readonly childValues: string[];
}
