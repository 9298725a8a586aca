import { CasesStore } from '../store/cases-store';

/** What the server knows about a request besides its input. */
export interface OperationContext {
  /**
   * The id a create operation gives its new record. Drawn before the operation runs because IAM
   * authorizes a create against the new record's ARN.
   */
  readonly newId: string;
}

/**
 * One API operation's semantics. It receives the input already validated against the model, so
 * it can rely on required members, JSON types and limits, and only checks state (existence,
 * uniqueness, references). It returns the output's JSON body.
 */
export type OperationHandler = (store: CasesStore, input: any, context: OperationContext) => object;

/** Sent as null by a client or left out: restJson1 treats both as absent. */
export function isPresent<T>(value: T | null | undefined): value is T {
  return value !== undefined && value !== null;
}

/** Tags as the API returns them: sparse map, so keep as is. */
export function copyTags(tags: Record<string, string>): Record<string, string> {
  return { ...tags };
}
