import { describe, expect, it } from 'vitest';
import { runTextStages, sentencesOf } from './run-text-stages.js';

// Rows of [text, expected sentences]. Names and outlets are invented.
const noBreak: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['U.S. troops left Rowan Bay.', ['U.S. troops left Rowan Bay.']],
  ['Venn visited the U.S. Embassy in Tarsk.', ['Venn visited the U.S. Embassy in Tarsk.']],
  ['Lt. Gen. Arlo B Venn spoke.', ['Lt. Gen. Arlo B Venn spoke.']],
  ['Gen. Arlo B. Venn said the talks failed.', ['Gen. Arlo B. Venn said the talks failed.']],
  ['At 22:32 on May 4, rockets fell.', ['At 22:32 on May 4, rockets fell.']],
  ['The S-400 system arrived.', ['The S-400 system arrived.']],
  ['The No. 2 official resigned.', ['The No. 2 official resigned.']],
  ['Mr. Roe and Mrs. Ames met Dr. Oduya.', ['Mr. Roe and Mrs. Ames met Dr. Oduya.']],
  ['The talks began on Jan. 3 in Tarsk.', ['The talks began on Jan. 3 in Tarsk.']],
  ['It started at 9 a.m. local time.', ['It started at 9 a.m. local time.']],
  ['Venn flew to St. Louis on Monday.', ['Venn flew to St. Louis on Monday.']],
  ['Example Holdings Inc. said profit rose.', ['Example Holdings Inc. said profit rose.']],
  ['Output rose 3.5 percent to 1,000 units.', ['Output rose 3.5 percent to 1,000 units.']],
  ['He said “we will… wait” and left.', ['He said “we will… wait” and left.']],
  ['“… offering rewards,” the site says.', ['“… offering rewards,” the site says.']],
  ['He asked “Why?” and left.', ['He asked “Why?” and left.']],
  ['Rivals, e.g. Example Wire, agreed.', ['Rivals, e.g. Example Wire, agreed.']],
  ['Sgt. Maj. Ida Roe and Capt. Lem Oduya met.', ['Sgt. Maj. Ida Roe and Capt. Lem Oduya met.']],
  ['The U.S.-led coalition left.', ['The U.S.-led coalition left.']],
  ['Example Wire Opens Office in Rowan Bay', ['Example Wire Opens Office in Rowan Bay']],
];

const breaks: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['Rockets fell. Nobody was hurt.', ['Rockets fell.', 'Nobody was hurt.']],
  ['Did it work? No! It failed.', ['Did it work?', 'No!', 'It failed.']],
  ['They fired missiles.” Next came the jets.', ['They fired missiles.”', 'Next came the jets.']],
  ['They fired “missiles”. Next came the jets.', ['They fired “missiles”.', 'Next came the jets.']],
  ['He left (quietly.) Then he returned.', ['He left (quietly.)', 'Then he returned.']],
  ['He said. “We are ready.”', ['He said.', '“We are ready.”']],
  ['Troops left the U.S. The talks ended.', ['Troops left the U.S.', 'The talks ended.']],
  ['It is based in the U.S. “We stay,” it said.', ['It is based in the U.S.', '“We stay,” it said.']],
  ['He sold Example Holdings Inc. But he stayed.', ['He sold Example Holdings Inc.', 'But he stayed.']],
  ['The speaker was Lem Oduya Jr. He spoke well.', ['The speaker was Lem Oduya Jr.', 'He spoke well.']],
  ['It ended at 5 p.m. In the morning, talks resume.', ['It ended at 5 p.m.', 'In the morning, talks resume.']],
  ['They chose plan B. It failed.', ['They chose plan B.', 'It failed.']],
  ['He said “no… ” Then he left.', ['He said “no… ”', 'Then he left.']],
  ['He waited… Then he left.', ['He waited…', 'Then he left.']],
  ['Prices fell in 2019. 2020 was worse.', ['Prices fell in 2019.', '2020 was worse.']],
  ['He left."We stay," she said.', ['He left.', '"We stay," she said.']],
  ["He said 'no.' Then he left.", ["He said 'no.'", 'Then he left.']],
  ['He left. "We stay," she said.', ['He left.', '"We stay," she said.']],
  ['She said: "We won." He agreed.', ['She said: "We won."', 'He agreed.']],
  // A quote that spans sentences: each is its own span; the closing quote ends the last one.
  [
    '“The first point is clear. The second is not. The third,” Venn said.',
    ['“The first point is clear.', 'The second is not.', 'The third,” Venn said.'],
  ],
  ['“We stay. We fight.” Roe agreed.', ['“We stay.', 'We fight.”', 'Roe agreed.']],
];

describe('sentence boundaries', () => {
  it.each(noBreak)('no break: %s', (text, expected) => {
    expect(sentencesOf(text)).toEqual(expected);
  });

  it.each(breaks)('breaks: %s', (text, expected) => {
    expect(sentencesOf(text)).toEqual(expected);
  });

  it('never crosses a paragraph and records the paragraph index', () => {
    const doc = runTextStages('Example Wire Opens Office\n\nVenn left the U.S.\n\nthe talks went on. They failed.');
    const sentences = doc.layers.sentences ?? [];
    expect(sentences.map((s) => [doc.text.slice(s.start, s.end), s.paragraph])).toEqual([
      ['Example Wire Opens Office', 0],
      ['Venn left the U.S.', 1],
      ['the talks went on.', 2],
      ['They failed.', 2],
    ]);
  });

  it('covers each paragraph from its first token to its last', () => {
    const doc = runTextStages('  “Venn left.”  Roe stayed (for now).\n\nTarsk, May 4 — fighting resumed…');
    const paragraphs = doc.layers.paragraphs ?? [];
    const sentences = doc.layers.sentences ?? [];
    for (const [i, p] of paragraphs.entries()) {
      const own = sentences.filter((s) => s.paragraph === i);
      expect(own[0]?.start).toBe(p.start);
      expect(own.at(-1)?.end).toBe(p.end);
    }
  });
});
