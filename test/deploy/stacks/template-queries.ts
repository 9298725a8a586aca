import { CfnTemplate } from '../simulator';

/** The logical id that CDK derived from construct id `constructId` (id + hash suffix), or the id itself. */
export function logicalIdOf(template: CfnTemplate, constructId: string): string {
  const matches = Object.keys(template.Resources).filter((id) => id === constructId || new RegExp(`^${constructId}[0-9A-F]{8}$`).test(id));
  if (matches.length !== 1) throw new Error(`expected one resource for construct ${constructId}, found ${matches.join(', ') || 'none'}`);
  return matches[0];
}

/** A property of a resource as the template declares it. */
export function declaredProperty(template: CfnTemplate, logicalId: string, property: string): unknown {
  return template.Resources[logicalId].Properties?.[property];
}

/**
 * The `AWS::IAM::Policy` that grants the handler its Cases permissions in the domain declared as
 * `domainLogicalId`: the one whose document refers to that domain's id.
 */
export function domainPolicyOf(template: CfnTemplate, domainLogicalId: string): string {
  const reference = JSON.stringify({ 'Fn::GetAtt': [domainLogicalId, 'DomainId'] });
  const matches = Object.entries(template.Resources)
    .filter(([, resource]) => resource.Type === 'AWS::IAM::Policy' && JSON.stringify(resource.Properties?.PolicyDocument).includes(reference))
    .map(([id]) => id);
  if (matches.length !== 1) throw new Error(`expected one IAM policy for domain ${domainLogicalId}, found ${matches.join(', ') || 'none'}`);
  return matches[0];
}

/** What a resource `DependsOn`, as a list. */
export function dependsOnOf(template: CfnTemplate, logicalId: string): string[] {
  const dependsOn = template.Resources[logicalId].DependsOn;
  return dependsOn === undefined ? [] : ([] as string[]).concat(dependsOn);
}
