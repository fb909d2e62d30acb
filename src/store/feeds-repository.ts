import type { Kysely } from 'kysely';
import { type FeedState, initialFeedState } from '../ingest/feed-schedule.js';
import type { Database } from './schema.js';

/** The tables of migration 2026-11-24-05-feeds. */
export type FeedsTable = {
  url: string;
  etag: string | null;
  last_modified: string | null;
  last_polled_at: string | null;
  last_ok_at: string | null;
  failures: number;
  next_poll_at: string | null;
  last_error: string | null;
  items_seen: number;
};

export type FeedItemsTable = {
  feed_url: string;
  item_key: string;
  article_id: string;
  first_seen_at: string;
};

export type FeedTables = {
  feeds: FeedsTable;
  feed_items: FeedItemsTable;
};

/** A store or an open transaction on it. */
type Db = Kysely<Database>;

// The feed tables are typed here rather than in schema.ts, which the rest of the store shares.
const withFeeds = (db: Db) => db.withTables<FeedTables>();

const CHUNK = 500;

/** The saved state of each URL, in the order given; a URL never polled gets a fresh state. */
export async function loadFeedStates(db: Db, urls: readonly string[]): Promise<FeedState[]> {
  const rows = urls.length === 0 ? [] : await withFeeds(db).selectFrom('feeds').selectAll().where('url', 'in', [...urls]).execute();
  const byUrl = new Map(rows.map((r) => [r.url, r]));
  return urls.map((url) => {
    const r = byUrl.get(url);
    if (r === undefined) return initialFeedState(url);
    return {
      url,
      etag: r.etag,
      lastModified: r.last_modified,
      lastPolledAt: r.last_polled_at,
      lastOkAt: r.last_ok_at,
      failures: Number(r.failures),
      nextPollAt: r.next_poll_at,
      lastError: r.last_error,
      itemsSeen: Number(r.items_seen),
    };
  });
}

export async function saveFeedState(db: Db, s: FeedState): Promise<void> {
  const values = {
    etag: s.etag,
    last_modified: s.lastModified,
    last_polled_at: s.lastPolledAt,
    last_ok_at: s.lastOkAt,
    failures: s.failures,
    next_poll_at: s.nextPollAt,
    last_error: s.lastError,
    items_seen: s.itemsSeen,
  };
  await withFeeds(db)
    .insertInto('feeds')
    .values({ url: s.url, ...values })
    .onConflict((oc) => oc.column('url').doUpdateSet(values))
    .execute();
}

/** Which of these item keys this feed has shown before. */
export async function seenItemKeys(db: Db, feedUrl: string, keys: readonly string[]): Promise<Set<string>> {
  const seen = new Set<string>();
  for (let i = 0; i < keys.length; i += CHUNK) {
    const rows = await withFeeds(db)
      .selectFrom('feed_items')
      .select('item_key')
      .where('feed_url', '=', feedUrl)
      .where('item_key', 'in', keys.slice(i, i + CHUNK))
      .execute();
    for (const r of rows) seen.add(r.item_key);
  }
  return seen;
}

/** Which of these article ids are already stored (from this feed, another, or a file). */
export async function storedArticleIds(db: Db, ids: readonly string[]): Promise<Set<string>> {
  const stored = new Set<string>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = await db.selectFrom('articles').select('id').where('id', 'in', ids.slice(i, i + CHUNK)).execute();
    for (const r of rows) stored.add(r.id);
  }
  return stored;
}

/** Remembers items of a feed; an item already remembered keeps its first sighting. */
export async function recordFeedItems(
  db: Db,
  feedUrl: string,
  items: ReadonlyArray<{ readonly key: string; readonly articleId: string }>,
  now: string,
): Promise<void> {
  for (let i = 0; i < items.length; i += CHUNK) {
    const rows = items.slice(i, i + CHUNK).map((it) => ({ feed_url: feedUrl, item_key: it.key, article_id: it.articleId, first_seen_at: now }));
    await withFeeds(db)
      .insertInto('feed_items')
      .values(rows)
      .onConflict((oc) => oc.columns(['feed_url', 'item_key']).doNothing())
      .execute();
  }
}

/** The items remembered for a feed, oldest first. */
export async function listFeedItems(db: Db, feedUrl: string): Promise<Array<{ key: string; articleId: string; firstSeenAt: string }>> {
  const rows = await withFeeds(db)
    .selectFrom('feed_items')
    .select(['item_key', 'article_id', 'first_seen_at'])
    .where('feed_url', '=', feedUrl)
    .orderBy('first_seen_at')
    .orderBy('item_key')
    .execute();
  return rows.map((r) => ({ key: r.item_key, articleId: r.article_id, firstSeenAt: r.first_seen_at }));
}
