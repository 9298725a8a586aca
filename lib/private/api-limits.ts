/**
 * Limits the Cases API states (model `connectcases.json`, the SDK client's documentation and the API
 * reference for the members released after the model), in one place so the rule model, the
 * constructs and the CSV reader agree.
 */
export const LIMITS = {
  /** CaseRuleName, TemplateName: 1-100 characters, pattern `^.*[\S]$`. */
  NAME_MAX_LENGTH: 100,
  /** CaseRuleDescription, TemplateDescription. */
  DESCRIPTION_MAX_LENGTH: 255,
  /** DomainId, FieldId, LayoutId, CaseRuleId, TemplateId. */
  ID_MAX_LENGTH: 500,
  /** BooleanConditionList. */
  MAX_CONDITIONS: 100,
  /** CompoundCondition.conditions: see `COMPOUND_CONDITION_LIMIT_TEXT`. */
  MAX_CONDITIONS_WITH_COMPOUNDS: 5,
  /** CompoundCondition.conditions: `andAll`/`orAll` inside `andAll`/`orAll`, no deeper. */
  MAX_NESTING_LEVELS: 2,
  /** OperandTwo.stringValue: 1-1500 characters. */
  STRING_OPERAND_MAX_LENGTH: 1500,
  /** ParentChildFieldOptionsMappingList: 1-200 mappings. */
  MAX_FIELD_OPTION_MAPPINGS: 200,
  /** FieldOptionValueList: child values of one mapping. */
  MAX_CHILD_OPTION_VALUES: 1500,
  /** FieldOptionValue and FieldOptionName: 1-100 characters, pattern `^.*[\S]$`. */
  OPTION_VALUE_MAX_LENGTH: 100,
  /** RequiredFieldList. */
  MAX_REQUIRED_FIELDS: 100,
  /** TemplateCaseRuleList. */
  MAX_TEMPLATE_RULES: 50,
} as const;

/**
 * The SDK client's documentation of `CompoundCondition.conditions`, quoted where the library warns
 * about a long list of conditions without compounds (whether the limit applies there is not stated).
 */
export const COMPOUND_CONDITION_LIMIT_TEXT =
  'A case rule can have a maximum of 5 conditions, spread across a maximum of 2 levels of nesting';
