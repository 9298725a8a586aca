/**
 * Limits the Cases API states (model `connectcases.json` and the API reference for the members
 * released after it), in one place so the rule model, the constructs and the CSV reader agree.
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
  /** OperandTwo.stringValue: 1-1500 characters. */
  STRING_OPERAND_MAX_LENGTH: 1500,
  /** ParentChildFieldOptionsMappingList: 1-200 mappings. */
  MAX_FIELD_OPTION_MAPPINGS: 200,
  /** FieldOptionValueList: child values of one mapping. */
  MAX_CHILD_OPTION_VALUES: 1500,
  /** FieldOptionValue: 0-100 characters. */
  OPTION_VALUE_MAX_LENGTH: 100,
  /** RequiredFieldList. */
  MAX_REQUIRED_FIELDS: 100,
  /** TemplateCaseRuleList. */
  MAX_TEMPLATE_RULES: 50,
} as const;
