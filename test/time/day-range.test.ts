import { describe, expect, it } from 'vitest';
import { dayRange } from '../../src/time/day-range.js';

const day = (iso: string): number => Date.parse(`${iso}T00:00:00Z`);

describe('dayRange', () => {
  it('covers every day of a year or a month, leap days included', () => {
    expect(dayRange('2020', null)).toEqual([day('2020-01-01'), day('2020-12-31')]);
    expect(dayRange('2020-02', null)).toEqual([day('2020-02-01'), day('2020-02-29')]);
    expect(dayRange('2020-01-03', null)).toEqual([day('2020-01-03'), day('2020-01-03')]);
  });

  it('runs to the end of the end date, and never ends before it starts', () => {
    expect(dayRange('2019-10-26', '2019-10-27')).toEqual([day('2019-10-26'), day('2019-10-27')]);
    expect(dayRange('2019-10', '2019-10-02')).toEqual([day('2019-10-01'), day('2019-10-02')]);
    expect(dayRange('2019-10-27', '2019-10-26')).toEqual([day('2019-10-27'), day('2019-10-27')]);
  });

  it('is null for what is not a date', () => {
    expect(dayRange('yesterday', null)).toBeNull();
  });
});
