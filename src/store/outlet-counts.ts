import type { Store } from './open-store.js';

/** An outlet's article count and date range: outletSummaries (records-queries.ts) without its two heavy parts. */
export interface OutletCount {
  name: string;
  articles: number;
  firstDate: string | null;
  lastDate: string | null;
}

/** Outlets with their article counts and date ranges, most articles first. */
export async function outletCounts(db: Store): Promise<OutletCount[]> {
  const rows = await db
    .selectFrom('outlets as o')
    .innerJoin('articles as a', 'a.outlet_id', 'o.id')
    .select(['o.name', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.min<string | null>('a.date').as('first'), (eb) => eb.fn.max<string | null>('a.date').as('last')])
    .groupBy(['o.id', 'o.name'])
    .orderBy('n', 'desc')
    .orderBy('o.name')
    .execute();
  return rows.map((r) => ({ name: r.name, articles: Number(r.n), firstDate: r.first ?? null, lastDate: r.last ?? null }));
}
