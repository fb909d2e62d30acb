/**
 * Which passages are worth fingerprinting. A repeat link says two reports share a source,
 * so it must rest on text long enough that sharing it by chance is implausible: "the Iraqi
 * parliament said" recurs in hundreds of independent reports, a reused 30-word sentence
 * does not. Short passages and headline or byline fragments are therefore never indexed.
 */

import { ownWordCount, passageWords, type TextSpan } from './passage-words.js';

/** Fewer words than this and a passage is a phrase, not a passage. */
export const MIN_WORDS = 8;

/**
 * Below this length a passage must end like a sentence. Headlines and bylines run to
 * 10–17 words without a final stop ("Syrian Air Defenses Repel Israeli Missiles that
 * Targeted a Military Site in the North of the Country", "By A. Writer | Some Outlet |
 * May 5, 2020"); body sentences and paragraphs end in . ! ? … or a closing quote.
 */
export const MAX_UNPUNCTUATED_WORDS = 20;

const SENTENCE_END = /[.!?…]["'”’»)\]]*$/u;

/**
 * Decides from words already extracted with `passageWords`, to save a second pass. A hidden
 * quotation counts for no word: "“…,” the minister said." is an attribution, not a passage.
 */
export function isEligibleWords(words: readonly string[], text: string): boolean {
  const own = ownWordCount(words);
  if (own < MIN_WORDS) return false;
  if (own >= MAX_UNPUNCTUATED_WORDS) return true;
  return SENTENCE_END.test(text.trimEnd());
}

export function isEligiblePassage(text: string, hidden: readonly TextSpan[] = []): boolean {
  return isEligibleWords(passageWords(text, hidden), text);
}
