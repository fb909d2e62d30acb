import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * An article's stored text, read once for a query's rows, and the pieces they point at. Cutting
 * each row's sentence out in SQL (`substr(a.text, e.start + 1, …)`) made the engine read the
 * whole text for every row: an article telling one event in 800 like sentences read its 70 kB
 * text 800 times for each of its mentions' candidates, and linking it took minutes (issue 20).
 */
export interface ArticleTextCuts {
  readonly published: string | null;
  /** Where its headline ends in the text, as store/headline-span.ts reads it in SQL (but in UTF-16 units). */
  readonly headlineEnd: number;
  /**
   * `length` UTF-16 units from `start`, as every stored offset counts them (the analysed text is
   * a JavaScript string). The engines' substr counts characters: past an emoji it cut every
   * sentence one character late ("truck" for "struck").
   */
  cut(start: number, length: number): string;
}

function headlineEndOf(a: { text: string; title: string; body_start: number }): number {
  if (a.body_start > 0) return a.body_start;
  return a.title !== '' && a.text.startsWith(a.title) ? a.title.length : 0;
}

/** Each of these articles' text, read once. */
export async function articleTextCuts(db: Db, articleIds: Iterable<string>): Promise<Map<string, ArticleTextCuts>> {
  const ids = [...new Set(articleIds)];
  const out = new Map<string, ArticleTextCuts>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db.selectFrom('articles').select(['id', 'date', 'title', 'text', 'body_start']).where('id', 'in', ids.slice(i, i + 500)).execute();
    for (const r of rows) {
      const text = r.text;
      out.set(r.id, { published: r.date, headlineEnd: headlineEndOf(r), cut: (start, length) => (length > 0 ? text.slice(start, start + length) : '') });
    }
  }
  return out;
}
