import type { Kysely, Transaction } from 'kysely';
import { mentionFeatures, type StoredMention } from '../store/records-repository.js';
import type { Database } from '../store/schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * The mentions of the records one article's mentions join, while it links them one by one: a
 * record is read from the store the first time one joins it, then each next one is put in its
 * place in memory. Reading the whole record again at every join made an article that tells
 * its event in 800 sentences read 800 × 800 mentions (issue 20). Only the article's own
 * mentions join while it links, so the list stays the store's.
 */
export class RecordMembers {
  private readonly own = new Map<string, { mention: StoredMention; rank: number }>();
  private readonly byRecord = new Map<string, StoredMention[]>();

  /** The article's mentions, in mentionFeatures' order. */
  constructor(own: readonly StoredMention[]) {
    own.forEach((mention, rank) => {
      this.own.set(mention.eventId, { mention, rank });
    });
  }

  /** A record the mention just started: it alone. */
  started(recordId: string, eventId: string): void {
    const m = this.own.get(eventId);
    if (m) this.byRecord.set(recordId, [m.mention]);
  }

  /**
   * The record's mentions once this one (already written to it) joined, in mentionFeatures'
   * order: by article, and within the article as it lists them.
   */
  async joined(db: Db, recordId: string, eventId: string): Promise<readonly StoredMention[]> {
    const known = this.byRecord.get(recordId);
    const m = this.own.get(eventId);
    if (!known || !m) {
      const read = await mentionFeatures(db, { recordId });
      this.byRecord.set(recordId, read);
      return read;
    }
    const after = known.findIndex((x) => x.articleId > m.mention.articleId || (x.articleId === m.mention.articleId && (this.own.get(x.eventId)?.rank ?? -1) > m.rank));
    known.splice(after < 0 ? known.length : after, 0, m.mention);
    return known;
  }
}
