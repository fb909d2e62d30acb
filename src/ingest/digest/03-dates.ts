import * as chrono from 'chrono-node';
import type { DateOrder } from '../../knowledge/outlets/outlet-names.js';
import type { DateReading } from '../raw-article.js';

/** A date field as found in a byline: either read at once, or two readings to choose from. */
export type BylineDate =
  | { readonly kind: 'certain'; readonly reading: DateReading }
  | {
      readonly kind: 'ambiguous';
      readonly raw: string;
      readonly dayFirst: DateReading;
      readonly monthFirst: DateReading;
    };

const iso = (y: number, m: number, d: number): string =>
  `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

function validDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

const NUMERIC = /^(\d{1,2})([./-])(\d{1,2})\2(\d{4})$/;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/;

/** Reads the date field of a byline; null when the field is not a date at all. */
export function readBylineDate(raw: string): BylineDate | null {
  const field = raw.trim();
  const isoMatch = ISO_DAY.exec(field);
  if (isoMatch) {
    const [y, m, d] = [Number(isoMatch[1]), Number(isoMatch[2]), Number(isoMatch[3])];
    if (!validDay(y, m, d)) return null;
    return certain(iso(y, m, d), field, 'ISO date');
  }
  const numeric = NUMERIC.exec(field);
  if (numeric) return readNumeric(field, Number(numeric[1]), Number(numeric[3]), Number(numeric[4]));
  return readWritten(field);
}

function certain(value: string, raw: string, reason: string): BylineDate {
  return { kind: 'certain', reading: { value, precision: 'day', raw, reason } };
}

function readNumeric(raw: string, first: number, second: number, year: number): BylineDate | null {
  const asDayFirst = validDay(year, second, first);
  const asMonthFirst = validDay(year, first, second);
  if (asDayFirst && asMonthFirst && first === second) return certain(iso(year, first, first), raw, 'day and month equal');
  if (asDayFirst && !asMonthFirst) return certain(iso(year, second, first), raw, `${first} cannot be a month: day-month`);
  if (asMonthFirst && !asDayFirst) return certain(iso(year, first, second), raw, `${second} cannot be a month: month-day`);
  if (!asDayFirst && !asMonthFirst) return null;
  return {
    kind: 'ambiguous',
    raw,
    dayFirst: { value: iso(year, second, first), precision: 'day', raw, reason: 'read as day-month' },
    monthFirst: { value: iso(year, first, second), precision: 'day', raw, reason: 'read as month-day' },
  };
}

const MONTH_YEAR = /^(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?,? (\d{4})$/i;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** "May 25, 2020", "25 May 2020", "Mon, 25 May 2020 10:00"; "May 2020" gives month precision. */
function readWritten(raw: string): BylineDate | null {
  const monthYear = MONTH_YEAR.exec(raw);
  if (monthYear) {
    const month = MONTHS.indexOf(monthYear[1]!.slice(0, 3).toLowerCase()) + 1;
    const value = `${monthYear[2]}-${String(month).padStart(2, '0')}`;
    return { kind: 'certain', reading: { value, precision: 'month', raw, reason: 'month and year only' } };
  }
  const results = chrono.strict.parse(raw);
  const first = results[0];
  // The whole field must be the date: "Attacks – Reports" is a headline, not a byline.
  if (!first || first.index > 0 || first.text.length < raw.replace(/[.\s]+$/, '').length - 1) return null;
  const y = first.start.get('year');
  const m = first.start.get('month');
  const d = first.start.get('day');
  if (y === null || m === null || d === null || !first.start.isCertain('year')) return null;
  return certain(iso(y, m, d), raw, 'written date');
}

/**
 * Picks a reading for each ambiguous numeric date, in digest order. The neighbours' certain
 * dates bound it when the digest runs in one direction (usually newest first); otherwise
 * the outlet's known convention decides; otherwise day-month, with a reason that says so.
 */
export function resolveDigestDates(
  dates: ReadonlyArray<BylineDate | null>,
  conventions: ReadonlyArray<DateOrder | null>,
): Array<DateReading | null> {
  const certainValues = dates.map((d) => (d?.kind === 'certain' ? d.reading.value : null));
  const order = digestOrder(certainValues);
  return dates.map((date, i) => {
    if (date === null) return null;
    if (date.kind === 'certain') return date.reading;
    const convention = conventions[i] ?? null;
    if (order !== null) {
      const before = nearest(certainValues, i, -1);
      const after = nearest(certainValues, i, +1);
      const fits = (v: string): boolean => fitsOrder(v, before, after, order);
      const dayOk = fits(date.dayFirst.value);
      const monthOk = fits(date.monthFirst.value);
      if (dayOk !== monthOk) {
        const chosen = dayOk ? date.dayFirst : date.monthFirst;
        const agrees = convention === null ? '' : convention === (dayOk ? 'dmy' : 'mdy') ? '; agrees with the outlet’s convention' : '; against the outlet’s convention';
        const bounds = `between ${before ?? 'start'} and ${after ?? 'end'}`;
        return { ...chosen, reason: `${date.raw} ${chosen.reason}: only reading that fits the digest’s ${order} order (${bounds})${agrees}` };
      }
    }
    if (convention !== null) {
      const chosen = convention === 'dmy' ? date.dayFirst : date.monthFirst;
      return { ...chosen, reason: `${date.raw} ${chosen.reason}: the outlet writes ${convention === 'dmy' ? 'day-month' : 'month-day'}` };
    }
    const sep = date.raw.includes('/') ? date.monthFirst : date.dayFirst;
    return { ...sep, reason: `${date.raw} ${sep.reason}: guessed from the separator (no other evidence)` };
  });
}

type Order = 'newest-first' | 'oldest-first';

function digestOrder(values: ReadonlyArray<string | null>): Order | null {
  const known = values.filter((v): v is string => v !== null);
  let down = 0;
  let up = 0;
  for (let i = 1; i < known.length; i++) {
    if (known[i]! < known[i - 1]!) down++;
    else if (known[i]! > known[i - 1]!) up++;
  }
  if (down + up === 0) return null;
  if (down >= 0.8 * (down + up)) return 'newest-first';
  if (up >= 0.8 * (down + up)) return 'oldest-first';
  return null;
}

function nearest(values: ReadonlyArray<string | null>, from: number, step: number): string | null {
  for (let i = from + step; i >= 0 && i < values.length; i += step) if (values[i]) return values[i]!;
  return null;
}

function fitsOrder(value: string, before: string | null, after: string | null, order: Order): boolean {
  const [newer, older] = order === 'newest-first' ? [before, after] : [after, before];
  return (newer === null || value <= newer) && (older === null || value >= older);
}
