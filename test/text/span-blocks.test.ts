import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Span } from '../../src/text/document.js';
import { spanBlocks } from '../../src/text/span-blocks.js';

const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;
const spanArb = fc.tuple(fc.integer({ min: 0, max: 600 }), fc.integer({ min: 0, max: 150 })).map(([start, length]): Span => ({ start, end: start + length }));

describe('spans filed by block', () => {
  it('find the first overlapping span, or the first starting at the same offset, as a pass over the list does', () => {
    fc.assert(
      fc.property(fc.array(spanArb, { maxLength: 40 }), fc.array(spanArb, { maxLength: 20 }), (spans, questions) => {
        const blocks = spanBlocks(spans);
        for (const q of questions) {
          expect(blocks.first(q, (i) => overlaps(spans[i]!, q))).toBe(spans.findIndex((s) => overlaps(s, q)));
          expect(blocks.first(q, (i) => spans[i]!.start === q.start)).toBe(spans.findIndex((s) => s.start === q.start));
        }
      }),
    );
  });

  it('follow a list that grows and whose spans are widened in place', () => {
    const spans: Span[] = [{ start: 10, end: 20 }];
    const blocks = spanBlocks(spans);
    spans.push({ start: 500, end: 510 });
    blocks.add(1);
    expect(blocks.first({ start: 505, end: 506 }, (i) => overlaps(spans[i]!, { start: 505, end: 506 }))).toBe(1);
    // The first span widened to reach offset 300: filed again, it is found there.
    spans[0] = { start: 10, end: 310 };
    blocks.add(0);
    expect(blocks.first({ start: 300, end: 301 }, (i) => overlaps(spans[i]!, { start: 300, end: 301 }))).toBe(0);
    expect(blocks.first({ start: 400, end: 401 }, (i) => overlaps(spans[i]!, { start: 400, end: 401 }))).toBe(-1);
  });
});
