import type {
  BooleanConditionShape, CaseRuleProperties, OperandTwoShape, TemplateProperties,
} from '../../lib/private/contract';
import { SeededDomain } from './domain';

/** Properties exactly as the constructs write them (before CloudFormation stringifies them). */

/** A required rule with one condition of each operand kind. */
export function requiredRuleProperties(domain: SeededDomain, overrides: Partial<CaseRuleProperties> = {}): CaseRuleProperties {
  return {
    DomainId: domain.domainId,
    Name: 'Notes required when urgent',
    Description: 'Urgent cases need notes',
    Rule: {
      required: {
        defaultValue: false,
        conditions: [
          equalTo(domain.urgentField, { booleanValue: true }, true),
          equalTo(domain.priorityField, { doubleValue: 1.5 }, true),
          equalTo(domain.statusField, { stringValue: 'true' }, true),
          notEqualTo(domain.notesField, { emptyValue: {} }, false),
        ],
      },
    },
    Tags: [{ Key: 'team', Value: 'support' }],
    ...overrides,
  };
}

/** `equalTo` condition in the API's shape. */
export function equalTo(fieldId: string, operandTwo: OperandTwoShape, result: boolean): BooleanConditionShape {
  return { equalTo: { operandOne: { fieldId }, operandTwo, result } };
}

/** `notEqualTo` condition in the API's shape. */
export function notEqualTo(fieldId: string, operandTwo: OperandTwoShape, result: boolean): BooleanConditionShape {
  return { notEqualTo: { operandOne: { fieldId }, operandTwo, result } };
}

/** `andAll` compound condition: every nested condition must hold. */
export function andAll(...conditions: BooleanConditionShape[]): BooleanConditionShape {
  return { andAll: { conditions } };
}

/** `orAll` compound condition: at least one nested condition must hold. */
export function orAll(...conditions: BooleanConditionShape[]): BooleanConditionShape {
  return { orAll: { conditions } };
}

/** A template using every attribute; `ruleIds` are attached to the notes field. */
export function fullTemplateProperties(
  domain: SeededDomain, ruleIds: string[], overrides: Partial<TemplateProperties> = {},
): TemplateProperties {
  return {
    DomainId: domain.domainId,
    Name: 'Support template',
    Description: 'Used by the support queue',
    Status: 'Active',
    LayoutConfiguration: { defaultLayout: domain.layoutId },
    RequiredFields: [{ fieldId: domain.statusField }],
    Rules: ruleIds.map((caseRuleId) => ({ caseRuleId, fieldId: domain.notesField })),
    TagPropagationConfigurations: [{ resourceType: 'Cases', tagMap: { queue: 'support' } }],
    Tags: [{ Key: 'team', Value: 'support' }],
    ...overrides,
  };
}

/** Only what a template requires. */
export function minimalTemplateProperties(domain: SeededDomain, overrides: Partial<TemplateProperties> = {}): TemplateProperties {
  return { DomainId: domain.domainId, Name: 'Minimal template', Status: 'Active', ...overrides };
}

/** `Omit` applied to each member of a union, so that a union of properties stays one. */
export type Without<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** Returns a copy of `properties` without `key` (how a construct writes a removed attribute). */
export function without<T extends object, K extends keyof T>(properties: T, key: K): Without<T, K> {
  const { [key]: _removed, ...rest } = properties;
  return rest as Without<T, K>;
}
