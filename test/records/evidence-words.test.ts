import { describe, expect, it } from 'vitest';
import { loadSyntaxModel } from '../../src/nlp/syntax/syntax-model.js';
import { contentWords, definiteHeads, isPluralEventNoun, wordCosine } from '../../src/records/evidence-words.js';

const rules = loadSyntaxModel().lemmas;

describe('evidence words', () => {
  it('keeps content-word lemmas, drops function words and numbers', () => {
    expect(contentWords('Two rockets hit the base near Mosul on 3 May, killing four soldiers.', rules)).toEqual(['base', 'hit', 'kill', 'mosul', 'near', 'rocket', 'soldier']);
  });

  it('measures overlap as a cosine, null when a side is empty', () => {
    expect(wordCosine(['base', 'rocket'], ['base', 'rocket'])).toBe(1);
    expect(wordCosine(['base', 'rocket'], ['base', 'mosul', 'soldier', 'kill'])).toBeCloseTo(1 / Math.sqrt(8));
    expect(wordCosine([], ['base'])).toBeNull();
  });

  it('finds nouns that point back, not those a phrase after them defines', () => {
    expect(definiteHeads('Officials said militants had attacked the base, and pressed on.', rules)).toEqual(['base']);
    expect(definiteHeads('He backed the killing of the commander and the attacks on the depot.', rules)).toEqual(['commander', 'depot']);
    expect(definiteHeads('At a meeting the following day, officials spoke about the country.', rules)).toEqual([]);
    // "that" is a conjunction here, not a pointer back to a known fighter or killing.
    expect(definiteHeads('An inquiry found that local fighters had fired rockets, in strikes that killed two.', rules)).toEqual([]);
  });
});

describe('plural event nouns', () => {
  it('tells several events or a kind from one event', () => {
    expect(isPluralEventNoun('attacks')).toBe(true);
    expect(isPluralEventNoun('airstrikes')).toBe(true);
    expect(isPluralEventNoun('carried out four raids')).toBe(true);
    expect(isPluralEventNoun('launched', ' two rocket attacks on the port')).toBe(true);
    expect(isPluralEventNoun('attack')).toBe(false);
    expect(isPluralEventNoun('barrage')).toBe(false);
    expect(isPluralEventNoun('launched', ' a rocket attack on the port')).toBe(false);
  });
});
