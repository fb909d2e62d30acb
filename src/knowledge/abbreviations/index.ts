import { companySuffixes } from './company-suffixes.js';
import { honorifics } from './honorifics.js';
import { midSentenceLowercase, terminalLowercase } from './lowercase-abbreviations.js';
import { monthAbbreviations } from './months.js';
import { nameSuffixes } from './name-suffixes.js';
import { numberLabels } from './number-labels.js';
import { placePrefixes } from './place-prefixes.js';
import { sentenceOpeners } from './sentence-openers.js';
import { usStateAbbreviations } from './us-states.js';

/**
 * What a word followed by a period is, when it is an abbreviation:
 * - 'title': never ends a sentence ("Gen.", "Mr.", "St.", "vs.");
 * - 'number-label': an abbreviation only before a number ("No. 2"), then never ends one;
 * - 'initial': a single capital ("Arlo B. Venn"), an abbreviation only before a capital;
 * - 'terminal': may end a sentence, and does so before a clear sentence opener
 *   ("U.S.", "Inc.", "Jr.", "a.m.", "Jan.").
 */
export type AbbreviationRole = 'title' | 'number-label' | 'initial' | 'terminal';

const capitalized = new Map<string, AbbreviationRole>();
const anyCase = new Map<string, AbbreviationRole>();
const add = (into: Map<string, AbbreviationRole>, words: readonly string[], role: AbbreviationRole) => {
  for (const word of words) into.set(word.toLowerCase(), role);
};
// Later lists win: "Miss." (Mississippi) is a state, never a title written with a period.
add(capitalized, honorifics, 'title');
add(capitalized, placePrefixes, 'title');
add(capitalized, monthAbbreviations, 'terminal');
add(capitalized, companySuffixes, 'terminal');
add(capitalized, nameSuffixes, 'terminal');
add(capitalized, usStateAbbreviations, 'terminal');
add(anyCase, midSentenceLowercase, 'title');
add(anyCase, terminalLowercase, 'terminal');
add(anyCase, numberLabels, 'number-label');

const openers = new Set(sentenceOpeners);

function isUpper(ch: string): boolean {
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

/** "U.S", "a.m", "N.Y", "e.g": single letters joined by periods, at least two letters. */
function isLetterDotAcronym(word: string): boolean {
  if (word.length < 3 || word.length % 2 === 0) return false;
  for (let i = 0; i < word.length; i++) {
    const ch = word[i]!;
    if (i % 2 === 1 ? ch !== '.' : ch.toLowerCase() === ch.toUpperCase()) return false;
  }
  return true;
}

/**
 * The role of `word` (written as in the text, WITHOUT its final period) when a period
 * follows it, or null when that period is punctuation.
 */
export function abbreviationRole(word: string): AbbreviationRole | null {
  if (word.length === 0) return null;
  // "Arlo B. Venn": a lone capital is an initial; a lone lower-case letter is a label ("p. 12") or nothing.
  if (word.length === 1 && isUpper(word)) return 'initial';
  if (isLetterDotAcronym(word)) return 'terminal';
  const lower = word.toLowerCase();
  const any = anyCase.get(lower);
  if (any !== undefined) return any;
  const cap = capitalized.get(lower);
  return cap !== undefined && isUpper(word[0]!) ? cap : null;
}

/** "The", "However", "In": a capitalized word that commonly opens a sentence. */
export function isSentenceOpener(word: string): boolean {
  return word.length > 0 && isUpper(word[0]!) && openers.has(word.toLowerCase());
}
