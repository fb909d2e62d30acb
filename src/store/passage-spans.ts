/**
 * Which spans of an article are fingerprinted as passages, and which of their words are
 * hidden. Pure: the same text and paragraph and sentence spans always give the same spans,
 * whether the article was just analysed or is read back from the store.
 */

import { findQuotedSpans } from '../text/quote-marks.js';
import { isBoilerplateLine } from '../ingest/html/main-text/04-drop-boilerplate.js';
import type { Span } from '../text/document.js';
import { datelineLength } from '../text/datelines.js';
import { paragraphSpans } from '../text/paragraphs-stage.js';
import { isEligibleWords, passageWords, type TextSpan } from '../text/repeats/index.js';

export interface PassageSpan {
  readonly kind: 'paragraph' | 'sentence';
  readonly start: number;
  readonly end: number;
  /** The passage's normalized words, hidden quotations as one word each. */
  readonly words: readonly string[];
}

/**
 * A quotation of this many words or more is hidden. Shorter ones are names, titles and scare
 * quotes ("a ‘routine audit’"), part of the outlet's own sentence; longer ones are what a
 * speaker said, which reaches every outlet that quotes it word for word.
 */
const MIN_HIDDEN_QUOTE_WORDS = 4;

/**
 * The passages of a text: each paragraph of two sentences or more, and each sentence. A
 * paragraph of one sentence is indexed once, as a sentence, so that it meets the same
 * sentence inside another outlet's longer paragraph (copies often split or merge paragraphs).
 * Page furniture (rights notices, bylines, share prompts) is left out, and so is a dateline
 * opening a paragraph, and anything too short to show a shared source (eligibility.ts).
 */
export function passageSpans(text: string, paragraphs: readonly Span[], sentences: readonly Span[]): PassageSpan[] {
  const quotes = hiddenQuotes(text);
  const byStart = [...sentences].sort((a, b) => a.start - b.start);
  const spans: Array<Omit<PassageSpan, 'words'>> = [];
  let next = 0;
  for (const paragraph of [...paragraphs].sort((a, b) => a.start - b.start)) {
    while (next < byStart.length && byStart[next]!.start < paragraph.start) next++;
    const inside: Span[] = [];
    for (let i = next; i < byStart.length && byStart[i]!.start < paragraph.end; i++) if (byStart[i]!.end <= paragraph.end) inside.push(byStart[i]!);
    if (isBoilerplateLine(text.slice(paragraph.start, paragraph.end))) continue;
    const start = afterDateline(text, paragraph);
    if (inside.length < 2) {
      spans.push({ kind: 'sentence', start, end: paragraph.end });
      continue;
    }
    spans.push({ kind: 'paragraph', start, end: paragraph.end });
    for (const s of inside) spans.push({ kind: 'sentence', start: s.start === paragraph.start ? start : s.start, end: s.end });
  }
  const out: PassageSpan[] = [];
  for (const span of spans) {
    const words = spanWords(text, quotes, span);
    if (isEligibleWords(words, text.slice(span.start, span.end))) out.push({ ...span, words });
  }
  // Paragraphs first, as before: a sentence link is dropped when its paragraphs are linked.
  return [...out.filter((s) => s.kind === 'paragraph'), ...out.filter((s) => s.kind === 'sentence')];
}

/** Where the paragraph's own text starts: after its dateline, if it opens with one. */
function afterDateline(text: string, paragraph: Span): number {
  const length = datelineLength(text.slice(paragraph.start, paragraph.end), { cityColon: true });
  return length > 0 && paragraph.start + length < paragraph.end ? paragraph.start + length : paragraph.start;
}

/**
 * Quotations long enough to hide, in text order. Found in the text's own paragraphs (the
 * paragraphs stage's spans), so a stored article's text alone gives them back. A quotation
 * left open runs to the end of its paragraph: it is hidden only when it opens the paragraph
 * (a quoted paragraph), not when a stray mark in mid-sentence would hide the rest.
 */
export function hiddenQuotes(text: string): Span[] {
  const paragraphs = paragraphSpans(text);
  const opensParagraph = new Set(paragraphs.map((p) => p.start));
  return findQuotedSpans(text, paragraphs)
    .filter((q) => q.closed || opensParagraph.has(q.start))
    .filter((q) => (text.slice(q.content.start, q.content.end).match(/[\p{L}\p{N}]+/gu) ?? []).length >= MIN_HIDDEN_QUOTE_WORDS)
    .map((q) => ({ start: q.start, end: q.end }));
}

/** The words of `span` of `text`, the quotations in it hidden (`quotes` from hiddenQuotes). */
export function spanWords(text: string, quotes: readonly Span[], span: Span): string[] {
  return passageWords(text.slice(span.start, span.end), hiddenWithin(quotes, span));
}

/** The quotations overlapping `span`, clipped to it, as offsets into its text. */
function hiddenWithin(quotes: readonly Span[], span: Span): TextSpan[] {
  const out: TextSpan[] = [];
  for (const q of quotes) {
    if (q.end <= span.start || q.start >= span.end) continue;
    out.push({ start: Math.max(q.start, span.start) - span.start, end: Math.min(q.end, span.end) - span.start });
  }
  return out;
}
