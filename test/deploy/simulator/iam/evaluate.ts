import { asList, PolicyDocument, PolicyStatement, statementsOf } from './policy-document';

export type Evaluation = 'allow' | 'explicitDeny' | 'implicitDeny';

/**
 * IAM's identity-based evaluation of one action on one resource: an explicit Deny wins, then an
 * Allow; with neither the request is denied. Actions match case-insensitively, resources
 * case-sensitively, both with the `*` and `?` wildcards. Conditions are not evaluated: an Allow
 * with a Condition never applies and a Deny with a Condition always does (the strict reading).
 */
export function evaluate(documents: readonly PolicyDocument[], action: string, resource: string): Evaluation {
  const statements = documents.flatMap(statementsOf).filter((statement) => matches(statement, action, resource));
  if (statements.some((statement) => statement.Effect === 'Deny')) return 'explicitDeny';
  if (statements.some((statement) => statement.Effect === 'Allow' && statement.Condition === undefined)) return 'allow';
  return 'implicitDeny';
}

function matches(statement: PolicyStatement, action: string, resource: string): boolean {
  const actionMatches = statement.Action !== undefined
    ? asList(statement.Action).some((pattern) => wildcardMatch(pattern, action, true))
    : !asList(statement.NotAction).some((pattern) => wildcardMatch(pattern, action, true));
  const resourceMatches = statement.Resource !== undefined
    ? asList(statement.Resource).some((pattern) => wildcardMatch(pattern, resource, false))
    : !asList(statement.NotResource).some((pattern) => wildcardMatch(pattern, resource, false));
  return actionMatches && resourceMatches;
}

/** IAM's glob: `*` any run of characters (also `/` and `:`), `?` exactly one. */
export function wildcardMatch(pattern: string, value: string, ignoreCase: boolean): boolean {
  const source = pattern.split('').map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&'))).join('');
  return new RegExp(`^${source}$`, ignoreCase ? 'is' : 's').test(value);
}
