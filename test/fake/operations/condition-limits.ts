import { validationError } from '../http/cases-error';

/**
 * "For API users: A case rule can have a maximum of 5 conditions, spread across a maximum of 2
 * levels of nesting" (SDK documentation of CompoundCondition). How the service counts is not
 * documented; the fake's reading (an inference, see test/deploy/README.md):
 * - the limit applies to a required or hidden rule whose conditions contain an `andAll`/`orAll`;
 *   a flat list of `equalTo`/`notEqualTo` keeps the model's limit of 100;
 * - the 5 counts leaf conditions (`equalTo`/`notEqualTo`) at every depth of the rule;
 * - a compound in the rule's list is level 1, a compound inside it level 2; a compound at level 3
 *   is too deep.
 */
export const MAX_CONDITIONS_WITH_COMPOUNDS = 5;
export const MAX_COMPOUND_NESTING = 2;

const COMPOUNDS = ['andAll', 'orAll'] as const;

type Condition = Record<string, unknown>;

export function requireConditionLimits(rule: Record<string, unknown>): void {
  for (const ruleKind of ['required', 'hidden']) {
    const conditions = (rule[ruleKind] as { conditions?: unknown } | null | undefined)?.conditions;
    if (!Array.isArray(conditions) || !conditions.some((condition) => compoundOf(condition) !== undefined)) continue;
    const { leaves, depth } = measure(conditions as Condition[], 0);
    if (depth > MAX_COMPOUND_NESTING) {
      throw validationError(`${ruleKind}.conditions nests compound conditions ${depth} levels deep: a case rule can have a maximum of `
        + `${MAX_CONDITIONS_WITH_COMPOUNDS} conditions, spread across a maximum of ${MAX_COMPOUND_NESTING} levels of nesting`);
    }
    if (leaves > MAX_CONDITIONS_WITH_COMPOUNDS) {
      throw validationError(`${ruleKind}.conditions has ${leaves} conditions: a case rule can have a maximum of `
        + `${MAX_CONDITIONS_WITH_COMPOUNDS} conditions, spread across a maximum of ${MAX_COMPOUND_NESTING} levels of nesting`);
    }
  }
}

/** Leaf conditions at every depth, and the deepest compound level (0 when there is none). */
function measure(conditions: Condition[], level: number): { leaves: number; depth: number } {
  let leaves = 0;
  let depth = level;
  for (const condition of conditions) {
    const nested = compoundOf(condition);
    if (nested === undefined) {
      leaves++;
      continue;
    }
    const inner = measure(nested, level + 1);
    leaves += inner.leaves;
    depth = Math.max(depth, inner.depth);
  }
  return { leaves, depth };
}

function compoundOf(condition: unknown): Condition[] | undefined {
  if (typeof condition !== 'object' || condition === null) return undefined;
  for (const key of COMPOUNDS) {
    const compound = (condition as Record<string, { conditions?: unknown } | null | undefined>)[key];
    if (compound !== undefined && compound !== null) return Array.isArray(compound.conditions) ? compound.conditions as Condition[] : [];
  }
  return undefined;
}
