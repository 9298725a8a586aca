import { CaseRuleType } from '../case-rule-type';
import { RULE_KINDS, RuleKindMember } from './contract';

/**
 * The `CaseRuleType` of each `CaseRuleDetails` member. Checked against the contract's `RULE_KINDS`
 * at compile time, so the public enum and the contract cannot drift apart.
 */
export const RULE_TYPES = {
  required: CaseRuleType.REQUIRED,
  hidden: CaseRuleType.HIDDEN,
  fieldOptions: CaseRuleType.FIELD_OPTIONS,
} as const satisfies { readonly [K in RuleKindMember]: (typeof RULE_KINDS)[K] };

/** Fails to compile when the enum has a member that no `CaseRuleDetails` member maps to. */
type Unmapped = Exclude<CaseRuleType, (typeof RULE_TYPES)[RuleKindMember]>;
const EVERY_TYPE_MAPPED: [Unmapped] extends [never] ? true : never = true;
void EVERY_TYPE_MAPPED;

/** The `CaseRuleDetails` members, in the contract's order. */
export const RULE_MEMBERS = Object.keys(RULE_KINDS) as RuleKindMember[];
