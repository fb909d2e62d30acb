import { type Kysely, sql } from 'kysely';
import { dialectOf } from '../dialect.js';

// Frozen in time: imports nothing from src/ but the dialect test. Kysely<any> is the documented migration type.
//
// The headline became text: an article's analysed (and stored) text is now its headline, "\n\n"
// and its body, and every stored offset points into that text. `articles.body_start` says where
// the body starts. Articles stored before keep what their stages read, but their text gets the
// headline put in front and every offset of theirs moves by its length, so that each store holds
// one kind of text and a re-analysis finds the stored text equal to the one it makes. The
// headline itself carries no annotation until then (a new paragraphs stage version asks for it).
// Event and quote ids hash offsets relative to the body, so they stay what they were.

/** Offset columns of the tables holding spans into an article's text. */
const OFFSET_COLUMNS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['paragraphs', ['start', 'end']],
  ['passages', ['start', 'end']],
  ['entity_mentions', ['start', 'end']],
  ['place_mentions', ['start', 'end']],
  ['time_mentions', ['start', 'end']],
  ['events', ['start', 'end', 'trigger_start', 'trigger_end']],
  ['quotes', ['start', 'end', 'content_start', 'content_end']],
];

const BATCH = 500;

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the current schema
export async function up(db: Kysely<any>): Promise<void> {
  await whole(db, headlineIntoText);
}

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the current schema
export async function down(db: Kysely<any>): Promise<void> {
  await whole(db, headlineOutOfText);
}

/**
 * Runs `change` in one transaction: Kysely runs PostgreSQL's migrations in one already, SQLite's
 * in none, and this one rewrites every article: it goes in whole or not at all (and fast).
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the current schema
async function whole(db: Kysely<any>, change: (db: Kysely<any>) => Promise<void>): Promise<void> {
  if (db.isTransaction) await change(db);
  else await db.transaction().execute(change);
}

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the current schema
async function headlineIntoText(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('articles').addColumn('body_start', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  const headlines: Array<{ article_id: string; idx: number; start: number; end: number; kind: string }> = [];
  for (let after = ''; ; ) {
    const rows: Array<{ id: string; title: string; text: string }> = await db
      .selectFrom('articles')
      .select(['id', 'title', 'text'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(BATCH)
      .execute();
    if (rows.length === 0) break;
    after = rows.at(-1)!.id;
    for (const r of rows) {
      const headline = headlineText(r.title);
      // No headline, or the body already opens with it (a digest's first line standing as the title).
      if (headline === '' || r.text === headline || r.text.startsWith(`${headline}\n\n`)) continue;
      const prefix = r.text === '' ? headline : `${headline}\n\n`;
      await db.updateTable('articles').set({ text: prefix + r.text, body_start: prefix.length }).where('id', '=', r.id).execute();
      headlines.push({ article_id: r.id, idx: 0, start: 0, end: headline.length, kind: 'heading' });
    }
  }
  if (headlines.length === 0) return;
  await shiftOffsets(db, 1);
  // The headline is the paragraphs layer's first paragraph now: the others move one index on.
  // Through negative indexes, so no row ever takes an index another still holds.
  await sql`UPDATE paragraphs SET idx = -idx - 1 WHERE article_id IN (SELECT id FROM articles WHERE body_start > 0)`.execute(db);
  await sql`UPDATE paragraphs SET idx = -idx WHERE idx < 0`.execute(db);
  for (let i = 0; i < headlines.length; i += BATCH) await db.insertInto('paragraphs').values(headlines.slice(i, i + BATCH)).execute();
  await rebuildSearch(db);
}

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the current schema
async function headlineOutOfText(db: Kysely<any>): Promise<void> {
  // What was read in a headline has no place in a text without one.
  const inHeadline = (table: string) =>
    sql`DELETE FROM ${sql.table(table)} WHERE article_id IN (SELECT id FROM articles WHERE body_start > 0)
        AND start < (SELECT body_start FROM articles a WHERE a.id = ${sql.ref(`${table}.article_id`)})`;
  await sql`DELETE FROM event_actors WHERE event_id IN (SELECT e.id FROM events e JOIN articles a ON a.id = e.article_id WHERE e.start < a.body_start)`.execute(db);
  await sql`DELETE FROM record_mentions WHERE event_id IN (SELECT e.id FROM events e JOIN articles a ON a.id = e.article_id WHERE e.start < a.body_start)`.execute(db);
  for (const [table] of OFFSET_COLUMNS) {
    if (table === 'passages') {
      const gone = sql`SELECT p.id FROM passages p JOIN articles a ON a.id = p.article_id WHERE p.start < a.body_start`;
      await sql`DELETE FROM repeats WHERE passage_id IN (${gone}) OR other_passage_id IN (${gone})`.execute(db);
      await sql`DELETE FROM passage_bands WHERE passage_id IN (${gone})`.execute(db);
    }
    await inHeadline(table).execute(db);
  }
  await shiftOffsets(db, -1);
  // Paragraph indexes close up again, in order, from 0.
  const rows: Array<{ article_id: string; idx: number }> = await db
    .selectFrom('paragraphs')
    .select(['article_id', 'idx'])
    .where('article_id', 'in', db.selectFrom('articles').select('id').where('body_start', '>', 0))
    .orderBy('article_id')
    .orderBy('idx')
    .execute();
  await sql`UPDATE paragraphs SET idx = -idx - 1 WHERE article_id IN (SELECT id FROM articles WHERE body_start > 0)`.execute(db);
  let article = '';
  let next = 0;
  for (const r of rows) {
    next = r.article_id === article ? next + 1 : 0;
    article = r.article_id;
    await db.updateTable('paragraphs').set({ idx: next }).where('article_id', '=', r.article_id).where('idx', '=', -r.idx - 1).execute();
  }
  await sql`UPDATE articles SET text = substr(text, body_start + 1) WHERE body_start > 0`.execute(db);
  await db.schema.alterTable('articles').dropColumn('body_start').execute();
  await rebuildSearch(db);
}

/**
 * Moves every stored offset of the articles with a body_start by it: forward (`sign` 1) or back
 * (-1). Column offsets in one statement per table; the spans inside the events' JSON (fields,
 * magnitudes) row by row.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the current schema
async function shiftOffsets(db: Kysely<any>, sign: 1 | -1): Promise<void> {
  for (const [table, columns] of OFFSET_COLUMNS) {
    const by = sql`(${sql.lit(sign)} * (SELECT body_start FROM articles a WHERE a.id = ${sql.ref(`${table}.article_id`)}))`;
    const sets = sql.join(columns.map((c) => sql`${sql.ref(c)} = ${sql.ref(c)} + ${by}`));
    await sql`UPDATE ${sql.table(table)} SET ${sets} WHERE article_id IN (SELECT id FROM articles WHERE body_start > 0)`.execute(db);
  }
  for (let after = ''; ; ) {
    const rows: Array<{ id: string; fields: string; magnitudes: string; body_start: number }> = await db
      .selectFrom('events as e')
      .innerJoin('articles as a', 'a.id', 'e.article_id')
      .select(['e.id', 'e.fields', 'e.magnitudes', 'a.body_start'])
      .where('a.body_start', '>', 0)
      .where('e.id', '>', after)
      .orderBy('e.id')
      .limit(BATCH)
      .execute();
    if (rows.length === 0) break;
    after = rows.at(-1)!.id;
    for (const r of rows) {
      const by = sign * Number(r.body_start);
      await db
        .updateTable('events')
        .set({ fields: JSON.stringify(shiftSpans(JSON.parse(r.fields), by)), magnitudes: JSON.stringify(shiftSpans(JSON.parse(r.magnitudes), by)) })
        .where('id', '=', r.id)
        .execute();
    }
  }
}

/** Every {start, end} inside a parsed JSON value moved by `by`, the rest kept as it is. */
function shiftSpans(value: unknown, by: number): unknown {
  if (Array.isArray(value)) return value.map((v) => shiftSpans(v, by));
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = shiftSpans(v, by);
  const { start, end } = out;
  return typeof start === 'number' && typeof end === 'number' ? { ...out, start: start + by, end: end + by } : out;
}

/** SQLite's search index copies the text and has no update trigger: built again from the articles. PostgreSQL's trigger kept it. */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the current schema
async function rebuildSearch(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) === 'sqlite') await sql`INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')`.execute(db);
}

/** src/text/headline.ts as of this migration: the headline as one clean line of text. */
function headlineText(title: string): string {
  return title
    .replace(/[\u0000-\u0008\u000e-\u001f\u007f\u00ad\u180e\u200b\u2060\ufeff]/g, '')
    .normalize('NFC')
    .replace(/[\t\n\v\f\r\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
}
