import { Shape, ShapeId, SmithyModelJson, Traits } from './smithy-types';

/**
 * One entry of `connectcases.overlay.json`: either a complete shape (it has a `type`; added, or
 * replacing an older definition of the same id) or a patch of an existing shape.
 */
interface OverlayEntry extends Partial<Shape> {
  addMembers?: Shape['members'];
  replaceTraits?: Traits;
  /** member name -> trait ids to drop from that member */
  removeTraits?: Record<string, string[]>;
}

export interface OverlayJson {
  _about?: string;
  shapes: Record<ShapeId, OverlayEntry>;
}

const PATCH_KEYS = new Set(['addMembers', 'replaceTraits', 'removeTraits']);

/** Applies the overlay to `model` in place. Unknown directives fail loudly rather than being skipped. */
export function applyOverlay(model: SmithyModelJson, overlay: OverlayJson): void {
  for (const [id, entry] of Object.entries(overlay.shapes)) {
    if (entry.type !== undefined) {
      model.shapes[id] = structuredClone(entry) as Shape;
      continue;
    }
    const shape = model.shapes[id];
    if (!shape) throw new Error(`overlay patches ${id}, which the model does not define`);
    for (const key of Object.keys(entry)) {
      if (!PATCH_KEYS.has(key)) throw new Error(`overlay entry ${id} has unknown directive '${key}'`);
    }
    if (entry.addMembers) {
      shape.members = { ...shape.members, ...structuredClone(entry.addMembers) };
    }
    if (entry.replaceTraits) {
      shape.traits = { ...shape.traits, ...structuredClone(entry.replaceTraits) };
    }
    for (const [memberName, traitIds] of Object.entries(entry.removeTraits ?? {})) {
      const member = shape.members?.[memberName];
      if (!member) throw new Error(`overlay removes traits from ${id}$${memberName}, which does not exist`);
      for (const traitId of traitIds) delete member.traits?.[traitId];
    }
  }
}
