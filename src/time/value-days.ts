import { addDays, addMonths, dayValue, monthValue } from './calendar.js';
import { SEASON_MONTHS } from './vocabulary.js';

/**
 * The days a TIMEX3 value of a week, weekend, quarter, half-year or season covers, as a start
 * (at the value's own precision: a day for weeks, a month otherwise) and a last day:
 * "2020-W18" → 2020-04-27 … 2020-05-03, "2019-Q3" → 2019-07 … 2019-09-30, "2019-WI" → 2019-12 …
 * 2020-02-29. Null for any other value (years, months and days are read as they are written).
 */
export function periodDays(value: string): { readonly date: string; readonly dateEnd: string } | null {
  const week = /^(\d{4})-W(\d{2})(-WE)?$/.exec(value);
  if (week !== null) {
    const monday = isoWeekMonday(Number(week[1]), Number(week[2]));
    const start = week[3] === undefined ? monday : addDays(monday, 5);
    return { date: dayValue(start), dateEnd: dayValue(addDays(monday, 6)) };
  }
  const part = /^(\d{4})-(Q[1-4]|H[12]|SP|SU|FA|WI)$/.exec(value);
  if (part === null) return null;
  const y = Number(part[1]);
  const code = part[2]!;
  const [first, last] =
    code[0] === 'Q'
      ? [Number(code[1]) * 3 - 2, Number(code[1]) * 3]
      : code[0] === 'H'
        ? [Number(code[1]) * 6 - 5, Number(code[1]) * 6]
        : SEASON_MONTHS.get(code)!;
  // Winter runs from December into the next year's February.
  const end = addMonths(y, last, last < first ? 13 : 1);
  return { date: monthValue(y, first), dateEnd: dayValue(addDays({ y: end.y, m: end.m, d: 1 }, -1)) };
}

// ISO week 1 is the week with the year's first Thursday; its Monday is at most three days from 4 January.
function isoWeekMonday(y: number, w: number) {
  const jan4 = { y, m: 1, d: 4 };
  const weekdayOfJan4 = (new Date(Date.UTC(y, 0, 4)).getUTCDay() + 6) % 7;
  return addDays(jan4, (w - 1) * 7 - weekdayOfJan4);
}
