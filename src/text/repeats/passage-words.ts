/**
 * Turns a passage into the words that repeats are measured on. Two outlets that reuse a
 * paragraph rarely keep its typography: one writes ’ and —, the other ' and -, one keeps a
 * trailing comma the other drops. Those differences must not hide a repeat, so words are
 * compared after case-folding, NFKC and dropping punctuation altogether.
 */

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

/** Lower-case, NFKC, one form per quote/apostrophe/dash; punctuation is kept for `WORD`. */
export function normalizePassageText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(APOSTROPHES, "'")
    .replace(DOUBLE_QUOTES, '"')
    .replace(DASHES, '-');
}

/** The passage's words, normalized, with apostrophes removed ("parliament's" → "parliaments"). */
export function passageWords(text: string): string[] {
  const words: string[] = [];
  for (const match of normalizePassageText(text).matchAll(WORD)) {
    const word = match[0];
    words.push(word.includes("'") ? word.replaceAll("'", '') : word);
  }
  return words;
}
