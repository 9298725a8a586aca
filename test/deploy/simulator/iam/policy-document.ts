/**
 * IAM identity-based policy documents as the simulator reads them (after intrinsics are resolved),
 * and the checks IAM makes when a policy is written (MalformedPolicyDocument, size limits).
 */

export interface PolicyStatement {
  readonly Sid?: string;
  readonly Effect: 'Allow' | 'Deny';
  readonly Action?: string | string[];
  readonly NotAction?: string | string[];
  readonly Resource?: string | string[];
  readonly NotResource?: string | string[];
  readonly Condition?: Record<string, unknown>;
}

export interface PolicyDocument {
  readonly Version?: string;
  readonly Statement: PolicyStatement | PolicyStatement[];
}

/** IAM quotas: the inline policies of a role together, and one managed policy (characters, white space not counted). */
export const MAX_ROLE_INLINE_POLICY_CHARS = 10_240;
export const MAX_MANAGED_POLICY_CHARS = 6_144;

const ACTION = /^(\*|[a-zA-Z0-9-]+:[a-zA-Z0-9*?]+)$/;

export function statementsOf(document: PolicyDocument): PolicyStatement[] {
  return [document.Statement].flat();
}

export function asList(value: string | string[] | undefined): string[] {
  return value === undefined ? [] : [value].flat();
}

/** What IAM would refuse in `document`, or undefined when it is well formed. */
export function malformation(document: unknown): string | undefined {
  if (typeof document !== 'object' || document === null) return 'the policy document is not a JSON object';
  const statements = (document as { Statement?: unknown }).Statement;
  if (statements === undefined) return 'the policy document has no Statement';
  for (const [index, statement] of [statements].flat().entries()) {
    const at = `Statement[${index}]`;
    if (typeof statement !== 'object' || statement === null) return `${at} is not a JSON object`;
    const s = statement as Record<string, unknown>;
    if (s.Effect !== 'Allow' && s.Effect !== 'Deny') return `${at}.Effect must be Allow or Deny, received ${JSON.stringify(s.Effect)}`;
    if ((s.Action === undefined) === (s.NotAction === undefined)) return `${at} must have exactly one of Action and NotAction`;
    if ((s.Resource === undefined) === (s.NotResource === undefined)) return `${at} must have exactly one of Resource and NotResource`;
    for (const key of ['Action', 'NotAction', 'Resource', 'NotResource']) {
      if (s[key] === undefined) continue;
      const values = [s[key]].flat();
      if (values.length === 0) return `${at}.${key} is empty`;
      const bad = values.find((value) => typeof value !== 'string' || value === '');
      if (bad !== undefined) return `${at}.${key} holds ${JSON.stringify(bad)}, which is not a non-empty string`;
      if (key.endsWith('Action')) {
        const badAction = (values as string[]).find((value) => !ACTION.test(value));
        if (badAction !== undefined) return `${at}.${key} holds '${badAction}', which is not <service>:<action>`;
      }
    }
  }
  return undefined;
}

/** A policy's size as IAM counts it: its JSON without white space outside strings. */
export function policySize(document: unknown): number {
  return JSON.stringify(document).length;
}
