import type {
  BooleanCondition, BooleanOperands, CaseRuleDetails, CompoundCondition, FieldOption, FieldOptionsCaseRule, HiddenCaseRule, LayoutConfiguration,
  OperandTwo, ParentChildFieldOptionsMapping, RequiredCaseRule, RequiredField, TagPropagationConfiguration, TemplateRule,
} from '@aws-sdk/client-connectcases';
import type {
  BooleanConditionShape, BooleanOperandsShape, CaseRuleDetailsShape, CompoundConditionShape, ConditionalCaseRuleShape, FieldOptionShape,
  FieldOptionsCaseRuleShape, LayoutConfigurationShape, OperandTwoShape, ParentChildFieldOptionsMappingShape, RequiredFieldShape,
  TagPropagationConfigurationShape, TemplateRuleShape,
} from '../lib/private/contract';

/**
 * Compile-time proof that the contract's shapes are the installed SDK's: `npm run typecheck` fails
 * if a member is renamed, added or retyped on either side. Nothing here runs.
 */
type MemberNames<T> = Exclude<T extends unknown ? keyof T : never, '$unknown'>;
type SameMembers<Ours, Sdk> = [keyof Ours] extends [MemberNames<Sdk>] ? ([MemberNames<Sdk>] extends [keyof Ours] ? true : never) : never;
type Assignable<From, To> = [From] extends [To] ? true : never;

export const CONTRACT_MATCHES_SDK: [
  SameMembers<CaseRuleDetailsShape, CaseRuleDetails>,
  SameMembers<BooleanConditionShape, BooleanCondition>,
  SameMembers<CompoundConditionShape, CompoundCondition>,
  SameMembers<BooleanOperandsShape, BooleanOperands>,
  SameMembers<OperandTwoShape, OperandTwo>,
  SameMembers<ConditionalCaseRuleShape, RequiredCaseRule>,
  SameMembers<ConditionalCaseRuleShape, HiddenCaseRule>,
  SameMembers<FieldOptionsCaseRuleShape, FieldOptionsCaseRule>,
  Assignable<ParentChildFieldOptionsMappingShape, ParentChildFieldOptionsMapping>,
  Assignable<Required<OperandTwoShape>['stringValue' | 'booleanValue' | 'doubleValue'], NonNullable<OperandTwo['stringValue' | 'booleanValue' | 'doubleValue']>>,
  Assignable<BooleanOperandsShape['result'], NonNullable<BooleanOperands['result']>>,
  Assignable<TemplateRuleShape, TemplateRule>,
  Assignable<RequiredFieldShape, RequiredField>,
  Assignable<LayoutConfigurationShape, LayoutConfiguration>,
  Assignable<TagPropagationConfigurationShape, TagPropagationConfiguration>,
  Assignable<FieldOptionShape, FieldOption>,
] = [true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true];
