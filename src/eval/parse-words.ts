import type { Document } from '../text/document.js';
import { ConlluError, type ConlluSentence, noSpaceAfter } from './conllu.js';

/**
 * Gold and system analyses put side by side as the CoNLL 2018 shared task's script
 * (conll18_ud_eval.py) does: every span is an offset into the file's text with all
 * whitespace removed, so a tokenizer is free to place spaces and line breaks as it likes,
 * and a word is where its characters are.
 */

/** Offsets into the text with whitespace removed, end exclusive. */
export interface UdSpan {
  readonly start: number;
  readonly end: number;
}

/** One syntactic word: a CoNLL-U word line, or one Dossier token. */
export interface UdWord {
  readonly span: UdSpan;
  readonly form: string;
  /** Part of a multiword token ("don't" = do + n't): the words share the token's span. */
  readonly multiword: boolean;
  readonly upos: string;
  readonly xpos: string;
  readonly lemma: string;
  /** Index of the head word in the same word list, -1 for a root. */
  readonly parent: number;
  /** The full relation as written ("acl:relcl"). */
  readonly deprel: string;
}

export interface UdText {
  readonly tokens: readonly UdSpan[];
  readonly sentences: readonly UdSpan[];
  readonly words: readonly UdWord[];
  /** Non-whitespace characters: where the next text's offsets start. */
  readonly length: number;
}

const SPACE = /\s/u;

/** The text without whitespace (JS `\s`: every Unicode space separator, line breaks, BOM). */
export function withoutSpaces(text: string): string {
  let out = '';
  for (const ch of text) if (!SPACE.test(ch)) out += ch;
  return out;
}

/** A surface token of a sentence: a word, or a multiword token with the words it covers. */
export interface SurfaceToken {
  readonly form: string;
  /** 0-based indices of its first word and of the word after its last. */
  readonly firstWord: number;
  readonly endWord: number;
  readonly multiword: boolean;
  readonly spaceAfter: boolean;
}

/** The surface tokens of a sentence in order, multiword ranges checked. */
export function surfaceTokens(sentence: ConlluSentence, file: string): SurfaceToken[] {
  const starts = new Map(sentence.multiwords.map((mw) => [mw.first, mw]));
  const out: SurfaceToken[] = [];
  for (let i = 0; i < sentence.words.length; ) {
    const mw = starts.get(i + 1);
    if (mw !== undefined && (mw.last < mw.first || mw.last > sentence.words.length)) {
      throw new ConlluError(file, sentence.line, `multiword token ${mw.first}-${mw.last} of sentence ${sentence.id} covers no range of its words`);
    }
    const endWord = mw?.last ?? i + 1;
    const { form, misc } = mw ?? sentence.words[i]!;
    out.push({ form, firstWord: i, endWord, multiword: mw !== undefined, spaceAfter: !noSpaceAfter(misc) });
    i = endWord;
  }
  const used = new Set(out.filter((t) => t.multiword).map((t) => t.firstWord + 1));
  const stray = sentence.multiwords.find((mw) => !used.has(mw.first));
  if (stray !== undefined) {
    throw new ConlluError(file, sentence.line, `multiword token ${stray.first}-${stray.last} of sentence ${sentence.id} overlaps another`);
  }
  return out;
}

/**
 * The gold tokens, sentences and words of CoNLL-U sentences, offsets starting at `base`
 * and word indices at `wordBase`. A multiword token ("3-4 don't") is one token; its words
 * take its span. Empty nodes never reach here (the reader skips them).
 */
export function goldUdText(sentences: readonly ConlluSentence[], file: string, base = 0, wordBase = 0): UdText {
  const tokens: UdSpan[] = [];
  const spans: UdSpan[] = [];
  const words: UdWord[] = [];
  let at = base;
  for (const sentence of sentences) {
    const first = words.length + wordBase;
    const sentenceStart = at;
    for (const token of surfaceTokens(sentence, file)) {
      const form = withoutSpaces(token.form);
      if (form === '') throw new ConlluError(file, sentence.line, `word ${token.firstWord + 1} of sentence ${sentence.id} has an empty FORM`);
      const span = { start: at, end: at + form.length };
      tokens.push(span);
      at = span.end;
      for (const w of sentence.words.slice(token.firstWord, token.endWord)) {
        words.push({
          span,
          form: w.form,
          multiword: token.multiword,
          upos: w.upos,
          xpos: w.xpos,
          lemma: w.lemma,
          parent: w.head === 0 ? -1 : first + w.head - 1,
          deprel: w.deprel,
        });
      }
    }
    spans.push({ start: sentenceStart, end: at });
  }
  return { tokens, sentences: spans, words, length: at - base };
}

/**
 * The system's tokens, sentences and words from a Document with the tokens, sentences and
 * syntax layers, made from `raw`: one word per Dossier token, which is the point of --raw
 * ("don't" is one token here and two gold words). Offsets go through the map back to `raw`,
 * so whatever normalization changed, the characters counted are the ones the gold has.
 */
export function documentUdText(doc: Document, raw: string, base = 0, wordBase = 0): UdText {
  const { tokens, sentences, syntax } = doc.layers;
  if (tokens === undefined || sentences === undefined || syntax === undefined) {
    throw new Error(`eval parse: document "${doc.id}" lacks the tokens, sentences or syntax layer`);
  }
  if (syntax.length !== tokens.length) {
    throw new Error(`eval parse: document "${doc.id}" has ${tokens.length} tokens but ${syntax.length} syntax entries`);
  }
  const before = new Int32Array(raw.length + 1);
  for (let i = 0; i < raw.length; i++) before[i + 1] = before[i]! + (SPACE.test(raw[i]!) ? 0 : 1);
  // Offsets in doc.text → raw → non-whitespace count; an end maps through the next char's
  // raw offset, so a composed "é" covers both raw code points of "e\u0301".
  const toUd = (start: number, end: number): UdSpan => ({
    start: base + before[doc.rawOffsets[start]!]!,
    end: base + before[doc.rawOffsets[end]!]!,
  });
  const words = tokens.map((t, i): UdWord => {
    const s = syntax[i]!;
    return {
      span: toUd(t.start, t.end),
      form: doc.text.slice(t.start, t.end),
      multiword: false,
      upos: s.upos,
      xpos: s.tag,
      lemma: s.lemma,
      parent: s.head < 0 ? -1 : wordBase + s.head,
      deprel: s.rel,
    };
  });
  return {
    tokens: words.map((w) => w.span),
    sentences: sentences.map((s) => toUd(s.start, s.end)),
    words,
    length: before[raw.length]!,
  };
}
