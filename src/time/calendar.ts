/**
 * Calendar arithmetic for TIMEX3 values, on proleptic Gregorian UTC dates, and the value
 * strings themselves ("2020-05-04", "2020-W18", "2020-Q2").
 */

export interface Day {
  readonly y: number;
  readonly m: number;
  readonly d: number;
}

/** The reference date: the publication date, as precise as it is known. */
export interface Dct {
  readonly y: number;
  readonly m: number | null;
  readonly d: number | null;
}

/** "2020-05-05", "2020-05-05T14:30", "2020-05", "2020" → a Dct; anything else → null. */
export function parseDct(published: string | null): Dct | null {
  if (published === null) return null;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(published.trim());
  if (m === null) return null;
  const y = Number(m[1]);
  const month = m[2] === undefined ? null : Number(m[2]);
  const day = m[3] === undefined ? null : Number(m[3]);
  if (month !== null && (month < 1 || month > 12)) return { y, m: null, d: null };
  return { y, m: month, d: day };
}

export function dctDay(dct: Dct | null): Day | null {
  if (dct === null || dct.m === null || dct.d === null) return null;
  return { y: dct.y, m: dct.m, d: dct.d };
}

function toUtc(day: Day): number {
  const t = new Date(0);
  t.setUTCFullYear(day.y, day.m - 1, day.d);
  return t.getTime();
}

function fromUtc(ms: number): Day {
  const t = new Date(ms);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

export function addDays(day: Day, n: number): Day {
  return fromUtc(toUtc(day) + n * 86_400_000);
}

/** Month arithmetic on (year, month), day dropped. */
export function addMonths(y: number, m: number, n: number): { y: number; m: number } {
  const index = y * 12 + (m - 1) + n;
  return { y: Math.floor(index / 12), m: (index % 12) + 1 };
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function weekday(day: Day): number {
  const w = new Date(toUtc(day)).getUTCDay();
  return w === 0 ? 7 : w;
}

export function compareDays(a: Day, b: Day): number {
  return toUtc(a) - toUtc(b);
}

export function isoWeek(day: Day): { y: number; w: number } {
  const thursday = addDays(day, 4 - weekday(day));
  const jan1 = { y: thursday.y, m: 1, d: 1 };
  const w = Math.floor((toUtc(thursday) - toUtc(jan1)) / 86_400_000 / 7) + 1;
  return { y: thursday.y, w };
}

export function validDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || d > 31) return false;
  const back = fromUtc(toUtc({ y, m, d }));
  return back.m === m && back.d === d;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

export function yearValue(y: number): string {
  return pad(y, 4);
}

export function monthValue(y: number, m: number): string {
  return `${pad(y, 4)}-${pad(m)}`;
}

export function dayValue(day: Day): string {
  return `${pad(day.y, 4)}-${pad(day.m)}-${pad(day.d)}`;
}

export function weekValue(day: Day): string {
  const { y, w } = isoWeek(day);
  return `${pad(y, 4)}-W${pad(w)}`;
}

export function quarterOf(m: number): number {
  return Math.floor((m - 1) / 3) + 1;
}

export function quarterValue(y: number, q: number): string {
  return `${pad(y, 4)}-Q${q}`;
}

export function timeValue(day: Day, hour: number, minute: number | null): string {
  return `${dayValue(day)}T${pad(hour)}${minute === null ? ':00' : `:${pad(minute)}`}`;
}
