import { describe, expect, it } from 'vitest';
import { arabicNameVariant } from '../../../src/nlp/ner/augment.js';
import { seededRandom } from '../../../src/nlp/seeded-random.js';

const sentence = {
  words: ['Envoy', 'Tamsin', 'Okafor', 'visited', 'Port', 'Elland', 'and', 'MERIDIA', '.'],
  entities: [
    { start: 1, end: 3, type: 'PER' },
    { start: 4, end: 6, type: 'LOC' },
    { start: 7, end: 8, type: 'LOC' },
  ],
};

describe('arabicNameVariant', () => {
  it('rewrites every allowed name when the rates are 1, extending the spans', () => {
    const variant = arabicNameVariant(sentence, { article: 1, abu: 1, bin: 1 }, () => 0);
    expect(variant.words).toEqual(['Envoy', 'Abu', 'Tamsin', 'bin', 'al-Okafor', 'visited', 'Port', 'al-Elland', 'and', 'AL-MERIDIA', '.']);
    expect(variant.entities).toEqual([
      { start: 1, end: 5, type: 'PER' },
      { start: 6, end: 8, type: 'LOC' },
      { start: 9, end: 10, type: 'LOC' },
    ]);
  });

  it('leaves the sentence as it was when the rates are 0', () => {
    expect(arabicNameVariant(sentence, { article: 0, abu: 0, bin: 0 }, seededRandom(3))).toEqual(sentence);
  });
});
