import type { WordAnalysis } from './analyze-words.js';

/**
 * Dossier's tokens and UD's words differ, and the parser was trained on UD's. Before
 * parsing, each token is cut into the words UD would write, as spans inside the token:
 *   - a negative or a clitic splits off: "don't" → "do" + "n't", "can't" → "ca" + "n't",
 *     "cannot" → "can" + "not", "they're" → "they" + "'re" (the possessive "'s" is already
 *     its own token);
 *   - a hyphen between words is a word of its own: "al-Muhandis" → "al" "-" "Muhandis",
 *     "U.S.-led" → "U.S." "-" "led" (between digits it stays: "1996-08-22", "571-9571").
 * After parsing, each token takes the analysis of one of its words, its representative: the
 * word whose head lies outside the token (the root if it is one; not a bare "n't" or "-"; the
 * last such word otherwise, since English compounds are head-final), and its head token is
 * the token holding that word's head. A hyphenated token's lemma joins its words' lemmas
 * ("de-escalated" → "de-escalate").
 */

export interface UdWords {
  readonly words: string[];
  /** Char offsets of each word in the document text. */
  readonly starts: number[];
  readonly ends: number[];
  /** Index (into the given token list) of the token each word came from. */
  readonly owner: number[];
}

const CLITIC = /^(.+?)(n['’]t|['’](?:m|re|ve|ll|d|s))$/i;
const HYPHEN = /[-‐‑]/;
const LETTER = /\p{L}/u;

/** What HYPHEN matches, by code unit. */
function isHyphen(code: number): boolean {
  return code === 0x2d || code === 0x2010 || code === 0x2011;
}

function pushSplit(text: string, start: number, end: number, owner: number, out: UdWords): void {
  const word = text.slice(start, end);
  if (word.length === 6 && word.toLowerCase() === 'cannot') {
    pushWord(start, start + 3, owner, text, out);
    pushWord(start + 3, end, owner, text, out);
    return;
  }
  // Every clitic has an apostrophe: most words need not try the expression.
  const clitic = word.includes("'") || word.includes('’') ? CLITIC.exec(word) : null;
  if (clitic && LETTER.test(clitic[1]!)) {
    const cut = end - clitic[2]!.length;
    pushHyphenated(text, start, cut, owner, out);
    pushWord(cut, end, owner, text, out);
    return;
  }
  pushHyphenated(text, start, end, owner, out);
}

function pushHyphenated(text: string, start: number, end: number, owner: number, out: UdWords): void {
  let from = start;
  // Most words have no hyphen inside: one scan of their code units spares a test per character.
  let inner = false;
  for (let i = start + 1; i < end - 1 && !inner; i++) inner = isHyphen(text.charCodeAt(i));
  for (let i = start + 1; inner && i < end - 1; i++) {
    if (!HYPHEN.test(text[i]!)) continue;
    const before = text.slice(from, i);
    const after = text.slice(i + 1, end);
    if (!LETTER.test(before) && !LETTER.test(after)) continue;
    if (before.length === 0 || HYPHEN.test(text[i + 1]!)) continue;
    pushWord(from, i, owner, text, out);
    pushWord(i, i + 1, owner, text, out);
    from = i + 1;
  }
  pushWord(from, end, owner, text, out);
}

function pushWord(start: number, end: number, owner: number, text: string, out: UdWords): void {
  out.words.push(text.slice(start, end));
  out.starts.push(start);
  out.ends.push(end);
  out.owner.push(owner);
}

/** The UD words of a run of tokens (one sentence). */
export function udWords(text: string, tokens: ReadonlyArray<{ readonly start: number; readonly end: number; readonly kind: string }>): UdWords {
  const out: UdWords = { words: [], starts: [], ends: [], owner: [] };
  tokens.forEach((t, i) => {
    if (t.kind === 'word') pushSplit(text, t.start, t.end, i, out);
    else pushWord(t.start, t.end, i, text, out);
  });
  return out;
}

export interface TokenAnalysis {
  readonly upos: string;
  readonly tag: string;
  readonly lemma: string;
  /** Index into the given token list, or -1 for the root. */
  readonly head: number;
  readonly rel: string;
}

const WEAK = new Set(['PART', 'PUNCT']);

/** Folds word analyses back onto the tokens they came from. */
export function tokenAnalyses(text: string, tokenCount: number, words: UdWords, analysis: readonly WordAnalysis[]): TokenAnalysis[] {
  const first = new Int32Array(tokenCount).fill(-1);
  const last = new Int32Array(tokenCount).fill(-1);
  words.owner.forEach((t, w) => {
    if (first[t] === -1) first[t] = w;
    last[t] = w;
  });
  const representative = new Int32Array(tokenCount);
  for (let t = 0; t < tokenCount; t++) {
    let pick = -1;
    for (let w = first[t]!; w <= last[t]!; w++) {
      const head = analysis[w]!.head;
      if (head === 0) {
        pick = w;
        break;
      }
      if (words.owner[head - 1] === t) continue;
      if (pick === -1 || WEAK.has(analysis[pick]!.upos) || !WEAK.has(analysis[w]!.upos)) pick = w;
    }
    representative[t] = pick === -1 ? last[t]! : pick;
  }
  const heads = Int32Array.from(representative, (w, t) => {
    const head = analysis[w]!.head;
    if (head === 0) return -1;
    const owner = words.owner[head - 1]!;
    return owner === t ? -1 : owner;
  });
  breakCycles(heads);
  const out: TokenAnalysis[] = [];
  for (let t = 0; t < tokenCount; t++) {
    const w = representative[t]!;
    const a = analysis[w]!;
    out.push({ upos: a.upos, tag: a.xpos, lemma: tokenLemma(text, words, analysis, first[t]!, last[t]!, w), head: heads[t]!, rel: heads[t] === -1 ? 'root' : a.deprel });
  }
  return out;
}

function tokenLemma(text: string, words: UdWords, analysis: readonly WordAnalysis[], from: number, to: number, representative: number): string {
  if (from === to) return analysis[from]!.lemma;
  const hyphenated = words.words.slice(from, to + 1).some((w) => w.length === 1 && HYPHEN.test(w));
  if (!hyphenated) return analysis[representative]!.lemma;
  let lemma = '';
  for (let w = from; w <= to; w++) {
    lemma += w === from ? '' : text.slice(words.ends[w - 1]!, words.starts[w]!);
    lemma += analysis[w]!.upos === 'PUNCT' ? words.words[w]! : analysis[w]!.lemma;
  }
  return lemma;
}

/**
 * Merging words into tokens can close a loop when a token's words hang from different
 * places; the token where a loop is found is cut loose to the root, and only one root kept.
 */
function breakCycles(heads: Int32Array): void {
  const n = heads.length;
  let root = -1;
  for (let t = 0; t < n; t++) {
    if (heads[t] !== -1) continue;
    if (root === -1) root = t;
    else heads[t] = root;
  }
  for (let t = 0; t < n; t++) {
    let x = t;
    for (let steps = 0; x !== -1; steps++) {
      if (steps > n) {
        if (root === -1) {
          heads[t] = -1;
          root = t;
        } else heads[t] = root === t ? -1 : root;
        break;
      }
      x = heads[x]!;
    }
  }
}
