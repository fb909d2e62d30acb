import type { Span, TimeAttrs } from '../text/document.js';
import { addDays, type Day, dayValue, monthValue, validDay } from './calendar.js';
import type { Tense } from './tense.js';
import { MONTH, RANGE_LINK, RANGE_OPENER, WEEKDAY } from './vocabulary.js';

type Mention = Span & TimeAttrs;

/**
 * The two ends of a range are read together. Each end was first read alone against the
 * publication date, which can put them out of order:
 * - "from July 19 until August 20, 2019": the year written on one end is the other's too, so
 *   July 19 is 2019-07-19, not the year the publication date would give it.
 * - "From July 19 until August 20, the army...": two days of months with no year are one year's
 *   (or the end the next year's, "from December 20 to January 5"), whatever "until" made of the end.
 * - "from Monday to Wednesday": never a Wednesday before the Monday. In the past tense ("went on
 *   from Monday to Wednesday") the end stays and the start is the Monday before it; otherwise
 *   ("runs", "will run") the start stays and the end is the first Wednesday after it.
 * An end moved so is anchored on the other end ('narrative'). Pairs already in order, and
 * ends that are not dates to the month or the day, stay as they are.
 */
export function alignRanges(text: string, mentions: readonly Mention[], today: Day | null, tenseOf: (span: Span) => Tense): Mention[] {
  const out = [...mentions];
  for (let i = 0; i + 1 < out.length; i++) {
    const a = out[i]!;
    const b = out[i + 1]!;
    const link = text.slice(a.end, b.start);
    const dash = /^[-–—]$/.test(link);
    if (!RANGE_LINK.test(link) || (!dash && !RANGE_OPENER.test(text.slice(Math.max(0, a.start - 12), a.start)))) continue;
    const first = calendarDate(a);
    const last = calendarDate(b);
    if (first === null || last === null) continue;
    if (a.anchor === 'dct' && b.anchor === 'absolute' && namesMonth(text, a)) {
      out[i] = moved(a, withYear(first, last.y, (x) => compare(x, last) <= 0), `start of a range ending ${b.value}`);
    } else if (a.anchor === 'absolute' && b.anchor === 'dct' && namesMonth(text, b)) {
      out[i + 1] = moved(b, withYear(last, first.y, (x) => compare(x, first) >= 0), `end of a range from ${a.value}`);
    } else if (a.anchor === 'dct' && b.anchor === 'dct') {
      // In the past tense the end stays and the start moves before it; otherwise the start stays.
      const past = tenseOf(b) === 'past';
      if (monthDay(text, a) && monthDay(text, b)) {
        // "from July 19 until August 20": read alone, "until" may put the end in next year.
        if (past) {
          // A range told in the past tense has ended by the publication date.
          const end = today !== null && compare(last, today) > 0 ? { ...last, y: last.y - 1 } : last;
          out[i + 1] = moved(b, end, `end of a range told in the past tense`);
          out[i] = moved(a, withYear(first, end.y, (x) => compare(x, end) <= 0), `start of a range ending ${out[i + 1]!.value}`);
        } else out[i + 1] = moved(b, withYear(last, first.y, (x) => compare(x, first) >= 0), `end of a range from ${a.value}`);
      } else if (compare(last, first) < 0 && past) {
        const earlier = shiftedWeekday(text.slice(a.start, a.end), first, (x) => compare(x, last) <= 0, -1);
        if (earlier !== null) out[i] = moved(a, earlier, `start of a range ending ${b.value}`);
      } else if (compare(last, first) < 0) {
        const later = shiftedWeekday(text.slice(b.start, b.end), last, (x) => compare(x, first) >= 0, 1);
        if (later !== null) out[i + 1] = moved(b, later, `end of a range from ${a.value}`);
      }
    }
  }
  return out;
}

const MONTH_NAME = new RegExp(MONTH, 'u');
const WEEKDAY_ONLY = new RegExp(`^${WEEKDAY}$`, 'i');

// Only a month's date takes the other end's year: a weekday moved by a year is another weekday.
function namesMonth(text: string, t: Mention): boolean {
  return MONTH_NAME.test(text.slice(t.start, t.end));
}

// A month or a month's day whose year the text does not give ("July 19", "August").
function monthDay(text: string, t: Mention): boolean {
  return namesMonth(text, t) && !/\d{4}|year/i.test(text.slice(t.start, t.end));
}

interface CalendarDate {
  readonly y: number;
  readonly m: number;
  /** Null for a month ("July"). */
  readonly d: number | null;
}

function calendarDate(t: Mention): CalendarDate | null {
  if (t.type !== 'DATE' || t.mod !== null) return null;
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(t.value);
  if (m === null) return null;
  return { y: Number(m[1]), m: Number(m[2]), d: m[3] === undefined ? null : Number(m[3]) };
}

function compare(a: CalendarDate, b: CalendarDate): number {
  return a.y - b.y || a.m - b.m || (a.d === null || b.d === null ? 0 : a.d - b.d);
}

// The date in year `y`, or the year before or after when that one breaks the order.
function withYear(date: CalendarDate, y: number, inOrder: (x: CalendarDate) => boolean): CalendarDate {
  const same = { ...date, y };
  if (inOrder(same)) return same;
  const before = { ...date, y: y - 1 };
  return inOrder(before) ? before : { ...date, y: y + 1 };
}

// A weekday moved by weeks (direction +1 or -1) until it is in order.
function shiftedWeekday(surface: string, date: CalendarDate, inOrder: (x: CalendarDate) => boolean, direction: 1 | -1): CalendarDate | null {
  if (!WEEKDAY_ONLY.test(surface) || date.d === null) return null;
  let day: Day = { y: date.y, m: date.m, d: date.d };
  for (let n = 0; n < 2 && !inOrder(day); n++) day = addDays(day, 7 * direction);
  return inOrder(day) ? day : null;
}

function moved(t: Mention, date: CalendarDate, why: string): Mention {
  // February 29 moved to a year without it stays as it was read.
  if (date.d !== null && !validDay(date.y, date.m, date.d)) return t;
  const value = date.d === null ? monthValue(date.y, date.m) : dayValue({ y: date.y, m: date.m, d: date.d });
  if (value === t.value) return t;
  return Object.freeze({ ...t, value, anchor: 'narrative' as const, reason: `${t.reason}; ${why}` });
}
