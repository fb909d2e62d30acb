/** Calendar values as the store writes them (YYYY, YYYY-MM, YYYY-MM-DD, with a time or not) to UTC days. DOM-free. */

const DAY = 86_400_000;

/** The first day a value covers, in ms since the epoch; null when it is not a calendar date. */
export function dayOf(value: string | null): number | null {
  if (!value) return null;
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(value);
  if (!m) return null;
  const t = Date.UTC(Number(m[1]), m[2] ? Number(m[2]) - 1 : 0, m[3] ? Number(m[3]) : 1);
  return Number.isNaN(t) ? null : t;
}

export const isoDay = (t: number): string => new Date(Math.floor(t / DAY) * DAY).toISOString().slice(0, 10);

/** Tick positions for a time window: a step in whole days, months or years that gives about `wanted` ticks. */
export function dayTicks(from: number, to: number, wanted = 8): number[] {
  const days = Math.max(1, (to - from) / DAY);
  const steps = [1, 2, 7, 14, 30, 61, 91, 182, 365, 730, 1826, 3652, 9131, 18262];
  const step = steps.find((s) => days / s <= wanted) ?? steps.at(-1)!;
  const out: number[] = [];
  const start = new Date(from);
  if (step >= 365) {
    const years = Math.round(step / 365.25);
    for (let y = Math.ceil(start.getUTCFullYear() / years) * years; Date.UTC(y, 0, 1) <= to; y += years) {
      if (Date.UTC(y, 0, 1) >= from) out.push(Date.UTC(y, 0, 1));
    }
    return out;
  }
  if (step >= 30) {
    const months = Math.round(step / 30.44);
    // Months counted from year 0, so the ticks fall on the same months whatever the window.
    let m = Math.ceil((start.getUTCFullYear() * 12 + start.getUTCMonth()) / months) * months;
    for (; Date.UTC(Math.floor(m / 12), m % 12, 1) <= to; m += months) {
      const t = Date.UTC(Math.floor(m / 12), m % 12, 1);
      if (t >= from) out.push(t);
    }
    return out;
  }
  for (let t = Math.ceil(from / DAY) * DAY; t <= to; t += step * DAY) out.push(t);
  return out;
}

export { DAY };

/**
 * The days a value covers, [first, end) in ms: a year-, season- or month-precision date ("2019",
 * "2020-03") is the whole year or month, a week seven days, a day one day. Null for no date.
 */
export function spanOf(value: string | null, precision: string | null): [number, number] | null {
  const m = value ? /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(value) : null;
  if (!m) return null;
  const y = Number(m[1]);
  if (!m[2]) return [Date.UTC(y, 0, 1), Date.UTC(y + 1, 0, 1)];
  const mo = Number(m[2]) - 1;
  if (!m[3] || precision === 'month') return [Date.UTC(y, mo, 1), Date.UTC(y, mo + 1, 1)];
  const d = Date.UTC(y, mo, Number(m[3]));
  return [d, d + (precision === 'week' ? 7 : 1) * DAY];
}
