import type { BooleanCondition, CaseRuleDetails, OperandTwo } from '@aws-sdk/client-connectcases';
import type { CaseRuleType, ConditionOperator, OperandValueType } from '../lib/private/resource-properties';
import { DecodeFailure } from './errors';
import {
  childPath, decodeNumber, decodeObject, decodeProperties, decodeString, describe, optionalList, optionalString,
  optionalTags, requiredBoolean, requiredEnum, requiredString,
} from './decode';

/** A case rule's desired state, in the API's shapes. */
export interface DesiredCaseRule {
  readonly domainId: string;
  readonly name: string;
  readonly description?: string;
  readonly rule: CaseRuleDetails;
  readonly tags: Record<string, string>;
}

const RULE_TYPES: readonly CaseRuleType[] = ['Required', 'Hidden', 'FieldOptions'];
const OPERATORS: readonly ConditionOperator[] = ['EqualTo', 'NotEqualTo'];
const VALUE_TYPES: readonly OperandValueType[] = ['String', 'Number', 'Boolean', 'Empty'];

/** Decodes `CaseRuleResourceProperties` as CloudFormation delivers them. */
export function decodeCaseRule(properties: unknown): DesiredCaseRule {
  const fields = decodeProperties(properties, ['DomainId', 'Name', 'Description', 'Rule', 'Tags']);
  return {
    domainId: requiredString(fields, 'DomainId', ''),
    name: requiredString(fields, 'Name', ''),
    description: optionalString(fields, 'Description', ''),
    rule: decodeRule(fields.Rule, 'Rule'),
    tags: optionalTags(fields, 'Tags', ''),
  };
}

function decodeRule(value: unknown, path: string): CaseRuleDetails {
  const fields = decodeObject(value, path, ['Type', 'DefaultValue', 'Conditions', 'ParentFieldId', 'ChildFieldId', 'Mappings']);
  const type = requiredEnum(fields, 'Type', path, RULE_TYPES);
  if (type === 'FieldOptions') {
    const parentFieldId = optionalString(fields, 'ParentFieldId', path);
    const childFieldId = optionalString(fields, 'ChildFieldId', path);
    return {
      fieldOptions: {
        ...(parentFieldId === undefined ? {} : { parentFieldId }),
        ...(childFieldId === undefined ? {} : { childFieldId }),
        parentChildFieldOptionsMappings: optionalList(fields, 'Mappings', path, decodeMapping),
      },
    };
  }
  const body = {
    defaultValue: requiredBoolean(fields, 'DefaultValue', path),
    conditions: optionalList(fields, 'Conditions', path, decodeCondition),
  };
  return type === 'Required' ? { required: body } : { hidden: body };
}

function decodeMapping(value: unknown, path: string) {
  const fields = decodeObject(value, path, ['ParentValue', 'ChildValues']);
  return {
    parentFieldOptionValue: requiredString(fields, 'ParentValue', path),
    childFieldOptionValues: optionalList(fields, 'ChildValues', path, decodeString),
  };
}

function decodeCondition(value: unknown, path: string): BooleanCondition {
  const fields = decodeObject(value, path, ['Operator', 'FieldId', 'ValueType', 'Value', 'Result']);
  const operator = requiredEnum(fields, 'Operator', path, OPERATORS);
  const operands = {
    operandOne: { fieldId: requiredString(fields, 'FieldId', path) },
    operandTwo: decodeOperand(fields, path),
    result: requiredBoolean(fields, 'Result', path),
  };
  return operator === 'EqualTo' ? { equalTo: operands } : { notEqualTo: operands };
}

/** The second operand, typed by `ValueType`: a String "true" stays the string "true". */
function decodeOperand(fields: Record<string, unknown>, path: string): OperandTwo {
  const type = requiredEnum(fields, 'ValueType', path, VALUE_TYPES);
  const valuePath = childPath(path, 'Value');
  switch (type) {
    case 'String':
      return { stringValue: requiredString(fields, 'Value', path) };
    case 'Number':
      return { doubleValue: decodeNumber(fields.Value, valuePath) };
    case 'Boolean':
      return { booleanValue: requiredBoolean(fields, 'Value', path) };
    case 'Empty':
      if (fields.Value !== undefined && fields.Value !== null && fields.Value !== '') {
        throw new DecodeFailure(valuePath, `an Empty operand has no value, received ${describe(fields.Value)}`);
      }
      return { emptyValue: {} };
  }
}
