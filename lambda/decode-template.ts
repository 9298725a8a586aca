import type { TagPropagationConfiguration, TemplateRule, TemplateStatus } from '@aws-sdk/client-connectcases';
import type { TemplateStatusWire } from '../lib/private/resource-properties';
import {
  decodeObject, decodeProperties, decodeString, optionalList, optionalString, optionalTags, requiredEnum, requiredString,
} from './decode';

/** A template's desired state, in the API's shapes. Absent attributes are empty, never undefined. */
export interface DesiredTemplate {
  readonly domainId: string;
  readonly name: string;
  readonly description?: string;
  readonly status: TemplateStatus;
  readonly layoutId?: string;
  readonly requiredFields: { fieldId: string }[];
  readonly rules: TemplateRule[];
  readonly tagPropagationConfigurations: TagPropagationConfiguration[];
  readonly tags: Record<string, string>;
}

const STATUSES: readonly TemplateStatusWire[] = ['Active', 'Inactive'];

/** Decodes `TemplateResourceProperties` as CloudFormation delivers them. */
export function decodeTemplate(properties: unknown): DesiredTemplate {
  const fields = decodeProperties(properties, [
    'DomainId', 'Name', 'Description', 'Status', 'LayoutId', 'RequiredFieldIds', 'Rules', 'TagPropagations', 'Tags',
  ]);
  return {
    domainId: requiredString(fields, 'DomainId', ''),
    name: requiredString(fields, 'Name', ''),
    description: optionalString(fields, 'Description', ''),
    status: requiredEnum(fields, 'Status', '', STATUSES),
    layoutId: optionalString(fields, 'LayoutId', ''),
    requiredFields: optionalList(fields, 'RequiredFieldIds', '', (value, path) => ({ fieldId: decodeString(value, path) })),
    rules: optionalList(fields, 'Rules', '', decodeTemplateRule),
    tagPropagationConfigurations: optionalList(fields, 'TagPropagations', '', decodeTagPropagation),
    tags: optionalTags(fields, 'Tags', ''),
  };
}

function decodeTemplateRule(value: unknown, path: string): TemplateRule {
  const fields = decodeObject(value, path, ['CaseRuleId', 'FieldId']);
  const fieldId = optionalString(fields, 'FieldId', path);
  return { caseRuleId: requiredString(fields, 'CaseRuleId', path), ...(fieldId === undefined ? {} : { fieldId }) };
}

function decodeTagPropagation(value: unknown, path: string): TagPropagationConfiguration {
  const fields = decodeObject(value, path, ['ResourceType', 'Tags']);
  return {
    resourceType: requiredString(fields, 'ResourceType', path) as TagPropagationConfiguration['resourceType'],
    tagMap: optionalTags(fields, 'Tags', path),
  };
}
