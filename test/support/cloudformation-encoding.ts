/**
 * What CloudFormation does to custom-resource properties on their way to the handler.
 */

/** Every scalar becomes a string, recursively: `true` -> "true", `1.5` -> "1.5". */
export function stringifyScalars(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stringifyScalars);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, member]) => [key, stringifyScalars(member)]));
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return value;
}

/**
 * Members whose value is `{}`, `null` or `[]` are dropped (recursively, so an object left empty
 * goes too): the encoding must not depend on them surviving.
 */
export function dropEmptyValues(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(dropEmptyValues);
  if (typeof value === 'object' && value !== null) {
    const kept = Object.entries(value)
      .map(([key, member]) => [key, dropEmptyValues(member)] as const)
      .filter(([, member]) => !isEmpty(member));
    return Object.fromEntries(kept);
  }
  return value;
}

function isEmpty(value: unknown): boolean {
  if (value === null) return true;
  if (Array.isArray(value)) return value.length === 0;
  return typeof value === 'object' && Object.keys(value as object).length === 0;
}
