/**
 * The range where most values lie: the quartiles widened by three interquartile ranges, and
 * never narrower than minSpan. One far-off value (a "2019" in a 2024 story, a mention of
 * the United States in a Gulf story) would otherwise shrink everything else to a dot.
 * DOM-free, so it is tested in Node.
 */
export function denseRange(values: readonly number[], minSpan: number): [number, number] | null {
  if (values.length === 0) return null;
  const v = [...values].sort((a, b) => a - b);
  const at = (p: number): number => v[Math.min(v.length - 1, Math.max(0, Math.round(p * (v.length - 1))))]!;
  const [q1, q3] = [at(0.25), at(0.75)];
  const iqr = q3 - q1;
  let lo = Math.max(v[0]!, q1 - 3 * iqr);
  let hi = Math.min(v.at(-1)!, q3 + 3 * iqr);
  // Snap to the values actually inside, then widen to the minimum span around the middle.
  lo = v.find((x) => x >= lo) ?? lo;
  hi = [...v].reverse().find((x) => x <= hi) ?? hi;
  if (hi - lo < minSpan) {
    const mid = (lo + hi) / 2;
    [lo, hi] = [mid - minSpan / 2, mid + minSpan / 2];
  }
  return [lo, hi];
}
