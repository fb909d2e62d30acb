import { describe, expect, it } from 'vitest';
import { passageWords } from '../../../src/text/repeats/passage-words.js';

describe('passageWords', () => {
  it.each([
    ['case and punctuation go', 'The PORT, closed!', ['the', 'port', 'closed']],
    ['typographic and straight apostrophes give one word', 'parliament’s parliament\'s parliamentʼs', ['parliaments', 'parliaments', 'parliaments']],
    ['quotes of any kind vanish', '“ferry” "ferry" «ferry» „ferry“', ['ferry', 'ferry', 'ferry', 'ferry']],
    ['dashes and hyphens separate words', 'long-range long–range long—range', ['long', 'range', 'long', 'range', 'long', 'range']],
    ['NFKC folds full-width letters and ligatures', 'ＦＥＲＲＹ ﬁnal', ['ferry', 'final']],
    ['numbers keep their decimal point and thousands comma', 'priced at 99.784, up 1,250 from 5.', ['priced', 'at', '99.784', 'up', '1,250', 'from', '5']],
    ['an apostrophe at a word edge is not part of it', "'quoted' ferries' owners", ['quoted', 'ferries', 'owners']],
    ['letters with diacritics are kept', 'Kessów Anselm-Žilina', ['kessów', 'anselm', 'žilina']],
    ['nothing but punctuation gives no word', ' — … !? ', []],
  ])('%s', (_name, text, words) => {
    expect(passageWords(text)).toEqual(words);
  });
});
