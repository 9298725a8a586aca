/**
 * Kinds of case rule. The values are the API's spelling, the contract's `RULE_KINDS`; a TypeScript
 * enum cannot take its values from an object, so `lib/private/rule-kinds.ts` ties the two together
 * at compile time.
 */
export enum CaseRuleType {
  /** Says whether a field must have a value. */
  REQUIRED = 'Required',
  /** Says whether a field is hidden. */
  HIDDEN = 'Hidden',
  /** Limits a child field's options to those mapped to its parent field's value. */
  FIELD_OPTIONS = 'FieldOptions',
}
