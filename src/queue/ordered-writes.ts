import type { Generated, Kysely, Transaction } from 'kysely';
import type { RawArticle } from '../ingest/raw-article.js';
import type { AnalyzedArticle, Analyzer } from '../pipeline/analyze-article.js';
import { activeCorrections } from '../store/corrections-repository.js';
import { lockRecordLinking } from '../store/dialect.js';
import type { Store } from '../store/open-store.js';
import { saveArticle } from '../store/save-article.js';
import { saveAndLink } from '../pipeline/save-and-link.js';
import { StoryMemo } from '../records/story-memo.js';
import type { Database } from '../store/schema.js';
import { isTransient, withTransientRetry } from '../store/storage-errors.js';
import { createDocument } from '../text/create-document.js';

/**
 * Analysis is order-free and runs on any worker; writing is not (passage and outlet ids are
 * sequential, repeated passages and event records link to what is already stored), so
 * analyzed articles wait in `queue_staged` and are written one by one in enqueue order, by
 * whichever worker holds the store-wide write turn. Same writes, same order, same rows as
 * one process.
 */

/** The bookkeeping tables of migration 2026-11-24-06-queue (not part of the news schema). */
export type QueueTables = {
  queue_batches: { seq: Generated<number>; key: string; total: number; applied: number; created_at: string };
  queue_staged: { batch_key: string; idx: number; article_id: string; payload: string | null; error: string | null };
  queue_lock: { id: number; turns: number };
};

type QueueDb = Kysely<Database & QueueTables>;

/** What the write of one staged article did. */
export interface WriteOutcome {
  readonly batch: string;
  readonly index: number;
  readonly articleId: string;
  readonly result: 'new' | 'known' | 'failed';
  /** Why the article was not written, naming its file and line. */
  readonly error: string | null;
}

/** What a worker stages for one article: its analysis, or why there is none. */
export type StagedArticle = { readonly articleId: string; readonly payload: string } | { readonly articleId: string; readonly error: string };

/** An analyzed article as text: the Document is rebuilt from the raw text, its layers restored. */
interface StagedPayload {
  readonly raw: RawArticle;
  readonly id: string;
  readonly contentHash: string;
  readonly layers: AnalyzedArticle['doc']['layers'];
  readonly messages: AnalyzedArticle['doc']['messages'];
  /** Where the body started in the analysed text; absent when staged before the headline was text. */
  readonly bodyStart?: number;
}

export function serializeAnalyzed(a: AnalyzedArticle): string {
  const payload: StagedPayload = { raw: a.raw, id: a.id, contentHash: a.contentHash, layers: a.doc.layers, messages: a.doc.messages, bodyStart: a.doc.bodyStart };
  return JSON.stringify(payload);
}

/**
 * The inverse of serializeAnalyzed: normalization is deterministic, so text and offsets come
 * back the same. Layers staged by a version that analysed the body alone fit no text this one
 * makes: `analyzer` analyzes the article again, and without one that is an error.
 */
export function restoreAnalyzed(json: string, analyzer?: Pick<Analyzer, 'analyze'>): AnalyzedArticle {
  const p = JSON.parse(json) as StagedPayload;
  const base = createDocument(p.id, p.raw.text, { published: p.raw.date?.value ?? null, title: p.raw.title, outlet: p.raw.outlet });
  if ((p.bodyStart ?? 0) !== base.bodyStart) {
    if (analyzer) return analyzer.analyze(p.raw);
    throw new Error(`article ${p.id} was staged before headlines were analysed: its offsets do not fit the text`);
  }
  return { raw: p.raw, id: p.id, contentHash: p.contentHash, doc: { ...base, layers: p.layers, messages: p.messages } };
}

const queueDb = (store: Store): QueueDb => store.withTables<QueueTables>();

/** Registers an enqueued batch of `total` articles; it is written after every batch registered before it. */
export async function registerBatch(store: Store, key: string, total: number): Promise<number> {
  const row = await queueDb(store)
    .insertInto('queue_batches')
    .values({ key, total, applied: 0, created_at: new Date().toISOString() })
    .returning('seq')
    .executeTakeFirstOrThrow();
  return row.seq;
}

/** How far a batch is written; undefined while it is not registered. */
export async function batchProgress(store: Store, key: string): Promise<{ total: number; applied: number } | undefined> {
  return queueDb(store).selectFrom('queue_batches').select(['total', 'applied']).where('key', '=', key).executeTakeFirst();
}

/** True when the article was staged or written already: a retried job has nothing to analyze. */
export async function isStagedOrWritten(store: Store, batch: string, index: number): Promise<boolean> {
  const db = queueDb(store);
  const progress = await batchProgress(store, batch);
  if (progress && progress.applied > index) return true;
  return (await db.selectFrom('queue_staged').select('idx').where('batch_key', '=', batch).where('idx', '=', index).executeTakeFirst()) !== undefined;
}

/** Stores one article's analysis until its turn; a second staging of the same article is a no-op. */
export async function stageArticle(store: Store, batch: string, index: number, staged: StagedArticle): Promise<void> {
  const progress = await batchProgress(store, batch);
  // A job retried after its article was written (killed before it could report): nothing to do.
  if (progress && progress.applied > index) return;
  await withTransientRetry(() =>
    queueDb(store)
      .insertInto('queue_staged')
      .values({
        batch_key: batch,
        idx: index,
        article_id: staged.articleId,
        payload: 'payload' in staged ? staged.payload : null,
        error: 'error' in staged ? staged.error : null,
      })
      .onConflict((oc) => oc.columns(['batch_key', 'idx']).doNothing())
      .execute(),
  );
}

/**
 * Writes every staged article whose turn has come, one transaction each: take the write turn,
 * find the next index of the oldest unfinished batch, write that article with the same
 * functions as the single-process ingest, advance the cursor. Stops at the first article not
 * staged yet; the worker that stages it writes it. An article whose write fails for a reason
 * that a retry cannot cure is recorded as failed and skipped, so one bad article never blocks
 * the queue.
 *
 * `stories` is the writer's memo of the stories it read for the articles it linked before (a
 * worker keeps one for its lifetime): without it every article read and parsed every story of
 * its ±7-day window again. Sharing the store with other workers does not make it stale: the memo
 * takes a story as it read it only while the row's content digest is the same (writeStory
 * computes it from the content), so a story another worker changed, or one read in a
 * transaction that rolled back, is read again.
 */
export async function writeDueArticles(
  store: Store,
  analyzer: Analyzer,
  onWrite?: (o: WriteOutcome) => void,
  stories: StoryMemo = new StoryMemo(),
): Promise<WriteOutcome[]> {
  const done: WriteOutcome[] = [];
  for (;;) {
    let outcome: WriteOutcome | null;
    try {
      outcome = await withTransientRetry(() => store.transaction().execute((trx) => writeNext(trx, analyzer, stories)));
    } catch (error) {
      if (isTransient(error)) throw error;
      // The write rolled back: mark the article failed, so the next turn skips it.
      const failed = await withTransientRetry(() => store.transaction().execute((trx) => markNextFailed(trx, (error as Error).message)));
      if (!failed) throw error;
      continue;
    }
    if (!outcome) return done;
    done.push(outcome);
    onWrite?.(outcome);
  }
}

type Turn = { seq: number; key: string; applied: number; staged: { article_id: string; payload: string | null; error: string | null } };

/** Takes the store-wide write turn and finds the staged article due next, if it is staged. */
async function nextDue(trx: Transaction<Database>): Promise<Turn | null> {
  const q = trx.withTables<QueueTables>();
  // First statement a write: SQLite takes its write lock before reading anything (no stale
  // snapshot to upgrade), PostgreSQL a row lock that orders every writer behind this one.
  await q
    .updateTable('queue_lock')
    .set((eb) => ({ turns: eb('turns', '+', 1) }))
    .where('id', '=', 1)
    .execute();
  // The linking lock of every other writer too (a plain `ingest` into the same PostgreSQL store).
  await lockRecordLinking(trx);
  const batch = await q.selectFrom('queue_batches').select(['seq', 'key', 'applied']).whereRef('applied', '<', 'total').orderBy('seq').limit(1).executeTakeFirst();
  if (!batch) return null;
  const staged = await q
    .selectFrom('queue_staged')
    .select(['article_id', 'payload', 'error'])
    .where('batch_key', '=', batch.key)
    .where('idx', '=', batch.applied)
    .executeTakeFirst();
  return staged ? { ...batch, staged } : null;
}

async function advance(trx: Transaction<Database>, turn: Turn): Promise<void> {
  const q = trx.withTables<QueueTables>();
  await q.deleteFrom('queue_staged').where('batch_key', '=', turn.key).where('idx', '<=', turn.applied).execute();
  await q
    .updateTable('queue_batches')
    .set({ applied: turn.applied + 1 })
    .where('seq', '=', turn.seq)
    .execute();
}

async function writeNext(trx: Transaction<Database>, analyzer: Analyzer, stories: StoryMemo): Promise<WriteOutcome | null> {
  const turn = await nextDue(trx);
  if (!turn) return null;
  const base = { batch: turn.key, index: turn.applied, articleId: turn.staged.article_id };
  let outcome: WriteOutcome;
  if (turn.staged.payload === null) {
    outcome = { ...base, result: 'failed', error: turn.staged.error ?? 'no analysis' };
  } else {
    const a = restoreAnalyzed(turn.staged.payload, analyzer);
    const result = await saveArticle(trx, a, new Date().toISOString());
    await saveAndLink(trx, a.doc, analyzer, await activeCorrections(trx), { stories });
    outcome = { ...base, result, error: null };
  }
  await advance(trx, turn);
  return outcome;
}

async function markNextFailed(trx: Transaction<Database>, reason: string): Promise<boolean> {
  const turn = await nextDue(trx);
  if (!turn) return false;
  const raw = turn.staged.payload ? (JSON.parse(turn.staged.payload) as StagedPayload).raw.provenance : null;
  const where = raw ? `${raw.file}:${raw.startLine}: ` : '';
  await trx
    .withTables<QueueTables>()
    .updateTable('queue_staged')
    .set({ payload: null, error: `${where}not stored: ${reason}` })
    .where('batch_key', '=', turn.key)
    .where('idx', '=', turn.applied)
    .execute();
  return true;
}
