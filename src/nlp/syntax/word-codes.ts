import { hashFeature } from '../ner/feature-hash.js';
import { foldWord, longShape, shortShape } from '../ner/word-form.js';

/**
 * Per-word integers every syntax feature reads, computed once per sentence: hashes of the
 * word, its lower-cased form, affixes and shape, and its distributional clusters and tag
 * ambiguity class from the model's lexicon. Index 0 of each array is the first word.
 */
export interface WordCodes {
  readonly length: number;
  readonly form: Int32Array;
  readonly lower: Int32Array;
  readonly suffix1: Int32Array;
  readonly suffix2: Int32Array;
  readonly suffix3: Int32Array;
  readonly suffix4: Int32Array;
  readonly prefix1: Int32Array;
  readonly prefix2: Int32Array;
  readonly prefix3: Int32Array;
  readonly shape: Int32Array;
  readonly short: Int32Array;
  /** Coarse and fine cluster ids + 1 (0: not clustered). */
  readonly coarse: Int32Array;
  readonly fine: Int32Array;
  /** Id of the set of tags the word took in training + 1 (0: unseen). */
  readonly ambiguity: Int32Array;
  /** Bit 0 capitalized, 1 all caps, 2 has digit, 3 has hyphen, 4 first word. */
  readonly flags: Int32Array;
  /** The tag class + 1 of a frequent word that always takes one tag ("the", ","), else 0. */
  readonly fixed: Int32Array;
  /**
   * Per word, its type's codes: one object per word type while the type is remembered, so
   * the tagger can remember what a type's own features add up to (see tagger.ts).
   */
  readonly types: readonly Int32Array[];
}

/** What the codes read besides the words: stored in the model. */
export interface WordLexicon {
  /** Word (as written) → [coarse, fine] cluster. */
  readonly clusters: ReadonlyMap<string, readonly number[]>;
  /** Lower-cased word → ambiguity class id. */
  readonly ambiguity: ReadonlyMap<string, number>;
  /** Word (as written, quotes folded) → the one tag class it takes; the tagger need not score it. */
  readonly fixedTags: ReadonlyMap<string, number>;
}

function clusterOf(lexicon: WordLexicon, word: string, lower: string): readonly number[] | undefined {
  return lexicon.clusters.get(word) ?? lexicon.clusters.get(lower) ?? lexicon.clusters.get(lower.charAt(0).toUpperCase() + lower.slice(1));
}

const DIGIT = /\d/;

/** Codes per word type, in WordCodes' field order (flags without the first-word bit). */
const FIELDS = 16;
/**
 * Word types seen before, per lexicon: news repeats its words, and a word's codes (a dozen
 * string hashes and three map lookups) depend on nothing but the word. Emptied when full, so
 * a long run's memory stays bounded.
 */
const seen = new WeakMap<WordLexicon, Map<string, Int32Array>>();
const MAX_SEEN = 50_000;

function typeCodes(word: string, lexicon: WordLexicon): Int32Array {
  let cache = seen.get(lexicon);
  if (cache === undefined) {
    cache = new Map();
    seen.set(lexicon, cache);
  }
  let codes = cache.get(word);
  if (codes === undefined) {
    if (cache.size >= MAX_SEEN) cache.clear();
    codes = computeTypeCodes(word, lexicon);
    cache.set(word, codes);
  }
  return codes;
}

function computeTypeCodes(raw: string, lexicon: WordLexicon): Int32Array {
  const codes = new Int32Array(FIELDS);
  const word = foldWord(raw);
  const lower = word.toLowerCase();
  // A number's digits tell the parser nothing its shape does not: "1,250" reads as "0,000".
  const key = DIGIT.test(lower) ? lower.replace(/\d/g, '0') : lower;
  const len = key.length;
  codes[0] = hashFeature(word);
  codes[1] = hashFeature(key);
  codes[2] = hashFeature(key.slice(len - 1));
  codes[3] = hashFeature(key.slice(Math.max(0, len - 2)));
  codes[4] = hashFeature(key.slice(Math.max(0, len - 3)));
  codes[5] = hashFeature(key.slice(Math.max(0, len - 4)));
  codes[6] = hashFeature(key.slice(0, 1));
  codes[7] = hashFeature(key.slice(0, 2));
  codes[8] = hashFeature(key.slice(0, 3));
  codes[9] = hashFeature(longShape(word));
  codes[10] = hashFeature(shortShape(word));
  const cluster = clusterOf(lexicon, word, lower);
  codes[11] = cluster ? cluster[0]! + 1 : 0;
  codes[12] = cluster ? cluster[1]! + 1 : 0;
  codes[13] = (lexicon.ambiguity.get(key) ?? -1) + 1;
  const first = word.charAt(0);
  let flags = 0;
  if (first !== first.toLowerCase()) flags |= 1;
  if (word !== lower && word === word.toUpperCase()) flags |= 2;
  if (DIGIT.test(word)) flags |= 4;
  if (word.includes('-')) flags |= 8;
  codes[14] = flags;
  codes[15] = (lexicon.fixedTags.get(word) ?? -1) + 1;
  return codes;
}

export function encodeWords(words: readonly string[], lexicon: WordLexicon): WordCodes {
  const n = words.length;
  const arrays = () => new Int32Array(n);
  const codes = {
    length: n,
    form: arrays(),
    lower: arrays(),
    suffix1: arrays(),
    suffix2: arrays(),
    suffix3: arrays(),
    suffix4: arrays(),
    prefix1: arrays(),
    prefix2: arrays(),
    prefix3: arrays(),
    shape: arrays(),
    short: arrays(),
    coarse: arrays(),
    fine: arrays(),
    ambiguity: arrays(),
    flags: arrays(),
    fixed: arrays(),
    types: new Array<Int32Array>(n),
  };
  for (let i = 0; i < n; i++) {
    const c = typeCodes(words[i]!, lexicon);
    codes.types[i] = c;
    // Hashes are stored as signed 32-bit integers; features mask them.
    codes.form[i] = c[0]!;
    codes.lower[i] = c[1]!;
    codes.suffix1[i] = c[2]!;
    codes.suffix2[i] = c[3]!;
    codes.suffix3[i] = c[4]!;
    codes.suffix4[i] = c[5]!;
    codes.prefix1[i] = c[6]!;
    codes.prefix2[i] = c[7]!;
    codes.prefix3[i] = c[8]!;
    codes.shape[i] = c[9]!;
    codes.short[i] = c[10]!;
    codes.coarse[i] = c[11]!;
    codes.fine[i] = c[12]!;
    codes.ambiguity[i] = c[13]!;
    codes.flags[i] = i === 0 ? c[14]! | 16 : c[14]!;
    codes.fixed[i] = c[15]!;
  }
  return codes;
}

/** The lower-cased, digit-folded key the ambiguity classes and lemma tables use. */
export function wordKey(word: string): string {
  const lower = foldWord(word).toLowerCase();
  return DIGIT.test(lower) ? lower.replace(/\d/g, '0') : lower;
}
