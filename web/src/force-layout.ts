/**
 * A small deterministic force layout (Fruchterman-Reingold with cooling) for the actor
 * network: nodes start on a circle, so the same graph always draws the same way.
 */

export interface Point {
  x: number;
  y: number;
}

export function forceLayout(ids: readonly string[], edges: ReadonlyArray<{ source: string; target: string }>, width: number, height: number, iterations = 300): Map<string, Point> {
  const n = ids.length;
  const pos = new Map<string, Point>();
  const cx = width / 2;
  const cy = height / 2;
  const r0 = Math.min(width, height) * 0.38;
  ids.forEach((id, i) => {
    const a = (2 * Math.PI * i) / Math.max(1, n);
    pos.set(id, { x: cx + r0 * Math.cos(a), y: cy + r0 * Math.sin(a) });
  });
  if (n <= 1) {
    if (n === 1) pos.set(ids[0]!, { x: cx, y: cy });
    return pos;
  }
  const k = Math.sqrt((width * height) / n) * 0.6;
  // Positions and displacements in flat arrays, indexed like ids: the pair loop runs 300 times
  // over n²/2 pairs, and Map lookups there made an 80-node layout take a noticeable moment.
  const index = new Map(ids.map((id, i) => [id, i]));
  const xs = Float64Array.from(ids, (id) => pos.get(id)!.x);
  const ys = Float64Array.from(ids, (id) => pos.get(id)!.y);
  const links = edges
    .filter((e) => e.source !== e.target && index.has(e.source) && index.has(e.target))
    .map((e) => [index.get(e.source)!, index.get(e.target)!] as const);
  const dxs = new Float64Array(n);
  const dys = new Float64Array(n);
  let temperature = Math.min(width, height) / 8;
  for (let it = 0; it < iterations; it++) {
    dxs.fill(0);
    dys.fill(0);
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const dx = xs[i]! - xs[j]! || 0.01;
        const dy = ys[i]! - ys[j]! || 0.01;
        const d = Math.max(0.01, Math.hypot(dx, dy));
        const f = (k * k) / d;
        dxs[i]! += (dx / d) * f;
        dys[i]! += (dy / d) * f;
        dxs[j]! -= (dx / d) * f;
        dys[j]! -= (dy / d) * f;
      }
    }
    for (const [a, b] of links) {
      const dx = xs[a]! - xs[b]!;
      const dy = ys[a]! - ys[b]!;
      const d = Math.max(0.01, Math.hypot(dx, dy));
      const f = (d * d) / k;
      dxs[a]! -= (dx / d) * f;
      dys[a]! -= (dy / d) * f;
      dxs[b]! += (dx / d) * f;
      dys[b]! += (dy / d) * f;
    }
    for (let i = 0; i < n; i++) {
      // A weak pull to the centre keeps unconnected nodes on the canvas.
      dxs[i]! += (cx - xs[i]!) * 0.05 * (k / 10);
      dys[i]! += (cy - ys[i]!) * 0.05 * (k / 10);
      const len = Math.max(0.01, Math.hypot(dxs[i]!, dys[i]!));
      const step = Math.min(len, temperature);
      xs[i] = Math.min(width - 30, Math.max(30, xs[i]! + (dxs[i]! / len) * step));
      ys[i] = Math.min(height - 20, Math.max(20, ys[i]! + (dys[i]! / len) * step));
    }
    temperature *= 0.985;
  }
  ids.forEach((id, i) => pos.set(id, { x: xs[i]!, y: ys[i]! }));
  return pos;
}
