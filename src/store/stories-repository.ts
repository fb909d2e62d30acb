import { createHash } from 'node:crypto';
import { type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import type { Database, StoriesTable } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * Reads and writes stories (migration 2026-12-07-01). What a story is and how an article joins
 * one is src/records/stories.ts; this file only persists it.
 */

/** What the story clustering reads of an article: its headline, body, date and who and where it names. */
export interface StoryInput {
  readonly title: string;
  readonly body: string;
  readonly date: string | null;
  /** Resolved people, groups and organizations, but states' organs and news media. */
  readonly actors: readonly string[];
  /** Precise places (city, site, district) and `admin:` their first-level areas. */
  readonly places: readonly string[];
}

/** A stored signature: the article's word vector as [lemma, weight] pairs. */
export interface StoredSignature {
  readonly articleId: string;
  readonly day: number | null;
  readonly terms: ReadonlyArray<readonly [string, number]>;
  readonly actors: readonly string[];
  readonly places: readonly string[];
}

export interface StoredStory {
  readonly id: string;
  /** What the row held when read (writeStory's digest); absent on a story not read from the store, null on a row written before digests. */
  readonly digest?: string | null;
  readonly firstDay: number | null;
  readonly lastDay: number | null;
  readonly articleCount: number;
  /** The sum of its articles' unit vectors (its heaviest words). */
  readonly terms: ReadonlyArray<readonly [string, number]>;
  readonly actors: readonly string[];
  readonly places: readonly string[];
}

const PRECISE_PLACES = ['city', 'site', 'district'];
/** A state's government, forces and police, and news media, are named by most stories about it: no sign of one. */
const GENERIC_ACTOR = /^(?:[a-z]{3}-(?:gov|mil|cop)|med-.*|cc-.*)$/;

export async function storyInput(db: Db, articleId: string): Promise<StoryInput | null> {
  const article = await db
    .selectFrom('articles')
    .select(['title', 'date', sql<string>`substr(text, body_start + 1)`.as('body')])
    .where('id', '=', articleId)
    .executeTakeFirst();
  if (!article) return null;
  const actors = await db
    .selectFrom('entity_mentions as m')
    .innerJoin('actors as a', 'a.id', 'm.actor_id')
    .select('a.id')
    .distinct()
    .where('m.article_id', '=', articleId)
    .where('a.type', 'in', ['person', 'group', 'organization'])
    .orderBy('a.id')
    .execute();
  const places = await db
    .selectFrom('place_mentions as m')
    .innerJoin('places as p', 'p.id', 'm.place_id')
    .select(['p.id', 'p.country', 'p.admin1'])
    .distinct()
    .where('m.article_id', '=', articleId)
    .where('p.precision', 'in', PRECISE_PLACES)
    .orderBy('p.id')
    .execute();
  const areas = places.filter((p) => p.country && p.admin1).map((p) => `admin:${p.country}.${p.admin1}`);
  return {
    title: article.title,
    body: article.body,
    date: article.date,
    actors: actors.map((a) => a.id).filter((id) => !GENERIC_ACTOR.test(id)),
    places: [...new Set([...places.map((p) => p.id), ...areas])].sort(),
  };
}

const parseStory = (r: Selectable<StoriesTable>): StoredStory => ({
  id: r.id,
  digest: r.digest,
  firstDay: r.first_day,
  lastDay: r.last_day,
  articleCount: r.article_count,
  terms: JSON.parse(r.terms) as Array<[string, number]>,
  actors: JSON.parse(r.actors) as string[],
  places: JSON.parse(r.places) as string[],
});

/**
 * Stories an article of this day could join: those whose span comes within `windowDays` of it.
 * An undated article is compared with the `undatedLimit` most recent stories.
 */
export async function storiesNear(db: Db, day: number | null, windowDays: number, undatedLimit = 200): Promise<StoredStory[]> {
  const near = await storyStampsNear(db, day, windowDays, undatedLimit);
  const byId = new Map((await storiesByIds(db, near.map((s) => s.id))).map((s) => [s.id, s]));
  return near.flatMap((s) => byId.get(s.id) ?? []);
}

/** A story's id and digest: enough to tell whether a copy read before still holds. */
export interface StoryStamp {
  readonly id: string;
  readonly digest: string | null;
}

/** The stories storiesNear gives, in its order, as stamps: no row's words are read. */
export async function storyStampsNear(db: Db, day: number | null, windowDays: number, undatedLimit = 200): Promise<StoryStamp[]> {
  const q = db.selectFrom('stories').select(['id', 'digest']);
  if (day === null) return q.orderBy('last_day', 'desc').orderBy('id').limit(undatedLimit).execute();
  const rows = await q.where((eb) => eb.or([eb('last_day', 'is', null), eb.and([eb('last_day', '>=', day - windowDays), eb('first_day', '<=', day + windowDays)])])).execute();
  // In id order, sorted here: asked for it, SQLite reads the whole table in id order instead of the days' index.
  rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return rows;
}

/** These stories, read whole, in no particular order; an id with no row is left out. */
export async function storiesByIds(db: Db, ids: readonly string[]): Promise<StoredStory[]> {
  const out: StoredStory[] = [];
  for (let i = 0; i < ids.length; i += 500) out.push(...(await db.selectFrom('stories').selectAll().where('id', 'in', ids.slice(i, i + 500)).execute()).map(parseStory));
  return out;
}

export async function storyMembers(db: Db, storyId: string): Promise<StoredSignature[]> {
  const rows = await db.selectFrom('story_articles').selectAll().where('story_id', '=', storyId).orderBy('article_id').execute();
  return rows.map((r) => ({
    articleId: r.article_id,
    day: r.day,
    terms: JSON.parse(r.terms) as Array<[string, number]>,
    actors: JSON.parse(r.actors) as string[],
    places: JSON.parse(r.places) as string[],
  }));
}

/** Writes a story's row (insert or replace). */
export async function writeStory(db: Db, s: StoredStory): Promise<void> {
  const held = {
    first_day: s.firstDay,
    last_day: s.lastDay,
    article_count: s.articleCount,
    terms: JSON.stringify(s.terms),
    actors: JSON.stringify(s.actors),
    places: JSON.stringify(s.places),
  };
  // Of the content, not a counter: a transaction rolled back leaves a digest that still names what the row holds.
  const row = { ...held, digest: createHash('sha256').update(JSON.stringify([s.id, held])).digest('hex').slice(0, 32) };
  await db.insertInto('stories').values({ id: s.id, ...row }).onConflict((oc) => oc.column('id').doUpdateSet(row)).execute();
}

/** Puts the article in the story (its row must exist), replacing any membership it had. */
export async function writeStoryArticle(db: Db, storyId: string, sig: StoredSignature, score: number, reason: string): Promise<void> {
  const row = {
    story_id: storyId,
    day: sig.day,
    terms: JSON.stringify(sig.terms),
    actors: JSON.stringify(sig.actors),
    places: JSON.stringify(sig.places),
    score,
    reason,
  };
  await db.insertInto('story_articles').values({ article_id: sig.articleId, ...row }).onConflict((oc) => oc.column('article_id').doUpdateSet(row)).execute();
}

/** The story the article is in, or null. */
export async function storyOfArticle(db: Db, articleId: string): Promise<string | null> {
  const row = await db.selectFrom('story_articles').select('story_id').where('article_id', '=', articleId).executeTakeFirst();
  return row?.story_id ?? null;
}

/** The story of each of these articles that is in one. */
export async function storiesOfArticles(db: Db, articleIds: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let i = 0; i < articleIds.length; i += 500) {
    const rows = await db.selectFrom('story_articles').select(['article_id', 'story_id']).where('article_id', 'in', articleIds.slice(i, i + 500)).execute();
    for (const r of rows) out.set(r.article_id, r.story_id);
  }
  return out;
}

export async function removeStoryArticle(db: Db, articleId: string): Promise<void> {
  await db.deleteFrom('story_articles').where('article_id', '=', articleId).execute();
}

export async function deleteStory(db: Db, storyId: string): Promise<void> {
  await db.deleteFrom('stories').where('id', '=', storyId).execute();
}

/** Every story and membership: `dossier relink` clusters again from zero. */
export async function clearStories(db: Db): Promise<void> {
  await db.deleteFrom('story_articles').execute();
  await db.deleteFrom('stories').execute();
}
