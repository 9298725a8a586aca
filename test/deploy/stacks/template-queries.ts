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
