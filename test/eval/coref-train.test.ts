import { describe, expect, it } from 'vitest';
import { ecbTopicInputs } from '../../src/eval/coref-eval.js';
import { loadEcbPlus } from '../../src/eval/ecbplus.js';
import { loadSyntaxModel } from '../../src/nlp/syntax/syntax-model.js';
import { clusterEventMentions, FEATURES, pairProbability } from '../../src/records/coref-model.js';
import { fitLogistic, trainCorefModel } from '../../src/eval/coref-train.js';

const fixture = new URL('../fixtures/ecbplus', import.meta.url).pathname;

describe('logistic regression', () => {
  it('learns a positive weight for a feature that predicts the label and a negative one for its opposite', () => {
    const xs: number[][] = [];
    const ys: number[] = [];
    for (let n = 0; n < 200; n++) {
      const signal = n % 2;
      // the label follows the signal 4 times in 5, for either value of the signal
      const y = n % 10 === 0 || n % 10 === 5 ? 1 - signal : signal;
      xs.push([1, signal, 1 - signal]);
      ys.push(y);
    }
    const w = fitLogistic(xs, ys, 3, 0.1);
    expect(w[1]).toBeGreaterThan(0.5);
    expect(w[2]).toBeLessThan(-0.5);
    // lightly penalised, the fitted probabilities are close to the rates in the data
    expect(pairProbability(w, [1, 1, 0])).toBeCloseTo(0.8, 1);
    expect(pairProbability(w, [1, 0, 1])).toBeCloseTo(0.2, 1);
  });
});

describe('training on gold topics', async () => {
  const rules = loadSyntaxModel().lemmas;
  const topics = ecbTopicInputs(await loadEcbPlus(fixture)).map((t) => ({
    ...t,
    subtopic: (id: string): string => (id.endsWith('ecbplus') ? 'ecbplus' : 'ecb'),
  }));

  it('is deterministic and gives a model whose clusters reproduce the training chains', () => {
    const first = trainCorefModel(topics, rules);
    const second = trainCorefModel(topics, rules);
    expect(second.model).toEqual(first.model);
    expect(first.model.weights).toHaveLength(FEATURES.length);
    // the fixture's articles hold pairs of both kinds, so each kind gets its own weights
    expect(first.model.sameDocumentWeights).toHaveLength(FEATURES.length);
    expect(first.report.pairs).toBeGreaterThan(0);
    expect(first.report.trainConll).toBeGreaterThan(0.5);
    const topic = topics[0];
    if (!topic) throw new Error('fixture has no topic');
    const clusters = clusterEventMentions(topic.documents, topic.mentions, first.model, rules);
    expect(clusters.flat().sort()).toEqual(topic.mentions.map((m) => m.id).sort());
  });

  it('holds disabled features at weight 0 and rejects unknown ones', () => {
    const { model } = trainCorefModel(topics, rules, { disable: ['lexicon_related', 'window_jaccard'] });
    for (const weights of [model.weights, model.sameDocumentWeights ?? model.weights]) {
      expect(weights[FEATURES.indexOf('lexicon_related')]).toBe(0);
      expect(weights[FEATURES.indexOf('window_jaccard')]).toBe(0);
    }
    expect(() => trainCorefModel(topics, rules, { disable: ['no_such_feature'] })).toThrow(/no_such_feature/);
  });
});
