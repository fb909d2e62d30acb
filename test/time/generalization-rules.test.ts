import { describe, expect, it } from 'vitest';
import { extractTimes } from '../../src/time/extract-times.js';
import { tenseNear, wordsOf } from '../../src/time/tense.js';

// Thursday 29 October 2020, Example Wire's publication date in these tests.
const DCT = '2020-10-29';

function timeOf(text: string, expression: string): { type: string; value: string } | undefined {
  const start = text.indexOf(expression);
  const found = extractTimes(text, DCT).find((t) => t.start <= start && start < t.end);
  return found === undefined ? undefined : { type: found.type, value: found.value };
}

function tenseAt(sentence: string, expression: string): string {
  const start = sentence.indexOf(expression);
  return tenseNear(wordsOf(sentence), start, start + expression.length);
}

describe('a month named in a past clause', () => {
  it('is the coming month when it is the month after the DCT', () => {
    expect(timeOf('Brokers placed orders to open the first trading day for November contracts.', 'November')?.value).toBe('2020-11');
    expect(timeOf('Port Avalon notified shippers of a cut in its fuel supply in November.', 'November')?.value).toBe('2020-11');
  });

  it('is last year’s when a past verb right before it governs it', () => {
    expect(timeOf('Talks collapsed in November.', 'November')?.value).toBe('2019-11');
    expect(timeOf('Protesters clashed with police in the capital in November.', 'November')?.value).toBe('2019-11');
    // Not across a clause or an infinitive: "to" opens one.
    expect(timeOf('The council voted to close the Eastmoor bridge for repairs in November.', 'November')?.value).toBe('2020-11');
  });

  it('is last year’s when it lies two months or more after the DCT', () => {
    expect(timeOf('The Lakeside Bank switched to a calendar year in December.', 'December')?.value).toBe('2019-12');
    expect(timeOf('The Lakeside Bank opened its Harbor branch in March.', 'March')?.value).toBe('2020-03');
  });
});

describe('the tense markers', () => {
  it('read an irregular participle after "be" as no tense: "would be paid" points ahead', () => {
    // "paid" stands nearer the month than "would", and must not make the clause past.
    const sentence = 'The bonus would be paid out to all staff of the mill in January.';
    expect(tenseAt(sentence, 'January')).toBe('future');
    expect(timeOf(sentence, 'January')?.value).toBe('2021-01');
  });

  it('read a form in -ed after a determiner as an adjective, not a past verb', () => {
    expect(tenseAt('The payout would come on a still unspecified date in January.', 'January')).toBe('future');
    expect(tenseAt('It will rest on the proposed terms in January.', 'January')).toBe('future');
    // A past verb after a noun stays past.
    expect(tenseAt('The Harbor Gazette reported losses in January.', 'January')).toBe('past');
  });
});

describe('"a few days later"', () => {
  it('is an unspecified span, not a future reference, since it counts from a time of the story', () => {
    expect(timeOf('The board met in June. A few days later, Dewly Nelson resigned.', 'A few days')).toEqual({ type: 'DURATION', value: 'PXD' });
  });

  it('keeps "a few years from now" a future reference and "a few weeks ago" a past one', () => {
    expect(timeOf('Rates may rise a few years from now.', 'a few years')).toEqual({ type: 'DATE', value: 'FUTURE_REF' });
    expect(timeOf('The plant closed a few weeks ago.', 'a few weeks')).toEqual({ type: 'DATE', value: 'PAST_REF' });
  });
});

describe('"in five years" in a future clause', () => {
  it('is the date that far ahead of the DCT', () => {
    expect(timeOf('The notes will be redeemed in five years.', 'five years')).toEqual({ type: 'DATE', value: '2025' });
    expect(timeOf('The Eastmoor bridge will reopen in two months.', 'two months')).toEqual({ type: 'DATE', value: '2020-12' });
  });

  it('stays a span in a past clause', () => {
    expect(timeOf('Sales rose for the first time in five years.', 'five years')).toEqual({ type: 'DURATION', value: 'P5Y' });
  });
});

describe('the year the story is at', () => {
  it('is not moved by a comparison with a year ago', () => {
    const text = 'Fuel prices were higher than a year ago. Harvests were delayed earlier in the year by rain, which lifted sales in the third quarter.';
    expect(timeOf(text, 'the year')?.value).toBe('2020');
    expect(timeOf(text, 'the third quarter')?.value).toBe('2020-Q3');
  });

  it('still follows "a year ago" told as a time of the story', () => {
    expect(timeOf('A year ago, the Lakeside Bank opened in Port Avalon. Earlier in the year it had closed two branches.', 'the year')?.value).toBe('2019');
  });

  it('takes "the full year" as the year under report, not a target year named before', () => {
    const text = 'The Eastmoor Mill aims to double output by 2023. Its chairman forecast higher earnings for the full year.';
    expect(timeOf(text, 'the full year')?.value).toBe('2020');
    expect(timeOf('Sales in 2018 rose. Earnings for the full year were flat.', 'the full year')?.value).toBe('2018');
  });
});

describe('earnings copy about a quarter', () => {
  it('reads "compared with … last year" as that quarter a year before, and does not move the story', () => {
    const text = 'Harbor Mutual said third-quarter profit rose to $24 million, compared with a loss of $3 million last year. Costs in the quarter fell.';
    expect(timeOf(text, 'last year')?.value).toBe('2019-Q3');
    expect(timeOf(text, 'the quarter')?.value).toBe('2020-Q3');
    // Without a comparison, "last year" is the year before the DCT.
    expect(timeOf('Harbor Mutual said third-quarter profit rose. Last year the insurer lost money.', 'Last year')?.value).toBe('2019');
  });

  it('takes "the latest quarter" as one that has ended, not a quarter named as still to come', () => {
    const text = 'Harbor Mutual said third-quarter profit rose. Storm claims will bring a fourth-quarter charge. Earnings from home lines fell in the latest quarter, compared with a profit a year ago.';
    expect(timeOf(text, 'the latest quarter')?.value).toBe('2020-Q3');
    expect(timeOf(text, 'a year ago')?.value).toBe('2019-Q3');
  });
});

describe('"the year-earlier results"', () => {
  it('is a year before the quarter under report', () => {
    expect(timeOf('Harbor Mutual said third-quarter profit rose. The year-earlier results were restated.', 'year-earlier')?.value).toBe('2019-Q3');
  });

  it('is the earlier year itself once the story stands in it', () => {
    const text = 'Port Avalon Shipping said storm losses cut its profit. Last year storm losses totaled $5 million. The year-earlier results were restated.';
    expect(timeOf(text, 'year-earlier')?.value).toBe('2019');
  });
});

describe('"that day" and "the 1989 period"', () => {
  it('dates "that day" only after a day the story named', () => {
    expect(timeOf('The Eastmoor ferry sank on Tuesday. Rescuers worked through that day and the night.', 'that day')?.value).toBe('2020-10-27');
    expect(timeOf('Fund flows swung in 2019. You get bad news, and you have big redemptions that day.', 'that day')).toBeUndefined();
  });

  it('gives only the year of a period compared with a span of months', () => {
    const text = 'In the first nine months, Harbor Mutual earned $30 million, compared with a loss in the 2019 period.';
    expect(timeOf(text, 'the 2019 period')).toEqual({ type: 'DATE', value: '2019' });
    expect(timeOf('Harbor Mutual said third-quarter profit rose, compared with a loss in the 2019 period.', 'the 2019 period')?.value).toBe('2019-Q3');
  });
});
