/**
 * MinHash signatures: for each of SIGNATURE_LENGTH hash functions, the smallest hash over a
 * passage's shingles. Two passages agree at one position with probability equal to the
 * Jaccard similarity of their shingle sets, so the fraction of equal positions estimates it.
 *
 * The i-th hash function is the avalanche of (shingle XOR seed_i): XOR and the avalanche are
 * both bijections on 32 bits, so each function permutes the shingle hashes, and the fixed
 * seeds make every signature reproducible.
 */

import { fixedSeeds } from './hash32.js';

/** 128 positions: the LSH layout (lsh-bands.ts) uses all of them as 32 bands of 4. */
export const SIGNATURE_LENGTH = 128;

const PERMUTATION_SEEDS = new Int32Array(fixedSeeds(SIGNATURE_LENGTH, 0x1d05_5e12).buffer);

/**
 * The MinHash signature of a set of shingle hashes (all 0x7fffffff for the empty set).
 * Minima are taken in signed 32-bit order: any fixed order serves MinHash, and signed
 * values stay small integers in V8's optimized code where unsigned ones above 2^31 become
 * doubles, which made this loop, the hottest in repeat detection, four times slower.
 */
export function minhashSignature(shingles: Uint32Array): Uint32Array {
  const minima = new Int32Array(SIGNATURE_LENGTH).fill(0x7fffffff);
  for (let s = 0; s < shingles.length; s++) {
    const shingle = shingles[s]! | 0;
    for (let i = 0; i < SIGNATURE_LENGTH; i++) {
      // The avalanche of hash32.ts, inlined and kept signed.
      let h = shingle ^ PERMUTATION_SEEDS[i]!;
      h ^= h >>> 16;
      h = Math.imul(h, 0x85ebca6b);
      h ^= h >>> 13;
      h = Math.imul(h, 0xc2b2ae35);
      h ^= h >>> 16;
      if (h < minima[i]!) minima[i] = h;
    }
  }
  return new Uint32Array(minima.buffer);
}

/** Fraction of positions where two signatures agree: an estimate of their Jaccard similarity. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  const length = Math.min(a.length, b.length);
  if (length === 0) return 0;
  let equal = 0;
  for (let i = 0; i < length; i++) if (a[i] === b[i]) equal++;
  return equal / length;
}
