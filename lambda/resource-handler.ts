import { HandlerFailure } from './errors';
import { Invocation } from './invocation';

/** What a successful Create or Update returns to CloudFormation. */
export interface ResourceOutcome {
  readonly physicalResourceId: string;
  /** Attributes for `Fn::GetAtt`; kept small (the whole response must stay under 4 KiB). */
  readonly data: Record<string, string>;
}

/** Create, update and delete of one custom resource type. Properties arrive undecoded. */
export interface ResourceHandler {
  create(inv: Invocation, properties: unknown): Promise<ResourceOutcome>;
  update(inv: Invocation, properties: unknown, oldProperties: unknown, physicalResourceId: string): Promise<ResourceOutcome>;
  delete(inv: Invocation, properties: unknown, physicalResourceId: string): Promise<void>;
}

/**
 * PhysicalResourceId of a Create that created nothing. CloudFormation sends a Delete for it when
 * it rolls back; the prefix cannot begin a Cases id (those are uuids), so Delete skips it.
 */
export const CREATE_FAILED_PREFIX = 'create-failed:';

export function createFailedMarker(requestId: string): string {
  return `${CREATE_FAILED_PREFIX}${requestId}`;
}

export function isCreateFailedMarker(physicalResourceId: string): boolean {
  return physicalResourceId.startsWith(CREATE_FAILED_PREFIX);
}

/** A member the API documents as required in a response; its absence is a service fault. */
export function present<T>(value: T | undefined | null, what: string): T {
  if (value === undefined || value === null) throw new HandlerFailure(`the Cases API response lacks ${what}`);
  return value;
}
