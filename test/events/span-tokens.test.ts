import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { spansBySentence, tokensWithin } from '../../src/events/span-tokens.js';

/** Tokens in text order with gaps between them, as a tokenizer leaves them (indexes need not start at 0). */
const tokensArb = fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 1, max: 6 })), { maxLength: 60 }).map((parts) => {
  let at = 0;
  return parts.map(([gap, length], i) => {
    const start = at + gap;
    at = start + length;
    return { index: i + 7, start, end: at };
  });
});
const spansArb = fc.array(
  fc.tuple(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 40 })).map(([start, length]) => ({ start, end: start + length })),
  { maxLength: 12 },
);

describe('tokens within spans', () => {
  it('are the tokens a pass over every token for every span finds', () => {
    fc.assert(
      fc.property(tokensArb, spansArb, (tokens, spans) => {
        const everyToken = new Set(spans.flatMap((s) => tokens.filter((t) => t.start >= s.start && t.end <= s.end).map((t) => t.index)));
        expect([...tokensWithin(tokens, spans)].sort((a, b) => a - b)).toEqual([...everyToken].sort((a, b) => a - b));
      }),
    );
  });

  it('take a token only when it lies wholly inside', () => {
    const tokens = [
      { index: 0, start: 0, end: 4 },
      { index: 1, start: 5, end: 8 },
      { index: 2, start: 9, end: 13 },
    ];
    // "May 2": the first two tokens; a span ending inside the third leaves it out.
    expect([...tokensWithin(tokens, [{ start: 0, end: 8 }])]).toEqual([0, 1]);
    expect([...tokensWithin(tokens, [{ start: 5, end: 11 }])]).toEqual([1]);
    expect([...tokensWithin(tokens, [{ start: 14, end: 20 }])]).toEqual([]);
  });
});

describe('spans by sentence', () => {
  it('list for each sentence the spans that overlap it, in index order, as a pass over every span does', () => {
    // Sentences: in order, not overlapping, gaps allowed; spans anywhere, in any order, empty ones too.
    const sentencesArb = tokensArb.map((ts) => ts.map(({ start, end }) => ({ start, end: end + 3 })).filter((s, i, all) => i === 0 || s.start >= all[i - 1]!.end));
    fc.assert(
      fc.property(sentencesArb, spansArb, (sentences, spans) => {
        const everySpan = sentences.map((s) => spans.flatMap((t, i) => (t.end > s.start && t.start < s.end ? [i] : [])));
        expect(spansBySentence(sentences, spans)).toEqual(everySpan);
      }),
    );
  });
});
