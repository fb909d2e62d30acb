import { describe, expect, it } from 'vitest';
import { createPipeline } from '../../src/pipeline/pipeline.js';
import { createStages } from '../../src/pipeline/stages.js';
import { createDocument } from '../../src/text/create-document.js';

describe('createStages', () => {
  it('lists paragraphs, tokens, sentences in an order createPipeline accepts', () => {
    const stages = createStages();
    expect(stages.map((s) => s.assigns)).toEqual(['paragraphs', 'tokens', 'sentences']);
    expect(() => createPipeline(stages)).not.toThrow();
  });

  it('fails at build time when sentences come before tokens', () => {
    const [paragraphs, tokens, sentences] = createStages();
    expect(() => createPipeline([paragraphs!, sentences!, tokens!])).toThrow(/requires layer "tokens"/);
  });

  it('runs all three text layers without changing the input document', () => {
    const doc = createDocument('ew-1', 'Example Wire Opens Office\nGen. Arlo B Venn spoke. He left the U.S. Embassy.');
    const out = createPipeline(createStages()).run(doc);
    expect(doc.layers).toEqual({});
    expect(out.layers.paragraphs).toHaveLength(2);
    expect(out.layers.tokens?.length).toBe(16);
    expect(out.layers.sentences?.map((s) => out.text.slice(s.start, s.end))).toEqual([
      'Example Wire Opens Office',
      'Gen. Arlo B Venn spoke.',
      'He left the U.S. Embassy.',
    ]);
  });

  it('gives each stage a name and a version', () => {
    for (const stage of createStages()) {
      expect(stage.name).toBe(stage.assigns);
      expect(stage.version).toMatch(/^\d+$/);
    }
  });
});
