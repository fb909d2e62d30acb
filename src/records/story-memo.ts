import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../store/schema.js';
import { storiesByIds, storyStampsNear, type StoredStory } from '../store/stories-repository.js';
import { type StoryFeatures, storyFeatures } from './stories.js';

type Db = Kysely<Database> | Transaction<Database>;

/** A story as read, and as the clustering compares with it. */
export interface ReadStory {
  readonly sums: StoredStory;
  readonly features: StoryFeatures;
}

/**
 * The stories a linker read for the articles before, each with the digest of the row it was
 * read from. Every article is compared with every story of its ±7-day window: on a busy news
 * week that is thousands of stories, whose words were read and parsed again for each article
 * (most of the linking time on Reuters-21578). Now only the stories whose row changed since are
 * read again; the rest are taken as they were. The digest is of the row's content, so a story
 * written in a transaction that was rolled back, or by another process, is read again. Made by
 * the caller for a run of articles (an ingest, a relink), never shared between processes.
 */
export class StoryMemo {
  readonly #read = new Map<string, ReadStory>();

  /** The stories an article of this day is compared with (storiesNear), in its order. */
  async near(db: Db, day: number | null, windowDays: number): Promise<ReadStory[]> {
    const stamps = await storyStampsNear(db, day, windowDays);
    const held = (id: string, digest: string | null): ReadStory | undefined => {
      const r = this.#read.get(id);
      return digest !== null && r?.sums.digest === digest ? r : undefined;
    };
    const fresh = await storiesByIds(
      db,
      stamps.filter((s) => !held(s.id, s.digest)).map((s) => s.id),
    );
    for (const sums of fresh) this.#read.set(sums.id, { sums, features: storyFeatures(sums) });
    // Only what the window holds is kept: news comes roughly in time order, so the memo stays
    // the size of a window, not of the store.
    if (this.#read.size > 2 * stamps.length + 500) {
      const wanted = new Set(stamps.map((s) => s.id));
      for (const id of [...this.#read.keys()]) if (!wanted.has(id)) this.#read.delete(id);
    }
    return stamps.flatMap((s) => this.#read.get(s.id) ?? []);
  }
}
