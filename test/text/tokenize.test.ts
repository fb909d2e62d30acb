import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/text/tokenize.js';

/** Token texts joined by "|". */
function pieces(text: string): string {
  return tokenize(text)
    .map((t) => text.slice(t.start, t.end))
    .join('|');
}

const cases: ReadonlyArray<readonly [string, string]> = [
  // Abbreviations keep their period.
  ['U.S. troops', 'U.S.|troops'],
  ['the U.K. and U.N. said', 'the|U.K.|and|U.N.|said'],
  ['Lt. Gen. Arlo B Venn', 'Lt.|Gen.|Arlo|B|Venn'],
  ['Gen. Arlo B. Venn said', 'Gen.|Arlo|B.|Venn|said'],
  ['plan B. Then', 'plan|B.|Then'],
  ['plan B.', 'plan|B|.'],
  ['the No. 2 official', 'the|No.|2|official'],
  ['he said no. Then', 'he|said|no|.|Then'],
  ['at 9 a.m. on Jan. 3', 'at|9|a.m.|on|Jan.|3'],
  ['Mr. Roe met Dr. Ames in St. Louis', 'Mr.|Roe|met|Dr.|Ames|in|St.|Louis'],
  ['Example Holdings Inc., a unit', 'Example|Holdings|Inc.|,|a|unit'],
  ['rivals, e.g. Example Wire, etc.)', 'rivals|,|e.g.|Example|Wire|,|etc.|)'],
  ['she was ill. The', 'she|was|ill|.|The'],
  ['in the U.S.-led coalition', 'in|the|U.S.-led|coalition'],
  ['the U.S.’s envoy', 'the|U.S.|’s|envoy'],
  // Numbers.
  ['At 22:32 on May 4, 2020.', 'At|22:32|on|May|4|,|2020|.'],
  ['1,000 troops and 3.5 percent', '1,000|troops|and|3.5|percent'],
  ['$5 and €3.5m, 5% or 3.5%.', '$5|and|€3.5m|,|5%|or|3.5%|.'],
  ['on 03/27/2020 or 09.04.2020', 'on|03/27/2020|or|09.04.2020'],
  // Hyphens and apostrophes inside words.
  ['the S-400 system', 'the|S-400|system'],
  ['COVID-19 by e-mail', 'COVID-19|by|e-mail'],
  ['Abu Rami al-Tavor', 'Abu|Rami|al-Tavor'],
  ['Hashd al-Sha’abi and Sha\'abi', 'Hashd|al-Sha’abi|and|Sha\'abi'],
  ['the 78-year-old envoy', 'the|78-year-old|envoy'],
  ['Abu Rami al\u2010Tavor', 'Abu|Rami|al\u2010Tavor'],
  ['Europe/Tarsk and/or 24/7', 'Europe|/|Tarsk|and|/|or|24/7'],
  // Possessives split off.
  ['Rowan’s army and Venn\'s aide', 'Rowan|’s|army|and|Venn|\'s|aide'],
  ['the allies’ plan', 'the|allies|’|plan'],
  // Quotes, brackets, dashes, ellipses.
  ['“We left.” Next', '“|We|left|.|”|Next'],
  ['“We left”. Next', '“|We|left|”|.|Next'],
  ['"We left," he said.', '"|We|left|,|"|he|said|.'],
  ['dubbed ‘Desert Hawks,’ against', 'dubbed|‘|Desert|Hawks|,|’|against'],
  ['the Rowan [military] presence (RMP)', 'the|Rowan|[|military|]|presence|(|RMP|)'],
  ['forces — known as', 'forces|—|known|as'],
  ['forces—known as', 'forces|—|known|as'],
  ['war--and peace', 'war|--|and|peace'],
  ['“… offering rewards…”', '“|…|offering|rewards|…|”'],
  ['wait... what', 'wait|...|what'],
  ['Why?! Because', 'Why|?!|Because'],
  ['interests:Example', 'interests|:|Example'],
  ['Rowan.The end', 'Rowan|.|The|end'],
  // URLs and e-mail addresses are one token.
  ['see https://example.org/a?b=1. Or', 'see|https://example.org/a?b=1|.|Or'],
  ['(www.example.org)', '(|www.example.org|)'],
  ['write to desk@example.org.', 'write|to|desk@example.org|.'],
  // Symbols.
  ['By Ada Roe | Example Wire', 'By|Ada|Roe|||Example|Wire'],
  ['AT&T & others', 'AT&T|&|others'],
];

describe('tokenize', () => {
  it.each(cases)('%s', (text, expected) => {
    expect(pieces(text)).toBe(expected);
  });

  it('gives norms lower-cased with quotes and dashes unified', () => {
    const text = 'Sha’abi “Gen.” Venn—U.S.';
    expect(tokenize(text).map((t) => t.norm)).toEqual(["sha'abi", '"', 'gen.', '"', 'venn', '-', 'u.s.']);
  });

  it('classifies tokens', () => {
    const text = 'Venn paid $5, 22:32 | S-400 desk@example.org';
    expect(tokenize(text).map((t) => t.kind)).toEqual([
      'word',
      'word',
      'number',
      'punct',
      'number',
      'symbol',
      'word',
      'symbol',
    ]);
  });

  it('covers every non-space char exactly once, in order', () => {
    const text = ' “Lt. Gen. Arlo B Venn,” said Example Wire’s desk…  (U.S.) \n\n Next—22:32. ';
    const tokens = tokenize(text);
    let covered = '';
    let last = 0;
    for (const t of tokens) {
      expect(t.start).toBeGreaterThanOrEqual(last);
      expect(t.end).toBeGreaterThan(t.start);
      covered += text.slice(t.start, t.end);
      last = t.end;
    }
    expect(covered).toBe(text.replace(/\s+/g, ''));
  });
});

describe('tokenize (properties)', () => {
  it('never throws and covers every non-space char exactly once', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), fc.string({ maxLength: 40 }), (a, b) => {
        const text = `${a} U.S. ${b}`;
        const covered = tokenize(text)
          .map((t) => text.slice(t.start, t.end))
          .join('');
        expect(covered).toBe(text.replace(/[\s\u0000-\u0020\u0085]+/g, ''));
      }),
      { numRuns: 2000 },
    );
  });
});
