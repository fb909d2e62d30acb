import * as chrono from 'chrono-node';
import type { DatePrecision, DateReading } from './raw-article.js';

/**
 * Reads a date field (a feed's <pubDate>, a JSONL "published_at", a front-matter "date")
 * into a calendar date at the precision the value supports. A date-time keeps the day as
 * written: "2020-03-31T23:30:00-05:00" is 31 March, the publisher's own day, not 1 April UTC.
 */

export type DateOutcome =
  | { readonly kind: 'read'; readonly reading: DateReading }
  | { readonly kind: 'unread'; readonly problem: string };

const MONTHS: readonly string[] = [
  'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december',
];

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ]\d{2}:\d{2})/;
const ISO_MONTH = /^(\d{4})-(\d{2})$/;
const YEAR = /^(\d{4})$/;
// RFC 822 as feeds write it: "Tue, 10 Jun 2003 04:00:00 GMT", sometimes "10 June 2003";
// with hyphens it is the wire's "14-MAR-1987 09:12:44.10".
const DAY_MONTH_YEAR = /^(?:[A-Za-z]{3,9},?\s*)?(\d{1,2})(?:\s+|-)([A-Za-z]{3,9})\.?(?:\s+|-)(\d{4}|\d{2})(?:\s|$)/;
const MONTH_YEAR = /^([A-Za-z]{3,9})\.?,?\s+(\d{4})$/;
const NUMERIC_DAY = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})(?:$|\s)/;

// chrono resolves nothing against this date: only components it marks certain are used.
const NO_REFERENCE = new Date(Date.UTC(2000, 0, 1));

type Form = readonly [RegExp, (m: RegExpExecArray, raw: string, reason: string) => DateOutcome | null];

// Tried in order; a form that matches but names no month ("10 Foo 2003") lets the next try.
const FORMS: readonly Form[] = [
  [ISO_DAY, (m, raw, reason) => calendar(raw, reason, +m[1]!, +m[2]!, +m[3]!)],
  [ISO_MONTH, (m, raw, reason) => calendar(raw, reason, +m[1]!, +m[2]!, null)],
  [YEAR, (m, raw, reason) => calendar(raw, reason, +m[1]!, null, null)],
  [DAY_MONTH_YEAR, (m, raw, reason) => withMonth(m[2]!, (month) => calendar(raw, reason, fullYear(m[3]!), month, +m[1]!))],
  [MONTH_YEAR, (m, raw, reason) => withMonth(m[1]!, (month) => calendar(raw, reason, +m[2]!, month, null))],
  [NUMERIC_DAY, (m, raw, reason) => numericDay(raw, reason, +m[1]!, +m[2]!, +m[3]!)],
];

/** `from` names where the value came from, as in `<pubDate>` or `field "date"`. */
export function readDate(raw: string, from: string): DateOutcome {
  const value = raw.trim().replace(/\s+/g, ' ');
  if (value === '') return unread('the date is empty');
  const reason = `from ${from}`;
  for (const [pattern, read] of FORMS) {
    const m = pattern.exec(value);
    const outcome = m === null ? null : read(m, raw, reason);
    if (outcome !== null) return outcome;
  }
  return fromChrono(raw, value, reason);
}

function withMonth(name: string, read: (month: number) => DateOutcome): DateOutcome | null {
  const month = monthNumber(name);
  return month === null ? null : read(month);
}

// "09.04.2020" is 9 April in Europe and 4 September in the US: only a part above 12 decides.
function numericDay(raw: string, reason: string, a: number, b: number, year: number): DateOutcome {
  if (a > 12) return calendar(raw, `${reason}, read as day-month`, year, b, a);
  if (b > 12 || a === b) return calendar(raw, `${reason}, read as month-day`, year, a, b);
  return unread(`"${raw.trim()}" could be day-month or month-day`);
}

function fromChrono(raw: string, value: string, reason: string): DateOutcome {
  const found = chrono.strict.parse(value, NO_REFERENCE)[0];
  if (!found) return unread(`"${value}" is not a date`);
  const start = found.start;
  if (!start.isCertain('year') || !start.isCertain('month')) {
    return unread(`"${value}" has no year, and no reference date is assumed`);
  }
  const day = start.isCertain('day') ? start.get('day') : null;
  return calendar(raw, `${reason}, free-form "${found.text}" read by chrono-node`, start.get('year')!, start.get('month')!, day);
}

function calendar(raw: string, reason: string, year: number, month: number | null, day: number | null): DateOutcome {
  if (month !== null && (month < 1 || month > 12)) return unread(`month ${month} does not exist`);
  if (month !== null && day !== null && (day < 1 || day > daysIn(year, month))) {
    return unread(`day ${day} does not exist in ${year}-${pad(month)}`);
  }
  const precision: DatePrecision = day !== null ? 'day' : month !== null ? 'month' : 'year';
  const value =
    precision === 'day' ? `${year}-${pad(month!)}-${pad(day!)}` : precision === 'month' ? `${year}-${pad(month!)}` : `${year}`;
  return { kind: 'read', reading: { value, precision, raw, reason } };
}

// "Feb", "February" and "Sept" name a month; "Febtember" and "Junk" do not.
function monthNumber(name: string): number | null {
  const lower = name.toLowerCase();
  if (lower === 'sept') return 9;
  const index = MONTHS.findIndex((month) => lower.length >= 3 && month.startsWith(lower));
  return index === -1 ? null : index + 1;
}

// RFC 822 allowed two-digit years; RFC 2822 reads 00-49 as 20xx and 50-99 as 19xx.
function fullYear(digits: string): number {
  const n = +digits;
  if (digits.length === 4) return n;
  return n < 50 ? 2000 + n : 1900 + n;
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function unread(problem: string): DateOutcome {
  return { kind: 'unread', problem };
}
