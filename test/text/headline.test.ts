import { describe, expect, it } from 'vitest';
import { createDocument } from '../../src/text/create-document.js';
import { headlineText } from '../../src/text/headline.js';
import { normalize } from '../../src/text/normalize.js';
import { spanText, toRaw } from '../../src/text/span.js';
import { runTextStagesOn } from './run-text-stages.js';

describe('headlineText', () => {
  it('makes one clean line of a title, the way normalize cleans a line of the body', () => {
    expect(headlineText('  Ferry\u00a0service  resumes\r\nat Rowan Bay ')).toBe('Ferry service resumes at Rowan Bay');
    expect(headlineText('Quay\u200b reopens\u00ad\tafter repairs')).toBe('Quay reopens after repairs');
    expect(headlineText('Cafe\u0301 owners protest')).toBe('Café owners protest');
    expect(headlineText(' \n ')).toBe('');
  });

  it('gives a line that normalizes to itself, so a stored text re-analyzes to the same text', () => {
    for (const title of ['Ferry\u00a0service resumes', 'Cafe\u0301\u2028owners  protest', 'Quay "reopens"\u2014for now']) {
      const line = headlineText(title);
      expect(normalize(line).text).toBe(line);
    }
  });
});

describe('createDocument with a title', () => {
  const raw = 'The ferry to Rowan Bay ran again on Monday.\r\n\r\n  Crews checked the quay at dawn.';

  it('puts the headline before the body, a paragraph break between them', () => {
    const doc = createDocument('ew-1', raw, { title: 'Ferry  service resumes' });
    expect(doc.text).toBe('Ferry service resumes\n\nThe ferry to Rowan Bay ran again on Monday.\n\nCrews checked the quay at dawn.');
    expect(doc.bodyStart).toBe('Ferry service resumes\n\n'.length);
    expect(doc.meta.title).toBe('Ferry  service resumes');
  });

  it('maps body offsets back to the reader’s raw body, and the headline to no raw offset', () => {
    const doc = createDocument('ew-1', raw, { title: 'Ferry service resumes' });
    expect(doc.rawOffsets.length).toBe(doc.text.length + 1);
    const crews = doc.text.indexOf('Crews');
    expect(raw.slice(toRaw(doc, crews), toRaw(doc, crews + 5))).toBe('Crews');
    expect(toRaw(doc, doc.bodyStart)).toBe(0);
    expect(toRaw(doc, 0)).toBe(-1);
    expect(toRaw(doc, doc.bodyStart - 1)).toBe(-1);
    expect(toRaw(doc, doc.text.length)).toBe(raw.length);
  });

  it('gives body spans the offsets of the body alone, moved by bodyStart', () => {
    const alone = createDocument('ew-1', raw);
    const titled = createDocument('ew-1', raw, { title: 'Ferry service resumes' });
    expect(titled.text.slice(titled.bodyStart)).toBe(alone.text);
    expect(alone.bodyStart).toBe(0);
  });

  it('adds no second copy when the body opens with the headline, and reads that text as before', () => {
    const doc = createDocument('ew-2', 'Ferry service resumes\n\nThe ferry ran again on Monday.', { title: 'Ferry service resumes' });
    expect(doc.text).toBe('Ferry service resumes\n\nThe ferry ran again on Monday.');
    expect(doc.bodyStart).toBe(0);
    expect(toRaw(doc, 0)).toBe(0);
  });

  it('holds the headline alone when there is no body, and the body alone when there is no title', () => {
    const onlyTitle = createDocument('ew-3', '', { title: 'Ferry service resumes' });
    expect([onlyTitle.text, onlyTitle.bodyStart]).toEqual(['Ferry service resumes', 'Ferry service resumes'.length]);
    expect(onlyTitle.rawOffsets.length).toBe(onlyTitle.text.length + 1);
    const untitled = createDocument('ew-4', raw, { title: ' ' });
    expect([untitled.text.startsWith('The ferry'), untitled.bodyStart]).toEqual([true, 0]);
  });
});

describe('the headline in the text stages', () => {
  it('is the first paragraph, always a heading, and a sentence of its own', () => {
    // Ends in "?" and would read as body by its shape alone.
    const doc = runTextStagesOn('Crews checked the quay at dawn. The ferry ran at noon.', 'Will the ferry run again?');
    const [headline, body] = doc.layers.paragraphs!;
    expect([spanText(doc, headline!), headline!.kind]).toEqual(['Will the ferry run again?', 'heading']);
    expect(body!.kind).toBe('body');
    expect(doc.layers.sentences!.map((s) => [spanText(doc, s), s.paragraph])).toEqual([
      ['Will the ferry run again?', 0],
      ['Crews checked the quay at dawn.', 1],
      ['The ferry ran at noon.', 1],
    ]);
    expect(doc.layers.tokens!.filter((t) => t.end <= doc.bodyStart).map((t) => t.norm)).toEqual(['will', 'the', 'ferry', 'run', 'again', '?']);
  });
});
