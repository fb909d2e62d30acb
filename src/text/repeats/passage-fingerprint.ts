/**
 * The fingerprint of one passage: everything the store keeps to find and verify repeats
 * without the passage's text. `bandKeys` go into an index (band key → passage ids);
 * `exactHash`, `wordCount`, `figures`, `shingleCount` and `signature` stay on the passage's
 * row for verification. `shingles` serve in-memory verification and need not be stored:
 * they can be recomputed from the span's text.
 */

import { passageFigures } from './figures.js';
import { hashString } from './hash32.js';
import { BANDS, bandHashes, bandKeys, ROWS } from './lsh-bands.js';
import { minhashSignature, SIGNATURE_LENGTH } from './minhash.js';
import { passageWords, type TextSpan } from './passage-words.js';
import { SHINGLE_SIZE, shingleHashes } from './shingles.js';

/**
 * Names the parameters a stored fingerprint was made with. Band keys and signatures made
 * under another version do not compare with these; the store re-fingerprints on a change.
 * v2: mojibake is repaired, thousands separators dropped, hidden spans (quotations) one word.
 */
export const FINGERPRINT_VERSION = `repeats.v2.k${SHINGLE_SIZE}.m${SIGNATURE_LENGTH}.b${BANDS}x${ROWS}`;

export interface PassageFingerprint {
  readonly version: string;
  /** 64-bit hash (16 hex digits) of the normalized words: equal means the same words in order. */
  readonly exactHash: string;
  readonly wordCount: number;
  /** Distinct words with a digit, sorted, space-separated (see figures.ts). */
  readonly figures: string;
  /** Distinct shingles; with the signature it turns an estimated Jaccard into containment. */
  readonly shingleCount: number;
  readonly signature: Uint32Array;
  /** `${band}:${hash}`, one per band; empty for a passage without words. */
  readonly bandKeys: readonly string[];
}

export interface ShingledFingerprint extends PassageFingerprint {
  /** Sorted, distinct 32-bit shingle hashes. */
  readonly shingles: Uint32Array;
}

// Two independent 32-bit halves: with one, 200,000 passages would already expect a few
// accidental "exact" matches (birthday bound); with 64 bits, about one in a billion.
const EXACT_SEED_HIGH = 0x3c6e_f372;
const EXACT_SEED_LOW = 0x7a1b_4d93;

export function exactHashOf(words: readonly string[]): string {
  const text = words.join(' ');
  const high = hashString(text, EXACT_SEED_HIGH).toString(16).padStart(8, '0');
  const low = hashString(text, EXACT_SEED_LOW).toString(16).padStart(8, '0');
  return high + low;
}

/** The fingerprint with band hashes as numbers, for in-memory indexes; no strings built. */
export interface FingerprintParts extends Omit<ShingledFingerprint, 'bandKeys'> {
  /** One 32-bit hash per band; empty for a passage without words. */
  readonly bandHashes: Uint32Array;
}

/** Fingerprints words already extracted with `passageWords`. */
export function fingerprintWords(words: readonly string[]): FingerprintParts {
  const shingles = shingleHashes(words);
  const signature = minhashSignature(shingles);
  return {
    version: FINGERPRINT_VERSION,
    exactHash: exactHashOf(words),
    wordCount: words.length,
    figures: passageFigures(words),
    shingleCount: shingles.length,
    signature,
    bandHashes: shingles.length === 0 ? new Uint32Array(0) : bandHashes(signature),
    shingles,
  };
}

/**
 * Fingerprints any text, eligible or not; the caller decides with `isEligiblePassage`
 * whether to index it. Never throws: unpaired surrogates and control characters are
 * simply not words. `hidden` spans (see `passageWords`) count as one word each.
 */
export function passageFingerprint(text: string, hidden: readonly TextSpan[] = []): ShingledFingerprint {
  return wordsFingerprint(passageWords(text, hidden));
}

/** The same from words already extracted with `passageWords`. */
export function wordsFingerprint(words: readonly string[]): ShingledFingerprint {
  const { bandHashes: hashes, ...fingerprint } = fingerprintWords(words);
  return { ...fingerprint, bandKeys: bandKeys(hashes) };
}
