import type { Span } from './document.js';

/** Characters per block: a name or a title spans one or two. */
const BLOCK = 64;

const firstBlock = (s: Span): number => Math.floor(s.start / BLOCK);
// An empty span still sits in the block of its offset.
const lastBlock = (s: Span): number => Math.floor(Math.max(s.start, s.end - 1) / BLOCK);

/**
 * The spans of a list filed by the blocks of text they touch, to find the first of them (by
 * list index) that meets a condition near a span without a pass over the whole list: one pass
 * per span made merging a long article's entities quadratic in its length. The list may grow,
 * and a span may be replaced by a wider one (file its index again); the index reads the list
 * as it is at each question.
 */
export interface SpanBlocks {
  /** Files the span now at this index of the list. */
  add(index: number): void;
  /**
   * The lowest index whose span touches one of the blocks `near` touches and passes `test`,
   * or -1. Any span that overlaps `near`, or starts where it starts, touches one of its blocks.
   */
  first(near: Span, test: (index: number) => boolean): number;
}

export function spanBlocks(spans: readonly Span[]): SpanBlocks {
  const blocks = new Map<number, number[]>();
  const add = (index: number): void => {
    const s = spans[index]!;
    for (let b = firstBlock(s); b <= lastBlock(s); b++) {
      const filed = blocks.get(b);
      if (filed) filed.push(index);
      else blocks.set(b, [index]);
    }
  };
  for (let i = 0; i < spans.length; i++) add(i);
  return {
    add,
    first(near, test) {
      let best = -1;
      for (let b = firstBlock(near); b <= lastBlock(near); b++) {
        for (const i of blocks.get(b) ?? []) if ((best < 0 || i < best) && test(i)) best = i;
      }
      return best;
    },
  };
}
