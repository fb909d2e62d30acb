import { describe, expect, it } from 'vitest';
import { findQuotedSpans } from '../../src/text/quote-marks.js';
import type { Span } from '../../src/text/document.js';

/** Paragraph spans of `text`, split at blank lines as the normalizer leaves them. */
function paragraphsOf(text: string): Span[] {
  const out: Span[] = [];
  let at = 0;
  for (const p of text.split('\n\n')) {
    out.push({ start: at, end: at + p.length });
    at += p.length + 2;
  }
  return out;
}

function quotes(text: string): Array<{ content: string; single: boolean; closed: boolean; paragraphs: number }> {
  return findQuotedSpans(text, paragraphsOf(text)).map((q) => ({
    content: text.slice(q.content.start, q.content.end),
    single: q.single,
    closed: q.closed,
    paragraphs: q.paragraphs,
  }));
}

describe('findQuotedSpans', () => {
  it.each([
    ['curly double', '“We stay,” he said.', 'We stay,'],
    ['straight double', 'He said: "We stay here."', 'We stay here.'],
    ['guillemets', 'Le chef a dit « nous restons » hier.', ' nous restons '],
    ['low-high German', 'Er sagte „wir bleiben“ gestern.', 'wir bleiben'],
    ['curly single', 'She said ‘we stay here’ and left.', 'we stay here'],
  ])('pairs %s marks', (_style, text, content) => {
    expect(quotes(text).map((q) => q.content)).toEqual([content]);
  });

  it('keeps a nested single quote inside its double quote', () => {
    expect(quotes('“They call it ‘the plan’ now,” she said.').map((q) => q.content)).toEqual(['They call it ‘the plan’ now,']);
  });

  it('does not take apostrophes for quote marks', () => {
    expect(quotes('Iraq’s Asa’ib Ahl al-Haq and the countries’ troops said “no deal” today.').map((q) => q.content)).toEqual(['no deal']);
  });

  it('continues a quote into the next paragraph that opens with a quote mark', () => {
    const text = '“The first part goes on.\n\n“The second part ends here,” he said.';
    expect(quotes(text)).toEqual([{ content: 'The first part goes on.\n\n“The second part ends here,', single: false, closed: true, paragraphs: 2 }]);
  });

  it('closes an unclosed quote at the paragraph end when nothing continues it', () => {
    expect(quotes('He said “we never\n\nAnother paragraph.')).toEqual([{ content: 'we never', single: false, closed: false, paragraphs: 1 }]);
  });

  it('accepts a single opening mark closed by a double one', () => {
    expect(quotes('‘Perhaps they will,” he said.').map((q) => q.content)).toEqual(['Perhaps they will,']);
  });
});
