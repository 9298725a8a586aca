import { ArnFormat, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';

/**
 * The Cases permissions of the handler: exactly the 12 operations it sends (`grep Command lambda/`),
 * each on the resource types IAM authorizes it against. From the Service Authorization Reference,
 * "Actions, resources, and condition keys for Amazon Connect Cases" (service prefix `cases`):
 * - ARNs: Domain `arn:${Partition}:cases:${Region}:${Account}:domain/${DomainId}`, CaseRule
 *   `.../domain/${DomainId}/case-rule/${CaseRuleId}`, Template `.../template/${TemplateId}`,
 *   Layout `.../layout/${LayoutId}`.
 * - Create/Update/Delete/BatchGetCaseRule require CaseRule* and Domain*.
 * - Get/Update/DeleteTemplate require Domain* and Template*; CreateTemplate requires Domain*, Layout*
 *   (the default layout it names) and Template*.
 * - ListCaseRules and ListTemplates require Domain* only.
 * - TagResource and UntagResource take an optional CaseRule, Template (or other) ARN; we tag only
 *   case rules and templates.
 * - ListTagsForResource names no resource type (it would need `*`); the handler does not call it:
 *   it reads tags from BatchGetCaseRule and GetTemplate.
 * Case-rule and template ids are assigned by the service on create, hence the `/*` in those ARNs.
 */

/** Where, inside one domain, an action group is authorized. */
type DomainResource = 'domain' | 'case-rule/*' | 'template/*' | 'layout/*';

interface ActionGroup {
  readonly actions: string[];
  readonly resources: DomainResource[];
}

const ACTION_GROUPS: ActionGroup[] = [
  {
    actions: ['cases:CreateCaseRule', 'cases:UpdateCaseRule', 'cases:DeleteCaseRule', 'cases:BatchGetCaseRule'],
    resources: ['domain', 'case-rule/*'],
  },
  { actions: ['cases:CreateTemplate'], resources: ['domain', 'template/*', 'layout/*'] },
  { actions: ['cases:UpdateTemplate', 'cases:GetTemplate', 'cases:DeleteTemplate'], resources: ['domain', 'template/*'] },
  { actions: ['cases:ListCaseRules', 'cases:ListTemplates'], resources: ['domain'] },
  { actions: ['cases:TagResource', 'cases:UntagResource'], resources: ['case-rule/*', 'template/*'] },
];

/** Resources whose ARN ends in a wildcard, which cdk-nag's AwsSolutions-IAM5 reports. */
export const WILDCARD_DOMAIN_RESOURCES: readonly DomainResource[] = ['case-rule/*', 'template/*', 'layout/*'];

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
 * One statement per action group, to which each granted domain adds its ARNs. Grouping by action
 * rather than by domain keeps the role's inline policy small (IAM allows 10,240 characters).
 */
export class CasesPermissions {
  private readonly statements = ACTION_GROUPS.map((group) => ({ group, statement: new iam.PolicyStatement({ actions: group.actions }) }));

  /** The statements, to add to the role once. Empty of resources until `addDomain` is called. */
  public get policyStatements(): iam.PolicyStatement[] {
    return this.statements.map(({ statement }) => statement);
  }

  /** Allows every action group on its resources in `domainId`. */
  public addDomain(stack: Stack, domainId: string): void {
    for (const { group, statement } of this.statements) {
      statement.addResources(...group.resources.map((resource) => domainResourceArn(stack, domainId, resource)));
    }
  }
}
