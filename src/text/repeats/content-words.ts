/**
 * The content words of a passage: its words without the function words, each cut to a rough
 * stem. Word shingles tell a copy from a retelling by their exact phrasing, which a reworded
 * copy no longer has: a "spun" copy trades words for synonyms ("said" → "stated", "site" →
 * "website"), a localised one respells them ("centre" → "center"), an edited one changes the
 * tense. What such copies keep is most of each sentence's names, figures and content words,
 * sentence after sentence (parallel-sentences.ts compares them that way).
 *
 * The stems only need to be consistent, not linguistic: both sides go through the same cuts,
 * so "investigating" and "investigated" meet at "investigat".
 */

import { hashString } from './hash32.js';
import { HIDDEN_WORD } from './passage-words.js';

// Articles, pronouns, auxiliaries, prepositions, conjunctions and the verbs of attribution:
// every report has them, and spinners swap them freely ("the" → "this", "was" → "has been").
const FUNCTION_WORDS = new Set(
  `a about above after again against all also am an and any are as at be been before being below
  between both but by can could did do does doing down during each few for from further had has
  have having he her here hers herself him himself his how however i if in into is it its itself
  just me more most my myself no nor not now of off on once only or other our ours ourselves out
  over own same she should so some such than that the their theirs them themselves then there
  these they this those through to too under until up very was we were what when where which
  while who whom whose why will with would you your yours yourself yourselves may might must shall
  upon per via amid among amongst within without according says said say told tell tells stated
  states added adds`
    .split(/\s+/)
    .filter((word) => word !== ''),
);

const CONTENT_SEED = 0x1f83_d9ab;

/** Stemmed content words, in text order. */
export function contentWords(words: readonly string[]): string[] {
  const out: string[] = [];
  for (const word of words) {
    if (word === HIDDEN_WORD || word.length < 2 || FUNCTION_WORDS.has(word)) continue;
    out.push(roughStem(word));
  }
  return out;
}

/** Sorted, distinct 32-bit hashes of the stemmed content words: a set to intersect. */
export function contentWordHashes(words: readonly string[]): Uint32Array {
  const stems = contentWords(words);
  const hashes = new Uint32Array(stems.length);
  for (let i = 0; i < stems.length; i++) hashes[i] = hashString(stems[i]!, CONTENT_SEED);
  hashes.sort();
  let kept = 0;
  for (let i = 0; i < hashes.length; i++) if (i === 0 || hashes[i] !== hashes[kept - 1]) hashes[kept++] = hashes[i]!;
  return hashes.slice(0, kept);
}

/** British spellings in their American form, then inflections cut: "centres" → "center". */
export function roughStem(word: string): string {
  if (/\d/.test(word)) return word;
  return cutInflection(americanSpelling(word));
}

function americanSpelling(word: string): string {
  if (word.length < 5) return word;
  // centre, metres, fibre, theatre: -tre and -bre are the British -ter and -ber.
  let w = word.replace(/(?<=[a-z]{2})([tb])re(s?)$/, '$1er$2');
  // labour, honoured, favouring; "four", "hour", "your" are too short to be touched.
  if (w.length >= 6) w = w.replace(/(?<=[a-z]{2}[^aeiou])our(s|ed|ing)?$/, 'or$1');
  // organise, organisation, normalised.
  if (w.length >= 7) w = w.replace(/(?<=[a-z]{3})is(e|es|ed|ing|ation|ations)$/, 'iz$1');
  return w;
}

function cutInflection(word: string): string {
  if (word.length <= 4) return word;
  let w = word;
  if (w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (/(?:ss|sh|ch|[xz])es$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('ing') && w.length >= 6) w = w.slice(0, -3);
  else if (w.endsWith('ed') && w.length >= 5) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);
  // "damage", "damages", "damaged" all meet at "damag".
  return w.length > 4 && w.endsWith('e') ? w.slice(0, -1) : w;
}
