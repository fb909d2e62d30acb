import type { Store } from './open-store.js';

/** What a list shows of an article: its title, outlet and date. */
export interface ArticleHead {
  readonly id: string;
  readonly title: string;
  readonly outlet: string | null;
  readonly date: string | null;
}

/** The heads of these articles by id, read in chunks so no query holds too many parameters. */
export async function articleHeads(db: Store, articleIds: readonly string[]): Promise<Map<string, ArticleHead>> {
  const out = new Map<string, ArticleHead>();
  for (let i = 0; i < articleIds.length; i += 500) {
    const rows = await db
      .selectFrom('articles as a')
      .leftJoin('outlets as o', 'o.id', 'a.outlet_id')
      .select(['a.id', 'a.title', 'a.date', 'o.name as outlet'])
      .where('a.id', 'in', articleIds.slice(i, i + 500))
      .execute();
    for (const a of rows) out.set(a.id, { id: a.id, title: a.title, outlet: a.outlet ?? null, date: a.date });
  }
  return out;
}
