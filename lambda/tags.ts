import { createHash } from 'node:crypto';
import { TagResourceCommand, UntagResourceCommand } from '@aws-sdk/client-connectcases';
import { OWNER_TAG_KEY } from '../lib/private/contract';
import { cases } from './client';
import { CasesCall, Invocation, callCases } from './invocation';

/**
 * Tags of the resources the handler manages. Besides the user's tags, everything carries the owner
 * tag, whose value is only known to this stack resource: that is how a retried Create recognises a
 * rule or template its earlier attempt created (the create APIs take no client token).
 */

/** The owner tag's value: sha256 hex of `${StackId}/${LogicalResourceId}`. */
export function ownerTagValue(stackId: string, logicalResourceId: string): string {
  return createHash('sha256').update(`${stackId}/${logicalResourceId}`).digest('hex');
}

/** True when `tags` carry this stack resource's owner tag. */
export function isOwnedBy(tags: Record<string, string | null> | undefined, owner: string): boolean {
  return tags?.[OWNER_TAG_KEY] === owner;
}

/** The tags a resource should carry: the user's plus the owner tag. */
export function desiredTags(userTags: Record<string, string>, owner: string): Record<string, string> {
  return { ...userTags, [OWNER_TAG_KEY]: owner };
}

export interface TagDiff {
  /** New or changed tags. */
  readonly set: Record<string, string>;
  /** Keys to remove: present but no longer desired (never the owner tag). */
  readonly remove: string[];
}

/**
 * What changes `current` into `desired`. The handler owns all tags of its resources, so a key no
 * longer desired is removed; that makes a rollback restore the previous tags exactly.
 */
export function diffTags(current: Record<string, string | null> | undefined, desired: Record<string, string>): TagDiff {
  const existing = current ?? {};
  const set = Object.fromEntries(Object.entries(desired).filter(([key, value]) => existing[key] !== value));
  const remove = Object.keys(existing).filter((key) => !(key in desired) && key !== OWNER_TAG_KEY);
  return { set, remove };
}

/** Applies a diff with at most one TagResource and one UntagResource; no call when nothing differs. */
export async function applyTagDiff(inv: Invocation, arn: string, diff: TagDiff, target: Omit<CasesCall, 'operation'>): Promise<void> {
  if (Object.keys(diff.set).length > 0) {
    await callCases(inv, { ...target, operation: 'TagResource' }, (abortSignal) =>
      cases.send(new TagResourceCommand({ arn, tags: diff.set }), { abortSignal }));
  }
  if (diff.remove.length > 0) {
    await callCases(inv, { ...target, operation: 'UntagResource' }, (abortSignal) =>
      cases.send(new UntagResourceCommand({ arn, tagKeys: diff.remove }), { abortSignal }));
  }
}
