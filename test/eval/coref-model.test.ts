import { describe, expect, it } from 'vitest';
import { corefModel } from '../../src/eval/coref-eval.js';
import { loadSyntaxModel } from '../../src/nlp/syntax/syntax-model.js';
import { lemmaOfWord } from '../../src/nlp/syntax/word-lemma.js';
import { averageLinkClusters } from '../../src/records/coref-cluster.js';
import { headWord } from '../../src/records/coref-head.js';
import { createEventLexicon } from '../../src/records/coref-lexicon.js';
import { type CorefMentionInput, clusterEventMentions } from '../../src/records/coref-model.js';

const rules = loadSyntaxModel().lemmas;

describe('trigger heads', () => {
  it('takes the verb of a verbal phrase and the last noun of a nominal one', () => {
    expect(headWord(['opened', 'fire'], rules)).toBe('opened');
    expect(headWord(['took', 'over'], rules)).toBe('took');
    expect(headWord(['first-degree', 'murder'], rules)).toBe('murder');
    expect(headWord(['Academy', 'Awards', 'ceremony'], rules)).toBe('ceremony');
    expect(headWord(['has', 'been', 'arrested'], rules)).toBe('arrested');
  });
});

describe('event lexicon', () => {
  const lexicon = createEventLexicon(rules);
  it('relates words of one event kind, whatever their inflection, and nothing else', () => {
    expect(lexicon.related(['arrest'], [lemmaOfWord(rules, 'nabbed')])).toBe(true);
    expect(lexicon.related([lemmaOfWord(rules, 'quakes')], ['temblor'])).toBe(true);
    expect(lexicon.related(['open', 'fire'], ['shoot'])).toBe(true);
    expect(lexicon.related(['arrest'], ['marry'])).toBe(false);
    expect(lexicon.related([], ['arrest'])).toBe(false);
  });

  it('knows the words that stand in for an event already named', () => {
    expect(lexicon.isAnaphor('incident')).toBe(true);
    expect(lexicon.isAnaphor('arrest')).toBe(false);
  });
});

describe('average-link clustering', () => {
  it('merges while the mean pair score reaches the threshold', () => {
    // 0,1,2 are close to each other; 3 is closer to 2 than to the others
    const s = [
      [0, 0.9, 0.8, 0.1],
      [0.9, 0, 0.7, 0.1],
      [0.8, 0.7, 0, 0.6],
      [0.1, 0.1, 0.6, 0],
    ];
    const score = (i: number, j: number): number => s[i]?.[j] ?? 0;
    expect(averageLinkClusters(4, score, 0.5)).toEqual([[0, 1, 2], [3]]);
    expect(averageLinkClusters(4, score, 0.95)).toEqual([[0], [1], [2], [3]]);
    expect(averageLinkClusters(4, score, 0)).toEqual([[0, 1, 2, 3]]);
  });
});

describe('event clustering with the trained model', () => {
  const mention = (id: string, documentId: string, trigger: string, sentence: string, args: string): CorefMentionInput => ({
    id,
    documentId,
    trigger: [trigger],
    sentence: sentence.split(' '),
    arguments: args.split(' '),
  });
  it('links reports of one fire and keeps an unrelated event apart', () => {
    const docs = [
      { id: 'a', words: 'Fire crews battled a warehouse blaze in Riverton on Monday ; the Riverton blaze destroyed the warehouse'.split(' ') },
      { id: 'b', words: 'A warehouse blaze in Riverton on Monday was put out by fire crews from Riverton'.split(' ') },
    ];
    const clusters = clusterEventMentions(
      docs,
      [
        mention('a1', 'a', 'blaze', 'Fire crews battled a warehouse blaze in Riverton on Monday', 'Riverton Monday warehouse'),
        mention('b1', 'b', 'blaze', 'A warehouse blaze in Riverton on Monday was put out', 'Riverton Monday warehouse'),
        mention('a2', 'a', 'elected', 'The town elected a new mayor', 'mayor town'),
      ],
      corefModel,
      rules,
    );
    expect(clusters.map((c) => [...c].sort()).sort()).toEqual([['a1', 'b1'], ['a2']]);
  });
});
