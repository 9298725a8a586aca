import { ArnFormat, Stack } from 'aws-cdk-lib';

/**
 * The Cases permissions of the handler in one domain: exactly the operations it sends
 * (`grep Command lambda/`), each on the resource types IAM authorizes it against. From the Service
 * Authorization Reference, "Actions, resources, and condition keys for Amazon Connect Cases"
 * (service prefix `cases`):
 * - ARNs: Domain `arn:${Partition}:cases:${Region}:${Account}:domain/${DomainId}`, CaseRule
 *   `.../domain/${DomainId}/case-rule/${CaseRuleId}`, Template `.../template/${TemplateId}`,
 *   Layout `.../layout/${LayoutId}`, Field `.../field/${FieldId}`.
 * - Create/Update/Delete/BatchGetCaseRule require CaseRule* and Domain*.
 * - Get/Update/DeleteTemplate require Domain* and Template*; CreateTemplate requires Domain*, Layout*
 *   (the default layout it names) and Template*.
 * - ListCaseRules and ListTemplates require Domain* only.
 * - BatchPutFieldOptions, ListFieldOptions and BatchGetField require Domain* and Field*.
 * - TagResource and UntagResource take an optional CaseRule, Template, Field (or other) ARN: the
 *   handler tags and untags case rules and templates, and tags (never untags) the field whose
 *   options a FieldOptions resource owns.
 * - ListTagsForResource names no resource type (it would need `*`); the handler does not call it:
 *   it reads tags from BatchGetCaseRule and GetTemplate.
 * Case-rule and template ids are assigned by the service on create, and a FieldOptions resource may
 * manage any field of its domain, hence the `/*` in those ARNs.
 */

/** Where, inside one domain, actions are authorized. */
export type DomainResource = 'domain' | 'case-rule/*' | 'template/*' | 'layout/*' | 'field/*';

/**
 * One statement per resource of the domain, listing the actions IAM authorizes against it. Grouped
 * by resource rather than by action so that each ARN is written once: a role's inline policies
 * share 10,240 characters, and every domain of the stack adds one policy.
 */
const STATEMENTS: ReadonlyArray<{ readonly resource: DomainResource; readonly actions: readonly string[] }> = [
  {
    resource: 'domain',
    actions: [
      'cases:CreateCaseRule', 'cases:UpdateCaseRule', 'cases:DeleteCaseRule', 'cases:BatchGetCaseRule', 'cases:ListCaseRules',
      'cases:CreateTemplate', 'cases:UpdateTemplate', 'cases:GetTemplate', 'cases:DeleteTemplate', 'cases:ListTemplates',
      'cases:BatchPutFieldOptions', 'cases:ListFieldOptions', 'cases:BatchGetField',
    ],
  },
  {
    resource: 'case-rule/*',
    actions: ['cases:CreateCaseRule', 'cases:UpdateCaseRule', 'cases:DeleteCaseRule', 'cases:BatchGetCaseRule', 'cases:TagResource', 'cases:UntagResource'],
  },
  {
    resource: 'template/*',
    actions: ['cases:CreateTemplate', 'cases:UpdateTemplate', 'cases:GetTemplate', 'cases:DeleteTemplate', 'cases:TagResource', 'cases:UntagResource'],
  },
  { resource: 'layout/*', actions: ['cases:CreateTemplate'] },
  { resource: 'field/*', actions: ['cases:BatchPutFieldOptions', 'cases:ListFieldOptions', 'cases:BatchGetField', 'cases:TagResource'] },
];

/** Resources whose ARN ends in a wildcard, which cdk-nag's AwsSolutions-IAM5 reports. */
export const WILDCARD_DOMAIN_RESOURCES: readonly DomainResource[] = STATEMENTS
  .map((s) => s.resource)
  .filter((resource) => resource.endsWith('/*'));

/** `arn:${Partition}:cases:${Region}:${Account}:domain/${domainId}[/${resource}]` in `stack`. */
export function domainResourceArn(stack: Stack, domainId: string, resource: DomainResource): string {
  return stack.formatArn({
    service: 'cases',
    resource: 'domain',
    resourceName: resource === 'domain' ? domainId : `${domainId}/${resource}`,
    arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
  });
}

/**
 * The policy document that lets the handler manage everything it manages in `domainId`. It depends
 * on the domain alone (not on which kinds of resource the stack declares there), so it never
 * shrinks while resources of the domain still exist.
 */
export function domainPolicyDocument(stack: Stack, domainId: string): object {
  return {
    Version: '2012-10-17',
    Statement: STATEMENTS.map(({ resource, actions }) => ({
      Effect: 'Allow',
      Action: [...actions],
      Resource: domainResourceArn(stack, domainId, resource),
    })),
  };
}

/** IAM's limit on the inline policies of one role, all together (characters, white space excluded). */
export const ROLE_INLINE_POLICIES_MAX_CHARACTERS = 10_240;

/**
 * The most characters one domain's policy can take once deployed: its document with the longest
 * partition, region and account, and a Cases domain id (a UUID, 36 characters).
 */
export function domainPolicyMaxCharacters(): number {
  const arnOf = (resource: DomainResource) =>
    `arn:aws-us-gov:cases:ap-southeast-5:123456789012:domain/00000000-0000-0000-0000-000000000000${resource === 'domain' ? '' : `/${resource}`}`;
  const document = {
    Version: '2012-10-17',
    Statement: STATEMENTS.map(({ resource, actions }) => ({ Effect: 'Allow', Action: actions, Resource: arnOf(resource) })),
  };
  return JSON.stringify(document).length;
}
