import { describe, expect, it } from 'vitest';
import { harmonizePersonNames } from '../../../src/nlp/ner/name-consistency.js';

const tag = (labels: string[]) => labels.map((label) => ({ label, confidence: 0.9 }));

describe('harmonizePersonNames', () => {
  const sentences = [
    ['Abu', 'Fadil', 'al-Tamimi', 'spoke', '.'],
    ['Tamimi', 'said', 'Ortega', 'and', 'Tamimi', 'agreed', '.'],
  ];

  it('makes one-word mentions of a named person PER, whatever the tagger said', () => {
    const out = harmonizePersonNames(sentences, [
      tag(['B-PER', 'I-PER', 'I-PER', 'O', 'O']),
      tag(['B-MISC', 'O', 'B-ORG', 'O', 'O', 'O', 'O']),
    ]);
    expect(out[1]!.map((t) => t.label)).toEqual(['B-PER', 'O', 'B-ORG', 'O', 'B-PER', 'O', 'O']);
    expect(out[1]![0]!.confidence).toBe(0.9);
    expect(out[1]![4]!.confidence).toBeLessThan(0.9);
  });

  it('changes nothing without a multi-word person, nor inside longer mentions', () => {
    const labels = [tag(['B-PER', 'O', 'O', 'O', 'O']), tag(['B-ORG', 'I-ORG', 'O', 'O', 'O', 'O', 'O'])];
    expect(harmonizePersonNames(sentences, labels)).toEqual(labels);
  });
});
