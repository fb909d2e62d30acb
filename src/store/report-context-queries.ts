import type { Store } from './open-store.js';

export interface ReportContext {
  readonly title: string | null;
  readonly start: number;
  readonly end: number;
}

/** The article title and the evidence offsets of each event, so a record's reports can point into the reader. */
export async function reportContexts(db: Store, eventIds: readonly string[]): Promise<Map<string, ReportContext>> {
  if (eventIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('events as e')
    .innerJoin('articles as a', 'a.id', 'e.article_id')
    .select(['e.id', 'e.start', 'e.end', 'a.title'])
    .where('e.id', 'in', [...eventIds])
    .execute();
  return new Map(rows.map((r) => [r.id, { title: r.title, start: r.start, end: r.end }]));
}
