/**
 * Labels for the nodes of a drawing that stay on the canvas and never pile up: each node, the
 * most important first, takes the first place beside it (below, above, right, left) where its
 * label fits inside the canvas and covers no label or node already placed; a label with no such
 * place is left out (its node keeps its name in its tooltip and in the table). DOM-free.
 */

export interface LabelledNode {
  readonly id: string;
  readonly x: number;
  readonly y: number;
  readonly r: number;
  readonly text: string;
}

export interface PlacedLabel {
  readonly x: number;
  /** The text's baseline. */
  readonly y: number;
  readonly anchor: 'start' | 'middle' | 'end';
  /** The box the label covers: left, top, right, bottom. */
  readonly box: readonly [number, number, number, number];
}

export interface LabelMetrics {
  /** Average width of a character, in canvas units. */
  readonly charWidth: number;
  /** Height of a line, from its top to its baseline and below. */
  readonly ascent: number;
  readonly descent: number;
}

const DEFAULT_METRICS: LabelMetrics = { charWidth: 6.3, ascent: 10, descent: 3 };

const overlaps = (a: readonly number[], b: readonly number[]): boolean => a[0]! < b[2]! && b[0]! < a[2]! && a[1]! < b[3]! && b[1]! < a[3]!;

export function placeLabels(nodes: readonly LabelledNode[], width: number, height: number, metrics: LabelMetrics = DEFAULT_METRICS): Map<string, PlacedLabel> {
  const placed = new Map<string, PlacedLabel>();
  const taken: Array<readonly number[]> = nodes.map((n) => [n.x - n.r, n.y - n.r, n.x + n.r, n.y + n.r]);
  const { ascent, descent } = metrics;
  for (const n of nodes) {
    const w = n.text.length * metrics.charWidth;
    const gap = 3;
    // Each candidate as the box's left edge and baseline; the anchor follows from where it sits.
    const candidates: Array<[number, number]> = [
      [n.x - w / 2, n.y + n.r + gap + ascent],
      [n.x - w / 2, n.y - n.r - gap - descent],
      [n.x + n.r + gap, n.y + ascent / 2],
      [n.x - n.r - gap - w, n.y + ascent / 2],
    ];
    for (const [left0, base] of candidates) {
      // Slid sideways to stay on the canvas, never off it.
      const left = Math.min(Math.max(2, left0), width - 2 - w);
      const box = [left, base - ascent, left + w, base + descent] as const;
      if (left < 2 || box[1] < 2 || box[3] > height - 2) continue;
      const own = nodes.indexOf(n);
      if (taken.some((t, i) => i !== own && overlaps(box, t))) continue;
      taken.push(box);
      placed.set(n.id, { x: left, y: base, anchor: 'start', box });
      break;
    }
  }
  return placed;
}
