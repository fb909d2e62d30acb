import { describe, expect, it } from 'vitest';
import { tagDocument } from '../../../src/nlp/pos/pos-stage.js';
import { runTextStages } from '../../text/run-text-stages.js';

describe('tagDocument', () => {
  it('gives one Penn tag per token, verbs and nouns where they belong', () => {
    const doc = runTextStages('Rowan guards arrested two smugglers. The council met on Monday.');
    const tags = tagDocument(doc);
    expect(tags).toHaveLength(doc.layers.tokens!.length);
    const tagOf = (word: string) => tags.find((t) => doc.text.slice(t.start, t.end) === word)?.tag;
    expect(tagOf('arrested')).toMatch(/^VB/);
    expect(tagOf('smugglers')).toBe('NNS');
    expect(tagOf('met')).toMatch(/^VB/);
  });

  it('survives words that name methods of a plain object', () => {
    const doc = runTextStages('The constructor valueOf toString hasOwnProperty __proto__ firm was sold.');
    const tags = tagDocument(doc);
    expect(tags.map((t) => t.tag).slice(1, 4)).toEqual(['NN', 'NN', 'NN']);
    expect(tags.find((t) => doc.text.slice(t.start, t.end) === 'sold')?.tag).toMatch(/^VB/);
  });
});
