import { addDays, addMonths, type Day, dayValue, isoWeek, monthValue, quarterValue, yearValue } from './calendar.js';
import type { Unit } from './vocabulary.js';

/**
 * A calendar point at some granularity: what a resolved date means, kept so that a later
 * "two days later" or "a year earlier" can shift it (narrative anchoring).
 */
export type Point =
  | { readonly precision: 'year'; readonly y: number }
  | { readonly precision: 'half'; readonly y: number; readonly n: number }
  | { readonly precision: 'quarter'; readonly y: number; readonly n: number }
  | { readonly precision: 'month'; readonly y: number; readonly m: number }
  | { readonly precision: 'week'; readonly y: number; readonly n: number; readonly day: Day }
  | { readonly precision: 'day'; readonly y: number; readonly day: Day };

export function dayPoint(day: Day): Point {
  return { precision: 'day', y: day.y, day };
}

export function weekPoint(day: Day): Point {
  const { y, w } = isoWeek(day);
  return { precision: 'week', y, n: w, day };
}

export function pointValue(p: Point): string {
  switch (p.precision) {
    case 'year':
      return yearValue(p.y);
    case 'half':
      return `${yearValue(p.y)}-H${p.n}`;
    case 'quarter':
      return quarterValue(p.y, p.n);
    case 'month':
      return monthValue(p.y, p.m);
    case 'week':
      return `${yearValue(p.y)}-W${String(p.n).padStart(2, '0')}`;
    case 'day':
      return dayValue(p.day);
  }
}

/** `p` moved by `n` units (negative: earlier), at p's own granularity where it can be. */
export function shiftPoint(p: Point, n: number, unit: Unit): Point {
  const months = unit === 'month' ? n : unit === 'quarter' ? 3 * n : unit === 'year' ? 12 * n : unit === 'decade' ? 120 * n : null;
  const days = unit === 'day' ? n : unit === 'week' ? 7 * n : unit === 'weekend' ? 7 * n : null;
  switch (p.precision) {
    case 'year':
      return months !== null && months % 12 === 0 ? { precision: 'year', y: p.y + months / 12 } : p;
    case 'half':
      if (months === null || months % 6 !== 0) return p;
      return halfFromIndex(p.y * 2 + (p.n - 1) + months / 6);
    case 'quarter':
      if (months === null || months % 3 !== 0) return p;
      return quarterFromIndex(p.y * 4 + (p.n - 1) + months / 3);
    case 'month': {
      if (months === null) return p;
      const moved = addMonths(p.y, p.m, months);
      return { precision: 'month', y: moved.y, m: moved.m };
    }
    case 'week': {
      if (days !== null) return weekPoint(addDays(p.day, days));
      if (months !== null) return weekPoint(shiftDayByMonths(p.day, months));
      return p;
    }
    case 'day': {
      if (days !== null) return dayPoint(addDays(p.day, days));
      if (months !== null) return dayPoint(shiftDayByMonths(p.day, months));
      return p;
    }
  }
}

function halfFromIndex(index: number): Point {
  return { precision: 'half', y: Math.floor(index / 2), n: (index % 2) + 1 };
}

function quarterFromIndex(index: number): Point {
  return { precision: 'quarter', y: Math.floor(index / 4), n: (index % 4) + 1 };
}

function shiftDayByMonths(day: Day, months: number): Day {
  const moved = addMonths(day.y, day.m, months);
  // 31 March minus one month is the last day of February, not 3 March.
  const lastDay = addDays({ y: addMonths(moved.y, moved.m, 1).y, m: addMonths(moved.y, moved.m, 1).m, d: 1 }, -1).d;
  return { y: moved.y, m: moved.m, d: Math.min(day.d, lastDay) };
}

/** Granularity of a unit as a point precision ("two weeks ago" → a week). */
export function unitPrecision(unit: Unit): Point['precision'] {
  switch (unit) {
    case 'second':
    case 'minute':
    case 'hour':
    case 'day':
      return 'day';
    case 'week':
    case 'weekend':
      return 'week';
    case 'month':
      return 'month';
    case 'quarter':
      return 'quarter';
    default:
      return 'year';
  }
}

/** A day point coarsened to `precision`. */
export function coarsen(day: Day, precision: Point['precision']): Point {
  switch (precision) {
    case 'year':
      return { precision: 'year', y: day.y };
    case 'half':
      return { precision: 'half', y: day.y, n: day.m <= 6 ? 1 : 2 };
    case 'quarter':
      return { precision: 'quarter', y: day.y, n: Math.floor((day.m - 1) / 3) + 1 };
    case 'month':
      return { precision: 'month', y: day.y, m: day.m };
    case 'week':
      return weekPoint(day);
    case 'day':
      return dayPoint(day);
  }
}
