/**
 * The contract between the constructs (which write these properties into the template) and the
 * handler in `lambda/` (which reads them). Declared once, imported by both, so they cannot drift.
 *
 * Encoding rules, chosen to survive what CloudFormation does to custom-resource properties:
 * - every scalar arrives at the handler as a string (`true` -> "true", `1.5` -> "1.5"), so the
 *   handler decodes booleans and numbers by this schema, never by guessing;
 * - nothing relies on `{}`, `null` or `[]` reaching the handler: an operand's kind is an explicit
 *   `ValueType` tag (the empty operand is `ValueType: 'Empty'` with no value), optional attributes
 *   are simply absent, and an absent list means an empty list.
 *
 * This file must stay free of runtime imports: the handler bundle includes it.
 */

/** CloudFormation resource type of a case rule. */
export const CASE_RULE_RESOURCE_TYPE = 'Custom::ConnectCasesCaseRule';

/** CloudFormation resource type of a template. */
export const TEMPLATE_RESOURCE_TYPE = 'Custom::ConnectCasesTemplate';

/**
 * Tag the handler puts on everything it creates. Its value is a digest of the stack id and the
 * logical id, which lets a retried Create prove that an existing resource is its own.
 */
export const OWNER_TAG_KEY = 'cdk-connect-cases:owner';

/** A scalar as the construct writes it (left) or as CloudFormation delivers it (string). */
export type Wire<T> = T | string;

/** One tag, as a list entry rather than a map so that an empty map never has to survive. */
export interface TagWire {
  readonly Key: string;
  readonly Value: string;
}

/** Operand kinds of a condition's second operand (the API's `OperandTwo` union). */
export type OperandValueType = 'String' | 'Number' | 'Boolean' | 'Empty';

/** Comparison of a condition (the API's `BooleanCondition` union). */
export type ConditionOperator = 'EqualTo' | 'NotEqualTo';

/** A typed value: a condition's second operand, or a field value in local rule evaluation. */
export interface OperandWire {
  readonly ValueType: OperandValueType;
  /** Absent for `Empty`. A string for `String`; a number for `Number`; a boolean for `Boolean`. */
  readonly Value?: Wire<string | number | boolean>;
}

/** One condition of a required or hidden rule. */
export interface ConditionWire extends OperandWire {
  readonly Operator: ConditionOperator;
  /** The field whose value is compared (`operandOne.fieldId`). */
  readonly FieldId: string;
  /** The rule's value when this condition holds. */
  readonly Result: Wire<boolean>;
}

/** One parent option and the child options it allows (field-options rules). */
export interface FieldOptionsMappingWire {
  readonly ParentValue: string;
  /** Absent means no child option is allowed for this parent value. */
  readonly ChildValues?: string[];
}

/** Kinds of case rule (the API's `CaseRuleDetails` union). */
export type CaseRuleType = 'Required' | 'Hidden' | 'FieldOptions';

/** A rule body. Which members are present depends on `Type`. */
export interface RuleWire {
  readonly Type: CaseRuleType;
  /** Required and Hidden: the value when no condition holds. */
  readonly DefaultValue?: Wire<boolean>;
  /** Required and Hidden: ordered conditions. Absent means none. */
  readonly Conditions?: ConditionWire[];
  /** FieldOptions. */
  readonly ParentFieldId?: string;
  /** FieldOptions. */
  readonly ChildFieldId?: string;
  /** FieldOptions. */
  readonly Mappings?: FieldOptionsMappingWire[];
}

/** Properties of a `Custom::ConnectCasesCaseRule` resource (besides `ServiceToken`). */
export interface CaseRuleResourceProperties {
  readonly DomainId: string;
  readonly Name: string;
  /** Absent means no description (an update clears it). */
  readonly Description?: string;
  readonly Rule: RuleWire;
  /** User tags. Absent means none. */
  readonly Tags?: TagWire[];
}

/** Data a case rule returns to CloudFormation (`Fn::GetAtt`). */
export interface CaseRuleAttributes {
  readonly CaseRuleId: string;
  readonly CaseRuleArn: string;
}

/** A case rule attached to a template field. */
export interface TemplateRuleWire {
  readonly CaseRuleId: string;
  /** Absent for field-options rules, which name their fields inside the rule. */
  readonly FieldId?: string;
}

/** Tags the service copies onto cases created from a template. */
export interface TagPropagationWire {
  /** Only `Cases` exists today. */
  readonly ResourceType: string;
  readonly Tags?: TagWire[];
}

/** Template status as the API spells it. */
export type TemplateStatusWire = 'Active' | 'Inactive';

/** Properties of a `Custom::ConnectCasesTemplate` resource (besides `ServiceToken`). */
export interface TemplateResourceProperties {
  readonly DomainId: string;
  readonly Name: string;
  /** Absent means no description (an update clears it). */
  readonly Description?: string;
  readonly Status: TemplateStatusWire;
  /** Absent means no default layout (an update clears it). */
  readonly LayoutId?: string;
  /** Absent means none (an update clears them). */
  readonly RequiredFieldIds?: string[];
  /** Absent means none (an update clears them). */
  readonly Rules?: TemplateRuleWire[];
  /** Absent means none (an update clears them). */
  readonly TagPropagations?: TagPropagationWire[];
  /** User tags. Absent means none. */
  readonly Tags?: TagWire[];
}

/** Data a template returns to CloudFormation (`Fn::GetAtt`). */
export interface TemplateAttributes {
  readonly TemplateId: string;
  readonly TemplateArn: string;
}
