import { referencedLogicalIds } from './intrinsics';
import { CfnTemplate } from './template-types';

/** Logical id -> the logical ids it depends on (through Ref, Fn::GetAtt, Fn::Sub and DependsOn). */
export type DependencyGraph = ReadonlyMap<string, ReadonlySet<string>>;

/** The template's dependency graph; a reference to anything it does not declare is an error, as in CloudFormation. */
export function dependencyGraph(template: CfnTemplate): DependencyGraph {
  const resources = template.Resources;
  const isResource = (name: string) => name in resources;
  const isParameter = (name: string) => name in (template.Parameters ?? {}) || name.startsWith('AWS::');
  const graph = new Map<string, ReadonlySet<string>>();
  for (const [logicalId, resource] of Object.entries(resources)) {
    const dependsOn = resource.DependsOn === undefined ? [] : [resource.DependsOn].flat();
    const unknown = dependsOn.filter((name) => !isResource(name));
    if (unknown.length > 0) throw new Error(`Template error: ${logicalId} DependsOn unknown resource(s) ${unknown.join(', ')}`);
    graph.set(logicalId, new Set([...referencedLogicalIds(resource.Properties ?? {}, () => true), ...dependsOn]));
  }
  for (const [logicalId, dependencies] of graph) {
    for (const dependency of dependencies) {
      if (!isResource(dependency) && !isParameter(dependency)) {
        throw new Error(`Template error: ${logicalId} refers to ${dependency}, which the template does not declare`);
      }
    }
  }
  return new Map([...graph].map(([id, deps]) => [id, new Set([...deps].filter(isResource))]));
}

/** The resources that depend on each resource: the order constraints of deletes. */
export function dependents(graph: DependencyGraph): DependencyGraph {
  const reversed = new Map<string, Set<string>>([...graph.keys()].map((id) => [id, new Set<string>()]));
  for (const [id, dependencies] of graph) {
    for (const dependency of dependencies) reversed.get(dependency)?.add(id);
  }
  return reversed;
}
