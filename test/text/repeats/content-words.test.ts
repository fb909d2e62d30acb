import { describe, expect, it } from 'vitest';
import { contentWords, roughStem } from '../../../src/text/repeats/content-words.js';
import { HIDDEN_WORD, passageWords } from '../../../src/text/repeats/passage-words.js';

describe('contentWords', () => {
  it('drops function words, verbs of saying and hidden quotations', () => {
    const words = passageWords('“We will rebuild,” the harbour master said on Monday, adding that the quay was closed.', [{ start: 0, end: 18 }]);
    expect(words[0]).toBe(HIDDEN_WORD);
    expect(contentWords(words)).toEqual(['harbor', 'master', 'monday', 'add', 'quay', 'clos']);
  });

  it('keeps figures whole', () => {
    expect(contentWords(passageWords('About 3,000 tonnes and 7.6 metres.'))).toEqual(['3000', 'tonn', '7.6', 'meter']);
  });
});

describe('roughStem', () => {
  it.each([
    ['British and American spellings meet', ['centre', 'center', 'centres'], 'center'],
    ['-tre and -bre', ['metres', 'meters'], 'meter'],
    ['-our', ['labour', 'labor', 'labours'], 'labor'],
    ['-ise and -ize', ['organised', 'organized', 'organizing'], 'organiz'],
    ['tenses meet', ['investigating', 'investigated'], 'investigat'],
    ['a final e goes with the inflection', ['damage', 'damages', 'damaged'], 'damag'],
    ['plurals in -ies', ['facilities', 'facility'], 'facility'],
  ])('%s', (_name, words, stem) => {
    for (const word of words) expect(roughStem(word)).toBe(stem);
  });

  it('leaves short words and words that only look inflected alone', () => {
    expect(['four', 'hour', 'fire', 'news', 'virus', 'crisis'].map(roughStem)).toEqual(['four', 'hour', 'fire', 'news', 'virus', 'crisis']);
  });
});
