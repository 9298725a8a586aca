import { HandlerFailure } from './errors';
import { Invocation } from './invocation';
import { LogFields } from './log';

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

/**
 * Runs the Create that an Update makes when it replaces a resource (domain change, or deleted out
 * of band). If that Create fails after creating something, the new resource is deleted again:
 * the Update answers FAILED with the old id, so CloudFormation would never delete the new one.
 */
export async function createReplacement(
  inv: Invocation,
  what: string,
  create: () => Promise<ResourceOutcome>,
  deleteCreated: (createdId: string) => Promise<void>,
  logIdsOf: (createdId: string) => LogFields,
): Promise<ResourceOutcome> {
  try {
    return await create();
  } catch (error) {
    if (error instanceof HandlerFailure && error.createdId !== undefined) {
      const createdId = error.createdId;
      await deleteCreated(createdId).catch((cleanupError) =>
        inv.log.error(`could not delete the replacement ${what} of a failed update`, { ...logIdsOf(createdId), error: String(cleanupError) }));
    }
    throw error;
  }
}

/** A member the API documents as required in a response; its absence is a service fault. */
export function present<T>(value: T | undefined | null, what: string): T {
  if (value === undefined || value === null) throw new HandlerFailure(`the Cases API response lacks ${what}`);
  return value;
}
