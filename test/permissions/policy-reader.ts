/** Reads IAM statements out of a synthesized CloudFormation template, in a form easy to compare. */

export interface ReadStatement {
  /** Logical id of the policy, role or managed policy that holds the statement. */
  readonly holder: string;
  readonly effect: string;
  readonly actions: string[];
  /** Each resource rendered by `renderValue`. */
  readonly resources: string[];
}

/** Every statement of every identity policy: `AWS::IAM::Policy`, `AWS::IAM::ManagedPolicy` and roles' inline `Policies`. */
export function allStatements(template: { Resources?: Record<string, any> }): ReadStatement[] {
  const statements: ReadStatement[] = [];
  for (const [logicalId, resource] of Object.entries(template.Resources ?? {})) {
    const documents: any[] = [];
    if (resource.Type === 'AWS::IAM::Policy' || resource.Type === 'AWS::IAM::ManagedPolicy') documents.push(resource.Properties.PolicyDocument);
    if (resource.Type === 'AWS::IAM::Role') documents.push(...(resource.Properties.Policies ?? []).map((p: any) => p.PolicyDocument));
    for (const document of documents) {
      for (const s of document.Statement) {
        statements.push({
          holder: logicalId,
          effect: s.Effect,
          actions: [s.Action ?? []].flat(),
          resources: [s.Resource ?? []].flat().map(renderValue),
        });
      }
    }
  }
  return statements;
}

/**
 * A resolved value as one string: `Fn::Join` concatenated, `{ Ref: X }` as `${X}`,
 * `Fn::GetAtt` as `${Resource.Attribute}`, `Fn::ImportValue` as `${Import:Name}`.
 */
export function renderValue(value: unknown): string {
  if (typeof value === 'string') return value;
  const fn = value as Record<string, any>;
  if (fn['Fn::Join']) {
    const [delimiter, parts] = fn['Fn::Join'];
    return (parts as unknown[]).map(renderValue).join(delimiter);
  }
  if (fn.Ref !== undefined) return `\${${fn.Ref}}`;
  if (fn['Fn::GetAtt']) return `\${${fn['Fn::GetAtt'].join('.')}}`;
  if (fn['Fn::ImportValue'] !== undefined) return `\${Import:${renderValue(fn['Fn::ImportValue'])}}`;
  throw new Error(`renderValue: unexpected ${JSON.stringify(value)}`);
}

/** `arn:${AWS::Partition}:cases:${AWS::Region}:${AWS::AccountId}:domain/` as `renderValue` spells it. */
export const CASES_DOMAIN_ARN_PREFIX = 'arn:${AWS::Partition}:cases:${AWS::Region}:${AWS::AccountId}:domain/';
