import { createHash } from 'node:crypto';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { LemmaRules } from '../nlp/syntax/lemmatizer.js';
import { contentWords, definiteHeads, isPluralEventNoun } from '../records/evidence-words.js';
import {
  type ActorKey,
  bestRecord,
  type CanonicalRecord,
  canonicalRecord,
  dayRange,
  isLinkable,
  isSingleEvent,
  type MentionFeatures,
  type PlaceFeatures,
  type RecordFeatures,
} from '../records/link-events.js';
import { dialectOf, lockRecordLinking } from './dialect.js';
import { recordVerdicts } from './records-queries.js';
import type { Database } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;


/** Stable: the record is named after the mention that started it. */
export const recordId = (firstEventId: string): string => `r_${createHash('sha256').update(firstEventId).digest('hex').slice(0, 16)}`;

/** Counts say how many, not who: "four soldiers" and "six soldiers" are the same actor. */
const LEADING_COUNT = /^(?:(?:at least|more than|about|some|nearly|around)\s+)?(?:\d[\d,]*|a|an|the|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens of|hundreds of|several|many)\s+/i;

/**
 * A state, its government, armed forces and police are one party when reports are compared:
 * "the US", "Washington" and "US forces" do not dispute who struck.
 */
const STATE_ORGAN = /^([a-z]{3})-(?:gov|mil|cop)$/;

export const actorKey = (actorId: string | null, name: string): ActorKey => {
  if (actorId) return actorId.replace(STATE_ORGAN, 'cc-$1');
  return `name:${name.toLowerCase().replace(LEADING_COUNT, '').trim()}`;
};

/** Blocking margin for the SQL pre-filter; the merge rule then applies the exact window. */
const MARGIN_DAYS = 75;

/** A stored event mention as the merge rule reads it, with its evidence sentence as text. */
export type StoredMention = MentionFeatures & { readonly modality: string; readonly evidence: string };

/**
 * The linking features of the events matching `where`, in article order, but the words of
 * their evidence: what the canonical attributes read needs no lemma rules (withEvidenceWords).
 * An article's headline comes after its body: the body's fuller telling starts the record
 * (and names it), the headline joins it, and ties in the canonical attributes go to the body.
 */
export async function mentionFeatures(db: Db, where: { articleId?: string; eventIds?: readonly string[]; recordId?: string }): Promise<StoredMention[]> {
  let q = db
    .selectFrom('events as e')
    .innerJoin('articles as a', 'a.id', 'e.article_id')
    .leftJoin('places as p', 'p.id', 'e.place_id')
    .select([
      'e.id', 'e.article_id', 'a.date as published', 'e.code', 'e.root_code', 'e.plover', 'e.date', 'e.date_end', 'e.date_precision',
      'e.place_id', 'e.place_name', 'e.lat', 'e.lon', 'e.place_precision', 'p.country', 'p.admin1', 'e.modality', 'e.start', 'a.body_start',
      sql<string>`substr(a.text, e.start + 1, e.end - e.start)`.as('evidence'),
      sql<string>`substr(a.text, e.trigger_start + 1, e.trigger_end - e.trigger_start)`.as('trigger'),
      sql<string>`substr(a.text, e.trigger_end + 1, 40)`.as('after_trigger'),
    ])
    .orderBy('e.article_id')
    .orderBy(sql`CASE WHEN e.start < a.body_start THEN 1 ELSE 0 END`)
    .orderBy('e.start')
    // Two events of one sentence share a start: their triggers, then their ids, decide, so
    // every process and engine links them in the same order (the rule is not symmetric).
    .orderBy('e.trigger_start')
    .orderBy('e.id');
  if (where.articleId) q = q.where('e.article_id', '=', where.articleId);
  if (where.eventIds) {
    if (where.eventIds.length === 0) return [];
    q = q.where('e.id', 'in', [...where.eventIds]);
  }
  const recordId = where.recordId;
  if (recordId !== undefined) q = q.where('e.id', 'in', db.selectFrom('record_mentions').select('event_id').where('record_id', '=', recordId));
  const rows = await q.execute();
  if (rows.length === 0) return [];
  const actors = await db.selectFrom('event_actors').select(['event_id', 'role', 'actor_id', 'name']).where('event_id', 'in', rows.map((r) => r.id)).orderBy('pos').execute();
  return rows.map((r) => {
    const mine = actors.filter((a) => a.event_id === r.id);
    const keys = (role: string): ActorKey[] => [...new Set(mine.filter((a) => a.role === role).map((a) => actorKey(a.actor_id, a.name)))];
    return {
      eventId: r.id,
      articleId: r.article_id,
      published: r.published,
      code: r.code,
      rootCode: r.root_code,
      plover: r.plover,
      date: r.date,
      dateEnd: r.date_end,
      datePrecision: r.date_precision,
      place: placeOf(r),
      sources: keys('source'),
      targets: keys('target'),
      modality: r.modality,
      start: r.start,
      headline: r.start < r.body_start,
      evidence: r.evidence,
      plural: isPluralEventNoun(r.trigger, r.after_trigger),
    };
  });
}

/** The mention with what the text part of the merge rule reads: its evidence's content words and the nouns it points back with. */
export function withEvidenceWords(m: StoredMention, rules: LemmaRules): StoredMention {
  return { ...m, words: contentWords(m.evidence, rules), definites: definiteHeads(m.evidence, rules) };
}

function placeOf(r: { place_id: string | null; place_name: string | null; lat: number | null; lon: number | null; place_precision: string | null; country: string | null; admin1: string | null }): PlaceFeatures | null {
  if (r.lat === null || r.lon === null) return null;
  return { id: r.place_id, name: r.place_name ?? '', lat: r.lat, lon: r.lon, precision: r.place_precision, country: r.country, admin1: r.admin1 };
}

const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** Records that could hold the mention: a compatible type, and a date near enough or none. */
async function candidates(db: Db, m: MentionFeatures, rules: LemmaRules): Promise<RecordFeatures[]> {
  let q = db.selectFrom('event_records').selectAll().where((eb) => eb.or([eb('root_code', '=', m.rootCode), ...(m.plover ? [eb('plover', '=', m.plover)] : [])]));
  const range = m.date ? dayRange(m.date, m.dateEnd) : null;
  if (range) {
    // Year-wide lower bound: a stored "2020" or "2020-01" sorts before any day of 2020.
    const lo = isoDay(range[0] - MARGIN_DAYS * 86_400_000).slice(0, 4);
    const hi = isoDay(range[1] + MARGIN_DAYS * 86_400_000);
    q = q.where((eb) => eb.or([eb('date', 'is', null), eb.and([eb('date', '>=', lo), eb('date', '<=', hi)])]));
  }
  const rows = await q.orderBy('id').execute();
  const spans = new Map<string, Array<{ articleId: string; start: number }>>();
  const words = new Map<string, string[][]>();
  for (let i = 0; i < rows.length; i += 500) {
    const links = await db
      .selectFrom('record_mentions as m')
      .innerJoin('events as e', 'e.id', 'm.event_id')
      .innerJoin('articles as a', 'a.id', 'e.article_id')
      .select(['m.record_id', 'e.article_id', 'e.start', sql<string>`substr(a.text, e.start + 1, e.end - e.start)`.as('evidence')])
      .where('m.record_id', 'in', rows.slice(i, i + 500).map((r) => r.id))
      .execute();
    for (const l of links) {
      spans.set(l.record_id, [...(spans.get(l.record_id) ?? []), { articleId: l.article_id, start: l.start }]);
      words.set(l.record_id, [...(words.get(l.record_id) ?? []), contentWords(l.evidence, rules)]);
    }
  }
  return rows.map((r) => ({
    articleIds: [...new Set((spans.get(r.id) ?? []).map((x) => x.articleId))],
    spans: spans.get(r.id) ?? [],
    mentionWords: words.get(r.id) ?? [],
    id: r.id,
    code: r.code,
    rootCode: r.root_code,
    plover: r.plover,
    date: r.date,
    dateEnd: r.date_end,
    datePrecision: r.date_precision,
    place: placeOf(r),
    sources: JSON.parse(r.sources) as string[],
    targets: JSON.parse(r.targets) as string[],
  }));
}

/**
 * Rewrites a record's canonical attributes and its stored verdicts from its current mentions;
 * drops it when none is left. Call it whenever a record's mentions, or what its verdicts read
 * (a review rejection, an actor correction), change.
 */
export async function refreshRecord(db: Db, id: string): Promise<void> {
  if (await refreshCanonical(db, id)) await storeVerdicts(db, [id]);
}

/**
 * Writes the verdicts of these records, worked out by the very function getRecord shows them
 * with (recordVerdicts), so a stored verdict never differs from the one shown. A record with
 * no report left to show gets zeros.
 */
export async function storeVerdicts(db: Db, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const verdicts = await recordVerdicts(db, ids);
  // One update per distinct verdict: most records of an article share one (one outlet, undisputed).
  const byVerdict = new Map<string, string[]>();
  for (const id of ids) {
    const v = verdicts.get(id) ?? { independentOutlets: 0, outletCount: 0, disputed: false };
    const key = `${v.independentOutlets}/${v.outletCount}/${v.disputed ? 1 : 0}`;
    byVerdict.set(key, [...(byVerdict.get(key) ?? []), id]);
  }
  for (const [key, same] of byVerdict) {
    const [independent, outlets, disputed] = key.split('/').map(Number) as [number, number, number];
    for (let i = 0; i < same.length; i += 500) {
      await db
        .updateTable('event_records')
        .set({ independent_outlets: independent, outlet_count: outlets, disputed })
        .where('id', 'in', same.slice(i, i + 500))
        .execute();
    }
  }
}

/** The records holding any of these event mentions. */
export async function recordsOfEvents(db: Db, eventIds: readonly string[]): Promise<string[]> {
  const out = new Set<string>();
  for (let i = 0; i < eventIds.length; i += 500) {
    const rows = await db.selectFrom('record_mentions').select('record_id').distinct().where('event_id', 'in', eventIds.slice(i, i + 500)).execute();
    for (const r of rows) out.add(r.record_id);
  }
  return [...out].sort();
}

/** The canonical attributes from the current mentions; false when the record had none and was dropped. */
async function refreshCanonical(db: Db, id: string): Promise<boolean> {
  // Every mention's event exists (record_mentions cascades from events): the same set as its event ids.
  const mentions = await mentionFeatures(db, { recordId: id });
  if (mentions.length === 0) {
    await db.deleteFrom('event_records').where('id', '=', id).execute();
    return false;
  }
  const row = canonicalRow(canonicalRecord(mentions));
  await db.insertInto('event_records').values({ id, ...row }).onConflict((oc) => oc.column('id').doUpdateSet(row)).execute();
  return true;
}

/** A record's row, but its id and its verdicts. */
function canonicalRow(c: CanonicalRecord) {
  return {
    code: c.code,
    root_code: c.rootCode,
    plover: c.plover,
    date: c.date,
    date_end: c.dateEnd,
    date_precision: c.datePrecision,
    place_id: c.place?.id ?? null,
    place_name: c.place?.name ?? null,
    lat: c.place?.lat ?? null,
    lon: c.place?.lon ?? null,
    place_precision: c.place?.precision ?? null,
    country: c.place?.country ?? null,
    admin1: c.place?.admin1 ?? null,
    sources: JSON.stringify(c.sources),
    targets: JSON.stringify(c.targets),
    first_reported: c.firstReported,
    last_reported: c.lastReported,
    mention_count: c.mentionCount,
  };
}

/**
 * Links an article's stored events into records, incrementally: each mention joins the best
 * existing record (including those its own article's earlier mentions just made) or starts
 * one. Records that lost mentions when the article's events were replaced are refreshed first.
 * `rules` (the syntax model's lemma rules) read the evidence words.
 */
export async function linkArticleEvents(db: Db, articleId: string, rules: LemmaRules): Promise<{ joined: number; created: number }> {
  const stale = await sql<{ id: string }>`
    SELECT r.id FROM event_records r
    LEFT JOIN (SELECT record_id, count(*) AS n FROM record_mentions GROUP BY record_id) c ON c.record_id = r.id
    WHERE coalesce(c.n, 0) != r.mention_count`.execute(db);
  for (const { id } of stale.rows) await refreshRecord(db, id);
  return linkMentions(db, articleId, rules);
}

/**
 * The linking itself. The canonical attributes of a record a mention joins are rewritten at
 * once, since the article's next mentions are matched against them (bestRecord reads its
 * date, place and actors); the verdicts, which nothing in linking reads, once per touched
 * record at the end.
 */
async function linkMentions(db: Db, articleId: string, rules: LemmaRules): Promise<{ joined: number; created: number }> {
  let joined = 0;
  let created = 0;
  const touched = new Set<string>();
  for (const stored of await mentionFeatures(db, { articleId })) {
    if (!isLinkable(stored.modality) || !isSingleEvent(stored)) continue;
    const m = withEvidenceWords(stored, rules);
    const best = bestRecord(m, await candidates(db, m, rules));
    const id = best?.record.id ?? recordId(m.eventId);
    // A new record's canonical attributes are its one mention's: written at once, unless a
    // record of that id is left over (a re-linked article whose first record others joined),
    // whose attributes are then worked out from all its mentions.
    const fresh =
      !best &&
      Number((await db.insertInto('event_records').values({ id, ...canonicalRow(canonicalRecord([m])) }).onConflict((oc) => oc.column('id').doNothing()).executeTakeFirst()).numInsertedOrUpdatedRows ?? 0) > 0;
    await db
      .insertInto('record_mentions')
      .values({ event_id: m.eventId, record_id: id, score: best?.merge.score ?? 1, reason: best?.merge.reason ?? 'first mention' })
      .onConflict((oc) => oc.column('event_id').doUpdateSet({ record_id: id }))
      .execute();
    if (!fresh) await refreshCanonical(db, id);
    touched.add(id);
    if (best) joined++;
    else created++;
  }
  await storeVerdicts(db, [...touched].sort());
  return { joined, created };
}

/**
 * The canonical order of linking: the order articles were first written in, which is the order
 * ingest links them (ingest-files and ordered-writes write one article at a time, in order).
 * SQLite keeps it as the rowid; on PostgreSQL a sequence column does (migration 2026-11-24-10).
 */
export async function articlesInLinkingOrder(db: Db): Promise<string[]> {
  const withEvents = db.selectFrom('articles as a').select('a.id').where(({ exists, selectFrom }) => exists(selectFrom('events as e').select('e.id').whereRef('e.article_id', '=', 'a.id')));
  const ordered =
    dialectOf(db) === 'sqlite'
      ? withEvents.orderBy(sql`a.rowid`)
      : withEvents.orderBy(sql`a.insert_seq`);
  return (await ordered.execute()).map((r) => r.id);
}

export interface RelinkProgress {
  done: number;
  total: number;
}

export interface RelinkSummary extends RelinkProgress {
  records: number;
  /** Stopped before the end: the store holds the records of the first `done` articles only. */
  interrupted: boolean;
}

/**
 * Drops every event record and links every article's events again in the canonical order, so
 * the records are those a fresh ingest of the same articles makes. One transaction drops them,
 * then one per batch of articles links; a stop (shouldStop) is honoured between batches, which
 * leaves every record consistent with its mentions but only the first articles linked: run it
 * again, and it starts from zero. `rules` (the syntax model's lemma rules) read the evidence words.
 */
export async function relinkAllArticles(
  store: Kysely<Database>,
  rules: LemmaRules,
  options: { batch?: number; shouldStop?: () => boolean; onProgress?: (p: RelinkProgress) => void } = {},
): Promise<RelinkSummary> {
  const batch = options.batch ?? 100;
  const articles = await articlesInLinkingOrder(store);
  await store.transaction().execute(async (trx) => {
    await lockRecordLinking(trx);
    await trx.deleteFrom('record_mentions').execute();
    await trx.deleteFrom('event_records').execute();
  });
  let done = 0;
  let interrupted = false;
  for (let i = 0; i < articles.length; i += batch) {
    // Let a signal handler run between batches.
    await new Promise((resolve) => setImmediate(resolve));
    if (options.shouldStop?.()) {
      interrupted = true;
      break;
    }
    const slice = articles.slice(i, i + batch);
    await store.transaction().execute(async (trx) => {
      await lockRecordLinking(trx);
      for (const id of slice) await linkMentions(trx, id, rules);
    });
    done += slice.length;
    options.onProgress?.({ done, total: articles.length });
  }
  const [{ n } = { n: 0 }] = await store.selectFrom('event_records').select((eb) => eb.fn.countAll<number>().as('n')).execute();
  return { done, total: articles.length, records: Number(n), interrupted };
}
