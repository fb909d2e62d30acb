import { createHash } from 'node:crypto';
import { type Kysely, sql, type Transaction } from 'kysely';
import {
  type ActorKey,
  bestRecord,
  canonicalRecord,
  dayRange,
  isLinkable,
  type MentionFeatures,
  type PlaceFeatures,
  type RecordFeatures,
} from '../records/link-events.js';
import { contentWords, definiteHeads } from '../records/evidence-words.js';
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

/** The linking features of the events matching `where`, in article order. */
export async function mentionFeatures(db: Db, where: { articleId?: string; eventIds?: readonly string[] }): Promise<Array<MentionFeatures & { modality: string }>> {
  let q = db
    .selectFrom('events as e')
    .innerJoin('articles as a', 'a.id', 'e.article_id')
    .leftJoin('places as p', 'p.id', 'e.place_id')
    .select([
      'e.id', 'e.article_id', 'a.date as published', 'e.code', 'e.root_code', 'e.plover', 'e.date', 'e.date_end', 'e.date_precision',
      'e.place_id', 'e.place_name', 'e.lat', 'e.lon', 'e.place_precision', 'p.country', 'p.admin1', 'e.modality', 'e.start',
      sql<string>`substr(a.text, e.start + 1, e.end - e.start)`.as('evidence'),
    ])
    .orderBy('e.article_id')
    .orderBy('e.start');
  if (where.articleId) q = q.where('e.article_id', '=', where.articleId);
  if (where.eventIds) {
    if (where.eventIds.length === 0) return [];
    q = q.where('e.id', 'in', [...where.eventIds]);
  }
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
      words: contentWords(r.evidence),
      definites: definiteHeads(r.evidence),
    };
  });
}

function placeOf(r: { place_id: string | null; place_name: string | null; lat: number | null; lon: number | null; place_precision: string | null; country: string | null; admin1: string | null }): PlaceFeatures | null {
  if (r.lat === null || r.lon === null) return null;
  return { id: r.place_id, name: r.place_name ?? '', lat: r.lat, lon: r.lon, precision: r.place_precision, country: r.country, admin1: r.admin1 };
}

const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** Records that could hold the mention: a compatible type, and a date near enough or none. */
async function candidates(db: Db, m: MentionFeatures): Promise<RecordFeatures[]> {
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
      words.set(l.record_id, [...(words.get(l.record_id) ?? []), contentWords(l.evidence)]);
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

/** Rewrites a record's canonical attributes from its current mentions; drops it when none is left. */
export async function refreshRecord(db: Db, id: string): Promise<void> {
  const ids = (await db.selectFrom('record_mentions').select('event_id').where('record_id', '=', id).execute()).map((r) => r.event_id);
  if (ids.length === 0) {
    await db.deleteFrom('event_records').where('id', '=', id).execute();
    return;
  }
  const c = canonicalRecord(await mentionFeatures(db, { eventIds: ids }));
  const row = {
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
  await db.insertInto('event_records').values({ id, ...row }).onConflict((oc) => oc.column('id').doUpdateSet(row)).execute();
}

/**
 * Links an article's stored events into records, incrementally: each mention joins the best
 * existing record (including those its own article's earlier mentions just made) or starts
 * one. Records that lost mentions when the article's events were replaced are refreshed first.
 */
export async function linkArticleEvents(db: Db, articleId: string): Promise<{ joined: number; created: number }> {
  const stale = await sql<{ id: string }>`
    SELECT r.id FROM event_records r
    LEFT JOIN (SELECT record_id, count(*) AS n FROM record_mentions GROUP BY record_id) c ON c.record_id = r.id
    WHERE coalesce(c.n, 0) != r.mention_count`.execute(db);
  for (const { id } of stale.rows) await refreshRecord(db, id);

  let joined = 0;
  let created = 0;
  for (const m of await mentionFeatures(db, { articleId })) {
    if (!isLinkable(m.modality)) continue;
    const best = bestRecord(m, await candidates(db, m));
    const id = best?.record.id ?? recordId(m.eventId);
    if (!best) {
      // A placeholder row so the mention can reference it; refreshRecord fills it in.
      await db
        .insertInto('event_records')
        .values({ id, code: m.code, root_code: m.rootCode, plover: m.plover, sources: '[]', targets: '[]', mention_count: 0 })
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
    }
    await db
      .insertInto('record_mentions')
      .values({ event_id: m.eventId, record_id: id, score: best?.merge.score ?? 1, reason: best?.merge.reason ?? 'first mention' })
      .onConflict((oc) => oc.column('event_id').doUpdateSet({ record_id: id }))
      .execute();
    await refreshRecord(db, id);
    if (best) joined++;
    else created++;
  }
  return { joined, created };
}
