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
  };
  for (let i = 0; i < n; i++) {
    const word = foldWord(words[i]!);
    const lower = word.toLowerCase();
    // A number's digits tell the parser nothing its shape does not: "1,250" reads as "0,000".
    const key = DIGIT.test(lower) ? lower.replace(/\d/g, '0') : lower;
    codes.form[i] = hashFeature(word);
    codes.lower[i] = hashFeature(key);
    const len = key.length;
    codes.suffix1[i] = hashFeature(key.slice(len - 1));
    codes.suffix2[i] = hashFeature(key.slice(Math.max(0, len - 2)));
    codes.suffix3[i] = hashFeature(key.slice(Math.max(0, len - 3)));
    codes.suffix4[i] = hashFeature(key.slice(Math.max(0, len - 4)));
    codes.prefix1[i] = hashFeature(key.slice(0, 1));
    codes.prefix2[i] = hashFeature(key.slice(0, 2));
    codes.prefix3[i] = hashFeature(key.slice(0, 3));
    codes.shape[i] = hashFeature(longShape(word));
    codes.short[i] = hashFeature(shortShape(word));
    const cluster = clusterOf(lexicon, word, lower);
    codes.coarse[i] = cluster ? cluster[0]! + 1 : 0;
    codes.fine[i] = cluster ? cluster[1]! + 1 : 0;
    codes.ambiguity[i] = (lexicon.ambiguity.get(key) ?? -1) + 1;
    const first = word.charAt(0);
    let flags = 0;
    if (first !== first.toLowerCase()) flags |= 1;
    if (word !== lower && word === word.toUpperCase()) flags |= 2;
    if (DIGIT.test(word)) flags |= 4;
    if (word.includes('-')) flags |= 8;
    if (i === 0) flags |= 16;
    codes.flags[i] = flags;
    codes.fixed[i] = (lexicon.fixedTags.get(word) ?? -1) + 1;
  }
  return codes;
}

/** The lower-cased, digit-folded key the ambiguity classes and lemma tables use. */
export function wordKey(word: string): string {
  const lower = foldWord(word).toLowerCase();
  return DIGIT.test(lower) ? lower.replace(/\d/g, '0') : lower;
}
