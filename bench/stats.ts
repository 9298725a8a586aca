/** Median of a non-empty list of numbers. */
export function median(values: number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * Runs each of `variants` `repetitions` times, alternating them (A B A B ...) so that drift in the
 * machine's speed hits both alike, after one untimed warm-up of each. Returns the times in ms.
 */
export async function alternate(
  variants: Record<string, () => unknown | Promise<unknown>>, repetitions: number,
): Promise<Record<string, number[]>> {
  const times: Record<string, number[]> = {};
  for (const [name, run] of Object.entries(variants)) {
    await run();
    times[name] = [];
  }
  for (let i = 0; i < repetitions; i++) {
    for (const [name, run] of Object.entries(variants)) {
      const start = performance.now();
      await run();
      times[name].push(performance.now() - start);
    }
  }
  return times;
}

/** A plain-text table with aligned columns. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

export const ms = (value: number) => `${value.toFixed(1)} ms`;
export const ratio = (value: number) => `${value.toFixed(2)}x`;
export const verdict = (ok: boolean) => (ok ? 'meets goal' : 'MISSES GOAL');
