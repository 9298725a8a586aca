/**
 * One row of a field-options rule: when the parent field has `parentValue`, the child field offers
 * only `childValues`. Shared by `CaseRuleDefinition.fieldOptions`, the CSV reader and local evaluation.
 */
export interface FieldOptionMapping {
  /** A value of the parent field (0-100 characters). */
  readonly parentValue: string;
  /** The child field's options allowed for that parent value (0-1500 values of 0-100 characters). */
  readonly childValues: string[];
}
