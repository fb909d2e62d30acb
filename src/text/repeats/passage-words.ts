/**
 * Turns a passage into the words that repeats are measured on. Two outlets that reuse a
 * paragraph rarely keep its typography: one writes ’ and —, the other ' and -, one keeps a
 * trailing comma the other drops, one was scraped through a page that garbled its encoding.
 * Those differences must not hide a repeat, so words are compared after repairing mojibake,
 * case-folding, NFKC and dropping punctuation altogether, and figures lose their thousands
 * separators.
 */

import { repairMojibake } from './mojibake.js';

// ’ ‘ ‛ ʼ ′ ´ ` all end up as ', so "parliament’s" and "parliament's" give one word.
const APOSTROPHES = /[\u2018\u2019\u201B\u02BC\u2032\u00B4\u0060]/g;
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u00AB\u00BB\u2033]/g;
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;

/**
 * A word is a run of letters, marks and digits. An apostrophe inside a word keeps it whole
 * ("don't" stays one word, not "don" + "t"), and so does a point or comma between digits
 * ("5.93", "155,221"): a number split in two would match other numbers by halves.
 */
const WORD = /[\p{L}\p{M}\p{N}]+(?:(?:'|(?<=\p{N})[.,](?=\p{N}))[\p{L}\p{M}\p{N}]+)*/gu;

/**
 * Stands for a hidden span's words (a quotation, see `passageWords`). It holds no letter or
 * digit, so no text ever gives this word: two passages match on it only where both hide.
 */
export const HIDDEN_WORD = '"…"';

/** A span of a passage's text, in offsets into that text. */
export interface TextSpan {
  readonly start: number;
  readonly end: number;
}

/** Lower-case, NFKC, one form per quote/apostrophe/dash; punctuation is kept for `WORD`. */
export function normalizePassageText(text: string): string {
  return repairMojibake(text)
    .normalize('NFKC')
    .toLowerCase()
    .replace(APOSTROPHES, "'")
    .replace(DOUBLE_QUOTES, '"')
    .replace(DASHES, '-');
}

/**
 * The passage's words, normalized, with apostrophes removed ("parliament's" → "parliaments").
 * The words of each `hidden` span (sorted, disjoint) become one HIDDEN_WORD: what a speaker
 * said reaches every outlet that quotes it, so quoted words are no sign that one outlet
 * copied another; the words around a quotation, and where it stands, still are.
 */
export function passageWords(text: string, hidden: readonly TextSpan[] = []): string[] {
  if (hidden.length === 0) return wordsOf(text);
  const words: string[] = [];
  let from = 0;
  for (const span of hidden) {
    if (span.end <= from) continue;
    words.push(...wordsOf(text.slice(from, Math.max(from, span.start))));
    if (words.at(-1) !== HIDDEN_WORD) words.push(HIDDEN_WORD);
    from = Math.max(from, span.end);
  }
  words.push(...wordsOf(text.slice(from)));
  return words;
}

// "3,000" and "3000" are one figure written two ways (wire style and Australian style).
const GROUPED_THOUSANDS = /^\d{1,3}(?:,\d{3})+$/;

function wordsOf(text: string): string[] {
  const words: string[] = [];
  for (const match of normalizePassageText(text).matchAll(WORD)) {
    const word = match[0];
    if (word.includes("'")) words.push(word.replaceAll("'", ''));
    else if (word.includes(',') && GROUPED_THOUSANDS.test(word)) words.push(word.replaceAll(',', ''));
    else words.push(word);
  }
  return words;
}

/** Words that are the text's own, not stand-ins for hidden spans. */
export function ownWordCount(words: readonly string[]): number {
  let count = 0;
  for (const word of words) if (word !== HIDDEN_WORD) count++;
  return count;
}
