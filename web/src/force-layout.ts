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
  const links = edges.filter((e) => e.source !== e.target && pos.has(e.source) && pos.has(e.target));
  let temperature = Math.min(width, height) / 8;
  for (let it = 0; it < iterations; it++) {
    const disp = new Map<string, Point>(ids.map((id) => [id, { x: 0, y: 0 }]));
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const a = pos.get(ids[i]!)!;
        const b = pos.get(ids[j]!)!;
        const dx = a.x - b.x || 0.01;
        const dy = a.y - b.y || 0.01;
        const d = Math.max(0.01, Math.hypot(dx, dy));
        const f = (k * k) / d;
        const da = disp.get(ids[i]!)!;
        const db = disp.get(ids[j]!)!;
        da.x += (dx / d) * f;
        da.y += (dy / d) * f;
        db.x -= (dx / d) * f;
        db.y -= (dy / d) * f;
      }
    }
    for (const e of links) {
      const a = pos.get(e.source)!;
      const b = pos.get(e.target)!;
      const dx = a.x - b.x;
      const dy = a.y - b.y;
      const d = Math.max(0.01, Math.hypot(dx, dy));
      const f = (d * d) / k;
      const da = disp.get(e.source)!;
      const db = disp.get(e.target)!;
      da.x -= (dx / d) * f;
      da.y -= (dy / d) * f;
      db.x += (dx / d) * f;
      db.y += (dy / d) * f;
    }
    for (const id of ids) {
      const p = pos.get(id)!;
      const d = disp.get(id)!;
      // A weak pull to the centre keeps unconnected nodes on the canvas.
      d.x += (cx - p.x) * 0.05 * (k / 10);
      d.y += (cy - p.y) * 0.05 * (k / 10);
      const len = Math.max(0.01, Math.hypot(d.x, d.y));
      const step = Math.min(len, temperature);
      p.x = Math.min(width - 30, Math.max(30, p.x + (d.x / len) * step));
      p.y = Math.min(height - 20, Math.max(20, p.y + (d.y / len) * step));
    }
    temperature *= 0.985;
  }
  return pos;
}
