import { describe, expect, it } from 'vitest';
import { createDocument } from '../../src/text/create-document.js';
import type { Document } from '../../src/text/document.js';
import { createParagraphsStage, paragraphKind, paragraphSpans } from '../../src/text/paragraphs-stage.js';

/** A Document built by hand: no normalization, no other layer. */
function makeDocument(text: string): Document {
  return { id: 'hand', meta: { published: null, title: '', outlet: null }, text, rawOffsets: new Int32Array(text.length + 1), bodyStart: 0, layers: {}, messages: [] };
}

const kinds: ReadonlyArray<readonly [string, boolean, 'body' | 'heading']> = [
  ['Example Wire Opens Office in Rowan Bay', true, 'heading'],
  ['Example Wire Opens Office in Rowan Bay', false, 'body'], // nothing follows: a one-line article
  ['Buying Calm for “Allies”', true, 'heading'],
  ['By Ada Roe | Example Wire | May 5, 2020', true, 'heading'],
  ['Rockets fell on Tarsk.', true, 'body'],
  ['Venn said:', true, 'body'],
  ['“We stay,” he said', true, 'body'],
  ['the talks went on', true, 'body'],
  ['Why Talks With Tarsk Failed?', true, 'body'],
  [`Example ${'Wire '.repeat(30)}`, true, 'body'],
];

describe('paragraphKind', () => {
  it.each(kinds)('%s (followed: %s) → %s', (text, hasNext, kind) => {
    expect(paragraphKind(text, hasNext)).toBe(kind);
  });
});

describe('paragraphSpans', () => {
  it('splits at runs of two or more newlines and trims each span', () => {
    const text = 'One.\n\nTwo.\n\n\n  Three.  \n \nFour.\nstill four.';
    expect(paragraphSpans(text).map((s) => text.slice(s.start, s.end))).toEqual([
      'One.',
      'Two.',
      'Three.',
      'Four.\nstill four.',
    ]);
  });

  it('gives nothing for empty or blank text', () => {
    expect(paragraphSpans('')).toEqual([]);
    expect(paragraphSpans(' \n\n ')).toEqual([]);
  });
});

describe('paragraphs stage', () => {
  it('marks a headline over its body as heading, the body as body', () => {
    const doc = createDocument('a1', 'Example Wire Opens Office\nGen. Arlo B Venn opened the office on Monday.');
    const layer = createParagraphsStage().run(doc);
    expect(layer.map((p) => [doc.text.slice(p.start, p.end), p.kind])).toEqual([
      ['Example Wire Opens Office', 'heading'],
      ['Gen. Arlo B Venn opened the office on Monday.', 'body'],
    ]);
  });

  it('reads only doc.text', () => {
    expect(createParagraphsStage().run(makeDocument('One.\n\nTwo.'))).toEqual([
      { start: 0, end: 4, kind: 'body' },
      { start: 6, end: 10, kind: 'body' },
    ]);
  });
});
