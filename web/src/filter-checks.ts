/**
 * The filter values a person types or edits in the URL, checked before any request: a bad one
 * is marked on its field with what to type instead, and the page loads without it. The server
 * checks them again (its zod schemas are the authority; a 400 it still answers is shown the
 * same way, see router.ts); checking here first spares the browser a logged 400.
 */

/** A filter's value: null when fine, else what is wrong and what to type. */
export type FilterCheck = (value: string) => string | null;

const isCalendarDate = (v: string): boolean => {
  const [y, m, d] = v.split('-').map(Number);
  if (m !== undefined && (m < 1 || m > 12)) return false;
  if (d === undefined) return true;
  return d >= 1 && d <= new Date(Date.UTC(y!, m!, 0)).getUTCDate();
};

const date: FilterCheck = (v) =>
  !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(v) ? 'expected a date as YYYY, YYYY-MM or YYYY-MM-DD, such as 2020-01-03' : isCalendarDate(v) ? null : 'not a day of the calendar';

const between =
  (min: number, max: number, integer: boolean): FilterCheck =>
  (v) => {
    const n = Number(v);
    if (v.trim() === '' || !Number.isFinite(n) || (integer && !Number.isInteger(n))) return `expected ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}`;
    return n < min || n > max ? `expected ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}` : null;
  };

const words =
  (max: number): FilterCheck =>
  (v) =>
    v.length > max ? `at most ${max} characters (this is ${v.length}); shorten it` : null;

export const FILTER_CHECKS: Readonly<Record<string, FilterCheck>> = {
  from: date,
  to: date,
  offset: between(0, 1_000_000_000, true),
  minIndependent: between(1, 10_000, true),
  minConfidence: between(0, 1, false),
  threshold: between(0, 1, false),
  country: (v) => (/^[A-Za-z]{3}$/.test(v) ? null : 'expected a three-letter country code such as IRQ'),
  q: words(200),
  name: words(200),
  actor: words(200),
  place: words(200),
  outlet: words(200),
  author: words(200),
  speaker: words(200),
  about: words(200),
};

export interface InvalidFilter {
  readonly value: string;
  readonly message: string;
}

/** The query without its bad filters, and the bad ones with what is wrong with each. */
export function checkQuery(query: URLSearchParams, checks: Readonly<Record<string, FilterCheck>> = FILTER_CHECKS): { valid: URLSearchParams; invalid: Map<string, InvalidFilter> } {
  const valid = new URLSearchParams();
  const invalid = new Map<string, InvalidFilter>();
  for (const [name, value] of query) {
    const problem = checks[name]?.(value) ?? null;
    if (problem) invalid.set(name, { value, message: problem });
    else valid.append(name, value);
  }
  return { valid, invalid };
}

/**
 * The query parameters a 400 of the API names ('query parameter "from": not a calendar date'),
 * each with its complaint: the same marking for what only the server could check.
 */
export function invalidFromServer(message: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of message.matchAll(/query parameter "([^"]+)": ([^;]+)/g)) out.set(m[1]!, m[2]!.trim());
  return out;
}
