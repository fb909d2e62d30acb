/**
 * Cuts a text into runs by the annotations that cover them, so the reader can build its DOM
 * from text nodes and spans: overlapping and nested annotations need no markup at all.
 * DOM-free, so it is tested in Node.
 */

export interface Mark {
  readonly start: number;
  readonly end: number;
  /** A CSS-safe kind: entity, place, time, event, trigger, quote, repeat, focus. */
  readonly kind: string;
  /** What hovering shows: the resolution and its reason. */
  readonly title: string;
  /** Where a click goes (an internal path), when the mark resolves to a page. */
  readonly href?: string;
}

export interface Run {
  readonly start: number;
  readonly end: number;
  readonly marks: readonly Mark[];
}

/** The text cut at every annotation boundary; marks outside the text or empty are dropped. */
export function runs(length: number, marks: readonly Mark[]): Run[] {
  const valid = marks
    .map((m) => ({ ...m, start: Math.max(0, m.start), end: Math.min(length, m.end) }))
    .filter((m) => m.end > m.start);
  const cuts = new Set<number>([0, length]);
  for (const m of valid) {
    cuts.add(m.start);
    cuts.add(m.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const byStart = [...valid].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Run[] = [];
  let open: Mark[] = [];
  let next = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i]!;
    const to = points[i + 1]!;
    open = open.filter((m) => m.end > from);
    while (next < byStart.length && byStart[next]!.start <= from) {
      const m = byStart[next++]!;
      if (m.end > from) open.push(m);
    }
    out.push({ start: from, end: to, marks: [...open] });
  }
  return out;
}
