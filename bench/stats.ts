/** Median of a non-empty list of numbers. */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Minimum, median and maximum of a non-empty list. */
export interface Spread {
  readonly min: number;
  readonly median: number;
  readonly max: number;
}

export function spread(values: readonly number[]): Spread {
  return { min: Math.min(...values), median: median(values), max: Math.max(...values) };
}

/** Least-squares line through `(x, y)` points: `y = intercept + slope * x`. */
export function fitLine(points: ReadonlyArray<readonly [number, number]>): { slope: number; intercept: number } {
  if (points.length < 2) throw new Error('a line needs at least two points');
  const n = points.length;
  const meanX = points.reduce((sum, [x]) => sum + x, 0) / n;
  const meanY = points.reduce((sum, [, y]) => sum + y, 0) / n;
  const sxx = points.reduce((sum, [x]) => sum + (x - meanX) ** 2, 0);
  const sxy = points.reduce((sum, [x, y]) => sum + (x - meanX) * (y - meanY), 0);
  const slope = sxy / sxx;
  return { slope, intercept: meanY - slope * meanX };
}

/** A plain-text table with aligned columns. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (c ?? '').padEnd(widths[i])).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** `min / median / max` with `format` applied to each. */
export function formatSpread(s: Spread, format: (value: number) => string): string {
  return `${format(s.min)} / ${format(s.median)} / ${format(s.max)}`;
}

export const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 0)} ms`;
export const mb = (value: number) => `${value.toFixed(1)} MB`;
export const kb = (value: number) => `${value.toFixed(1)} KB`;
export const ratio = (value: number) => `${value.toFixed(2)}x`;
export const verdict = (ok: boolean) => (ok ? 'meets goal' : 'MISSES GOAL');
