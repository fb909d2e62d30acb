import { describe, expect, it } from 'vitest';
import { corefModel } from '../../src/eval/coref-eval.js';
import { averageLinkClusters } from '../../src/records/coref-cluster.js';
import { headWord, lemmatize } from '../../src/records/coref-lemma.js';
import { isEventAnaphor, lexiconRelated } from '../../src/records/coref-lexicon.js';
import { type CorefMentionInput, clusterEventMentions } from '../../src/records/coref-model.js';

describe('trigger lemmas and heads', () => {
  it('maps inflected forms of one verb or noun to one lemma', () => {
    for (const [forms, lemma] of [
      [['killed', 'kills', 'killing', 'kill'], 'kill'],
      [['arrived', 'arrives', 'arriving', 'arrive'], 'arrive'],
      [['stopped', 'stops', 'stop'], 'stop'],
      [['shot', 'shoots', 'shooting'], 'shoot'],
      [['died', 'dies', 'die'], 'die'],
      [['injured', 'injures', 'injure'], 'injure'],
    ] as const) {
      for (const f of forms) expect(lemmatize(f), f).toBe(lemma);
    }
    expect(lemmatize('earthquakes')).toBe('earthquake');
  });

  it('keeps double vowels, does not add an e after a doubled consonant, and maps plural -ings nouns to the verb', () => {
    for (const [form, lemma] of [
      ['seeing', 'see'],
      ['fleeing', 'flee'],
      ['agreed', 'agree'],
      ['putting', 'put'],
      ['gunned', 'gun'],
      ['planned', 'plan'],
      ['escaped', 'escape'],
      ['damaged', 'damage'],
      ['replaced', 'replace'],
      ['killings', 'kill'],
      ['bombings', 'bomb'],
      ['awards', 'award'],
    ] as const) {
      expect(lemmatize(form), form).toBe(lemma);
    }
  });

  it('takes the verb of a verbal phrase and the last noun of a nominal one', () => {
    expect(headWord(['opened', 'fire'])).toBe('opened');
    expect(headWord(['first-degree', 'murder'])).toBe('murder');
    expect(headWord(['has', 'been', 'arrested'])).toBe('arrested');
  });
});

describe('event lexicon', () => {
  it('relates words of one event kind, whatever their inflection, and nothing else', () => {
    expect(lexiconRelated(['arrest'], [lemmatize('nabbed')])).toBe(true);
    expect(lexiconRelated([lemmatize('quakes')], ['temblor'])).toBe(true);
    expect(lexiconRelated(['open', 'fire'], ['shoot'])).toBe(true);
    expect(lexiconRelated(['arrest'], ['marry'])).toBe(false);
    expect(lexiconRelated([], ['arrest'])).toBe(false);
  });

  it('knows the words that stand in for an event already named', () => {
    expect(isEventAnaphor('incident')).toBe(true);
    expect(isEventAnaphor('arrest')).toBe(false);
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
    );
    expect(clusters.map((c) => [...c].sort()).sort()).toEqual([['a1', 'b1'], ['a2']]);
  });
});
