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
  /** Where its headline ends in the text, as store/headline-span.ts reads it in SQL. */
  readonly headlineEnd: number;
  /** `length` characters from `start`: what substr(text, start + 1, length) gives. */
  cut(start: number, length: number): string;
}

/** UTF-16 halves of a character outside the BMP: where a JavaScript offset and an engine's character count part. */
const SURROGATE = /[\uD800-\uDFFF]/;

/**
 * The engines count characters (code points) where JavaScript counts UTF-16 units: a text with
 * an emoji is cut by its characters, so every piece is the one substr gave.
 */
function cutter(text: string): (start: number, length: number) => string {
  if (!SURROGATE.test(text)) return (start, length) => (length > 0 ? text.slice(start, start + length) : '');
  let chars: string[] | null = null;
  return (start, length) => {
    if (length <= 0) return '';
    chars ??= Array.from(text);
    return chars.slice(start, start + length).join('');
  };
}

function headlineEndOf(a: { text: string; title: string; body_start: number }): number {
  if (a.body_start > 0) return a.body_start;
  return a.title !== '' && a.text.startsWith(a.title) ? Array.from(a.title).length : 0;
}

/** Each of these articles' text, read once. */
export async function articleTextCuts(db: Db, articleIds: Iterable<string>): Promise<Map<string, ArticleTextCuts>> {
  const ids = [...new Set(articleIds)];
  const out = new Map<string, ArticleTextCuts>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db.selectFrom('articles').select(['id', 'date', 'title', 'text', 'body_start']).where('id', 'in', ids.slice(i, i + 500)).execute();
    for (const r of rows) out.set(r.id, { published: r.date, headlineEnd: headlineEndOf(r), cut: cutter(r.text) });
  }
  return out;
}
