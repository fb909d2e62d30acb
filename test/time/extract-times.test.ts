import { describe, expect, it } from 'vitest';
import { extractTimes } from '../../src/time/extract-times.js';

// Tuesday 5 May 2020, Example Wire's publication date in these tests.
const DCT = '2020-05-05';

interface Seen {
  readonly text: string;
  readonly type: string;
  readonly value: string;
  readonly mod: string | null;
  readonly anchor: string;
}

function times(text: string, dct: string | null = DCT): Seen[] {
  return extractTimes(text, dct).map((t) => ({ text: text.slice(t.start, t.end), type: t.type, value: t.value, mod: t.mod, anchor: t.anchor }));
}

describe('extractTimes: expressions normalized against a fixed DCT (Tue 2020-05-05)', () => {
  const table: ReadonlyArray<readonly [string, string, string, string]> = [
    // sentence, expected extent, type, value
    ['On Monday, the council met in Port Avalon.', 'Monday', 'DATE', '2020-05-04'],
    ['The ministers will meet on Friday.', 'Friday', 'DATE', '2020-05-08'],
    ['Talks collapsed in June.', 'June', 'DATE', '2019-06'],
    ['Talks will resume in June.', 'June', 'DATE', '2020-06'],
    ['Ferry fares rose last week.', 'last week', 'DATE', '2020-W18'],
    ['The mayor resigned earlier this month.', 'earlier this month', 'DATE', '2020-05'],
    ['This year the harvest failed.', 'This year', 'DATE', '2020'],
    ['Last year it hardly rained.', 'Last year', 'DATE', '2019'],
    ['Yesterday the army withdrew.', 'Yesterday', 'DATE', '2020-05-04'],
    ['The port reopened today.', 'today', 'DATE', '2020-05-05'],
    ['The assembly votes tonight.', 'tonight', 'TIME', '2020-05-05TNI'],
    ['By mid-2014 the plant had closed.', 'mid-2014', 'DATE', '2014'],
    ['The war began in 2014.', '2014', 'DATE', '2014'],
    ['Little changed after the 1990s.', 'the 1990s', 'DATE', '199'],
    ['Borders moved often in the 20th century.', 'the 20th century', 'DATE', '19'],
    ['He served as governor for three years.', 'three years', 'DURATION', 'P3Y'],
    ['The crew was held for 48 hours.', '48 hours', 'DURATION', 'PT48H'],
    ['The count ended at 10 pm.', '10 pm', 'TIME', '2020-05-05T22:00'],
    ['Shelling resumed Monday night.', 'Monday night', 'TIME', '2020-05-04TNI'],
    // Years read out in a broadcast transcript belong to the month or season before them.
    ['Prices last fell this far in January nineteen ninety-seven.', 'January nineteen ninety-seven', 'DATE', '1997-01'],
    ['We saw that level in the winter of nineteen ninety-four.', 'the winter of nineteen ninety-four', 'DATE', '1994-WI'],
    ['Patrols cross the bridge every week.', 'every week', 'SET', 'P1W'],
    ['Two ferries leave daily.', 'daily', 'SET', 'P1D'],
    ['Now the city is calm.', 'Now', 'DATE', 'PRESENT_REF'],
    ['Attacks have recently increased.', 'recently', 'DATE', 'PAST_REF'],
    ['In the past, the valley was quiet.', 'the past', 'DATE', 'PAST_REF'],
    ['The bridge is currently closed.', 'currently', 'DATE', 'PRESENT_REF'],
    ['The accord was signed on 09.04.2020 in Vienna.', '09.04.2020', 'DATE', '2020-04-09'],
    ['Profits fell in the third quarter.', 'the third quarter', 'DATE', '2019-Q3'],
    ['Last summer was dry.', 'Last summer', 'DATE', '2019-SU'],
    ['The treaty was signed on March 3, 2019.', 'March 3, 2019', 'DATE', '2019-03-03'],
    ['Prices were higher two weeks ago.', 'two weeks ago', 'DATE', '2020-W17'],
    ['It was built in the early 1960s.', 'the early 1960s', 'DATE', '196'],
    ['Trade grew in the first half of 2019.', 'the first half of 2019', 'DATE', '2019-H1'],
    ['The cease-fire held over the weekend.', 'the weekend', 'DATE', '2020-W18-WE'],
    ['The depot will stay shut until next month.', 'next month', 'DATE', '2020-06'],
    ['Unemployment peaked in June last year.', 'June last year', 'DATE', '2019-06'],
    ['The trial lasted about 5 1/2 hours.', 'about 5 1/2 hours', 'DURATION', 'PT5H30M'],
    ['The convoy left at noon Saturday.', 'noon Saturday', 'TIME', '2020-05-02T12:00'],
    ['The platform was shelled at 0600 GMT.', '0600 GMT', 'TIME', '2020-05-05T06:00'],
    ['Jets struck the depot at 1930 local.', '1930 local', 'TIME', '2020-05-05T19:30'],
    ['The pact dates from 1987 and still holds.', '1987', 'DATE', '1987'],
    ['Exports doubled in fiscal 2019.', 'fiscal 2019', 'DATE', '2019'],
    ['The fund pays $5 a year.', 'a year', 'SET', 'P1Y'],
    // Sets: a month of every year, a part of every such weekday.
    ['Pilgrims cross the pass each July.', 'each July', 'SET', 'XXXX-07'],
    ['The ferry sails Friday nights.', 'Friday nights', 'SET', 'XXXX-WXX-5TNI'],
    // A part of the day with the day word after it names that day.
    ['At mid-afternoon yesterday the bridge reopened.', 'mid-afternoon yesterday', 'TIME', '2020-05-04TAF'],
    // "or so" hedges an offset without ending it.
    ['The dam cracked a week or so ago.', 'a week or so ago', 'DATE', '2020-W18'],
    ['The depot will soon reopen.', 'soon', 'DATE', 'FUTURE_REF'],
    ['The square has changed over the years.', 'the years', 'DURATION', 'PXY'],
    ['Gunboats shelled the coast overnight.', 'overnight', 'TIME', '2020-05-04TNI'],
    ['Crews will repair the line overnight.', 'overnight', 'TIME', '2020-05-05TNI'],
  ];
  it.each(table)('%s → %s', (sentence, extent, type, value) => {
    const found = times(sentence);
    expect(found.map((t) => t.text)).toEqual([extent]);
    expect(found[0]).toMatchObject({ type, value });
  });

  it('reads "early on January 3" in a late-May article as this year’s, with mod START', () => {
    expect(times('Early on January 3, troops crossed the river.', '2020-05-25')).toEqual([
      { text: 'Early on January 3', type: 'DATE', value: '2020-01-03', mod: 'START', anchor: 'dct' },
    ]);
  });

  it('tags no numbers that are not times', () => {
    expect(times('Russia delivered S-400 batteries, sent 1,000 troops and cited Resolution 2231.')).toEqual([]);
    expect(times('The 2019 troops stayed; route 1989 was closed; it costs $2020.')).toEqual([]);
  });

  it('marks modifiers: mid-2014 is MID, late November is END, about a decade is APPROX', () => {
    expect(times('By mid-2014 it had closed.')[0]?.mod).toBe('MID');
    expect(times('The vote was held in late November.')[0]).toMatchObject({ value: '2019-11', mod: 'END' });
    expect(times('It took about a decade.')[0]).toMatchObject({ type: 'DURATION', value: 'P10Y', mod: 'APPROX' });
  });
});

describe('extractTimes: narrative anchoring', () => {
  it('counts "two days later", "the next day" and "a week earlier" from the last date named', () => {
    const found = times('The talks opened on March 3, 2019. Two days later, they collapsed. The next day, the envoy left. A week earlier, he had warned them.');
    expect(found.map((t) => [t.text, t.value, t.anchor])).toEqual([
      ['March 3, 2019', '2019-03-03', 'absolute'],
      ['Two days later', '2019-03-05', 'narrative'],
      ['The next day', '2019-03-06', 'narrative'],
      ['A week earlier', '2019-02-27', 'narrative'],
    ]);
  });

  it('counts "the previous Friday" and "overnight" from the day the story is at, however far back it was named', () => {
    const found = times('The Eastmoor index fell on April 17, 2020, after overnight losses in Port Avalon. Dealers were calm. Brokers were quiet. It closed 3% below the previous Friday.');
    expect(found.map((t) => [t.text, t.value])).toEqual([
      ['April 17, 2020', '2020-04-17'],
      ['overnight', '2020-04-16TNI'],
      ['the previous Friday', '2020-04-10'],
    ]);
  });

  it('falls back to the DCT when nothing was named before', () => {
    expect(times('Three days later the road reopened.')[0]).toMatchObject({ value: '2020-05-08', anchor: 'dct' });
  });

  it('compares "a year earlier" with the quarter under discussion', () => {
    const found = times('Profit rose in the third quarter. Sales were lower a year earlier.', '2019-10-30');
    expect(found.map((t) => t.value)).toEqual(['2019-Q3', '2018-Q3']);
  });
});

describe('extractTimes: tense decides the direction of weekdays and months', () => {
  it('reads a weekday back in past and present clauses and forward in future ones', () => {
    expect(times('The envoy said on Thursday that talks had stalled.')[0]?.value).toBe('2020-04-30');
    expect(times('The envoy will arrive on Thursday.')[0]?.value).toBe('2020-05-07');
    expect(times('The summit is set to resume Thursday.')[0]?.value).toBe('2020-05-07');
    expect(times('Officials met last Tuesday.')[0]?.value).toBe('2020-04-28');
    expect(times('Officials meet next Tuesday.')[0]?.value).toBe('2020-05-12');
  });

  it('keeps a payment day a few weeks ahead in this year even in a past-tense clause', () => {
    expect(times('The board declared a dividend payable June 1.')[0]?.value).toBe('2020-06-01');
    expect(times('The board met on December 14.')[0]?.value).toBe('2019-12-14');
  });
});

describe('extractTimes: the end of the year', () => {
  it('reads "the end of the year" and "year\'s end" as the year with mod END, "year-end" as its last day', () => {
    expect(times('The mill closed at the end of the year.')[0]).toMatchObject({ value: '2019', mod: 'END' });
    expect(times('Sales slowed at year\'s end.')[0]).toMatchObject({ value: '2019', mod: 'END' });
    expect(times('The year-end audit found nothing.')[0]).toMatchObject({ value: '2019-12-31', mod: null });
  });

  it('keeps a limit ahead even in a past-tense clause: "by the end of the year"', () => {
    expect(times('The council said it would repair the dam by the end of the year.')[0]).toMatchObject({ value: '2020', mod: 'END' });
    expect(times('Harbor Gazette said the works were due to finish by year end.')[0]).toMatchObject({ value: '2020', mod: 'END' });
    expect(times('The fleet was sold before year\'s end.')[0]).toMatchObject({ value: '2020', mod: 'END' });
  });
});

describe('extractTimes: "soon" is FUTURE_REF except where it is not about now', () => {
  it('tags "soon" and leaves "as soon as", "soon after" and "how soon" alone', () => {
    expect(times('Port Avalon may soon lift the curfew.').map((t) => t.value)).toEqual(['FUTURE_REF']);
    expect(times('The convoy left as soon as the road cleared.')).toEqual([]);
    expect(times('The mayor resigned soon after the vote.')).toEqual([]);
    expect(times('Nobody knows how soon the river will fall.')).toEqual([]);
  });
});

describe('extractTimes: "overnight" as "suddenly" is no time', () => {
  it('leaves "an overnight success" and "almost overnight" alone', () => {
    expect(times('The band became an overnight success.')).toEqual([]);
    expect(times('The camp grew almost overnight.')).toEqual([]);
  });
});

describe('extractTimes: a weekday and the nights after "and"', () => {
  it('makes both days of "on Monday and Tuesday nights" a set', () => {
    expect(times('Flights leave on Monday and Tuesday nights.').map((t) => [t.text, t.type, t.value])).toEqual([
      ['Monday', 'SET', 'XXXX-WXX-1TNI'],
      ['Tuesday nights', 'SET', 'XXXX-WXX-2TNI'],
    ]);
  });
});

describe('extractTimes: without a full DCT', () => {
  it('leaves weekdays unanchored when the DCT is unknown and keeps absolute dates', () => {
    expect(times('On Monday, the council met in 2014.', null)).toEqual([
      { text: 'Monday', type: 'DATE', value: 'XXXX-WXX-1', mod: null, anchor: 'none' },
      { text: '2014', type: 'DATE', value: '2014', mod: null, anchor: 'absolute' },
    ]);
  });

  it('resolves months against a month-only DCT', () => {
    expect(times('Talks collapsed in June.', '2020-05')[0]?.value).toBe('2019-06');
    expect(times('Last year it hardly rained.', '2020-05')[0]?.value).toBe('2019');
  });

  it('gives every mention a reason', () => {
    for (const t of extractTimes('On Monday, two days after the vote, the council met for three hours.', DCT)) {
      expect(t.reason.length).toBeGreaterThan(3);
    }
  });
});
