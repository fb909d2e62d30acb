import { describe, expect, it } from 'vitest';
import { createPipeline } from '../../src/pipeline/pipeline.js';
import { createDocument } from '../../src/text/create-document.js';
import { createParagraphsStage } from '../../src/text/paragraphs-stage.js';
import { createSentencesStage } from '../../src/text/sentences-stage.js';
import { createTokensStage } from '../../src/text/tokens-stage.js';
import { createTimesStage } from '../../src/time/times-stage.js';

const pipeline = createPipeline([createParagraphsStage(), createTokensStage(), createSentencesStage(), createTimesStage()]);

function analyse(raw: string, published: string | null) {
  const doc = pipeline.run(createDocument('example-wire', raw, { published }));
  return (doc.layers.times ?? []).map((t) => ({ text: doc.text.slice(t.start, t.end), value: t.value, anchor: t.anchor }));
}

describe('createTimesStage', () => {
  it('declares what it reads and writes', () => {
    const stage = createTimesStage();
    expect(stage.assigns).toBe('times');
    expect(stage.requires).toEqual(['tokens', 'sentences']);
  });

  it('anchors on doc.meta.published and returns the layer sorted by start', () => {
    const raw = 'PORT AVALON (Example Wire) — Dock workers walked out on Monday.\n\nUnion leaders will meet on Friday, two days after a vote set for Wednesday.';
    const found = analyse(raw, '2020-05-05');
    expect(found.map((t) => t.text)).toEqual(['Monday', 'Friday', 'two days', 'Wednesday']);
    expect(found[0]).toMatchObject({ value: '2020-05-04', anchor: 'dct' });
    expect(found[1]).toMatchObject({ value: '2020-05-08', anchor: 'dct' });
  });

  it('gives a different reading for a different publication date', () => {
    expect(analyse('Dock workers walked out on Monday.', '2020-05-12')[0]?.value).toBe('2020-05-11');
    expect(analyse('Dock workers walked out on Monday.', null)[0]).toMatchObject({ value: 'XXXX-WXX-1', anchor: 'none' });
  });

  it('refuses a document without the layers it needs', () => {
    expect(() => createTimesStage().run(createDocument('bare', 'On Monday.'))).toThrow(/lacks the tokens or sentences layer/);
  });
});
