/** Repeated passages between articles: fingerprints for the store, and in-memory detection. */

export {
  ARTICLE_BANDS,
  ARTICLE_ROWS,
  type ArticleFingerprint,
  articleFingerprint,
  MIN_ARTICLE_CONTAINMENT,
  mayBeReworded,
} from './article-fingerprint.js';
export {
  type ComparableFingerprint,
  comparePassages,
  type MatchBasis,
  MIN_CONTAINED_SHINGLES,
  NEAR_CONTAINMENT,
  NEAR_JACCARD,
  NEAR_JACCARD_OTHER_FIGURES,
  type RepeatMatch,
} from './compare-passages.js';
export { contentWordHashes } from './content-words.js';
export { isEligibleWords, isEligiblePassage, MAX_UNPUNCTUATED_WORDS, MIN_WORDS } from './eligibility.js';
export { findRepeats } from './find-repeats.js';
export { BANDS, ROWS } from './lsh-bands.js';
export { SIGNATURE_LENGTH } from './minhash.js';
export { passageFigures } from './figures.js';
export {
  type ComparableSentence,
  countComparable,
  MIN_PARALLEL_SENTENCES,
  MIN_PARALLEL_SHARE,
  MIN_SHARED_CONTENT_WORDS,
  parallelSentences,
  REWORDED_SIMILARITY,
  rewordedSimilarity,
  type SentencePair,
} from './parallel-sentences.js';
export type { Passage, PassageKind, PassageRef, RepeatLink } from './passage.js';
export {
  FINGERPRINT_VERSION,
  type PassageFingerprint,
  passageFingerprint,
  type ShingledFingerprint,
  wordsFingerprint,
} from './passage-fingerprint.js';
export { HIDDEN_WORD, passageWords, type TextSpan } from './passage-words.js';
export { RepeatIndex } from './repeat-index.js';
export { SHINGLE_SIZE } from './shingles.js';
export { deserializeSignature, serializeSignature } from './signature-codec.js';
