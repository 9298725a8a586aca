/**
 * What IAM authorizes each Cases action against, for the actions the handler may need. Copied from
 * the Service Authorization Reference, "Actions, resources, and condition keys for Amazon Connect
 * Cases" (docs.aws.amazon.com/service-authorization/latest/reference/list_amazonconnectcases.html),
 * written out here independently of `lib/private/cases-permissions.ts` so the two can be compared.
 *
 * `required` lists resource types marked `*` (the policy must allow an ARN of each); `optional`
 * lists types the action accepts without requiring them (TagResource/UntagResource take the ARN of
 * the resource being tagged). An action with neither is authorized only on `*`.
 */

export type ResourceType = 'Domain' | 'CaseRule' | 'Template' | 'Layout' | 'Field';

export interface ActionAuthorization {
  readonly required: ResourceType[];
  readonly optional?: ResourceType[];
}

export const CASES_AUTHORIZATION: Record<string, ActionAuthorization> = {
  'cases:BatchGetCaseRule': { required: ['CaseRule', 'Domain'] },
  'cases:CreateCaseRule': { required: ['CaseRule', 'Domain'] },
  'cases:UpdateCaseRule': { required: ['CaseRule', 'Domain'] },
  'cases:DeleteCaseRule': { required: ['CaseRule', 'Domain'] },
  'cases:ListCaseRules': { required: ['Domain'] },
  'cases:CreateTemplate': { required: ['Domain', 'Layout', 'Template'] },
  'cases:GetTemplate': { required: ['Domain', 'Template'] },
  'cases:UpdateTemplate': { required: ['Domain', 'Template'] },
  'cases:DeleteTemplate': { required: ['Domain', 'Template'] },
  'cases:ListTemplates': { required: ['Domain'] },
  'cases:BatchPutFieldOptions': { required: ['Domain', 'Field'] },
  'cases:ListFieldOptions': { required: ['Domain', 'Field'] },
  'cases:BatchGetField': { required: ['Domain', 'Field'] },
  // IAM also accepts Case, Domain, Layout, RelatedItem, ...: listed here are only the types the
  // handler tags (the field whose options a FieldOptions resource owns) and untags.
  'cases:TagResource': { required: [], optional: ['CaseRule', 'Template', 'Field'] },
  'cases:UntagResource': { required: [], optional: ['CaseRule', 'Template'] },
  // No resource type: only `*` would do, which is why the handler must not call it.
  'cases:ListTagsForResource': { required: [] },
};

/** The ARN suffix after `domain/${DomainId}` of each resource type, ids as wildcards. */
export const ARN_SUFFIX: Record<ResourceType, string> = {
  Domain: '',
  CaseRule: '/case-rule/*',
  Template: '/template/*',
  Layout: '/layout/*',
  Field: '/field/*',
};
