/** Kinds of case rule. */
export enum CaseRuleType {
  /** Says whether a field must have a value. */
  REQUIRED = 'Required',
  /** Says whether a field is hidden. */
  HIDDEN = 'Hidden',
  /** Limits a child field's options to those mapped to its parent field's value. */
  FIELD_OPTIONS = 'FieldOptions',
}
