import type { TimeAttrs, TimePrecision } from '../text/document.js';
import { addDays, compareDays, type Day, type Dct, weekday } from './calendar.js';
import type { Point } from './point.js';
import { pointValue } from './point.js';
import type { Tense } from './tense.js';

/** What a rule's builder may read about the place where its pattern matched. */
export interface RuleContext {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly dct: Dct | null;
  /** The publication day, when known to the day. */
  readonly today: Day | null;
  tense(): Tense;
  /** The tense read only from the sentence's words at or after `offset`: the predicate of a subject that ends there. */
  tenseAfter(offset: number): Tense;
  /** Whether a past-tense verb stands among the few words right before the match ("collapsed in June"): that verb governs it. */
  pastVerbBefore(): boolean;
  /** The start of the sentence the match lies in. */
  readonly sentenceStart: number;
  /** The last date resolved earlier in the text (the narrative's current time). */
  reference(): Point | null;
  /** The same, only if it lies in this sentence or the one before. */
  nearReference(): Point | null;
  /** The last quarter the text named: earnings copy compares "the quarter" with "a year ago". */
  lastQuarter(): Point | null;
}

/** A rule's result: the TIMEX3 attributes, and the point a later relative expression may shift. */
export interface Built extends TimeAttrs {
  readonly point?: Point;
  /** False for comparisons ("a year earlier") that must not become the narrative's time. */
  readonly keepsReference?: boolean;
  /** Trims the matched extent when the pattern needed context it must not include. */
  readonly start?: number;
  readonly end?: number;
}

export function pointAttrs(p: Point, anchor: TimeAttrs['anchor'], reason: string, mod: string | null = null): Built {
  return { type: 'DATE', value: pointValue(p), precision: p.precision as TimePrecision, anchor, mod, reason, point: p };
}

export function plain(
  type: TimeAttrs['type'],
  value: string,
  precision: TimePrecision,
  reason: string,
  mod: string | null = null,
  anchor: TimeAttrs['anchor'] = 'none',
): Built {
  return { type, value, precision, anchor, mod, reason };
}

/**
 * The day with ISO weekday `wd` nearest `today` in the direction the tense points: on or
 * before it in past and present clauses (news reports what happened), on or after it in
 * future ones.
 */
export function resolveWeekday(today: Day, wd: number, direction: 'before' | 'after' | 'strictly-before' | 'strictly-after'): Day {
  const diff = wd - weekday(today);
  switch (direction) {
    case 'before':
      return addDays(today, diff <= 0 ? diff : diff - 7);
    case 'strictly-before':
      return addDays(today, diff < 0 ? diff : diff - 7);
    case 'after':
      return addDays(today, diff >= 0 ? diff : diff + 7);
    case 'strictly-after':
      return addDays(today, diff > 0 ? diff : diff + 7);
  }
}

/**
 * The year of a month (and day) given without one: the DCT's year, moved back a year when a
 * past-tense clause names a later date, forward when a future one names an earlier date,
 * and otherwise the candidate nearest the DCT.
 */
export function resolveYear(dct: Dct, m: number, d: number | null, tense: Tense): number {
  if (dct.m === null) return dct.y;
  const today: Day = { y: dct.y, m: dct.m, d: dct.d ?? 15 };
  const at = (y: number): Day => ({ y, m, d: d ?? (tense === 'past' ? 1 : 28) });
  const sameYear = at(dct.y);
  const cmp = d === null ? (m - dct.m) * 31 : compareDays(sameYear, today);
  // A day named in a past-tense clause a few weeks after the DCT is mostly a deadline or a
  // payment date ("asked it to respond by Oct. 31"), not last year's: only a month's name
  // moves at once, a day only when it is two months or more away.
  const slack = d === null ? 0 : 60 * 86_400_000;
  if (tense === 'past') return cmp > slack ? dct.y - 1 : dct.y;
  if (tense === 'future') return cmp < -slack ? dct.y + 1 : dct.y;
  // No tense: the nearest of last year, this year and next year.
  const distance = (y: number): number => Math.abs(compareDays(at(y), today));
  let best = dct.y;
  for (const y of [dct.y - 1, dct.y + 1]) if (distance(y) < distance(best) - 45 * 86_400_000) best = y;
  return best;
}
