import { abbreviationRole, isSentenceOpener } from '../knowledge/abbreviations/index.js';
import type { Span, TokenAttrs } from './document.js';
import { datelineLength } from './datelines.js';

export type SentenceSpan = Span & { readonly paragraph: number };
type Token = Span & Readonly<TokenAttrs>;

/**
 * Sentence spans from the token layer, one paragraph at a time (a sentence never crosses a
 * paragraph). A candidate end is a token ".", "!", "?", an ellipsis, or an abbreviation
 * token ("U.S.", "Inc.": the tokenizer kept the period). Closing quotes and brackets right
 * after it belong to the sentence that ends: "…missiles.” Next" ends after "”".
 * Whether the candidate ends the sentence depends on the token after those closers.
 * A paragraph with no end punctuation (a headline) is one sentence.
 */
export function sentenceSpans(text: string, paragraphs: readonly Span[], tokens: readonly Token[]): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  let k = 0;
  for (let p = 0; p < paragraphs.length; p++) {
    const para = paragraphs[p]!;
    while (k < tokens.length && tokens[k]!.start < para.start) k++;
    let last = k;
    while (last < tokens.length && tokens[last]!.end <= para.end) last++;
    splitParagraph(text, tokens, afterDateline(text, tokens, para, k, last, p, out), last, p, out);
    k = last;
  }
  return out;
}

/**
 * A wire dateline ("KESSOW, Velmaria (Example Wire) — ") is a sentence of its own: it is not part
 * of the first sentence's grammar, and parsed with it, its place reads as that sentence's subject.
 * Returns the first token after it (`from` when the paragraph opens with none).
 */
function afterDateline(text: string, tokens: readonly Token[], para: Span, from: number, to: number, paragraph: number, out: SentenceSpan[]): number {
  const length = datelineLength(text.slice(para.start, para.end));
  if (length === 0) return from;
  let k = from;
  while (k < to && tokens[k]!.start < para.start + length) k++;
  if (k === from || k >= to) return from;
  out.push({ start: tokens[from]!.start, end: tokens[k - 1]!.end, paragraph });
  return k;
}

function splitParagraph(
  text: string,
  tokens: readonly Token[],
  from: number,
  to: number,
  paragraph: number,
  out: SentenceSpan[],
): void {
  let first = from;
  for (let k = from; k < to; k++) {
    const tok = tokens[k]!;
    const kind = endKind(text, tok);
    if (kind === null) continue;
    let j = k + 1;
    while (j < to && (isCloser(text, tokens[j]!) || endKind(text, tokens[j]!) === 'stop')) j++;
    if (j >= to) break;
    if (!endsBefore(text, kind, tokens[j]!, hasContent(tokens, first, k))) continue;
    out.push({ start: tokens[first]!.start, end: tokens[j - 1]!.end, paragraph });
    first = j;
    k = j - 1;
  }
  if (first < to) out.push({ start: tokens[first]!.start, end: tokens[to - 1]!.end, paragraph });
}

/**
 * - 'stop': ".", "!", "?", "?!";
 * - 'ellipsis': "…", "...";
 * - 'never': a title, a number label ("Gen.", "No."): these never end a sentence;
 * - 'maybe': an abbreviation that can end one ("U.S.", "Inc.", "Jr.", "a.m.", an initial).
 */
type EndKind = 'stop' | 'ellipsis' | 'never' | 'maybe';

function endKind(text: string, tok: Token): EndKind | null {
  const norm = tok.norm;
  const lastChar = norm[norm.length - 1];
  if (tok.kind === 'punct') {
    if (norm === '…' || (norm.length > 1 && norm.startsWith('..'))) return 'ellipsis';
    return lastChar === '.' || lastChar === '!' || lastChar === '?' ? 'stop' : null;
  }
  if (lastChar !== '.' || tok.kind !== 'word') return null;
  const role = abbreviationRole(text.slice(tok.start, tok.end - 1));
  return role === 'title' || role === 'number-label' ? 'never' : 'maybe';
}

function endsBefore(text: string, kind: EndKind, next: Token, hasContentBefore: boolean): boolean {
  switch (kind) {
    case 'never':
      return false;
    // "…left the U.S. The talks…" ends; "the U.S. Embassy", "Example Holdings Inc. said" do not.
    case 'maybe':
      return isSentenceOpener(text.slice(next.start, next.end)) || isOpeningQuote(text, next);
    // "“… offering rewards": an ellipsis opening a quote, or before a lower-case word, goes on.
    case 'ellipsis':
      return hasContentBefore && (isUpperAt(text, next.start) || isOpeningQuote(text, next));
    case 'stop':
      return startsSentence(text, next);
  }
}

function hasContent(tokens: readonly Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (tokens[k]!.kind !== 'punct') return true;
  return false;
}

/** After ".", "!", "?": anything but a lower-case word or inner punctuation starts a sentence. */
function startsSentence(text: string, next: Token): boolean {
  const ch = text[next.start]!;
  if (next.kind === 'punct') return isOpeningQuote(text, next) || '([{¿¡'.includes(ch);
  // "He asked “Why?” and left": a lower-case word goes on. Arabic and CJK have no case: they start.
  return !(ch !== ch.toUpperCase() && ch === ch.toLowerCase());
}

function isUpperAt(text: string, i: number): boolean {
  const ch = text[i] ?? '';
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

/** “ ‘ « „ open, and so does a straight quote that opens (see `straightQuoteOpens`). */
function isOpeningQuote(text: string, tok: Token): boolean {
  const ch = text[tok.start]!;
  if (ch === '"' || ch === "'") return straightQuoteOpens(text, tok.start);
  return ch === '“' || ch === '‘' || ch === '«' || ch === '„';
}

/** ” ’ » › ) ] } close, and so does a straight quote that does not open. */
function isCloser(text: string, tok: Token): boolean {
  if (tok.end - tok.start !== 1) return false;
  const ch = text[tok.start]!;
  if (ch === '"' || ch === "'") return !straightQuoteOpens(text, tok.start);
  return ch === '”' || ch === '’' || ch === '»' || ch === '›' || ch === ')' || ch === ']' || ch === '}';
}

/**
 * A straight quote opens when a space (or the start) comes before it, or when it is glued to
 * the word after it: ' "We' and 'left."We' open; 'missiles." Next' closes.
 */
function straightQuoteOpens(text: string, i: number): boolean {
  const before = i === 0 ? 32 : text.charCodeAt(i - 1);
  const after = i + 1 < text.length ? text.charCodeAt(i + 1) : 32;
  return before === 32 || before === 10 || (after !== 32 && after !== 10);
}
