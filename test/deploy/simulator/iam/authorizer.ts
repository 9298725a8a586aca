import type { AuthorizationRequest, Authorizer } from '../../../fake';
import { evaluate } from './evaluate';
import { IamRegistry } from './iam-registry';

/** One authorization the simulator decided for a Cases request made by a handler. */
export interface AuthorizationRecord {
  readonly action: string;
  readonly resources: readonly string[];
  /** Role names the request was evaluated as. */
  readonly roles: readonly string[];
  /** 'allow', or the AccessDeniedException message. */
  readonly decision: string;
}

/**
 * Which custom-resource handlers are running right now, by function ARN. A Cases request carries
 * no trace of the invocation that sent it (one SDK client, one set of credentials, one fake), so
 * the simulator authorizes it as every function in flight at that moment: exactly the invoking
 * function whenever one stack operation runs at a time, their union otherwise.
 */
export class InvocationTracker {
  private readonly running = new Map<string, number>();

  public async during<T>(functionArn: string, work: () => Promise<T>): Promise<T> {
    this.running.set(functionArn, (this.running.get(functionArn) ?? 0) + 1);
    try {
      return await work();
    } finally {
      const left = this.running.get(functionArn)! - 1;
      if (left === 0) this.running.delete(functionArn);
      else this.running.set(functionArn, left);
    }
  }

  public active(): string[] {
    return [...this.running.keys()];
  }
}

/**
 * The fake's authorizer: a request made while a handler runs is allowed only when the policies of
 * the handler's role deployed at that moment allow the action on every resource the request is
 * authorized against. Requests made while no handler runs come from the test itself (seeding,
 * out-of-band changes) and are allowed.
 */
export function iamAuthorizer(registry: IamRegistry, invocations: InvocationTracker, accountId: string, log: AuthorizationRecord[]): Authorizer {
  return (request: AuthorizationRequest) => {
    const functions = invocations.active();
    if (functions.length === 0) return 'allow';
    const roles = functions.map((fn) => registry.roleOfFunction(fn));
    const principal = functions.map((fn, i) => `arn:aws:sts::${accountId}:assumed-role/${roles[i] ?? '(no role)'}/${fn.slice(fn.lastIndexOf(':') + 1)}`).join(' or ');
    const documents = [...new Set(roles.filter((role): role is string => role !== undefined))].flatMap((role) => registry.documentsOf(role));
    let decision = 'allow';
    for (const resource of request.resources) {
      const outcome = evaluate(documents, request.action, resource);
      if (outcome === 'allow') continue;
      const why = outcome === 'explicitDeny' ? 'with an explicit deny in an identity-based policy' : `because no identity-based policy allows the ${request.action} action`;
      decision = `User: ${principal} is not authorized to perform: ${request.action} on resource: ${resource} ${why}`;
      break;
    }
    log.push({ action: request.action, resources: [...request.resources], roles: roles.map((role) => role ?? '(no role)'), decision });
    return decision;
  };
}
