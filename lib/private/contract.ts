/**
 * The contract between the constructs (which write these properties into the template) and the
 * handler in `lambda/` (which reads them), declared once and imported by both.
 *
 * Values are in the Cases API's own shape (the members of `@aws-sdk/client-connectcases`), so a
 * rule reads in `cdk diff` as it reads in the API reference, and there is one format from props to
 * API call. `lambda/contract-conformance.ts` proves at compile time that these shapes are
 * assignable to the installed SDK's types.
 *
 * CloudFormation turns every scalar into a string and may drop `{}`, `[]` and `null` members on the
 * way to the handler. `SHAPES` describes each member's type, so the handler decodes the strings back
 * by type (never by guessing) and restores dropped empty members where the model requires them.
 *
 * This file must stay free of runtime imports: the handler bundle includes it.
 */

// ---------------------------------------------------------------------------------------------
// Resource types and shared constants
// ---------------------------------------------------------------------------------------------

/** CloudFormation resource types, one per kind the handler manages. */
export const RESOURCE_TYPES = {
  caseRule: 'Custom::ConnectCasesCaseRule',
  template: 'Custom::ConnectCasesTemplate',
  fieldOptions: 'Custom::ConnectCasesFieldOptions',
} as const;

/**
 * Tag the handler puts on every rule and template it manages. Its value is a digest of the stack
 * id and the logical id, which lets a retried Create prove that an existing record is its own.
 */
export const OWNER_TAG_KEY = 'cdk-connect-cases:owner';

/**
 * Tag the handler puts on a field whose options a `FieldOptions` resource manages; its value is that
 * resource's owner digest. Options are not records of their own, so the field carries the mark.
 */
export const FIELD_OPTIONS_OWNER_TAG_KEY = 'cdk-connect-cases:field-options-owner';

/** Kinds of case rule, as the API's `CaseRuleDetails` union members and `RuleType` values spell them. */
export const RULE_KINDS = {
  required: 'Required',
  hidden: 'Hidden',
  fieldOptions: 'FieldOptions',
} as const;

/** `CaseRuleDetails` member names. */
export type RuleKindMember = keyof typeof RULE_KINDS;

/** Template statuses as the API spells them. */
export const TEMPLATE_STATUSES = ['Active', 'Inactive'] as const;
export type TemplateStatusValue = (typeof TEMPLATE_STATUSES)[number];

/** One tag, as CDK's TagManager renders it (a list, so that an empty map never has to survive). */
export interface TagWire {
  readonly Key: string;
  readonly Value: string;
}

// ---------------------------------------------------------------------------------------------
// The API's shapes (camelCase members exactly as in the SDK)
// ---------------------------------------------------------------------------------------------

/** `OperandTwo` union: exactly one member. */
export interface OperandTwoShape {
  readonly stringValue?: string;
  readonly booleanValue?: boolean;
  readonly doubleValue?: number;
  readonly emptyValue?: Record<string, never>;
}

/** `OperandOne` union: only `fieldId` exists. */
export interface OperandOneShape {
  readonly fieldId: string;
}

/** `BooleanOperands`. */
export interface BooleanOperandsShape {
  readonly operandOne: OperandOneShape;
  readonly operandTwo: OperandTwoShape;
  readonly result: boolean;
}

/** `CompoundCondition`: all (`andAll`) or at least one (`orAll`) of the nested conditions. */
export interface CompoundConditionShape {
  readonly conditions: BooleanConditionShape[];
}

/** `BooleanCondition` union: exactly one member. */
export interface BooleanConditionShape {
  readonly equalTo?: BooleanOperandsShape;
  readonly notEqualTo?: BooleanOperandsShape;
  readonly andAll?: CompoundConditionShape;
  readonly orAll?: CompoundConditionShape;
}

/** `RequiredCaseRule` and `HiddenCaseRule`. */
export interface ConditionalCaseRuleShape {
  readonly defaultValue: boolean;
  readonly conditions: BooleanConditionShape[];
}

/** `ParentChildFieldOptionsMapping`. */
export interface ParentChildFieldOptionsMappingShape {
  readonly parentFieldOptionValue: string;
  readonly childFieldOptionValues: string[];
}

/** `FieldOptionsCaseRule`. */
export interface FieldOptionsCaseRuleShape {
  readonly parentFieldId?: string;
  readonly childFieldId?: string;
  readonly parentChildFieldOptionsMappings: ParentChildFieldOptionsMappingShape[];
}

/** `CaseRuleDetails` union: exactly one member. */
export interface CaseRuleDetailsShape {
  readonly required?: ConditionalCaseRuleShape;
  readonly hidden?: ConditionalCaseRuleShape;
  readonly fieldOptions?: FieldOptionsCaseRuleShape;
}

/** `TemplateRule`. */
export interface TemplateRuleShape {
  readonly caseRuleId: string;
  /** Absent for field-options rules, which name their fields inside the rule. */
  readonly fieldId?: string;
}

/** `RequiredField`. */
export interface RequiredFieldShape {
  readonly fieldId: string;
}

/** `LayoutConfiguration`. */
export interface LayoutConfigurationShape {
  readonly defaultLayout?: string;
}

/** `TagPropagationConfiguration`. */
export interface TagPropagationConfigurationShape {
  readonly resourceType: 'Cases';
  readonly tagMap: { [key: string]: string };
}

/** `FieldOption`. */
export interface FieldOptionShape {
  readonly name: string;
  readonly value: string;
  readonly active: boolean;
}

// ---------------------------------------------------------------------------------------------
// Resource properties (besides `ServiceToken` and `ServiceTimeout`)
// ---------------------------------------------------------------------------------------------

/** Members every managed kind has. */
export interface ManagedResourceProperties {
  readonly DomainId: string;
  /** User tags. Absent means none. */
  readonly Tags?: TagWire[];
}

/** `Custom::ConnectCasesCaseRule`. */
export interface CaseRuleProperties extends ManagedResourceProperties {
  readonly Name: string;
  /** Absent means no description (an update clears it). */
  readonly Description?: string;
  readonly Rule: CaseRuleDetailsShape;
  /** Id of an existing rule that Create takes over instead of creating one. */
  readonly AdoptId?: string;
}

/** `Custom::ConnectCasesTemplate`. Absent lists and configurations mean none (an update clears them). */
export interface TemplateProperties extends ManagedResourceProperties {
  readonly Name: string;
  readonly Description?: string;
  readonly Status: TemplateStatusValue;
  readonly LayoutConfiguration?: LayoutConfigurationShape;
  readonly RequiredFields?: RequiredFieldShape[];
  readonly Rules?: TemplateRuleShape[];
  readonly TagPropagationConfigurations?: TagPropagationConfigurationShape[];
  /** Id of an existing template that Create takes over instead of creating one. */
  readonly AdoptId?: string;
}

/** `Custom::ConnectCasesFieldOptions`: the options this resource owns on one SingleSelect field. */
export interface FieldOptionsProperties extends ManagedResourceProperties {
  readonly FieldId: string;
  readonly Options: FieldOptionShape[];
}

/** Data each kind returns to CloudFormation (`Fn::GetAtt`). */
export interface CaseRuleAttributes {
  readonly CaseRuleId: string;
  readonly CaseRuleArn: string;
}
export interface TemplateAttributes {
  readonly TemplateId: string;
  readonly TemplateArn: string;
}
export interface FieldOptionsAttributes {
  readonly FieldId: string;
}

// ---------------------------------------------------------------------------------------------
// Member types, for decoding what CloudFormation delivers
// ---------------------------------------------------------------------------------------------

/** A named shape of `SHAPES` (typed as a string to keep `SHAPES` free of a circular type). */
export type ShapeRef = string;

/** The type of one member, as the Smithy model states it. */
export type ShapeSpec =
  | { readonly type: 'string' }
  | { readonly type: 'boolean' }
  | { readonly type: 'number' }
  /** An empty structure such as `EmptyOperandValue`: `{}`. */
  | { readonly type: 'empty' }
  | { readonly type: 'list'; readonly member: ShapeSpec | ShapeRef }
  /** A map of string to string, e.g. `tagMap`. */
  | { readonly type: 'stringMap' }
  | { readonly type: 'structure'; readonly members: { readonly [name: string]: ShapeSpec | ShapeRef }; readonly required: readonly string[] }
  /** Exactly one member is set. */
  | { readonly type: 'union'; readonly members: { readonly [name: string]: ShapeSpec | ShapeRef } };

const STRING = { type: 'string' } as const;
const BOOLEAN = { type: 'boolean' } as const;
const NUMBER = { type: 'number' } as const;
const STRING_LIST = { type: 'list', member: STRING } as const;

/** Named shapes, so that recursive ones (`BooleanCondition`) can refer to themselves. */
export const SHAPES = {
  OperandOne: { type: 'union', members: { fieldId: STRING } },
  OperandTwo: { type: 'union', members: { stringValue: STRING, booleanValue: BOOLEAN, doubleValue: NUMBER, emptyValue: { type: 'empty' } } },
  BooleanOperands: {
    type: 'structure',
    members: { operandOne: 'OperandOne', operandTwo: 'OperandTwo', result: BOOLEAN },
    required: ['operandOne', 'operandTwo', 'result'],
  },
  CompoundCondition: { type: 'structure', members: { conditions: { type: 'list', member: 'BooleanCondition' } }, required: ['conditions'] },
  BooleanCondition: {
    type: 'union',
    members: { equalTo: 'BooleanOperands', notEqualTo: 'BooleanOperands', andAll: 'CompoundCondition', orAll: 'CompoundCondition' },
  },
  ConditionalCaseRule: {
    type: 'structure',
    members: { defaultValue: BOOLEAN, conditions: { type: 'list', member: 'BooleanCondition' } },
    required: ['defaultValue', 'conditions'],
  },
  ParentChildFieldOptionsMapping: {
    type: 'structure',
    members: { parentFieldOptionValue: STRING, childFieldOptionValues: STRING_LIST },
    required: ['parentFieldOptionValue', 'childFieldOptionValues'],
  },
  FieldOptionsCaseRule: {
    type: 'structure',
    members: { parentFieldId: STRING, childFieldId: STRING, parentChildFieldOptionsMappings: { type: 'list', member: 'ParentChildFieldOptionsMapping' } },
    required: ['parentChildFieldOptionsMappings'],
  },
  CaseRuleDetails: {
    type: 'union',
    members: { required: 'ConditionalCaseRule', hidden: 'ConditionalCaseRule', fieldOptions: 'FieldOptionsCaseRule' },
  },
  TemplateRule: { type: 'structure', members: { caseRuleId: STRING, fieldId: STRING }, required: ['caseRuleId'] },
  RequiredField: { type: 'structure', members: { fieldId: STRING }, required: ['fieldId'] },
  LayoutConfiguration: { type: 'structure', members: { defaultLayout: STRING }, required: [] },
  TagPropagationConfiguration: {
    type: 'structure',
    members: { resourceType: STRING, tagMap: { type: 'stringMap' } },
    required: ['resourceType', 'tagMap'],
  },
  FieldOption: { type: 'structure', members: { name: STRING, value: STRING, active: BOOLEAN }, required: ['name', 'value', 'active'] },
  Tag: { type: 'structure', members: { Key: STRING, Value: STRING }, required: ['Key', 'Value'] },

  // Resource properties. Optional lists are absent when empty (CloudFormation may drop `[]` anyway).
  CaseRuleProperties: {
    type: 'structure',
    members: { DomainId: STRING, Name: STRING, Description: STRING, Rule: 'CaseRuleDetails', AdoptId: STRING, Tags: { type: 'list', member: 'Tag' } },
    required: ['DomainId', 'Name', 'Rule'],
  },
  TemplateProperties: {
    type: 'structure',
    members: {
      DomainId: STRING,
      Name: STRING,
      Description: STRING,
      Status: STRING,
      LayoutConfiguration: 'LayoutConfiguration',
      RequiredFields: { type: 'list', member: 'RequiredField' },
      Rules: { type: 'list', member: 'TemplateRule' },
      TagPropagationConfigurations: { type: 'list', member: 'TagPropagationConfiguration' },
      AdoptId: STRING,
      Tags: { type: 'list', member: 'Tag' },
    },
    required: ['DomainId', 'Name', 'Status'],
  },
  FieldOptionsProperties: {
    type: 'structure',
    members: { DomainId: STRING, FieldId: STRING, Options: { type: 'list', member: 'FieldOption' }, Tags: { type: 'list', member: 'Tag' } },
    required: ['DomainId', 'FieldId', 'Options'],
  },
} as const satisfies { readonly [name: string]: ShapeSpec };

export type ShapeName = keyof typeof SHAPES;

/** The spec of a named shape or an inline spec; shared by the handler's decoder and the drift command. */
export function resolveShape(ref: ShapeSpec | ShapeRef): ShapeSpec {
  if (typeof ref !== 'string') return ref;
  const spec = (SHAPES as Record<string, ShapeSpec>)[ref];
  if (spec === undefined) throw new Error(`the contract has no shape ${ref}`);
  return spec;
}
