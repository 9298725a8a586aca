import { Lazy, TagManager } from 'aws-cdk-lib';
import { TagWire } from './resource-properties';

/**
 * The construct's tags as the contract's list, rendered at synthesis so that tags added later
 * (`Tags.of(scope).add`, applied by an aspect) are included. Absent when there are none.
 */
export function lazyTags(tags: TagManager): TagWire[] | undefined {
  // The token stands in for the list until synthesis; the contract types the resolved value.
  return Lazy.any({ produce: () => tags.renderTags() }) as unknown as TagWire[];
}

/** A tag map as the contract's list, sorted by key so the template does not depend on insertion order. */
export function tagMapToWire(tags: { [key: string]: string }): TagWire[] {
  return Object.keys(tags).sort().map((key) => ({ Key: key, Value: tags[key] }));
}
