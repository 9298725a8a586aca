import { ArnFormat, Fn, Stack, Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

/** Kinds of resource that live inside a Cases domain, as their ARNs spell them. */
export type DomainChildType = 'case-rule' | 'template';

/** The two ids a domain child's ARN carries. */
export interface DomainChildIds {
  readonly domainId: string;
  readonly childId: string;
}

/** `arn:${Partition}:cases:${Region}:${Account}:domain/${domainId}/${childType}/${childId}` in the scope's stack. */
export function formatDomainChildArn(scope: IConstruct, childType: DomainChildType, domainId: string, childId: string): string {
  return Stack.of(scope).formatArn({
    service: 'cases',
    resource: 'domain',
    resourceName: `${domainId}/${childType}/${childId}`,
    arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
  });
}

/**
 * Reads the domain id and the child id from an ARN like
 * `arn:aws:cases:us-east-1:111122223333:domain/{domainId}/case-rule/{caseRuleId}`.
 * A token ARN (e.g. a parameter) is split at deploy time with Fn::Split/Fn::Select, like CDK's
 * own `Arn.split` does.
 */
export function parseDomainChildArn(arn: string, childType: DomainChildType, where: string): DomainChildIds {
  if (Token.isUnresolved(arn)) {
    const resourcePart = Fn.select(5, Fn.split(':', arn));
    const path = Fn.split('/', resourcePart);
    return { domainId: Fn.select(1, path), childId: Fn.select(3, path) };
  }
  const match = new RegExp(`^arn:[^:]+:cases:[^:]*:[^:]*:domain/([^/]+)/${childType}/([^/]+)$`).exec(arn);
  if (!match) {
    throw new Error(
      `[${where}] expected an ARN like arn:<partition>:cases:<region>:<account>:domain/<domainId>/${childType}/<id>; received '${arn}'`,
    );
  }
  return { domainId: match[1], childId: match[2] };
}
