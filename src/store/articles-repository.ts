import { sql } from 'kysely';
import { dialectOf, nullsAsSqlite } from './dialect.js';
import type { Store } from './open-store.js';
import { badSearchQuery, parseBoundedSearch, type SearchNode, toFts5Match, toTsQuery } from './search-query.js';

export interface ArticleSummary {
  id: string;
  title: string;
  outlet: string | null;
  author: string | null;
  date: string | null;
  datePrecision: string | null;
  dateReason: string | null;
  url: string | null;
  source: { file: string; startLine: number; endLine: number; startByte: number; endByte: number; reader: string };
}

export interface ArticleDetail extends ArticleSummary {
  /** The headline, a blank line and the body: every offset of the article's annotations is into it. */
  text: string;
  /** Where the body starts in `text`; what comes before is the headline (0: none was put there). */
  bodyStart: number;
  authorBio: string | null;
  paragraphs: string[];
  repeatedPassages: Array<{ text: string; start: number; end: number; otherArticleId: string; otherText: string; similarity: number; kind: string }>;
}

export interface ArticleFilter {
  outlet?: string;
  author?: string;
  from?: string;
  to?: string;
  sort?: 'date' | '-date' | 'title' | 'outlet';
  limit?: number;
}

function baseQuery(db: Store) {
  return db
    .selectFrom('articles')
    .leftJoin('outlets', 'outlets.id', 'articles.outlet_id')
    .leftJoin('authors', 'authors.id', 'articles.author_id')
    .select([
      'articles.id', 'articles.title', 'outlets.name as outlet', 'authors.name as author', 'articles.date', 'articles.date_precision',
      'articles.date_reason', 'articles.url', 'articles.source_file', 'articles.start_line', 'articles.end_line', 'articles.start_byte',
      'articles.end_byte', 'articles.reader',
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

const toSummary = (r: Row): ArticleSummary => ({
  id: r.id,
  title: r.title,
  outlet: r.outlet,
  author: r.author,
  date: r.date,
  datePrecision: r.date_precision,
  dateReason: r.date_reason,
  url: r.url,
  source: { file: r.source_file, startLine: r.start_line, endLine: r.end_line, startByte: r.start_byte, endByte: r.end_byte, reader: r.reader },
});

export async function findArticles(db: Store, f: ArticleFilter): Promise<ArticleSummary[]> {
  let q = baseQuery(db);
  if (f.outlet) q = q.where(sql<string>`lower(outlets.name)`, 'like', `%${f.outlet.toLowerCase()}%`);
  if (f.author) q = q.where(sql<string>`lower(authors.name)`, 'like', `%${f.author.toLowerCase()}%`);
  if (f.from) q = q.where('articles.date', '>=', f.from);
  if (f.to) q = q.where('articles.date', '<=', `${f.to}\uffff`);
  const sort = f.sort ?? '-date';
  if (sort === 'title') q = q.orderBy('articles.title');
  else if (sort === 'outlet') q = q.orderBy('outlets.name', nullsAsSqlite('asc')).orderBy('articles.date', nullsAsSqlite('desc'));
  else q = q.orderBy('articles.date', nullsAsSqlite(sort === 'date' ? 'asc' : 'desc')).orderBy('articles.source_file').orderBy('articles.start_line');
  if (f.limit !== undefined) q = q.limit(f.limit);
  return (await q.execute()).map(toSummary);
}

/** How many articles findArticles would list under these filters (the same conditions, no sort). */
export async function countArticles(db: Store, f: Omit<ArticleFilter, 'sort' | 'limit'>): Promise<number> {
  let q = db.selectFrom('articles');
  if (f.outlet) {
    const like = `%${f.outlet.toLowerCase()}%`;
    q = q.where('articles.outlet_id', 'in', db.selectFrom('outlets').select('outlets.id').where(sql<string>`lower(outlets.name)`, 'like', like));
  }
  if (f.author) {
    const like = `%${f.author.toLowerCase()}%`;
    q = q.where('articles.author_id', 'in', db.selectFrom('authors').select('authors.id').where(sql<string>`lower(authors.name)`, 'like', like));
  }
  if (f.from) q = q.where('articles.date', '>=', f.from);
  if (f.to) q = q.where('articles.date', '<=', `${f.to}\uffff`);
  const row = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function getArticle(db: Store, id: string): Promise<ArticleDetail | null> {
  const row = await baseQuery(db).select(['articles.text', 'articles.body_start', 'articles.author_bio']).where('articles.id', '=', id).executeTakeFirst();
  if (!row) return null;
  const paragraphs = await db.selectFrom('paragraphs').select(['start', 'end']).where('article_id', '=', id).orderBy('idx').execute();
  const links = await db
    .selectFrom('repeats')
    .innerJoin('passages as mine', 'mine.id', 'repeats.passage_id')
    .innerJoin('passages as theirs', 'theirs.id', 'repeats.other_passage_id')
    .select(['mine.article_id as a', 'mine.start as aStart', 'mine.end as aEnd', 'theirs.article_id as b', 'theirs.start as bStart', 'theirs.end as bEnd', 'repeats.similarity', 'repeats.kind'])
    .where((eb) => eb.or([eb('mine.article_id', '=', id), eb('theirs.article_id', '=', id)]))
    .execute();
  const repeatedPassages: ArticleDetail['repeatedPassages'] = [];
  for (const l of links) {
    const mineFirst = l.a === id;
    const [start, end, other, oStart, oEnd] = mineFirst ? [l.aStart, l.aEnd, l.b, l.bStart, l.bEnd] : [l.bStart, l.bEnd, l.a, l.aStart, l.aEnd];
    const otherRow = await db.selectFrom('articles').select(sql<string>`substr(text, ${oStart + 1}, ${oEnd - oStart})`.as('t')).where('id', '=', other).executeTakeFirst();
    repeatedPassages.push({ text: row.text.slice(start, end), start, end, otherArticleId: other, otherText: otherRow?.t ?? '', similarity: l.similarity, kind: l.kind });
  }
  repeatedPassages.sort((x, y) => x.start - y.start);
  return { ...toSummary(row), text: row.text, bodyStart: row.body_start, authorBio: row.author_bio, paragraphs: paragraphs.map((p) => row.text.slice(p.start, p.end)), repeatedPassages };
}

export interface SearchHit {
  id: string;
  title: string;
  outlet: string | null;
  date: string | null;
  score: number;
  snippet: string;
}

/**
 * Ranked full-text search, best first (lower score is better on both engines). The query is
 * parsed and bounded first (search-query.ts: a UsageError when it asks too much). SQLite: FTS5
 * with bm25, given only what the parser read, term by term quoted. PostgreSQL: the same
 * query as a tsquery (search-query.ts), ts_rank with the title weighted 5:1 over the text, and
 * ts_headline for a snippet marked with [ and ] like FTS5's.
 */
export async function searchArticles(db: Store, query: string, limit: number): Promise<SearchHit[]> {
  const node = parseBoundedSearch(query);
  if (!node) return [];
  if (dialectOf(db) === 'postgres') return searchPostgres(db, node, limit);
  const match = toFts5Match(node);
  const result = await sql<SearchHit>`
    SELECT a.id, a.title, o.name AS outlet, a.date, bm25(articles_fts, 5.0, 1.0) AS score,
           snippet(articles_fts, 1, '[', ']', '…', 12) AS snippet
    FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid LEFT JOIN outlets o ON o.id = a.outlet_id
    WHERE articles_fts MATCH ${match} ORDER BY score LIMIT ${limit}`
    .execute(db)
    .catch((error: Error & { code?: string }) => {
      // What the parser let through and FTS5 still refuses (SQLITE_ERROR) is the query's fault, not the store's.
      // The engine's own wording ("fts5: syntax error near …") means nothing to a reader: say what to change.
      throw error.code === 'SQLITE_ERROR'
        ? badSearchQuery(query, 'the search could not read it; remove quotes, brackets and symbols other than * at a word\'s end, and try again')
        : error;
    });
  return result.rows;
}

/** Weights of D, C, B, A: the text (B) counts a fifth of the title (A), as bm25(5.0, 1.0) weighs them. */
const RANK_WEIGHTS = sql.lit('{0, 0, 0.2, 1.0}');
const HEADLINE = sql.lit('StartSel=[, StopSel=], MinWords=6, MaxWords=12, ShortWord=0, MaxFragments=1, FragmentDelimiter=" … "');

async function searchPostgres(db: Store, node: SearchNode, limit: number): Promise<SearchHit[]> {
  // Ranked and cut first, so that ts_headline (which re-reads the text) runs for the page only.
  const result = await sql<SearchHit & { text: string }>`
    WITH q AS (SELECT ${toTsQuery(node)} AS query),
    hits AS (
      SELECT f.article_id, -ts_rank(${RANK_WEIGHTS}::float4[], f.document, q.query) AS score
      FROM articles_fts f, q WHERE f.document @@ q.query ORDER BY score, f.article_id LIMIT ${limit})
    SELECT a.id, a.title, o.name AS outlet, a.date, h.score, a.text,
           ts_headline('simple', a.text, q.query, ${HEADLINE}) AS snippet
    FROM hits h CROSS JOIN q JOIN articles a ON a.id = h.article_id LEFT JOIN outlets o ON o.id = a.outlet_id
    ORDER BY h.score, h.article_id`.execute(db);
  return result.rows.map(({ text, ...hit }) => ({ ...hit, snippet: withEllipses(text, hit.snippet) }));
}

/**
 * Makes ts_headline's snippet read like FTS5's: "…" where the text was cut, and one mark around
 * adjacent matched words ("[air defense]", not "[air] [defense]").
 */
function withEllipses(text: string, snippet: string): string {
  const plain = snippet.replace(/[[\]]/g, '').trim();
  const head = text.trimStart().startsWith(plain.slice(0, 40)) ? '' : '…';
  const tail = text.trimEnd().endsWith(plain.slice(-40)) ? '' : '…';
  return `${head}${snippet.trim().replace(/\] \[/g, ' ')}${tail}`;
}

export interface StoreStats {
  articles: number;
  outlets: number;
  authors: number;
  repeatedPassages: number;
  entityMentions: number;
  actors: number;
  placeMentions: number;
  timeMentions: number;
  events: number;
  quotes: number;
  firstDate: string | null;
  lastDate: string | null;
  byReader: Record<string, number>;
}

export async function storeStats(db: Store): Promise<StoreStats> {
  const count = async (t: 'articles' | 'outlets' | 'authors' | 'repeats' | 'entity_mentions' | 'place_mentions' | 'time_mentions' | 'events' | 'quotes'): Promise<number> =>
    Number((await db.selectFrom(t).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const range = await db.selectFrom('articles').select((eb) => [eb.fn.min('date').as('first'), eb.fn.max('date').as('last')]).executeTakeFirstOrThrow();
  const readers = await db.selectFrom('articles').select(['reader', (eb) => eb.fn.countAll().as('n')]).groupBy('reader').execute();
  return {
    articles: await count('articles'),
    outlets: await count('outlets'),
    authors: await count('authors'),
    repeatedPassages: await count('repeats'),
    entityMentions: await count('entity_mentions'),
    actors: Number((await db.selectFrom('entity_mentions').select((eb) => eb.fn.count('actor_id').distinct().as('n')).executeTakeFirstOrThrow()).n),
    placeMentions: await count('place_mentions'),
    timeMentions: await count('time_mentions'),
    events: await count('events'),
    quotes: await count('quotes'),
    firstDate: range.first,
    lastDate: range.last,
    byReader: Object.fromEntries(readers.map((r) => [r.reader, Number(r.n)])),
  };
}
