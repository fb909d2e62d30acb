import { beforeAll, describe, expect, it } from 'vitest';
import type { RawArticle } from '../../src/ingest/raw-article.js';
import { loadKnowledge } from '../../src/pipeline/load-knowledge.js';
import { type Analyzer, createAnalyzer } from '../../src/pipeline/analyze-article.js';
import type { Document, Span } from '../../src/text/document.js';
import { spanText, toRaw } from '../../src/text/span.js';

/** An invented article: the withdrawal is told in the headline only; the body tells a strike and a quote. */
const ARTICLE: RawArticle = {
  title: 'Coalition is withdrawing from several of its smaller bases in Iraq',
  outlet: 'Example Wire',
  author: null,
  date: { value: '2026-03-04', precision: 'day', raw: '2026-03-04', reason: 'test' },
  url: null,
  text: 'Insurgents fired rockets at an army base near Mosul on Monday, killing four soldiers, officials said.\n\n“We will not leave our partners,” said Ona Brill, a coalition spokeswoman.',
  authorBio: null,
  provenance: { file: 'example-wire.jsonl', startLine: 1, endLine: 1, startByte: 0, endByte: 1, reader: 'jsonl' },
  sourceRuns: [],
  extra: {},
};

let analyzer: Analyzer;
beforeAll(() => {
  analyzer = createAnalyzer(loadKnowledge());
});

const inHeadline = (doc: Document, span: { start: number }): boolean => span.start < doc.bodyStart;

describe('the headline as text, through the whole pipeline', () => {
  it('extracts an event the headline alone tells, with less confidence than the body’s, and says why', () => {
    const { doc } = analyzer.analyze(ARTICLE);
    const headline = (doc.layers.events ?? []).filter((e) => inHeadline(doc, e));
    expect(headline.map((e) => [e.code, spanText(doc, e.trigger)])).toEqual([['0874', 'withdrawing from']]);
    expect(spanText(doc, headline[0]!)).toBe(ARTICLE.title);
    expect(headline[0]!.reason).toContain('headline');
    expect(headline[0]!.place && spanText(doc, headline[0]!.place.span)).toBe('Iraq');
    // The same words as a body sentence are surer: a headline is terse, the body tells in full.
    const asBody = analyzer.analyze({ ...ARTICLE, title: '', text: `${ARTICLE.title}.\n\n${ARTICLE.text}` }).doc;
    const told = (asBody.layers.events ?? []).find((e) => e.code === '0874')!;
    expect(headline[0]!.confidence).toBeLessThan(told.confidence);
    // Without the headline in the text no stage sees the withdrawal at all.
    const bodyOnly = analyzer.analyze({ ...ARTICLE, title: '' }).doc;
    expect((bodyOnly.layers.events ?? []).some((e) => e.code.startsWith('087'))).toBe(false);
  });

  it('leaves the body’s events, quotes and mentions as they were, moved by the headline’s length', () => {
    const titled = analyzer.analyze(ARTICLE).doc;
    const alone = analyzer.analyze({ ...ARTICLE, title: '' }).doc;
    const shift = titled.bodyStart;
    expect(shift).toBe(ARTICLE.title.length + 2);
    const body = (layer: readonly Span[] | undefined): Array<[number, number]> =>
      (layer ?? []).filter((s) => s.start >= shift).map((s) => [s.start - shift, s.end - shift]);
    const whole = (layer: readonly Span[] | undefined): Array<[number, number]> => (layer ?? []).map((s) => [s.start, s.end]);
    for (const name of ['events', 'quotes', 'entities', 'times', 'places'] as const) expect(body(titled.layers[name]), name).toEqual(whole(alone.layers[name]));
    const strike = (titled.layers.events ?? []).find((e) => e.code.startsWith('19'))!;
    expect(spanText(titled, strike.trigger)).toBe('fired rockets at');
    expect(spanText(titled, strike.place!.span)).toBe('Mosul');
    expect(strike.reason).not.toContain('headline');
    const quote = (titled.layers.quotes ?? []).find((q) => q.kind === 'direct')!;
    expect([spanText(titled, quote.content), quote.speakerName]).toEqual(['We will not leave our partners,', 'Ona Brill']);
  });

  it('maps body offsets back to the reader’s raw text, so gold offsets still line up', () => {
    const { doc } = analyzer.analyze(ARTICLE);
    const strike = (doc.layers.events ?? []).find((e) => e.code.startsWith('19'))!;
    const at = toRaw(doc, strike.trigger.start);
    expect(ARTICLE.text.slice(at, at + 'fired rockets at'.length)).toBe(spanText(doc, strike.trigger));
    const withdrawal = (doc.layers.events ?? []).find((e) => inHeadline(doc, e))!;
    expect(toRaw(doc, withdrawal.trigger.start)).toBe(-1);
  });
});
