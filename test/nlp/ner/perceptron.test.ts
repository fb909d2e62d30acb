import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bioToSpans, readConll } from '../../../src/eval/conll.js';
import { documentFeatures } from '../../../src/nlp/ner/features.js';
import { LABELS, spansToLabels } from '../../../src/nlp/ner/labels.js';
import { decodeModel, encodeModel, lexiconResources, type NerLexicon } from '../../../src/nlp/ner/model.js';
import { type TrainingSentence, trainPerceptron } from '../../../src/nlp/ner/perceptron.js';
import { tagSentences } from '../../../src/nlp/ner/recognize.js';

const FIXTURE = join(import.meta.dirname, '../../fixtures/conll/tiny.conll');
const lexicon: NerLexicon = {
  gazetteer: { country: ['Meridia'] },
  clusters: { sizes: [2], words: ['Rowan', 'Harlow'], ids: [[0, 0]] },
};

async function trainTiny(seed: number) {
  const docs = await readConll(FIXTURE);
  const resources = lexiconResources(lexicon);
  const sentences: TrainingSentence[] = docs.flatMap((doc) => {
    const features = documentFeatures(
      doc.sentences.map((s) => s.words),
      resources,
    );
    return doc.sentences.map((s, i) => ({
      features: features[i]!,
      gold: Int32Array.from(spansToLabels(s.entities, s.words.length), (label) => LABELS.indexOf(label)),
    }));
  });
  const model = trainPerceptron(sentences, {
    labels: LABELS,
    lexicon,
    trainedOn: 'tiny.conll',
    epochs: 8,
    seed,
    minCount: 1,
    pruneBelow: 0,
  });
  return { docs, model };
}

describe('trainPerceptron', () => {
  it('learns the sentences it was trained on, entity for entity', async () => {
    const { docs, model } = await trainTiny(1);
    for (const doc of docs) {
      const tagged = tagSentences(
        model,
        doc.sentences.map((s) => s.words),
      );
      doc.sentences.forEach((s, i) => {
        expect(bioToSpans(tagged[i]!.map((t) => t.label))).toEqual(s.entities);
      });
    }
  });

  it('is deterministic for a seed', async () => {
    const a = (await trainTiny(5)).model;
    const b = (await trainTiny(5)).model;
    expect([...a.keys]).toEqual([...b.keys]);
    expect([...a.weights]).toEqual([...b.weights]);
  });
});

describe('encodeModel and decodeModel', () => {
  it('round-trip a model: same weights, lexicon and tags', async () => {
    const { docs, model } = await trainTiny(1);
    const copy = decodeModel(encodeModel(model), 'memory');
    expect(copy.labels).toEqual(model.labels);
    expect([...copy.keys]).toEqual([...model.keys]);
    expect([...copy.weights]).toEqual([...model.weights]);
    expect([...copy.transitions]).toEqual([...model.transitions]);
    expect(copy.lexicon).toEqual(model.lexicon);
    const words = docs[0]!.sentences.map((s) => s.words);
    expect(tagSentences(copy, words)).toEqual(tagSentences(model, words));
  });

  it('rejects a file that is not a model', async () => {
    const { gzipSync } = await import('node:zlib');
    expect(() => decodeModel(gzipSync(Buffer.from('hello world')), 'x.bin.gz')).toThrow(/x\.bin\.gz: not a Dossier NER model/);
  });
});
