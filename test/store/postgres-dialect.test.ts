import { createServer } from 'node:net';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { needsWhen } from '../support/prerequisites.js';
import { searchArticles, storeStats } from '../../src/store/articles-repository.js';
import { dialectOf, lockRecordLinking } from '../../src/store/dialect.js';
import { countEvents } from '../../src/store/events-queries.js';
import { countActors, findActors, timeline } from '../../src/store/mentions-queries.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import { freshPostgresDatabase, freshSqliteTarget, testPostgresUrl } from '../support/test-store.js';

// Real PostgreSQL behaviour, next to the SQLite store it must match. Runs in both passes of the
// suite; without a test cluster (PostgreSQL not installed, outside CI) it is skipped.

type Row = { id: string; title: string; text: string; date: string | null; outlet?: string };

const ARTICLES: Row[] = [
  { id: 'body', title: 'Harbour report', text: 'Cranes were idle at the northern quay of Saltmere while the quay workers waited for parts.', date: '2024-06-02' },
  { id: 'title', title: 'Northern quay reopens', text: 'The port of Saltmere reopened a berth on Monday after repairs.', date: '2024-06-03' },
  { id: 'apart', title: 'Ferry timetable', text: 'The quay at the northern end of the bay stays shut for the ferry.', date: null },
  { id: 'other', title: 'Grain prices', text: 'Wheat rose in Elmridge; the market closed early on Friday.', date: '2024-05-30' },
];

async function fill(db: Store): Promise<void> {
  const outlet = await db.insertInto('outlets').values({ key: 'example wire', name: 'Example Wire' }).returning('id').executeTakeFirstOrThrow();
  for (const [i, a] of ARTICLES.entries()) {
    await db
      .insertInto('articles')
      .values({ ...a, outlet_id: outlet.id, author_id: null, date_precision: a.date ? 'day' : null, date_reason: null, url: null, author_bio: null, content_hash: a.id, extra: '{}', source_file: 'fixture.txt', start_line: i * 10 + 1, end_line: i * 10 + 5, start_byte: 0, end_byte: 1, reader: 'text', ingested_at: '2024-06-04T00:00:00Z' })
      .execute();
  }
  await db
    .insertInto('time_mentions')
    .values([
      { article_id: 'title', idx: 0, start: 53, end: 59, text: 'Monday', type: 'DATE', value: '2024-06-03', precision: 'day', anchor: 'published', mod: null, reason: 'weekday' },
      { article_id: 'body', idx: 0, start: 0, end: 6, text: 'Cranes', type: 'DATE', value: '2024-06-01', precision: 'day', anchor: 'published', mod: null, reason: 'test' },
    ])
    .execute();
}

async function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 1));
    });
  });
}

const pgUrl = testPostgresUrl();

describe('the PostgreSQL store', needsWhen(Boolean(pgUrl), 'no PostgreSQL test cluster (apt-get install postgresql)'), () => {
  let pg: Store;
  let lite: Store;
  beforeAll(async () => {
    pg = await openStore(await freshPostgresDatabase('dialect'));
    lite = await openStore(freshSqliteTarget('dialect'));
    await fill(pg);
    await fill(lite);
  });
  afterAll(async () => {
    await pg?.destroy();
    await lite?.destroy();
  });

  it('is selected by the URL', () => {
    expect(dialectOf(pg)).toBe('postgres');
    expect(dialectOf(lite)).toBe('sqlite');
  });

  it('gets the same tables and columns from the same migrations', async () => {
    const shape = async (db: Store) =>
      Object.fromEntries(
        (await db.introspection.getTables())
          .filter((t) => !t.name.startsWith('articles_fts'))
          // insert_seq is PostgreSQL's stand-in for SQLite's rowid (the order articles came in).
          .map((t) => [t.name, t.columns.map((c) => c.name).filter((c) => c !== 'insert_seq').sort()]),
      );
    const onPg = await shape(pg);
    expect(Object.keys(onPg).length).toBeGreaterThan(15);
    expect(onPg).toEqual(await shape(lite));
  });

  it('gives text byte-wise collation, 8-byte floats, and 64-bit integers where needed', async () => {
    const columns = await sql<{ table_name: string; column_name: string; data_type: string; collation_name: string | null }>`
      SELECT table_name, column_name, data_type, collation_name FROM information_schema.columns
      WHERE table_schema = 'public' AND table_name NOT LIKE 'kysely%'`.execute(pg);
    const types = new Set(columns.rows.map((c) => c.data_type));
    expect([...types].sort()).toEqual(['bigint', 'double precision', 'integer', 'text', 'tsvector']);
    expect(columns.rows.filter((c) => c.data_type === 'text' && c.collation_name !== 'C')).toEqual([]);
    const big = 3 * 2 ** 32 + 123_456_789;
    await pg.insertInto('passages').values({ article_id: 'body', kind: 'paragraph', start: 0, end: 5, exact_hash: 'h', word_count: 1, shingle_count: 1, figures: '', signature: '' }).execute();
    const passage = await pg.selectFrom('passages').select('id').executeTakeFirstOrThrow();
    await pg.insertInto('passage_bands').values({ band_key: big, passage_id: passage.id }).execute();
    expect(await pg.selectFrom('passage_bands').select('band_key').executeTakeFirstOrThrow()).toEqual({ band_key: big });
  });

  it('returns counts as numbers, as SQLite does', async () => {
    const stats = await storeStats(pg);
    expect(stats).toEqual(await storeStats(lite));
    expect(typeof stats.articles).toBe('number');
    expect(stats.articles).toBe(ARTICLES.length);
    expect(typeof (await countEvents(pg))).toBe('number');
    expect(await countActors(pg)).toBe(0);
    const raw = await pg.selectFrom('articles').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect(raw.n).toBe(ARTICLES.length);
  });

  it('finds a phrase with tsvector/tsquery, title hits first, snippets marked like FTS5', async () => {
    const hits = await searchArticles(pg, '"northern quay"', 10);
    // "apart" has both words, not as a phrase.
    expect(hits.map((h) => h.id)).toEqual(['title', 'body']);
    expect(hits.map((h) => h.id)).toEqual((await searchArticles(lite, '"northern quay"', 10)).map((h) => h.id));
    expect(hits[0]!.score).toBeLessThan(hits[1]!.score);
    expect(hits[1]!.snippet).toMatch(/^…?Cranes were idle at the \[northern quay\] of Saltmere/);
    expect((await searchArticles(lite, '"northern quay"', 10))[1]!.snippet).toMatch(/\[northern quay\] of Saltmere/);
    expect(hits[0]).toMatchObject({ title: 'Northern quay reopens', outlet: 'Example Wire', date: '2024-06-03' });
  });

  it('accepts the same query syntax as the SQLite search', async () => {
    const ids = async (db: Store, q: string) => (await searchArticles(db, q, 10)).map((h) => h.id).sort();
    for (const q of ['quay', 'northern quay', 'quay NOT ferry', 'wheat OR ferry', 'saltm*', '(grain OR ferry) AND timetable', 'NEAR(quay workers)', 'Elmridge;']) {
      expect(await ids(pg, q), q).toEqual(await ids(lite, q));
    }
    expect(await ids(pg, 'saltm*')).toEqual(['body', 'title']);
    for (const bad of ['"northern quay', '(quay OR ferry', 'quay AND', 'OR quay']) {
      await expect(searchArticles(lite, bad, 10), bad).rejects.toThrow();
      await expect(searchArticles(pg, bad, 10), bad).rejects.toThrow(/^bad search query/);
    }
  });

  it('orders NULL dates and text as SQLite does', async () => {
    const { findArticles } = await import('../../src/store/articles-repository.js');
    for (const sort of ['date', '-date', 'title', 'outlet'] as const) {
      expect((await findArticles(pg, { sort })).map((a) => a.id), sort).toEqual((await findArticles(lite, { sort })).map((a) => a.id));
    }
    expect(await timeline(pg)).toEqual(await timeline(lite));
    expect(await findActors(pg)).toEqual([]);
  });

  it('serializes record linking across connections with an advisory lock', async () => {
    const order: string[] = [];
    let first!: () => void;
    const firstHolds = new Promise<void>((resolve) => {
      first = resolve;
    });
    const one = pg.transaction().execute(async (trx) => {
      await lockRecordLinking(trx);
      order.push('one locked');
      first();
      // Hold the lock until the second transaction is seen waiting for it.
      for (;;) {
        const waiting = await sql<{ n: number }>`SELECT count(*) AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`.execute(pg);
        if (waiting.rows[0]!.n > 0) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      order.push('one done');
    });
    await firstHolds;
    const two = pg.transaction().execute(async (trx) => {
      await lockRecordLinking(trx);
      order.push('two locked');
    });
    await Promise.all([one, two]);
    expect(order).toEqual(['one locked', 'one done', 'two locked']);
    await expect(lockRecordLinking(pg)).rejects.toThrow(/transaction/);
    await lite.transaction().execute((trx) => lockRecordLinking(trx));
  });

  it('names the server it cannot reach, without the password or a stack', async () => {
    const port = await closedPort();
    const error = await openStore(`postgres://dossier:s3cret@127.0.0.1:${port}/news`).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe(`cannot open the store at postgres://dossier@127.0.0.1:${port}/news: connect ECONNREFUSED 127.0.0.1:${port}`);
    const missing = new URL(pgUrl!);
    missing.pathname = '/dossier_no_such_db';
    await expect(openStore(missing.toString())).rejects.toThrow(/cannot open the store at postgres:\/\/postgres@127\.0\.0\.1:\d+\/dossier_no_such_db: database "dossier_no_such_db" does not exist/);
  });
});
