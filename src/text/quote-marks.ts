import type { Span } from './document.js';

/**
 * Quotation marks paired into quoted spans. News text mixes every style (“…”, "…", ‘…’,
 * « », „ “) and uses ’ both as a closing mark and as an apostrophe ("Iraq’s", "Asa’ib"),
 * so marks are classified from their neighbours before pairing. Only outermost pairs are
 * returned: a quote inside a quote is part of its content.
 */
export interface QuotedSpan extends Span {
  /** Inside the marks. */
  readonly content: Span;
  /** Single marks (‘…’) are mostly names and scare quotes; double marks are mostly speech. */
  readonly single: boolean;
  /** False when the paragraph ended with the quote still open and nothing continued it. */
  readonly closed: boolean;
  /** Paragraphs the quote runs over (1 for most). */
  readonly paragraphs: number;
}

type MarkRole = 'open' | 'close' | 'either' | 'none';

interface Mark {
  readonly at: number;
  readonly single: boolean;
  readonly role: MarkRole;
  /** „ is closed by “, not opened by it. */
  readonly low: boolean;
}

const OPENING_CONTEXT = /[\s([{\u2014\u2013\-/:]/;
const WORD_CHAR = /[\p{L}\p{N}]/u;

function classify(text: string, i: number, start: number, end: number): Mark | null {
  const c = text[i]!;
  const prev = i > start ? text[i - 1]! : ' ';
  const next = i + 1 < end ? text[i + 1]! : ' ';
  const openContext = OPENING_CONTEXT.test(prev) || '“‘"\'«„'.includes(prev);
  const nextSpace = /\s/.test(next);
  switch (c) {
    case '\u201c':
      return { at: i, single: false, role: 'either', low: false };
    case '\u201e':
    case '\u00ab':
      return { at: i, single: false, role: 'open', low: c === '\u201e' };
    case '\u201d':
    case '\u00bb':
      return { at: i, single: false, role: 'close', low: false };
    case '"':
      if (openContext && !nextSpace) return { at: i, single: false, role: 'open', low: false };
      if (!openContext) return { at: i, single: false, role: 'close', low: false };
      return { at: i, single: false, role: 'either', low: false };
    case '\u2018':
    case '\u201a':
    case '\u2039':
      return openContext ? { at: i, single: true, role: 'open', low: c === '\u201a' } : null;
    case '\u2019':
    case '\u203a':
    case "'": {
      // Letters on both sides: an apostrophe ("Iraq’s", "Asa’ib", "don’t").
      if (WORD_CHAR.test(prev) && WORD_CHAR.test(next)) return null;
      if (c === "'" && openContext && WORD_CHAR.test(next)) return { at: i, single: true, role: 'open', low: false };
      if (openContext) return null;
      return { at: i, single: true, role: 'close', low: false };
    }
    default:
      return null;
  }
}

// Every character `classify` may take for a mark: only these are looked at.
const MARK_CHAR = /["'\u201c\u201d\u201e\u00ab\u00bb\u2018\u2019\u201a\u2039\u203a]/g;

interface Open {
  readonly mark: Mark;
  /** Where the outermost quote began when it continues from an earlier paragraph. */
  readonly from: number;
  readonly paragraphs: number;
}

/** Top-level quoted spans of `text`, paragraph by paragraph, in order. */
export function findQuotedSpans(text: string, paragraphs: readonly Span[]): QuotedSpan[] {
  const out: QuotedSpan[] = [];
  let carried: Open | null = null;
  // Where a mark may stand, in text order.
  const candidates = Array.from(text.matchAll(MARK_CHAR), (m) => m.index);
  for (const [pi, para] of paragraphs.entries()) {
    const stack: Open[] = [];
    let firstMark = true;
    for (let at = firstAtOrAfter(candidates, para.start); at < candidates.length && candidates[at]! < para.end; at++) {
      const i = candidates[at]!;
      const mark = classify(text, i, para.start, para.end);
      if (!mark) continue;
      const atParagraphStart = firstMark && text.slice(para.start, i).trim() === '';
      firstMark = false;
      // A paragraph that opens with a quote mark continues the quote the last one left open.
      if (carried && atParagraphStart && !mark.single && mark.role !== 'close') {
        stack.push({ mark, from: carried.from, paragraphs: carried.paragraphs + 1 });
        carried = null;
        continue;
      }
      const paired = pairMark(stack, mark, text);
      if (paired) {
        // Unclosed single marks below do not hide a quote: they were apostrophes.
        if (stack.every((o) => o.mark.single)) out.push(quoted(paired, mark.at + 1, true));
      } else if (mark.role === 'open' || mark.role === 'either') {
        stack.push({ mark, from: mark.at, paragraphs: 1 });
      }
    }
    const outer = stack[0];
    carried = null;
    if (outer && !outer.mark.single) {
      const next = paragraphs[pi + 1];
      const nextOpens = next !== undefined && /^\s*["“«„]/.test(text.slice(next.start, Math.min(next.end, next.start + 4)));
      if (nextOpens) carried = outer;
      else out.push(quoted(outer, para.end, false));
    }
  }
  return outermost(out);
}

/** Index of the first of the sorted `positions` at or after `from` (their length when none). */
function firstAtOrAfter(positions: readonly number[], from: number): number {
  let low = 0;
  let high = positions.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (positions[mid]! < from) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Drops quotes nested in another one (left over when an outer single mark did close). */
function outermost(quotes: QuotedSpan[]): QuotedSpan[] {
  const sorted = [...quotes].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: QuotedSpan[] = [];
  for (const q of sorted) {
    const last = kept[kept.length - 1];
    if (last && q.start >= last.start && q.end <= last.end) continue;
    kept.push(q);
  }
  return kept;
}

/** The opener `mark` closes, popped from `stack` (with any apostrophes left above it), or null. */
function pairMark(stack: Open[], mark: Mark, text: string): Open | null {
  const top = stack[stack.length - 1];
  if (!top) return null;
  if (mark.single) return mark.role === 'close' && top.mark.single ? (stack.pop() ?? null) : null;
  const doubleAt = findLastIndex(stack, (o) => !o.mark.single);
  if (mark.role === 'either') {
    // “ closes only „; a straight quote closes an open straight quote.
    const opener = doubleAt >= 0 ? stack[doubleAt]! : null;
    const closes = opener !== null && (opener.mark.low || (text[mark.at] === '"' && text[opener.mark.at] === '"'));
    if (!closes) return null;
  } else if (mark.role !== 'close') {
    return null;
  }
  if (doubleAt < 0) return top.mark.single ? (stack.pop() ?? null) : null;
  const opener = stack[doubleAt]!;
  stack.length = doubleAt;
  return opener;
}

function findLastIndex<T>(xs: readonly T[], ok: (x: T) => boolean): number {
  for (let i = xs.length - 1; i >= 0; i--) if (ok(xs[i]!)) return i;
  return -1;
}

function quoted(open: Open, end: number, closed: boolean): QuotedSpan {
  const contentEnd = closed ? end - 1 : end;
  return {
    start: open.from,
    end,
    content: { start: open.from + 1, end: Math.max(open.from + 1, contentEnd) },
    single: open.mark.single,
    closed,
    paragraphs: open.paragraphs,
  };
}
