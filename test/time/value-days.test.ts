import { describe, expect, it } from 'vitest';
import { periodDays } from '../../src/time/value-days.js';

describe('periodDays: the days a week, quarter, half or season covers', () => {
  const table: ReadonlyArray<readonly [string, { date: string; dateEnd: string } | null]> = [
    // "last week" against Tuesday 5 May 2020: Monday 27 April to Sunday 3 May.
    ['2020-W18', { date: '2020-04-27', dateEnd: '2020-05-03' }],
    ['2020-W18-WE', { date: '2020-05-02', dateEnd: '2020-05-03' }],
    // ISO week 1 of 2021 starts on 4 January; week 1 of 2020 on 30 December 2019.
    ['2021-W01', { date: '2021-01-04', dateEnd: '2021-01-10' }],
    ['2020-W01', { date: '2019-12-30', dateEnd: '2020-01-05' }],
    ['2019-Q3', { date: '2019-07', dateEnd: '2019-09-30' }],
    ['2019-H1', { date: '2019-01', dateEnd: '2019-06-30' }],
    ['2019-SU', { date: '2019-06', dateEnd: '2019-08-31' }],
    // Winter runs into the next year's February (2020 is a leap year).
    ['2019-WI', { date: '2019-12', dateEnd: '2020-02-29' }],
    ['2020-05', null],
    ['2020', null],
    ['PAST_REF', null],
  ];
  it.each(table)('%s', (value, expected) => {
    expect(periodDays(value)).toEqual(expected);
  });
});
