import type { Span } from '../text/document.js';
import { spanBlocks } from '../text/span-blocks.js';

/**
 * The matches kept when the rules' matches overlap: longest first, then earliest, then rule
 * order (`order`); a match overlapping one kept is dropped. Returned in text order. The kept
 * ones are filed by text block, so each match is checked against its neighbours only: a check
 * against every kept match made a long article's times grow as the square of their number.
 */
export function longestMatches<T extends Span & { readonly order: number }>(matches: readonly T[]): T[] {
  const sorted = [...matches].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start || a.order - b.order);
  const kept: T[] = [];
  const blocks = spanBlocks(kept);
  for (const m of sorted) {
    if (blocks.first(m, (i) => m.start < kept[i]!.end && kept[i]!.start < m.end) >= 0) continue;
    kept.push(m);
    blocks.add(kept.length - 1);
  }
  return kept.sort((a, b) => a.start - b.start);
}
