/**
 * Verification of an LSH candidate pair. Band collisions are probabilistic and also fire
 * for pairs below the threshold, so every candidate is checked here before it becomes a link.
 */

import { figuresAgree } from './figures.js';
import { estimateJaccard, minhashSignature } from './minhash.js';
import type { PassageFingerprint } from './passage-fingerprint.js';
import { sharedShingles } from './shingles.js';

/**
 * Jaccard at or above this is a near-duplicate. At k = 2 one edited word in a 10-word
 * sentence leaves 0.64 and a rewritten lead ("Last week, the committee submitted" for "The
 * committee has submitted") on a 40-word paragraph about 0.88, while two different
 * paragraphs on the same story share a few bigrams ("the iraqi", "prime minister"): at most
 * 0.17 between any two in the seed digest.
 */
export const NEAR_JACCARD = 0.5;

/**
 * When the figures disagree (see figures.ts) the pair must share this much instead. One
 * changed number costs two bigrams, so this asks for about 20 otherwise identical words: a
 * 14-word template with another yield ("…30 basis points…" / "…80 basis points…") scores
 * 0.73 and is left out, a 30-word paragraph reused with an updated toll scores 0.87.
 */
export const NEAR_JACCARD_OTHER_FIGURES = 0.8;

/**
 * A shorter passage reused inside a longer one (a sentence inside a paragraph) has a low
 * Jaccard with it, because the longer one has many shingles of its own. It is a repeat when
 * this share of the shorter passage's shingles is found in the longer one.
 */
export const NEAR_CONTAINMENT = 0.8;

/**
 * Containment is only trusted when the contained passage has 12 words (11 bigrams) or more:
 * stock phrases of 8–11 words ("Proceeds will be used for general corporate purposes.")
 * sit inside thousands of unrelated paragraphs. Shorter reused sentences are still linked
 * sentence to sentence.
 */
export const MIN_CONTAINED_SHINGLES = 11;

export type MatchBasis = 'exact' | 'jaccard' | 'containment';

export interface RepeatMatch {
  /** 1 for exact; the Jaccard similarity, or for basis 'containment' the contained share. */
  readonly similarity: number;
  readonly kind: 'exact' | 'near';
  /** Why the pair matched: same words, similar shingle sets, or one inside the other. */
  readonly basis: MatchBasis;
}

type Counts = Pick<PassageFingerprint, 'exactHash' | 'wordCount' | 'shingleCount' | 'figures'>;

/**
 * What verification needs: shingles give the true Jaccard; a stored signature alone gives
 * an estimate, good to about ±0.04 at 128 positions.
 */
export type ComparableFingerprint = Counts &
  ({ readonly shingles: Uint32Array } | { readonly signature: Uint32Array });

export function comparePassages(a: ComparableFingerprint, b: ComparableFingerprint): RepeatMatch | null {
  if (a.wordCount === 0 || b.wordCount === 0) return null;
  if (a.exactHash === b.exactHash && a.wordCount === b.wordCount) {
    return { similarity: 1, kind: 'exact', basis: 'exact' };
  }
  const shared = estimateShared(a, b);
  const agree = figuresAgree(a.figures, b.figures);
  const jaccard = shared / (a.shingleCount + b.shingleCount - shared);
  if (jaccard >= (agree ? NEAR_JACCARD : NEAR_JACCARD_OTHER_FIGURES)) {
    return { similarity: round(jaccard), kind: 'near', basis: 'jaccard' };
  }
  const smaller = Math.min(a.shingleCount, b.shingleCount);
  if (!agree || smaller < MIN_CONTAINED_SHINGLES) return null;
  const containment = shared / smaller;
  if (containment >= NEAR_CONTAINMENT) {
    return { similarity: round(containment), kind: 'near', basis: 'containment' };
  }
  return null;
}

/** Shared shingles, counted exactly or derived from estimated Jaccard J: |A∩B| = J(|A|+|B|)/(1+J). */
function estimateShared(a: ComparableFingerprint, b: ComparableFingerprint): number {
  if ('shingles' in a && 'shingles' in b) return sharedShingles(a.shingles, b.shingles);
  const jaccard = estimateJaccard(signatureOf(a), signatureOf(b));
  const shared = (jaccard * (a.shingleCount + b.shingleCount)) / (1 + jaccard);
  return Math.min(shared, a.shingleCount, b.shingleCount);
}

function signatureOf(fingerprint: ComparableFingerprint): Uint32Array {
  return 'signature' in fingerprint ? fingerprint.signature : minhashSignature(fingerprint.shingles);
}

// Four decimals are plenty for a similarity and keep stored values stable across engines.
function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
