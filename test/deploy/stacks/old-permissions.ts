import { CfnTemplate } from '../simulator';

/**
 * Templates rewritten to grant the handler as the library did before issue #10, for the negative
 * controls of the domain-change tests: they show that the simulator catches a rule whose delete
 * runs without the permission to delete it.
 */

type Resources = Record<string, { Type: string; Properties?: Record<string, unknown>; DependsOn?: string | string[] }>;
interface Statement { Resource?: unknown }

/**
 * Every custom resource without its `DependsOn` on an `AWS::IAM::Policy`: nothing orders a rule's
 * delete before the delete of the policy that allows it.
 */
export function withoutPolicyDependencies(template: CfnTemplate): CfnTemplate {
  const copy = structuredClone(template);
  const resources = copy.Resources as Resources;
  const policies = new Set(Object.keys(resources).filter((id) => resources[id].Type === 'AWS::IAM::Policy'));
  let removed = 0;
  for (const resource of Object.values(resources)) {
    if (!resource.Type.startsWith('Custom::') || resource.DependsOn === undefined) continue;
    const kept = ([] as string[]).concat(resource.DependsOn).filter((id) => !policies.has(id));
    removed += ([] as string[]).concat(resource.DependsOn).length - kept.length;
    if (kept.length === 0) delete resource.DependsOn;
    else resource.DependsOn = kept;
  }
  if (removed === 0) throw new Error('no custom resource depends on a policy: the rewrite would prove nothing');
  return copy;
}

/**
 * The old design: one policy (the one the handler function `DependsOn`) grants every domain of the
 * stack, and custom resources depend only on the function. When a domain's last resource leaves,
 * that policy is updated in the deploy phase, before cleanup deletes the resource.
 */
export function withMergedPolicies(template: CfnTemplate): CfnTemplate {
  const copy = structuredClone(template);
  const resources = copy.Resources as Resources;
  const functions = Object.values(resources).filter((r) => r.Type === 'AWS::Lambda::Function');
  const functionPolicies = functions.flatMap((fn) => ([] as string[]).concat(fn.DependsOn ?? [])).filter((id) => resources[id]?.Type === 'AWS::IAM::Policy');
  if (functionPolicies.length !== 1) throw new Error(`expected the handler function to depend on one policy, found ${functionPolicies.join(', ') || 'none'}`);
  const merged = resources[functionPolicies[0]];
  const mergedDocument = merged.Properties!.PolicyDocument as { Statement: Statement[] };
  const domainPolicies = Object.keys(resources).filter((id) => resources[id].Type === 'AWS::IAM::Policy' && id !== functionPolicies[0]);
  for (const id of domainPolicies) {
    mergedDocument.Statement.push(...(resources[id].Properties!.PolicyDocument as { Statement: Statement[] }).Statement);
    delete resources[id];
  }
  for (const resource of Object.values(resources)) {
    if (resource.DependsOn === undefined) continue;
    const kept = ([] as string[]).concat(resource.DependsOn).filter((id) => !domainPolicies.includes(id));
    if (kept.length === 0) delete resource.DependsOn;
    else resource.DependsOn = kept;
  }
  return copy;
}
