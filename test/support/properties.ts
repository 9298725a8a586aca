import type {
  CaseRuleResourceProperties, ConditionWire, TemplateResourceProperties,
} from '../../lib/private/resource-properties';
import { SeededDomain } from './domain';

/** Properties exactly as the constructs write them (before CloudFormation stringifies them). */

/** A required rule with one condition of each operand kind. */
export function requiredRuleProperties(domain: SeededDomain, overrides: Partial<CaseRuleResourceProperties> = {}): CaseRuleResourceProperties {
  return {
    DomainId: domain.domainId,
    Name: 'Notes required when urgent',
    Description: 'Urgent cases need notes',
    Rule: {
      Type: 'Required',
      DefaultValue: false,
      Conditions: [
        condition(domain.urgentField, 'Boolean', true, true),
        condition(domain.priorityField, 'Number', 1.5, true),
        condition(domain.statusField, 'String', 'true', true),
        { Operator: 'NotEqualTo', FieldId: domain.notesField, ValueType: 'Empty', Result: false },
      ],
    },
    Tags: [{ Key: 'team', Value: 'support' }],
    ...overrides,
  };
}

export function condition(fieldId: string, valueType: 'String' | 'Number' | 'Boolean', value: string | number | boolean, result: boolean): ConditionWire {
  return { Operator: 'EqualTo', FieldId: fieldId, ValueType: valueType, Value: value, Result: result };
}

/** A template using every attribute; `ruleIds` are attached to the status field. */
export function fullTemplateProperties(
  domain: SeededDomain, ruleIds: string[], overrides: Partial<TemplateResourceProperties> = {},
): TemplateResourceProperties {
  return {
    DomainId: domain.domainId,
    Name: 'Support template',
    Description: 'Used by the support queue',
    Status: 'Active',
    LayoutId: domain.layoutId,
    RequiredFieldIds: [domain.statusField],
    Rules: ruleIds.map((CaseRuleId) => ({ CaseRuleId, FieldId: domain.notesField })),
    TagPropagations: [{ ResourceType: 'Cases', Tags: [{ Key: 'queue', Value: 'support' }] }],
    Tags: [{ Key: 'team', Value: 'support' }],
    ...overrides,
  };
}

/** Only what a template requires. */
export function minimalTemplateProperties(domain: SeededDomain, overrides: Partial<TemplateResourceProperties> = {}): TemplateResourceProperties {
  return { DomainId: domain.domainId, Name: 'Minimal template', Status: 'Active', ...overrides };
}

/** Returns a copy of `properties` without `key` (how a construct writes a removed attribute). */
export function without<T extends object, K extends keyof T>(properties: T, key: K): Omit<T, K> {
  const { [key]: _removed, ...rest } = properties;
  return rest;
}
