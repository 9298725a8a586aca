/**
 * Booleans and numbers of the contract as either side may hold them: as the construct wrote them,
 * or as the strings CloudFormation delivers. Shared by the handler's decoder and by local rule
 * evaluation, so a rule is evaluated exactly as the handler will read it. Undefined means "not a
 * value of that type"; each caller reports that in its own words. No runtime imports: the handler
 * bundle includes this file.
 */

/** `true`/`false`, or the strings "true"/"false". */
export function wireBoolean(value: unknown): boolean | undefined {
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  return undefined;
}

/** Decimal notation only: `Number()` alone would also take "0x10", "" and " ". */
const NUMERIC = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/** A finite number, or its decimal text. */
export function wireNumber(value: unknown): number | undefined {
  const number = typeof value === 'number' ? value
    : typeof value === 'string' && NUMERIC.test(value.trim()) ? Number(value)
      : NaN;
  return Number.isFinite(number) ? number : undefined;
}
