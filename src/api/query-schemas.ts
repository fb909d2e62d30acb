import { z } from 'zod';

export const MAX_LIMIT = 500;
export const DEFAULT_LIMIT = 50;

/**
 * `?limit=` with nothing after it is a parameter left blank, not a zero: coerced as it stands
 * it was the number 0, an empty page that looked like an empty store.
 */
export const emptyAsMissing = (value: unknown): unknown => (value === '' ? undefined : value);

/** `limit` and `offset` of every list; the store functions have no offset, so routes slice (see paginate). */
export const PageQuery = z.object({
  limit: z.preprocess(emptyAsMissing, z.coerce.number().int().min(0).max(MAX_LIMIT).default(DEFAULT_LIMIT)).describe(`at most this many items (0..${MAX_LIMIT})`),
  offset: z.preprocess(emptyAsMissing, z.coerce.number().int().min(0).default(0)).describe('skip this many items'),
});

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), limit: z.number().int(), offset: z.number().int() });

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

/**
 * One page of a full result. The store's query functions take a limit but no offset and no
 * count, so a list route reads the whole filtered result and slices it here: `total` is exact,
 * at the cost of reading every match (fine at tens of thousands of rows).
 */
export function paginate<T>(all: readonly T[], page: { limit: number; offset: number }): Page<T> {
  return { items: all.slice(page.offset, page.offset + page.limit), total: all.length, limit: page.limit, offset: page.offset };
}

const isCalendarDate = (v: string): boolean => {
  const [y, m, d] = v.split('-').map(Number);
  if (m !== undefined && (m < 1 || m > 12)) return false;
  if (d === undefined) return true;
  const last = new Date(Date.UTC(y!, m!, 0)).getUTCDate();
  return d >= 1 && d <= last;
};

export const IsoDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected YYYY, YYYY-MM or YYYY-MM-DD')
  .refine(isCalendarDate, 'not a calendar date')
  .describe('YYYY, YYYY-MM or YYYY-MM-DD');

export const Confidence = z.coerce.number().min(0).max(1).describe('0..1');

/** A free-text filter: "contains", case-insensitive. */
export const Needle = z.string().trim().min(1).max(200);

/** `?all`, `?all=true`, `?all=1` include what an analyst rejected. */
export const Flag = z
  .enum(['', 'true', 'false', '1', '0'])
  .transform((v) => v !== 'false' && v !== '0')
  .describe('true or false');

export const MODALITIES = ['asserted', 'reported', 'claimed', 'denied', 'planned', 'conditional', 'hypothetical', 'negated'] as const;

export type BBox = readonly [number, number, number, number];

export const BBoxParam = z
  .string()
  .transform((v, ctx): BBox => {
    const parts = v.split(',').map((s) => (s.trim() === '' ? Number.NaN : Number(s)));
    const [minLon, minLat, maxLon, maxLat] = parts;
    const ok =
      parts.length === 4 &&
      parts.every(Number.isFinite) &&
      minLon! >= -180 && maxLon! <= 180 && minLat! >= -90 && maxLat! <= 90 &&
      minLon! <= maxLon! && minLat! <= maxLat!;
    if (!ok) {
      ctx.addIssue({ code: 'custom', message: 'expected minLon,minLat,maxLon,maxLat with -180≤lon≤180, -90≤lat≤90 and min ≤ max' });
      return z.NEVER;
    }
    return [minLon!, minLat!, maxLon!, maxLat!];
  })
  .describe('minLon,minLat,maxLon,maxLat');

export const IdParams = z.object({ id: z.string().min(1).max(300) });

/**
 * `?missing=null` on a route for one item: no such item is a 200 with null, not a 404. For a
 * client that expects stale ids (the web app following an old link), where a 404 would be
 * logged by the browser as an error although nothing went wrong.
 */
export const MissingQuery = z.object({
  missing: z.enum(['404', 'null']).default('404').describe('null: answer 200 with null when there is no such item, instead of 404'),
});
