import { describe, expect, it } from 'vitest';
import { HIDDEN_WORD, passageWords } from '../../../src/text/repeats/passage-words.js';

describe('passageWords', () => {
  it.each([
    ['case and punctuation go', 'The PORT, closed!', ['the', 'port', 'closed']],
    ['typographic and straight apostrophes give one word', 'parliament’s parliament\'s parliamentʼs', ['parliaments', 'parliaments', 'parliaments']],
    ['quotes of any kind vanish', '“ferry” "ferry" «ferry» „ferry“', ['ferry', 'ferry', 'ferry', 'ferry']],
    ['dashes and hyphens separate words', 'long-range long–range long—range', ['long', 'range', 'long', 'range', 'long', 'range']],
    ['NFKC folds full-width letters and ligatures', 'ＦＥＲＲＹ ﬁnal', ['ferry', 'final']],
    ['numbers keep their decimal point; thousands separators go', 'priced at 99.784, up 1,250 from 5.', ['priced', 'at', '99.784', 'up', '1250', 'from', '5']],
    ['a figure with or without its separator is one word', '3,000 injured, 3000 injured, 1,250,000', ['3000', 'injured', '3000', 'injured', '1250000']],
    ['mojibake reads as the text it garbled', 'Kessowâ€™s â€œquayâ€\u009d', ['kessows', 'quay']],
    ['accented text is not mistaken for mojibake', 'São Tomé à Kessów', ['são', 'tomé', 'à', 'kessów']],
    ['an apostrophe at a word edge is not part of it', "'quoted' ferries' owners", ['quoted', 'ferries', 'owners']],
    ['letters with diacritics are kept', 'Kessów Anselm-Žilina', ['kessów', 'anselm', 'žilina']],
    ['nothing but punctuation gives no word', ' — … !? ', []],
  ])('%s', (_name, text, words) => {
    expect(passageWords(text)).toEqual(words);
  });

  it('gives each hidden span one stand-in word, which no text gives', () => {
    const text = '“We will rebuild the quay by June,” the harbour master said on Monday.';
    const quote = { start: 0, end: text.indexOf(' the harbour') };
    expect(passageWords(text, [quote])).toEqual([HIDDEN_WORD, 'the', 'harbour', 'master', 'said', 'on', 'monday']);
    expect(passageWords(HIDDEN_WORD)).toEqual([]);
  });

  it('merges hidden spans that touch into one stand-in and keeps the words between others', () => {
    expect(passageWords('aa bb cc dd ee', [{ start: 0, end: 2 }, { start: 2, end: 5 }, { start: 9, end: 11 }])).toEqual([HIDDEN_WORD, 'cc', HIDDEN_WORD, 'ee']);
  });
});
