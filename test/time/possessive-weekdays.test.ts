import { describe, expect, it } from 'vitest';
import { extractTimes } from '../../src/time/extract-times.js';

// Tuesday 5 May 2020, Example Wire's publication date in these tests.
const DCT = '2020-05-05';

function weekdayValue(text: string): string | undefined {
  return extractTimes(text, DCT).find((t) => t.type === 'DATE')?.value;
}

describe('a weekday in the possessive dates its noun, not the clause', () => {
  const table: ReadonlyArray<readonly [string, string]> = [
    // An event nobody announces ahead has happened, even under a future verb.
    ['The minister will visit the site of Saturday’s assault in Port Avalon.', '2020-05-02'],
    ["Investigators will examine Sunday's blast at the Eastmoor depot.", '2020-05-03'],
    ["Relief teams will reach the villages cut off by Friday's floods.", '2020-05-01'],
    // A possessive that opens its clause is the subject: its own predicate tells.
    ["Thursday's meeting is expected to approve the harbor budget.", '2020-05-07'],
    ["Officials said Thursday's meeting would approve the harbor budget, and Friday's vote will settle it.", '2020-05-07'],
    ["Monday's talks ended without a deal.", '2020-05-04'],
    // Otherwise the clause decides, as for a bare weekday.
    ["The Harbor Gazette reported on Saturday's rally in the square.", '2020-05-02'],
    ["The mayor will open Thursday's fair in the square.", '2020-05-07'],
  ];
  it.each(table)('%s → %s', (sentence, value) => {
    expect(weekdayValue(sentence)).toBe(value);
  });

  it('leaves "last Saturday’s attack" and "Saturday night’s raid" to their own words', () => {
    expect(weekdayValue('The governor will tour the scene of last Saturday’s attack.')).toBe('2020-05-02');
    expect(extractTimes('Police will review Saturday night’s raid.', DCT)[0]).toMatchObject({ type: 'TIME', value: '2020-05-02TNI' });
  });
});
