/** Repeated passages between articles: fingerprints for the store, and in-memory detection. */

export { type ComparableFingerprint, comparePassages, type MatchBasis, 
  MIN_CONTAINED_SHINGLES,
  NEAR_CONTAINMENT,
  NEAR_JACCARD,
  NEAR_JACCARD_OTHER_FIGURES,type RepeatMatch, } from './compare-passages.js';
export { isEligiblePassage, MAX_UNPUNCTUATED_WORDS, MIN_WORDS } from './eligibility.js';
export { findRepeats } from './find-repeats.js';
export { BANDS, ROWS } from './lsh-bands.js';
export { SIGNATURE_LENGTH } from './minhash.js';
export type { Passage, PassageKind, PassageRef, RepeatLink } from './passage.js';
export {
  FINGERPRINT_VERSION,
  type PassageFingerprint,
  passageFingerprint,
  type ShingledFingerprint,
} from './passage-fingerprint.js';
export { RepeatIndex } from './repeat-index.js';
export { SHINGLE_SIZE } from './shingles.js';
export { deserializeSignature, serializeSignature } from './signature-codec.js';
