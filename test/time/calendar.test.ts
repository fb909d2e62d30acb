import { describe, expect, it } from 'vitest';
import { addDays, addMonths, isoWeek, parseDct, validDay, weekday } from '../../src/time/calendar.js';
import { dayPoint, pointValue, shiftPoint } from '../../src/time/point.js';

describe('calendar', () => {
  it('parses publication dates of every stored precision', () => {
    expect(parseDct('2020-05-05')).toEqual({ y: 2020, m: 5, d: 5 });
    expect(parseDct('2020-05-05T14:30')).toEqual({ y: 2020, m: 5, d: 5 });
    expect(parseDct('2020-05')).toEqual({ y: 2020, m: 5, d: null });
    expect(parseDct('2020')).toEqual({ y: 2020, m: null, d: null });
    expect(parseDct(null)).toBeNull();
    expect(parseDct('yesterday')).toBeNull();
  });

  it('numbers ISO weeks across year ends', () => {
    expect(isoWeek({ y: 2020, m: 5, d: 5 })).toEqual({ y: 2020, w: 19 });
    expect(isoWeek({ y: 2021, m: 1, d: 1 })).toEqual({ y: 2020, w: 53 });
    expect(isoWeek({ y: 2019, m: 12, d: 30 })).toEqual({ y: 2020, w: 1 });
  });

  it('moves days and months, and knows weekdays and leap days', () => {
    expect(addDays({ y: 2020, m: 2, d: 28 }, 1)).toEqual({ y: 2020, m: 2, d: 29 });
    expect(addDays({ y: 2020, m: 1, d: 1 }, -1)).toEqual({ y: 2019, m: 12, d: 31 });
    expect(addMonths(2020, 1, -2)).toEqual({ y: 2019, m: 11 });
    expect(weekday({ y: 2020, m: 5, d: 5 })).toBe(2);
    expect(validDay(2019, 2, 29)).toBe(false);
    expect(validDay(2020, 2, 29)).toBe(true);
  });

  it('shifts points at their own granularity', () => {
    expect(pointValue(shiftPoint({ precision: 'quarter', y: 2019, n: 1 }, -1, 'quarter'))).toBe('2018-Q4');
    expect(pointValue(shiftPoint({ precision: 'quarter', y: 2019, n: 3 }, -1, 'year'))).toBe('2018-Q3');
    expect(pointValue(shiftPoint(dayPoint({ y: 2020, m: 3, d: 31 }), -1, 'month'))).toBe('2020-02-29');
    expect(pointValue(shiftPoint({ precision: 'month', y: 2020, m: 1 }, -2, 'month'))).toBe('2019-11');
  });
});
