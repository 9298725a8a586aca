import { OperationInfo } from '../model/cases-model';

type Segment =
  | { kind: 'literal'; text: string }
  | { kind: 'label'; name: string }
  | { kind: 'greedy'; name: string };

interface Route {
  operation: OperationInfo;
  segments: Segment[];
  /** Literal query pairs some URIs carry (`/path?type=x`). */
  query: [string, string][];
}

export interface RouteMatch {
  operation: OperationInfo;
  /** Label values, percent-decoded. */
  labels: Record<string, string>;
}

/**
 * Maps method + path to a model operation using each operation's `smithy.api#http` URI pattern,
 * so a request the SDK would not produce (wrong method, missing trailing slash) finds no route.
 */
export class Router {
  private readonly routes: Route[];

  constructor(operations: Iterable<OperationInfo>) {
    this.routes = [...operations].map(parseRoute)
      // Most literal segments first, so `/templates-list` never falls into a `{templateId}` label.
      .sort((a, b) => literalCount(b) - literalCount(a));
  }

  match(method: string, rawPath: string, query: URLSearchParams): RouteMatch | undefined {
    const pathSegments = rawPath.split('/').slice(1);
    for (const route of this.routes) {
      if (route.operation.method !== method) continue;
      if (!route.query.every(([key, value]) => query.get(key) === value)) continue;
      const labels = matchSegments(route.segments, pathSegments);
      if (labels) return { operation: route.operation, labels };
    }
    return undefined;
  }
}

function parseRoute(operation: OperationInfo): Route {
  const [pathPart, queryPart] = operation.uri.split('?');
  const segments = pathPart.split('/').slice(1).map((text): Segment => {
    const label = /^\{(\w+)(\+)?\}$/.exec(text);
    if (!label) return { kind: 'literal', text };
    return { kind: label[2] ? 'greedy' : 'label', name: label[1] };
  });
  const query = queryPart ? [...new URLSearchParams(queryPart).entries()] : [];
  return { operation, segments, query };
}

function matchSegments(segments: Segment[], path: string[]): Record<string, string> | undefined {
  const labels: Record<string, string> = {};
  for (let index = 0; index < segments.length; index++) {
    const segment = segments[index];
    if (segment.kind === 'greedy') {
      const rest = path.slice(index, path.length - (segments.length - index - 1));
      if (rest.length === 0 || rest.some((part) => part === '')) return undefined;
      const value = decode(rest.join('/'));
      if (value === undefined) return undefined;
      labels[segment.name] = value;
      const tail = matchSegments(segments.slice(index + 1), path.slice(index + rest.length));
      return tail ? { ...labels, ...tail } : undefined;
    }
    const part = path[index];
    if (part === undefined) return undefined;
    if (segment.kind === 'literal') {
      if (part !== segment.text) return undefined;
      continue;
    }
    const value = part === '' ? undefined : decode(part);
    if (value === undefined) return undefined;
    labels[segment.name] = value;
  }
  return path.length === segments.length ? labels : undefined;
}

function decode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

function literalCount(route: Route): number {
  return route.segments.filter((segment) => segment.kind === 'literal').length + route.query.length;
}
