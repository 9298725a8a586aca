/**
 * The intrinsic functions our synthesized templates use, resolved the way CloudFormation does
 * before it hands properties to a resource: Ref, Fn::GetAtt, Fn::Join, Fn::Select, Fn::Split and
 * Fn::Sub. Anything else is reported, never silently passed through.
 */

/** Where intrinsics look values up. */
export interface ResolutionContext {
  /** `AWS::Region` etc. and template parameters. */
  readonly values: Readonly<Record<string, unknown>>;
  /** `Ref` of a resource. */
  ref(logicalId: string): string;
  /** `Fn::GetAtt` of a resource. */
  getAtt(logicalId: string, attribute: string): string;
}

export class ResolutionError extends Error {
  constructor(path: string, problem: string) {
    super(`cannot resolve ${path || '(root)'}: ${problem}`);
    this.name = 'ResolutionError';
  }
}

/** `value` with every intrinsic replaced by its value. */
export function resolve(value: unknown, context: ResolutionContext, path = ''): unknown {
  if (Array.isArray(value)) return value.map((item, i) => resolve(item, context, `${path}[${i}]`));
  if (typeof value !== 'object' || value === null) return value;
  const intrinsic = asIntrinsic(value);
  if (intrinsic !== undefined) return resolveIntrinsic(intrinsic.name, intrinsic.argument, context, path);
  return Object.fromEntries(Object.entries(value).map(([key, member]) => [key, resolve(member, context, path ? `${path}.${key}` : key)]));
}

/** Logical ids of the resources `value` refers to (Ref, Fn::GetAtt, Fn::Sub variables). */
export function referencedLogicalIds(value: unknown, isResource: (name: string) => boolean): Set<string> {
  const found = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== 'object' || node === null) return;
    const intrinsic = asIntrinsic(node);
    if (intrinsic?.name === 'Ref' && typeof intrinsic.argument === 'string') found.add(intrinsic.argument);
    if (intrinsic?.name === 'Fn::GetAtt') found.add(getAttTarget(intrinsic.argument, '').logicalId);
    if (intrinsic?.name === 'Fn::Sub') {
      const [pattern] = subArguments(intrinsic.argument, '');
      for (const name of subVariables(pattern)) found.add(name.split('.')[0]);
    }
    Object.values(node).forEach(visit);
  };
  visit(value);
  return new Set([...found].filter(isResource));
}

function asIntrinsic(value: object): { name: string; argument: unknown } | undefined {
  const keys = Object.keys(value);
  if (keys.length !== 1 || !(keys[0] === 'Ref' || keys[0].startsWith('Fn::'))) return undefined;
  return { name: keys[0], argument: (value as Record<string, unknown>)[keys[0]] };
}

function resolveIntrinsic(name: string, argument: unknown, context: ResolutionContext, path: string): unknown {
  const at = `${path} (${name})`;
  switch (name) {
    case 'Ref':
      if (typeof argument !== 'string') throw new ResolutionError(at, `expected a name, received ${JSON.stringify(argument)}`);
      return argument in context.values ? context.values[argument] : context.ref(argument);
    case 'Fn::GetAtt': {
      const { logicalId, attribute } = getAttTarget(argument, at);
      return context.getAtt(logicalId, attribute);
    }
    case 'Fn::Join': {
      const [separator, items] = expectArray(resolve(argument, context, path), 2, at);
      return expectArray(items, undefined, at).map((item) => expectString(item, at)).join(expectString(separator, at));
    }
    case 'Fn::Select': {
      const [index, items] = expectArray(resolve(argument, context, path), 2, at);
      const list = expectArray(items, undefined, at);
      const i = Number(index);
      if (!Number.isInteger(i) || i < 0 || i >= list.length) throw new ResolutionError(at, `index ${String(index)} outside a list of ${list.length}`);
      return list[i];
    }
    case 'Fn::Split': {
      const [separator, source] = expectArray(resolve(argument, context, path), 2, at);
      return expectString(source, at).split(expectString(separator, at));
    }
    case 'Fn::Sub': {
      const [pattern, variables] = subArguments(argument, at);
      const resolvedVariables = resolve(variables, context, path) as Record<string, unknown>;
      return pattern.replace(/\$\{([^}!]+)\}/g, (_, variable: string) => {
        if (variable in resolvedVariables) return expectString(resolvedVariables[variable], at);
        if (variable in context.values) return expectString(context.values[variable], at);
        const [logicalId, attribute] = variable.split('.');
        return attribute === undefined ? context.ref(logicalId) : context.getAtt(logicalId, attribute);
      });
    }
    default:
      throw new ResolutionError(at, 'the simulator does not support this intrinsic function');
  }
}

function getAttTarget(argument: unknown, at: string): { logicalId: string; attribute: string } {
  const parts = typeof argument === 'string' ? argument.split('.') : argument;
  if (!Array.isArray(parts) || parts.length !== 2 || parts.some((p) => typeof p !== 'string')) {
    throw new ResolutionError(at, `expected [logicalId, attribute], received ${JSON.stringify(argument)}`);
  }
  return { logicalId: parts[0], attribute: parts[1] };
}

function subArguments(argument: unknown, at: string): [string, Record<string, unknown>] {
  if (typeof argument === 'string') return [argument, {}];
  const [pattern, variables] = expectArray(argument, 2, at);
  return [expectString(pattern, at), (variables ?? {}) as Record<string, unknown>];
}

function subVariables(pattern: string): string[] {
  return [...pattern.matchAll(/\$\{([^}!]+)\}/g)].map((match) => match[1]);
}

function expectArray(value: unknown, length: number | undefined, at: string): unknown[] {
  if (!Array.isArray(value) || (length !== undefined && value.length !== length)) {
    throw new ResolutionError(at, `expected a list${length === undefined ? '' : ` of ${length}`}, received ${JSON.stringify(value)}`);
  }
  return value;
}

function expectString(value: unknown, at: string): string {
  if (typeof value !== 'string') throw new ResolutionError(at, `expected a string, received ${JSON.stringify(value)}`);
  return value;
}
