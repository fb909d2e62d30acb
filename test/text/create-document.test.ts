import { describe, expect, it } from 'vitest';
import { createDocument } from '../../src/text/create-document.js';
import { toRaw } from '../../src/text/span.js';

describe('createDocument', () => {
  it('holds normalized text, the raw offsets, no layers and no messages', () => {
    const raw = 'Example\u00a0Wire\r\n\r\nGen.  Arlo B Venn';
    const doc = createDocument('ew-1', raw);
    expect(doc.id).toBe('ew-1');
    expect(doc.text).toBe('Example Wire\n\nGen. Arlo B Venn');
    expect(doc.layers).toEqual({});
    expect(doc.messages).toEqual([]);
    const venn = doc.text.indexOf('Venn');
    expect(raw.slice(toRaw(doc, venn), toRaw(doc, venn + 4))).toBe('Venn');
    expect(toRaw(doc, doc.text.length)).toBe(raw.length);
  });

  it('is frozen', () => {
    const doc = createDocument('ew-2', 'Rowan Bay');
    expect(Object.isFrozen(doc)).toBe(true);
    expect(Object.isFrozen(doc.layers)).toBe(true);
  });
});
