/**
 * Word shingles: each run of SHINGLE_SIZE consecutive words, hashed to 32 bits.
 *
 * k = 2. Repeats in news are often sentence-sized and lightly edited ("The committee has
 * submitted a study" / "Last week, the committee submitted a study"). One changed word
 * removes k shingles, so on a 10-word sentence one substitution leaves Jaccard 0.64 at k = 2
 * but 0.45 at k = 3, below the near-duplicate threshold. One k for every passage keeps a
 * sentence's shingles comparable with those of the paragraph that contains it, which a
 * length-dependent k would not. Bigrams shared by unrelated text ("of the", "the us") stay
 * far below Jaccard 0.5 on passages of eight words or more (see eligibility.ts).
 */

import { hashString, hashValues } from './hash32.js';

export const SHINGLE_SIZE = 2;

const WORD_SEED = 0x2f6b_1d05;
const SHINGLE_SEED = 0x5a17_c3e9;

/** Sorted, duplicate-free 32-bit shingle hashes; a passage shorter than k is one shingle. */
export function shingleHashes(words: readonly string[]): Uint32Array {
  if (words.length === 0) return new Uint32Array(0);
  const wordHashes = new Uint32Array(words.length);
  for (let i = 0; i < words.length; i++) wordHashes[i] = hashString(words[i]!, WORD_SEED);
  const width = Math.min(SHINGLE_SIZE, words.length);
  const count = words.length - width + 1;
  const shingles = new Uint32Array(count);
  for (let i = 0; i < count; i++) shingles[i] = hashValues(wordHashes, i, i + width, SHINGLE_SEED);
  shingles.sort();
  return uniqueSorted(shingles);
}

function uniqueSorted(sorted: Uint32Array): Uint32Array {
  let kept = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (i === 0 || sorted[i] !== sorted[kept - 1]) sorted[kept++] = sorted[i]!;
  }
  return kept === sorted.length ? sorted : sorted.slice(0, kept);
}

/** How many shingle hashes two sorted, duplicate-free arrays share. */
export function sharedShingles(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return shared;
}
