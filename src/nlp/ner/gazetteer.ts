import { foldWord } from './word-form.js';

/**
 * Name lists the tagger reads as features: a token inside a listed phrase gets
 * "gazetteer:<category>:<position>". The lists come from installed packages at training time
 * and travel inside the model file, so tagging always sees the lists the weights were
 * trained with and never loads the (slow) packages.
 */

export type GazetteerLists = Readonly<Record<string, readonly string[]>>;

export interface Gazetteer {
  readonly categories: readonly string[];
  /** Phrase key (folded, lower-cased words joined by one space) → bit per category. */
  readonly phrases: ReadonlyMap<string, number>;
  /** Every proper prefix of a phrase key, so a scan stops as soon as nothing can match. */
  readonly prefixes: ReadonlySet<string>;
  readonly maxWords: number;
}

/** The key a phrase or a run of tokens is looked up by. */
export function phraseKey(words: readonly string[]): string {
  return words.map((w) => foldWord(w).toLowerCase()).join(' ');
}

/** Splits a listed name into words the way news tokenizers do ("St. Louis" → St., Louis). */
export function phraseWords(name: string): string[] {
  return name
    .replace(/([,()])/g, ' ')
    .split(/\s+/)
    .filter((w) => w !== '');
}

export function buildGazetteer(lists: GazetteerLists): Gazetteer {
  const categories = Object.keys(lists).sort();
  const phrases = new Map<string, number>();
  const prefixes = new Set<string>();
  let maxWords = 0;
  categories.forEach((category, bit) => {
    for (const name of lists[category] ?? []) {
      const words = phraseWords(name);
      if (words.length === 0) continue;
      maxWords = Math.max(maxWords, words.length);
      const key = phraseKey(words);
      phrases.set(key, (phrases.get(key) ?? 0) | (1 << bit));
      for (let n = 1; n < words.length; n++) prefixes.add(phraseKey(words.slice(0, n)));
    }
  });
  return { categories, phrases, prefixes, maxWords };
}

/**
 * Per token, the gazetteer features of every listed phrase covering it: "<category>:U" for a
 * one-word match, else B (first), I (inside), L (last).
 */
export function gazetteerMatches(gazetteer: Gazetteer, lowerWords: readonly string[]): string[][] {
  const out: string[][] = lowerWords.map(() => []);
  for (let i = 0; i < lowerWords.length; i++) {
    let key = '';
    for (let n = 1; n <= gazetteer.maxWords && i + n <= lowerWords.length; n++) {
      key = n === 1 ? lowerWords[i]! : `${key} ${lowerWords[i + n - 1]!}`;
      const bits = gazetteer.phrases.get(key);
      if (bits !== undefined) markMatch(gazetteer.categories, bits, i, n, out);
      if (!gazetteer.prefixes.has(key)) break;
    }
  }
  return out;
}

function markMatch(categories: readonly string[], bits: number, start: number, n: number, out: string[][]): void {
  categories.forEach((category, bit) => {
    if ((bits & (1 << bit)) === 0) return;
    for (let k = 0; k < n; k++) {
      const position = n === 1 ? 'U' : k === 0 ? 'B' : k === n - 1 ? 'L' : 'I';
      out[start + k]!.push(`${category}:${position}`);
    }
  });
}
