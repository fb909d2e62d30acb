import { describe, expect, it } from 'vitest';
import { extractTimes } from '../../src/time/extract-times.js';

// Tuesday 5 May 2020, Example Wire's publication date in these tests.
const DCT = '2020-05-05';

function values(text: string): Array<readonly [string, string, string]> {
  return extractTimes(text, DCT).map((t) => [text.slice(t.start, t.end), t.value, t.anchor] as const);
}

describe('extractTimes: the two ends of a range read together', () => {
  const table: ReadonlyArray<readonly [string, ReadonlyArray<readonly [string, string, string]>]> = [
    // The year written on the end is the start's too (alone, July 19 would be 2020's: after May 5, 2019 reads back).
    [
      'The dock strike in Port Avalon ran from July 19 until August 20, 2019.',
      [
        ['July 19', '2019-07-19', 'narrative'],
        ['August 20, 2019', '2019-08-20', 'absolute'],
      ],
    ],
    // ...and a year written on the start is the end's, the next year when the end comes round the turn of the year.
    [
      'The ferry did not sail from December 20, 2018 to January 5.',
      [
        ['December 20, 2018', '2018-12-20', 'absolute'],
        ['January 5', '2019-01-05', 'narrative'],
      ],
    ],
    // A start read alone in the year of the end, but after it, is the year before.
    [
      'Schools were shut from December 20 to January 5, 2019.',
      [
        ['December 20', '2018-12-20', 'narrative'],
        ['January 5, 2019', '2019-01-05', 'absolute'],
      ],
    ],
    // "until" alone reads the end ahead (2020-08-20); in a range it is the start's year.
    [
      'From July 19 until August 20, patrols closed the Avalon road.',
      [
        ['July 19', '2019-07-19', 'dct'],
        ['August 20', '2019-08-20', 'narrative'],
      ],
    ],
    // Past tense: the end stays where it was read, the start is the Monday before it.
    [
      'Shelling went on from Monday to Wednesday.',
      [
        ['Monday', '2020-04-27', 'narrative'],
        ['Wednesday', '2020-04-29', 'dct'],
      ],
    ],
    // Otherwise the start stays and the end is the first Wednesday after it.
    [
      'Voting runs from Monday to Wednesday.',
      [
        ['Monday', '2020-05-04', 'dct'],
        ['Wednesday', '2020-05-06', 'narrative'],
      ],
    ],
    // Ends already in order stay as they were read.
    [
      'Talks ran from Thursday until Saturday.',
      [
        ['Thursday', '2020-04-30', 'dct'],
        ['Saturday', '2020-05-02', 'dct'],
      ],
    ],
    [
      'The fair runs from July 19 through August 20.',
      [
        ['July 19', '2020-07-19', 'dct'],
        ['August 20', '2020-08-20', 'dct'],
      ],
    ],
  ];

  it.each(table)('%s', (sentence, expected) => {
    expect(values(sentence)).toEqual(expected);
  });

  it('leaves two dates that are no range alone', () => {
    // "and" joins a range only after "between"; here two events have a date each.
    expect(values('The museum reopens on July 19 and the archive on August 20, 2021.')).toEqual([
      ['July 19', '2020-07-19', 'dct'],
      ['August 20, 2021', '2021-08-20', 'absolute'],
    ]);
  });

  it('keeps February 29 where the other end\'s year has none', () => {
    // Alone, February 29 reads 2020 (a leap year); the range's 2019 has no such day.
    expect(values('The dock strike ran from February 29 until March 20, 2019.')[0]).toEqual(['February 29', '2020-02-29', 'dct']);
  });

  it('says why an end moved', () => {
    const [start] = extractTimes('The dock strike ran from July 19 until August 20, 2019.', DCT);
    expect(start?.reason).toMatch(/start of a range ending 2019-08-20/);
  });
});
