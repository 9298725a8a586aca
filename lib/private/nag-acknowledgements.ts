import { CfnResource, Stack, Validations } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

/**
 * Acknowledgements of cdk-nag findings that the library cannot fix, recorded with aws-cdk-lib's own
 * `Validations.of(...).acknowledge` (construct metadata that cdk-nag 3 and the CDK validation report
 * read), so the library does not depend on cdk-nag.
 */

/** Why each domain's policy names case rules, templates, layouts and fields with a trailing wildcard. */
export const WILDCARD_RESOURCE_REASON =
  'The Cases service assigns case-rule and template ids on create, so the handler cannot name them in advance; '
  + 'each wildcard is confined to one domain used by this stack and to one resource type (case-rule, template, '
  + 'layout, which CreateTemplate is authorized against for the template\'s default layout, or field, whose '
  + 'options a FieldOptions resource manages).';

/** A policy and the ARNs in it that end in a wildcard. */
export interface WildcardGrant {
  readonly policy: CfnResource;
  readonly arns: readonly string[];
}

/**
 * Acknowledges `AwsSolutions-IAM5[Resource::<arn>]` on each policy of `grants()` for its own ARNs.
 * Done in a validation of `owner`, which CDK runs after it has resolved cross-stack references: the
 * finding id spells the ARN as the template will (an `Fn::ImportValue` of another stack's export,
 * for example), which is not known while constructs are being added.
 */
export function acknowledgeWildcardResources(owner: IConstruct, grants: () => readonly WildcardGrant[], reason: string): void {
  let acknowledged = false;
  owner.node.addValidation({
    validate: () => {
      if (acknowledged) return [];
      acknowledged = true;
      for (const { policy, arns } of grants()) {
        const stack = Stack.of(policy);
        for (const arn of arns) {
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
