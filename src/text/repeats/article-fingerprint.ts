/**
 * The fingerprint that finds candidates for reworded copies (parallel-sentences.ts): a MinHash
 * signature of the set of an article's content words, banded for lookup. A reworded copy
 * keeps most of its source's content words even where it changed every phrase, so the two
 * sets are similar while their shingles are not; independent reports of one event share the
 * names and figures but not the rest of the vocabulary.
 *
 * 42 bands × 3 rows (126 of the 128 positions): P = 1 - (1 - J^3)^42.
 *
 *   J     0.1    0.2    0.3    0.4    0.5
 *   P   0.041  0.286  0.683  0.936  0.996
 *
 * A copy that swapped a third of its content words for synonyms keeps J ≈ 0.5 (found 99.6%
 * of the time); J ≈ 0.2–0.3 for separate reports of one event makes them candidates often,
 * but a candidate costs only a signature comparison before `mayBeReworded` drops it.
 */

import { hashValues } from './hash32.js';
import { estimateJaccard, minhashSignature, SIGNATURE_LENGTH } from './minhash.js';

export const ARTICLE_BANDS = 42;
export const ARTICLE_ROWS = 3;

/**
 * Estimated share of the smaller set found in the larger below which two articles are not
 * compared sentence by sentence. A reworded copy keeps over half of its content words (a spun
 * copy about two thirds); separate reports of one event mostly share less (on the
 * multi-outlet dev set, a quarter to a half unless one is a two-paragraph brief).
 */
export const MIN_ARTICLE_CONTAINMENT = 0.5;

const ARTICLE_BAND_SEED = 0x3b9a_c1e7;

if (ARTICLE_BANDS * ARTICLE_ROWS > SIGNATURE_LENGTH) throw new Error('article LSH layout needs more signature positions');

export interface ArticleFingerprint {
  /** Distinct content words: with the signature it turns an estimated Jaccard into containment. */
  readonly wordCount: number;
  readonly signature: Uint32Array;
  /** One 32-bit hash per band; empty for an article without content words. */
  readonly bandHashes: Uint32Array;
}

/** The fingerprint of an article given as its sentences' content-word sets (contentWordHashes). */
export function articleFingerprint(sentences: readonly Uint32Array[]): ArticleFingerprint {
  const words = unionOf(sentences);
  const signature = minhashSignature(words);
  return { wordCount: words.length, signature, bandHashes: words.length === 0 ? new Uint32Array(0) : articleBandHashes(signature) };
}

/** True when two articles' content words overlap enough for a sentence-by-sentence look. */
export function mayBeReworded(a: Pick<ArticleFingerprint, 'wordCount' | 'signature'>, b: Pick<ArticleFingerprint, 'wordCount' | 'signature'>): boolean {
  const smaller = Math.min(a.wordCount, b.wordCount);
  if (smaller === 0) return false;
  const jaccard = estimateJaccard(a.signature, b.signature);
  // |A∩B| = J(|A|+|B|)/(1+J), as for passages (compare-passages.ts).
  const shared = (jaccard * (a.wordCount + b.wordCount)) / (1 + jaccard);
  return shared / smaller >= MIN_ARTICLE_CONTAINMENT;
}

function articleBandHashes(signature: Uint32Array): Uint32Array {
  const hashes = new Uint32Array(ARTICLE_BANDS);
  for (let band = 0; band < ARTICLE_BANDS; band++) {
    hashes[band] = hashValues(signature, band * ARTICLE_ROWS, (band + 1) * ARTICLE_ROWS, ARTICLE_BAND_SEED);
  }
  return hashes;
}

function unionOf(sets: readonly Uint32Array[]): Uint32Array {
  const all = new Uint32Array(sets.reduce((sum, set) => sum + set.length, 0));
  let at = 0;
  for (const set of sets) {
    all.set(set, at);
    at += set.length;
  }
  all.sort();
  let kept = 0;
  for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[kept - 1]) all[kept++] = all[i]!;
  return all.slice(0, kept);
}
