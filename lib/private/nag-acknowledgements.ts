import { CfnResource, Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { IConstruct } from 'constructs';

/**
 * Acknowledgements of cdk-nag findings that the library cannot fix, recorded with aws-cdk-lib's own
 * `Validations.of(...).acknowledge` (construct metadata that cdk-nag 3 and the CDK validation report
 * read), so the library does not depend on cdk-nag.
 */

/** Why the handler's policy names case rules, templates and layouts with a trailing wildcard. */
export const WILDCARD_RESOURCE_REASON =
  'The Cases service assigns case-rule and template ids on create, so the handler cannot name them in advance; '
  + 'each wildcard is confined to one domain used by this stack and to one resource type (case-rule, template, '
  + 'or layout, which CreateTemplate is authorized against for the template\'s default layout).';

/**
 * Acknowledges `AwsSolutions-IAM5[Resource::<arn>]` for each of `arns()` on every IAM policy under
 * `role`. Done in a validation of `owner`, which CDK runs after it has resolved cross-stack
 * references: the finding id spells the ARN as the template will (an `Fn::ImportValue` of another
 * stack's export, for example), which is not known while constructs are being added.
 */
export function acknowledgeWildcardResources(owner: IConstruct, role: iam.IRole, arns: () => string[], reason: string): void {
  let acknowledged = false;
  owner.node.addValidation({
    validate: () => {
      if (acknowledged) return [];
      acknowledged = true;
      const stack = Stack.of(owner);
      const policies = role.node.findAll().filter((c) => c instanceof iam.CfnPolicy || c instanceof iam.CfnManagedPolicy);
      for (const policy of policies as CfnResource[]) {
        for (const arn of arns()) {
          Validations.of(policy).acknowledge({
            id: `AwsSolutions::AwsSolutions-IAM5[Resource::${flattenCfnReference(stack.resolve(arn))}]`,
            reason,
          });
        }
      }
      return [];
    },
  });
}

/**
 * A resolved CloudFormation value as cdk-nag spells it in finding ids: `Fn::Join` concatenated,
 * `Ref` as `<Name>`, `Fn::GetAtt` as `<Resource.Attribute>`, `Fn::ImportValue` as its export name,
 * `${X}` of `Fn::Sub` as `<X>`. Mirrors `flattenCfnReference` in cdk-nag's `utils/flatten-cfn-reference`.
 */
export function flattenCfnReference(node: unknown): string {
  if (node === undefined) return '';
  if (typeof node === 'string') return node.replace(/\$\{/g, '<').replace(/\}/g, '>');
  const fn = node as Record<string, any>;
  if (fn['Fn::Join']) {
    const [delimiter, items] = fn['Fn::Join'] as [string, unknown[]];
    return items.map(flattenCfnReference).join(delimiter);
  }
  if (fn['Fn::Sub']) return flattenCfnReference(fn['Fn::Sub']);
  if (fn['Fn::GetAtt']) {
    const [resource, attribute] = fn['Fn::GetAtt'] as [unknown, unknown];
    return `<${flattenCfnReference(resource)}.${flattenCfnReference(attribute)}>`;
  }
  if (fn['Fn::ImportValue']) return flattenCfnReference(fn['Fn::ImportValue']);
  if (fn.Ref) return `<${flattenCfnReference(fn.Ref)}>`;
  return JSON.stringify(node);
}
