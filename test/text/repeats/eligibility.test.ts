import { describe, expect, it } from 'vitest';
import { isEligiblePassage } from '../../../src/text/repeats/index.js';

describe('isEligiblePassage', () => {
  it.each([
    ['a body sentence of eight words', 'The ferry to Kessow left two hours late.', true],
    ['a common phrase', 'The Velmarian parliament said.', false],
    ['seven words, even punctuated', 'The ferry to Kessow left very late.', false],
    ['a headline without a final stop', 'Velmarian Parliament Demands Twelve New River Ferries for the Northern Provinces', false],
    ['a byline with outlet and date', 'By Tam Ostrava | Harbor Gazette | March 2, 2031', false],
    ['a dateline-style byline', 'Plains Courier – March 9, 2031 – Kessow desk report for subscribers', false],
    ['a sentence ending in a closing quote', '“The matter now awaits the premier’s signature and his seal.”', true],
    [
      'twenty words or more need no final stop',
      'Ferry services on the Anselm river were suspended in March after two vessels ran aground near the port of Kessow',
      true,
    ],
    ['empty text', '', false],
  ])('%s', (_name, text, eligible) => {
    expect(isEligiblePassage(text)).toBe(eligible);
  });

  it('counts no word of a hidden quotation: what is left around it is an attribution', () => {
    const text = '“We saw the smoke from across the river and knew it was the old terminal,” said the fire chief.';
    expect(isEligiblePassage(text)).toBe(true);
    expect(isEligiblePassage(text, [{ start: 0, end: text.indexOf(' said') }])).toBe(false);
  });
});
