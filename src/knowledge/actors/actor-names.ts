/**
 * Keys for comparing actor names across spellings. A name becomes a list of words, each
 * with an exact key (case, diacritics, apostrophes and the Arabic article gone) and a fold
 * (transliteration variants merged), plus the word's shape so that matching in running text
 * can tell the name "Amal" from the word "amal" and the acronym "US" from the pronoun "us".
 */

export type WordShape = 'upper' | 'cap' | 'lower';

export interface NameWord {
  /** Lower-case, no diacritics or apostrophes: "Sha’abi" → "shaabi". */
  readonly key: string;
  /** Transliteration fold of the key: "hezbollah" and "hizballah" → "hazbala". */
  readonly fold: string;
  /** "upper" for acronyms ("PMU", "U.S."), "cap" for capitalized words, else "lower". */
  readonly shape: WordShape;
}

/** Always dropped: the article in any position ("al-Hashd al-Sha'abi", "the Pentagon"). */
const DROPPED_WORDS = new Set(['al', 'el', 'the']);
/**
 * Sun-letter forms of the article, dropped only when hyphened to the next word
 * ("ad-Din", "ash-Sham"), because standing alone they are English words ("as", "at", "an").
 */
const ASSIMILATED_ARTICLES = new Set(['ad', 'adh', 'an', 'ar', 'as', 'ash', 'at', 'ath', 'az', 'ed', 'es', 'esh', 'et', 'ez', 'ud', 'ul', 'ur']);

const APOSTROPHES = /['’‘ʿʾ`´ʼʻ′]/g;
const POSSESSIVE = /['’]s$/i;
const MARKS = /\p{M}|\u200c|\u200d|\u0640/gu;
/** Arabic-script article prefix on a word long enough to hold one ("العراق" → "عراق"). */
const ARABIC_ARTICLE = /^ال(?=.{2,})/u;
const SEPARATORS = /[^\p{L}\p{N}-]+/u;

/** The words of a name or a token, with the article and "the" dropped. */
export function nameWords(text: string): NameWord[] {
  const ascii = isAscii(text);
  const cleaned = (ascii ? text : text.normalize('NFKD').replace(MARKS, ''))
    .replace(POSSESSIVE, '')
    .replace(APOSTROPHES, '')
    .replace(/\./g, '');
  const out: NameWord[] = [];
  for (const chunk of cleaned.split(SEPARATORS)) {
    if (chunk === '') continue;
    const pieces = chunk.split(/-+/);
    for (let i = 0; i < pieces.length; i++) {
      const piece = pieces[i]!;
      if (piece === '') continue;
      const word = pieceWord(piece, i < pieces.length - 1);
      if (word) out.push(word);
    }
  }
  return out;
}

/** Words repeat endlessly across aliases and tokens ("government", "al-"): fold each once. */
const pieceCache = new Map<string, NameWord | null>();
const PIECE_CACHE_LIMIT = 100_000;

function pieceWord(piece: string, hyphenedToNext: boolean): NameWord | null {
  const cacheKey = hyphenedToNext ? `${piece}-` : piece;
  const known = pieceCache.get(cacheKey);
  if (known !== undefined) return known;
  const lower = piece.toLowerCase();
  let word: NameWord | null = null;
  if (!DROPPED_WORDS.has(lower) && !(hyphenedToNext && ASSIMILATED_ARTICLES.has(lower))) {
    const key = lower.replace(ARABIC_ARTICLE, '');
    word = Object.freeze({ key, fold: foldWord(key), shape: wordShape(piece) });
  }
  if (pieceCache.size >= PIECE_CACHE_LIMIT) pieceCache.clear();
  pieceCache.set(cacheKey, word);
  return word;
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 127) return false;
  return true;
}

/** The exact key of a whole name: its word keys joined by spaces ("" for no words). */
export function nameKey(text: string): string {
  return nameWords(text)
    .map((w) => w.key)
    .join(' ');
}

/** The fold of a whole name, spaces removed so "Abdulmahdi" meets "Abdul-Mahdi". */
export function foldKey(text: string): string {
  return joinFolds(nameWords(text).map((w) => w.fold));
}

export function joinFolds(folds: readonly string[]): string {
  if (folds.length === 1) return folds[0]!;
  let out = '';
  for (const fold of folds) for (const ch of fold) if (!out.endsWith(ch)) out += ch;
  return out;
}

function wordShape(piece: string): WordShape {
  const letters = piece.replace(/[^\p{L}]/gu, '');
  if (letters === '') return 'lower';
  const first = letters[0]!;
  const firstIsUpper = first !== first.toLowerCase();
  if (!firstIsUpper) return 'lower';
  return letters.length >= 2 && letters === letters.toUpperCase() ? 'upper' : 'cap';
}

/**
 * Folds the spelling variation of names transliterated from Arabic, Persian and Hebrew:
 * digraphs (kh/h, gh/g, dh/th/z, ph/f), q/k/c, every vowel run (with w, and y
 * before a consonant, which stand for vowels as often as not: "Awliya"/"Oliya", "Rubaiy"/"Rubaie") to one "a", doubled
 * letters to one, and a final "ah" to "a". A "y" before a vowel stays a consonant so "Ziyadi" and
 * "Zaidi" stay apart. Aggressive on purpose: callers compare folds
 * only for words long enough, and say a fold match is not exact.
 */
export function foldWord(key: string): string {
  // One pass over the key instead of a chain of regex replaces: this runs for every alias
  // word at load time and for every token of every document.
  let out = '';
  let prev = '';
  for (let i = 0; i < key.length; i++) {
    const c = key[i]!;
    const next = key[i + 1] ?? '';
    let f: string;
    if (next === 'h' && (c === 'p' || c === 'c' || c === 'k' || c === 'g' || c === 'd' || c === 't' || c === 'z')) {
      f = c === 'p' ? 'f' : c === 'c' || c === 'k' ? 'h' : c === 'g' ? 'g' : 'z';
      i++;
    } else if (c === 'c' && next === 'k') {
      f = 'k';
      i++;
    } else if (c === 'q' || c === 'c') f = 'k';
    else if (c === 'y') f = isPlainVowel(next) ? 'y' : 'a';
    else if (c === 'w' || isPlainVowel(c)) f = 'a';
    else f = c;
    if (f !== prev) out += f;
    prev = f;
  }
  return out.length > 2 && out.endsWith('ah') ? out.slice(0, -1) : out;
}

function isPlainVowel(c: string): boolean {
  return c === 'a' || c === 'e' || c === 'i' || c === 'o' || c === 'u';
}

/**
 * Optimal-string-alignment Damerau–Levenshtein distance, giving up once it exceeds `max`
 * (then returns max + 1): names are compared against thousands of aliases per lookup.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  const cols = b.length + 1;
  // Three rows reused across calls: the registry scan calls this thousands of times per name.
  if (rows[0].length < cols) rows = [new Int32Array(cols * 2), new Int32Array(cols * 2), new Int32Array(cols * 2)];
  let [prev2, prev, row] = rows;
  for (let j = 0; j < cols; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j < cols; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) d = Math.min(d, prev2[j - 2]! + 1);
      row[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, row] = [prev, row, prev2];
  }
  return Math.min(prev[b.length]!, max + 1);
}

let rows: [Int32Array, Int32Array, Int32Array] = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];
