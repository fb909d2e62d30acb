import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { longestMatches } from '../../src/time/longest-matches.js';

interface Match {
  readonly start: number;
  readonly end: number;
  readonly order: number;
}

/** The choice as it was made before the kept matches were filed by block: a pass over every kept one. */
function everyKept(matches: readonly Match[]): Match[] {
  const sorted = [...matches].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start || a.order - b.order);
  const kept: Match[] = [];
  for (const c of sorted) {
    if (kept.some((k) => c.start < k.end && k.start < c.end)) continue;
    kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start);
}

// Spans of every width, empty ones and ones crossing many 64-character blocks included.
const matchArb = fc
  .tuple(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 6 }))
  .map(([start, length, order]): Match => ({ start, end: start + length, order }));

describe('the longest of overlapping time matches', () => {
  it('are the matches a pass over every kept match keeps, in the same order', () => {
    fc.assert(
      fc.property(fc.array(matchArb, { maxLength: 80 }), (matches) => {
        expect(longestMatches(matches)).toEqual(everyKept(matches));
      }),
      { numRuns: 500 },
    );
  });

  it('keep the longer of two overlapping matches, and the earlier rule of two equal ones', () => {
    // "May 5, 2024" (0–11) against "May 5" (0–5) and "2024" (7–11): the date whole.
    expect(longestMatches([{ start: 0, end: 5, order: 0 }, { start: 0, end: 11, order: 2 }, { start: 7, end: 11, order: 1 }])).toEqual([{ start: 0, end: 11, order: 2 }]);
    expect(longestMatches([{ start: 3, end: 9, order: 4 }, { start: 3, end: 9, order: 1 }])).toEqual([{ start: 3, end: 9, order: 1 }]);
  });

  it('keep every match of a long run of separate ones', () => {
    // 20,000 matches of one word each, far apart: none is dropped, and they come back in text order.
    const many = Array.from({ length: 20_000 }, (_, i) => ({ start: (19_999 - i) * 10, end: (19_999 - i) * 10 + 4, order: i % 3 }));
    const kept = longestMatches(many);
    expect(kept).toHaveLength(20_000);
    expect(kept[0]!.start).toBe(0);
    expect(kept.every((m, i) => i === 0 || kept[i - 1]!.start < m.start)).toBe(true);
  });
});
