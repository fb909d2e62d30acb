import { describe, expect, it } from 'vitest';
import { type LemmaExample, lemmatize, trainLemmatizer } from '../../../src/nlp/syntax/lemmatizer.js';
import { loadSyntaxModel } from '../../../src/nlp/syntax/syntax-model.js';
import { lemmaOfWord, wordTag } from '../../../src/nlp/syntax/word-lemma.js';

const times = (n: number, e: LemmaExample): LemmaExample[] => Array.from({ length: n }, () => e);

describe('the tag of a word seen alone, on rules made by hand', () => {
  const rules = trainLemmatizer([
    ...times(3, { form: 'got', tag: 'VBD', lemma: 'get' }),
    ...times(3, { form: 'slot', tag: 'NN', lemma: 'slot' }),
    ...times(3, { form: 'walked', tag: 'VBD', lemma: 'walk' }),
    ...times(3, { form: 'walked', tag: 'VBN', lemma: 'walk' }),
    ...times(3, { form: 'bed', tag: 'NN', lemma: 'bed' }),
    ...times(3, { form: 'went', tag: 'VBD', lemma: 'go' }),
    ...times(3, { form: 'event', tag: 'NN', lemma: 'event' }),
    ...times(3, { form: 'boxes', tag: 'NNS', lemma: 'box' }),
    ...times(3, { form: 'boxes', tag: 'VBZ', lemma: 'box' }),
  ]);

  it('takes the tag whose rules know the longest ending of the word', () => {
    expect(wordTag(rules, 'talked')).toBe('VBD');
    expect(lemmaOfWord(rules, 'talked')).toBe('talk');
    expect(wordTag(rules, 'bed')).toBe('NN');
  });

  it('prefers a verb form, then a plural, when several tags know the same ending', () => {
    expect(wordTag(rules, 'faxes')).toBe('VBZ');
    expect(lemmaOfWord(rules, 'faxes')).toBe('fax');
  });

  it('does not read a rule that rewrites a whole ending as evidence of the tag', () => {
    // "ot" → "et" was learned from "got" alone; "riot" ends alike but is no past form.
    expect(wordTag(rules, 'riot')).toBe('NN');
    expect(lemmaOfWord(rules, 'riot')).toBe('riot');
  });

  it('knows a listed irregular form before any rule, and lower-cases the word', () => {
    expect(wordTag(rules, 'Went')).toBe('VBD');
    expect(lemmaOfWord(rules, 'Went')).toBe('go');
  });

  it('leaves a word no rule knows as it is, lower-cased', () => {
    expect(wordTag(rules, 'Zzyzx')).toBe('');
    expect(lemmaOfWord(rules, 'Zzyzx')).toBe('zzyzx');
  });
});

describe('the lemma of a word seen alone, with the trained model', () => {
  const rules = loadSyntaxModel().lemmas;

  it('maps the inflected forms of one verb to one lemma', () => {
    for (const [forms, lemma] of [
      [['killed', 'kills', 'killing', 'kill'], 'kill'],
      [['arrived', 'arrives', 'arriving'], 'arrive'],
      [['stopped', 'stops'], 'stop'],
      [['shot', 'shoots', 'shooting'], 'shoot'],
      [['died', 'dies'], 'die'],
      [['injured', 'injures'], 'injure'],
      [['attacked', 'attacks', 'attacking'], 'attack'],
    ] as const) {
      for (const f of forms) expect(lemmaOfWord(rules, f), f).toBe(lemma);
    }
    for (const [form, lemma] of [
      ['seeing', 'see'],
      ['fleeing', 'flee'],
      ['agreed', 'agree'],
      ['putting', 'put'],
      ['gunned', 'gun'],
      ['planned', 'plan'],
      ['escaped', 'escape'],
      ['went', 'go'],
      ['was', 'be'],
    ] as const) {
      expect(lemmaOfWord(rules, form), form).toBe(lemma);
    }
  });

  it('maps plural nouns to the singular, and a plural -ing noun to its singular', () => {
    for (const [form, lemma] of [
      ['rockets', 'rocket'],
      ['soldiers', 'soldier'],
      ['countries', 'country'],
      ['earthquakes', 'earthquake'],
      ['children', 'child'],
      ['killings', 'killing'],
      ['bombings', 'bombing'],
      ['Americans', 'american'],
    ] as const) {
      expect(lemmaOfWord(rules, form), form).toBe(lemma);
    }
  });

  it('keeps nouns that only look inflected', () => {
    for (const word of ['crisis', 'morning', 'evening', 'analysis', 'bus', 'riot']) expect(lemmaOfWord(rules, word), word).toBe(word);
    expect(wordTag(rules, 'morning')).toBe('NN');
  });

  it('is the one lemmatizer, given the tag it guessed', () => {
    for (const word of ['attacked', 'rockets', 'morning', 'went', 'fleeing', 'Americans']) {
      expect(lemmaOfWord(rules, word)).toBe(lemmatize(rules, word.toLowerCase(), wordTag(rules, word)));
    }
  });
});
