/**
 * Reworded copies: a text whose sentences follow another's, one by one, each keeping most of
 * its content words (see content-words.ts) while its phrasing changed. A spun or localised
 * copy shares few word pairs with its source, so shingles miss it, yet sentence after
 * sentence it keeps the same names, figures and nouns in the same order.
 *
 * One such sentence pair proves nothing: independent reports of one event open with the same
 * facts ("Velmaria's coast guard said on Friday it had boarded a grain freighter off the port
 * of Kessow"). What they do not share is the order of a whole run of sentences. So a
 * pair of sentences only counts as reworded within a chain of agreeing pairs that keeps its
 * order in both texts and is long enough: MIN_PARALLEL_SENTENCES, and a share of the shorter
 * text's sentences.
 */

import { figuresAgree } from './figures.js';
import { sharedShingles } from './shingles.js';

/** A sentence as compared here: its content words (contentWordHashes) and its figures (passageFigures). */
export interface ComparableSentence {
  readonly words: Uint32Array;
  readonly figures: string;
}

/**
 * Two sentences agree when their content words overlap by this Dice coefficient. A spinner
 * that swaps a third of the words leaves about 0.67; two independent leads on one event
 * reach 0.5 to 0.65 (names and the verb of the event), which the chain must then outweigh.
 */
export const REWORDED_SIMILARITY = 0.5;

/** ...and share at least this many content words: short sentences agree too easily. */
export const MIN_SHARED_CONTENT_WORDS = 5;

/**
 * The chain must hold this many sentence pairs. Independent reports of one event, written
 * from the same statements, line up one or two sentences (the lead and a background fact);
 * a reworded copy lines up most of its text.
 */
export const MIN_PARALLEL_SENTENCES = 3;

/** ...and at least this share of the shorter text's comparable sentences. */
export const MIN_PARALLEL_SHARE = 0.25;

export interface SentencePair {
  /** Index of the sentence in the first text. */
  readonly a: number;
  /** Index of the sentence in the second text. */
  readonly b: number;
  /** Dice coefficient of their content words. */
  readonly similarity: number;
}

/**
 * The Dice coefficient of two sentences' content-word sets when they agree, else null. Their
 * figures must agree too (figures.ts): wire templates ("The Kessow port bonds carry a 6-7/8 pct
 * coupon and were sold at 99.80…") repeat their words around other figures, and tell other facts.
 */
export function rewordedSimilarity(a: ComparableSentence, b: ComparableSentence): number | null {
  if (a.words.length < MIN_SHARED_CONTENT_WORDS || b.words.length < MIN_SHARED_CONTENT_WORDS) return null;
  if (!figuresAgree(a.figures, b.figures)) return null;
  const shared = sharedShingles(a.words, b.words);
  if (shared < MIN_SHARED_CONTENT_WORDS) return null;
  const dice = (2 * shared) / (a.words.length + b.words.length);
  return dice >= REWORDED_SIMILARITY ? Math.round(dice * 10_000) / 10_000 : null;
}

/**
 * The sentence pairs of two texts that form their longest order-keeping chain of agreeing
 * sentences, when that chain is long enough to show one text rewords the other; else [].
 * Each text is its sentences in text order.
 */
export function parallelSentences(a: readonly ComparableSentence[], b: readonly ComparableSentence[]): SentencePair[] {
  const chain = longestChain(agreeingPairs(a, b));
  const comparable = Math.min(countComparable(a), countComparable(b));
  if (chain.length < MIN_PARALLEL_SENTENCES || chain.length < MIN_PARALLEL_SHARE * comparable) return [];
  return chain;
}

function agreeingPairs(a: readonly ComparableSentence[], b: readonly ComparableSentence[]): SentencePair[] {
  const pairs: SentencePair[] = [];
  for (let i = 0; i < a.length; i++) {
    for (let j = 0; j < b.length; j++) {
      const similarity = rewordedSimilarity(a[i]!, b[j]!);
      if (similarity !== null) pairs.push({ a: i, b: j, similarity });
    }
  }
  return pairs;
}

/**
 * The longest chain of pairs increasing in both texts (ties: the higher total similarity),
 * by dynamic programming over the pairs in order of `a` then `b`: quadratic in the number of
 * agreeing pairs, which is small next to the number of sentence pairs.
 */
function longestChain(pairs: readonly SentencePair[]): SentencePair[] {
  const length: number[] = [];
  const total: number[] = [];
  const previous: number[] = [];
  let best = -1;
  for (let k = 0; k < pairs.length; k++) {
    length[k] = 1;
    total[k] = pairs[k]!.similarity;
    previous[k] = -1;
    for (let m = 0; m < k; m++) {
      if (pairs[m]!.a >= pairs[k]!.a || pairs[m]!.b >= pairs[k]!.b) continue;
      const extended = length[m]! + 1;
      const extendedTotal = total[m]! + pairs[k]!.similarity;
      if (extended > length[k]! || (extended === length[k]! && extendedTotal > total[k]!)) {
        length[k] = extended;
        total[k] = extendedTotal;
        previous[k] = m;
      }
    }
    if (best < 0 || length[k]! > length[best]! || (length[k] === length[best] && total[k]! > total[best]!)) best = k;
  }
  const chain: SentencePair[] = [];
  for (let k = best; k >= 0; k = previous[k]!) chain.push(pairs[k]!);
  return chain.reverse();
}

/** Sentences with enough content words to agree with another at all. */
export function countComparable(sentences: readonly ComparableSentence[]): number {
  return sentences.filter((s) => s.words.length >= MIN_SHARED_CONTENT_WORDS).length;
}
