import { abbreviationRole } from '../knowledge/abbreviations/index.js';
import type { Span, TokenAttrs } from './document.js';

export type Token = Span & TokenAttrs;

/**
 * Splits text into tokens with plain loops over char codes, spaCy-style: cut at whitespace
 * into chunks, then peel each chunk's prefixes (opening quotes and brackets) and suffixes
 * (closing quotes and brackets, sentence punctuation, a possessive "’s"), then split what
 * is left at infixes (dashes, ellipses, quotes, a comma between letters).
 *
 * Kept whole: abbreviations ("U.S.", "Gen.", "No." before a number, "A." before a capital),
 * numbers ("1,000", "3.5", "22:32", "03/27/2020", "$5", "5%"), hyphen and apostrophe words
 * ("S-400", "al-Muhandis", "Sha’abi"), URLs and e-mail addresses (kind 'symbol').
 * Split off: the possessive "’s"/"'s" as its own word token, so "Iraq’s" still reads "Iraq".
 */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    while (i < text.length && isSpace(text.charCodeAt(i))) i++;
    let end = i;
    while (end < text.length && !isSpace(text.charCodeAt(end))) end++;
    if (end > i) splitChunk(text, i, end, out);
    i = end;
  }
  return out;
}

const QUOTES = '"\'‘’‚‛“”„‟«»‹›';
const OPENERS = '([{¿¡“‘„«‹"\'';
const CLOSERS = ')]}”’»›"\'';
const DASHES = '‐‑‒–—―−';
const WORD_CHAR = /[\p{L}\p{N}\p{M}\u200c\u200d]/u;

/** Normalized text holds only " " and "\n"; the rest keeps hand-built texts safe (JS \s, NEL). */
function isSpace(c: number): boolean {
  if (c <= 32) return true;
  if (c < 0x85) return false;
  if (c === 0x85 || c === 0xa0 || c === 0x1680 || c === 0x3000 || c === 0xfeff) return true;
  return (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Per code unit: 0 not yet seen, 1 word char, 2 not. Filled on first sight of each char. */
const wordCharCache = new Uint8Array(0x10000);

/** Letters, digits and combining marks of any script. */
function isWordChar(c: number): boolean {
  if (c < 128) return isDigit(c) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  let known = wordCharCache[c]!;
  if (known === 0) {
    // A lone surrogate half fails the test: astral letters count as symbols, not split points.
    known = WORD_CHAR.test(String.fromCharCode(c)) ? 1 : 2;
    wordCharCache[c] = known;
  }
  return known === 1;
}

function isLetter(c: number): boolean {
  return isWordChar(c) && !isDigit(c);
}

function isUpperAt(text: string, i: number): boolean {
  const ch = text[i] ?? '';
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

function splitChunk(text: string, start: number, end: number, out: Token[]): void {
  let s = start;
  let e = end;
  // Prefixes: "“…" → "“", "…"; "(PMU" → "(", "PMU"; "—known" → "—", "known".
  while (s < e) {
    const ch = text[s]!;
    const len = ch === '.' ? dotRun(text, s, e) : OPENERS.includes(ch) || DASHES.includes(ch) || ch === '…' ? 1 : 0;
    if (len === 0 || (len === 1 && ch === '.')) break;
    out.push(makeToken(text, s, s + len));
    s += len;
  }
  // Suffixes, collected from the end: "Lions,’" → "Lions", ",", "’".
  const suffixes: Token[] = [];
  while (e > s) {
    const len = suffixLength(text, s, e, end);
    if (len === 0) break;
    const possessive = len === 2 && (text[e - 2] === '’' || text[e - 2] === "'");
    suffixes.push(makeToken(text, e - len, e));
    e -= len;
    // "Iraq’s.": nothing more peels off before a possessive.
    if (possessive) break;
  }
  if (e > s) {
    if (isUrlOrEmail(text, s, e)) out.push({ start: s, end: e, norm: text.slice(s, e).toLowerCase(), kind: 'symbol' });
    else splitInfixes(text, s, e, out);
  }
  for (let k = suffixes.length - 1; k >= 0; k--) out.push(suffixes[k]!);
}

function dotRun(text: string, i: number, end: number): number {
  let j = i;
  while (j < end && text.charCodeAt(j) === 46) j++;
  return j - i;
}

/** Length of the suffix token ending at `e`, or 0 when the core ends there. */
function suffixLength(text: string, s: number, e: number, chunkEnd: number): number {
  const ch = text[e - 1]!;
  if (ch === '!' || ch === '?') {
    let j = e - 1; // "?!" is one token
    while (j > s && (text[j - 1] === '!' || text[j - 1] === '?')) j--;
    return e - j;
  }
  if (CLOSERS.includes(ch) || ch === ',' || ch === ';' || ch === ':' || ch === '…') return 1;
  if (ch === '.') {
    let j = e - 1; // "..." is one token
    while (j > s && text.charCodeAt(j - 1) === 46) j--;
    if (e - j >= 2) return e - j;
    return keepsPeriod(text, s, e, chunkEnd) ? 0 : 1;
  }
  // "Iraq’s", "Sha’abi's": the possessive is its own token; "it's" splits the same way.
  const c = text.charCodeAt(e - 1) | 32;
  if (c === 115 && e - s >= 3 && (text[e - 2] === '’' || text[e - 2] === "'")) {
    const before = text.charCodeAt(e - 3);
    if (isWordChar(before) || before === 46) return 2;
  }
  return 0;
}

/** Whether the period ending at `e` belongs to an abbreviation ("Gen.", "U.S.", "No. 2"). */
function keepsPeriod(text: string, s: number, e: number, chunkEnd: number): boolean {
  const role = abbreviationRole(text.slice(wordStart(text, s, e - 1), e - 1));
  if (role === 'title' || role === 'terminal') return true;
  if (role === null || e !== chunkEnd) return false;
  let next = chunkEnd;
  while (next < text.length && isSpace(text.charCodeAt(next))) next++;
  // "No. 2 official" but "said no."; "Arlo B. Venn" but "plan B."
  return role === 'number-label' ? isDigit(text.charCodeAt(next)) : isUpperAt(text, next);
}

/** Start of the run of letters and periods ending at `i`: "said—Gen" → "Gen", "U.S" → "U.S". */
function wordStart(text: string, s: number, i: number): number {
  let w = i;
  while (w > s && (isLetter(text.charCodeAt(w - 1)) || text.charCodeAt(w - 1) === 46)) w--;
  return w;
}

/** Case-insensitive "text at s starts with `lower`", without slicing. */
function startsWithWord(text: string, s: number, e: number, lower: string): boolean {
  if (e - s < lower.length) return false;
  for (let k = 0; k < lower.length; k++) if ((text.charCodeAt(s + k) | 32) !== lower.charCodeAt(k)) return false;
  return true;
}

function isUrlOrEmail(text: string, s: number, e: number): boolean {
  if (startsWithWord(text, s, e, 'http://') || startsWithWord(text, s, e, 'https://')) return true;
  if (startsWithWord(text, s, e, 'www.')) return e - s > 4;
  // "desk@example.org": a word char before "@" and a period inside the part after it.
  let at = s + 1;
  while (at < e && text.charCodeAt(at) !== 64) at++;
  if (at >= e || !isWordChar(text.charCodeAt(at - 1))) return false;
  for (let dot = at + 2; dot < e - 1; dot++) if (text.charCodeAt(dot) === 46) return true;
  return false;
}

function splitInfixes(text: string, s: number, e: number, out: Token[]): void {
  let pieceStart = s;
  let i = s;
  while (i < e) {
    const c = text.charCodeAt(i);
    // ASCII letters and digits never split: the common case, checked first.
    const len = c < 128 && isWordChar(c) ? 0 : infixLength(text, i, s, e);
    if (len === 0) {
      i++;
      continue;
    }
    if (i > pieceStart) out.push(makeToken(text, pieceStart, i));
    out.push(makeToken(text, i, i + len));
    i += len;
    pieceStart = i;
  }
  if (e > pieceStart) out.push(makeToken(text, pieceStart, e));
}

/** Length of a splitting infix at `i` inside the core [s, e), or 0 when `i` joins. */
function infixLength(text: string, i: number, s: number, e: number): number {
  const ch = text[i]!;
  const prev = i > s ? text.charCodeAt(i - 1) : -1;
  const next = i + 1 < e ? text.charCodeAt(i + 1) : -1;
  switch (ch) {
    case '-':
      // "e-mail", "S-400" join; "war--and" splits at the double hyphen.
      return next === 45 ? hyphenRun(text, i, e) : 0;
    case '\u2010':
    case '\u2011':
      return 0; // typographic hyphens join like "-": "al‐Tavor"
    case '/':
      // "03/27/2020", "24/7" join; "Europe/NATO", "and/or" split.
      return isDigit(prev) && isDigit(next) ? 0 : 1;
    case ',':
    case ':':
      // "1,000", "22:32" join; "interests:PMU" splits.
      return isDigit(prev) && isDigit(next) ? 0 : 1;
    case '.':
      if (next === 46) return dotRun(text, i, e);
      if (next === -1) return 0; // the period the suffix step kept: "Gen."
      if (isWordChar(next)) return isMissingSpace(text, i, s) ? 1 : 0;
      // "U.S.-led" keeps its period; 'left."We' does not.
      return abbreviationRole(text.slice(wordStart(text, s, i), i)) === null ? 1 : 0;
    case '’':
    case "'":
    case '‘':
      // "Sha’abi", "Qur'an": an apostrophe inside a word.
      return isWordChar(prev) && isWordChar(next) ? 0 : 1;
    case '&':
      return isLetter(prev) && isLetter(next) ? 0 : 1; // "AT&T"
    case '%':
      return isDigit(prev) ? 0 : 1; // "5%"
    case '$':
    case '€':
    case '£':
    case '¥':
    case '₹':
      return isDigit(next) ? 0 : 1; // "$5"
    default:
      return DASHES.includes(ch) || QUOTES.includes(ch) || '…;!?()[]{}+=|*<>~^\\`•'.includes(ch) ? 1 : 0;
  }
}

/** "Iraq.The": a sentence ends with no space after it. "U.S", "3.5", "example.com" join. */
function isMissingSpace(text: string, i: number, s: number): boolean {
  if (i - s < 2 || !isUpperAt(text, i + 1) || isUpperAt(text, i - 1)) return false;
  return isLetter(text.charCodeAt(i - 1)) && isLetter(text.charCodeAt(i - 2));
}

function hyphenRun(text: string, i: number, e: number): number {
  let j = i;
  while (j < e && text.charCodeAt(j) === 45) j++;
  return j - i;
}

const PUNCT = `.,;:!?…/-${DASHES}${QUOTES}()[]{}¿¡`;

function makeToken(text: string, start: number, end: number): Token {
  let letter = false;
  let digit = false;
  let punct = true;
  let ascii = true;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128) ascii = false;
    if (isDigit(c)) digit = true;
    else if (isWordChar(c)) letter = true;
    if (punct && !PUNCT.includes(text[i]!)) punct = false;
  }
  const kind = letter ? 'word' : digit ? 'number' : punct ? 'punct' : 'symbol';
  const lower = text.slice(start, end).toLowerCase();
  return { start, end, norm: ascii ? lower : unifyQuotesAndDashes(lower), kind };
}

/** "Sha’abi" → "sha'abi", "“" → '"', "—" → "-": one spelling for lookups. */
function unifyQuotesAndDashes(s: string): string {
  let out = '';
  for (const ch of s) {
    if (ch === '‘' || ch === '’' || ch === '‚' || ch === '‛' || ch === '‹' || ch === '›') out += "'";
    else if (ch === '“' || ch === '”' || ch === '„' || ch === '‟' || ch === '«' || ch === '»') out += '"';
    else if (DASHES.includes(ch)) out += '-';
    else out += ch;
  }
  return out;
}
