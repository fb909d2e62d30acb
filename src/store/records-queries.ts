import { type Selectable, sql } from 'kysely';
import { nullsAsSqlite } from './dialect.js';
import { headlineEnd } from './headline-span.js';
import type { Store } from './open-store.js';
import type { PlaceFeatures } from './record-features.js';
import { AFTER_TRIGGER_CHARS, actorKey, eventActorsWithStanding } from './records-repository.js';
import type { EventRecordsTable } from './schema.js';

/*
 * Reads of event records, plain rows: which records a filter keeps, in which order, and what
 * their reports say. What the reports add up to (witnesses, contradictions, verdicts) is worked
 * out above the store, in records/record-views.ts.
 */

export interface RecordActorOut {
  id: string | null;
  name: string;
}

/** An event actor's CAMEO code, and the registry's type, country and sector when it resolves to an entry. */
export interface ActorFacts {
  cameo: string | null;
  type: string | null;
  country: string | null;
  sector: string | null;
}

/** A stored record's row. */
export type StoredRecord = Selectable<EventRecordsTable>;

/** Which records a list keeps: `dossier records`, GET /api/records and the exports read the same. */
export interface RecordFilter {
  /** An actor id, or a name a source or target of a report contains. */
  actor?: string;
  /** CAMEO code or its prefix. */
  code?: string;
  plover?: string;
  from?: string;
  to?: string;
  /** Place name contains. */
  place?: string;
  /** Reported by an outlet whose name contains this. */
  outlet?: string;
  disputed?: boolean;
  minIndependent?: number;
  /** The record holding this event mention. */
  event?: string;
  id?: string;
  /** Only these records. */
  ids?: readonly string[];
}

export const RECORD_SORTS = ['date', 'reports'] as const;
/** date: latest event first; reports: most reported first. Undated records come last either way. */
export type RecordSort = (typeof RECORD_SORTS)[number];

/** Same rule as the events list: an event whose latest live review decision is a rejection is out. */
const rejectedEvents = sql<string>`(
  SELECT d.item_id FROM review_decisions d
  WHERE d.item_kind = 'event' AND d.undone = 0 AND d.decision = 'reject'
    AND NOT EXISTS (SELECT 1 FROM review_decisions l WHERE l.item_id = d.item_id AND l.undone = 0 AND l.seq > d.seq))`;

/** A record's report: one of its mentions that no live review rejects, as its article tells it. */
export interface ReportRow {
  recordId: string;
  eventId: string;
  articleId: string;
  outlet: string | null;
  published: string | null;
  code: string;
  modality: string;
  /** Who claims, reports or denies it, when the article says. */
  speaker: string | null;
  date: string | null;
  dateEnd: string | null;
  datePrecision: string | null;
  place: string | null;
  placeFeatures: PlaceFeatures | null;
  source: RecordActorOut[];
  target: RecordActorOut[];
  /** The actor key of each source and target, in the same order. */
  sourceKeys: string[];
  targetKeys: string[];
  /** What the events stage and the registry say of each source and target, in the same order: its CAMEO code, and the registry's type, country and sector. */
  sourceFacts: ActorFacts[];
  targetFacts: ActorFacts[];
  magnitudes: Array<{ kind: string; value: number | null; qualifier: string; text: string }>;
  evidence: string;
  score: number;
  reason: string;
  /** Told in its article's headline (before the body's start). */
  headline: boolean;
  /** Its trigger, and the text right after it, as the linker reads them (StoredMention). */
  trigger: string;
  afterTrigger: string;
}

/** Wire credits sit in the dateline and the closing lines: only an article's head and tail are read. */
const EDGE_CHARS = 800;

/** What an article's wire credits are read in: the head and tail of its text, and its byline. */
export interface ArticleEdges {
  text: string;
  byline: string | null;
}

/** Each article's head and tail (the body's first and last characters) and its byline. */
export async function articleEdges(db: Store, articleIds: readonly string[]): Promise<Map<string, ArticleEdges>> {
  const out = new Map<string, ArticleEdges>();
  for (let i = 0; i < articleIds.length; i += 500) {
    const rows = await db
      .selectFrom('articles as a')
      .leftJoin('authors as au', 'au.id', 'a.author_id')
      .select([
        'a.id',
        'au.name as byline',
        // Literals, not parameters: PostgreSQL cannot always type a bound number inside substr arithmetic.
        // From the body's start: a headline ending "- Reuters" names the page's source, not a credit in the text.
        sql<string>`substr(a.text, a.body_start + 1, ${sql.lit(EDGE_CHARS)})`.as('head'),
        sql<string>`CASE WHEN length(a.text) - a.body_start > ${sql.lit(2 * EDGE_CHARS)} THEN substr(a.text, length(a.text) - ${sql.lit(EDGE_CHARS - 1)}, ${sql.lit(EDGE_CHARS)}) ELSE '' END`.as('tail'),
      ])
      .where('a.id', 'in', articleIds.slice(i, i + 500))
      .execute();
    for (const r of rows) out.set(r.id, { text: `${r.head}\n${r.tail}`, byline: r.byline });
  }
  return out;
}

/** The reports of these records: by publication, then article, each article's body before its headline. */
export async function reportRows(db: Store, recordIds: readonly string[]): Promise<ReportRow[]> {
  const out: ReportRow[] = [];
  for (let i = 0; i < recordIds.length; i += 500) {
    const rows = await db
      .selectFrom('record_mentions as m')
      .innerJoin('events as e', 'e.id', 'm.event_id')
      .innerJoin('articles as a', 'a.id', 'e.article_id')
      .leftJoin('outlets as o', 'o.id', 'a.outlet_id')
      .leftJoin('places as p', 'p.id', 'e.place_id')
      .select([
        'm.record_id', 'm.score', 'm.reason', 'e.id', 'e.article_id', 'o.name as outlet', 'a.date as published', 'e.code', 'e.modality', 'e.speaker', 'e.date', 'e.date_end',
        'e.date_precision', 'e.place_id', 'e.place_name', 'e.lat', 'e.lon', 'e.place_precision', 'p.country', 'p.admin1', 'e.magnitudes',
        sql<string>`substr(a.text, e.start + 1, e.end - e.start)`.as('evidence'),
        sql<number>`CASE WHEN e.start < ${headlineEnd} THEN 1 ELSE 0 END`.as('in_headline'),
        sql<string>`substr(a.text, e.trigger_start + 1, e.trigger_end - e.trigger_start)`.as('trigger'),
        sql<string>`substr(a.text, e.trigger_end + 1, ${AFTER_TRIGGER_CHARS})`.as('after_trigger'),
      ])
      .where('m.record_id', 'in', recordIds.slice(i, i + 500))
      .where('e.id', 'not in', rejectedEvents)
      .orderBy('a.date', nullsAsSqlite('asc'))
      .orderBy('e.article_id')
      // An article's body before its headline, in the order linking reads them.
      .orderBy(sql`CASE WHEN e.start < ${headlineEnd} THEN 1 ELSE 0 END`)
      .orderBy('e.start')
      // Two events of one sentence share a start: their order in the article decides, on both engines alike.
      .orderBy('e.idx')
      .execute();
    if (rows.length === 0) continue;
    // Grouped once by event: filtering every actor row for every report was quadratic in the page.
    const actorsByEvent = new Map<string, Awaited<ReturnType<typeof eventActorsWithStanding>>>();
    for (const a of await eventActorsWithStanding(db, rows.map((r) => r.id))) {
      const list = actorsByEvent.get(a.event_id);
      if (list) list.push(a);
      else actorsByEvent.set(a.event_id, [a]);
    }
    for (const r of rows) {
      const own = actorsByEvent.get(r.id) ?? [];
      const role = (name: string) => own.filter((a) => a.role === name);
      out.push({
        recordId: r.record_id,
        eventId: r.id,
        articleId: r.article_id,
        outlet: r.outlet,
        published: r.published,
        code: r.code,
        modality: r.modality,
        speaker: r.speaker,
        date: r.date,
        dateEnd: r.date_end,
        datePrecision: r.date_precision,
        place: r.place_name,
        placeFeatures:
          r.lat !== null && r.lon !== null
            ? { id: r.place_id, name: r.place_name ?? '', lat: r.lat, lon: r.lon, precision: r.place_precision, country: r.country, admin1: r.admin1 }
            : null,
        source: role('source').map((a) => ({ id: a.actor_id, name: a.name })),
        target: role('target').map((a) => ({ id: a.actor_id, name: a.name })),
        sourceKeys: role('source').map((a) => actorKey(a.actor_id, a.name, a)),
        targetKeys: role('target').map((a) => actorKey(a.actor_id, a.name, a)),
        sourceFacts: role('source').map(({ cameo, type, country, sector }) => ({ cameo, type, country, sector })),
        targetFacts: role('target').map(({ cameo, type, country, sector }) => ({ cameo, type, country, sector })),
        magnitudes: JSON.parse(r.magnitudes) as ReportRow['magnitudes'],
        evidence: r.evidence,
        score: r.score,
        reason: r.reason,
        headline: Number(r.in_headline) === 1,
        trigger: r.trigger,
        afterTrigger: r.after_trigger,
      });
    }
  }
  return out;
}

/** Article pairs that share a repeated passage, among the given articles. */
export async function copiedPairs(db: Store, articleIds: readonly string[]): Promise<Array<[string, string]>> {
  if (articleIds.length === 0) return [];
  const wanted = new Set(articleIds);
  const ids = [...wanted];
  const rows: Array<{ a: string; b: string }> = [];
  // Only the repeats of these articles: the whole table is millions of rows on a big store.
  for (let i = 0; i < ids.length; i += 500) {
    rows.push(
      ...(await db
        .selectFrom('repeats as r')
        .innerJoin('passages as x', 'x.id', 'r.passage_id')
        .innerJoin('passages as y', 'y.id', 'r.other_passage_id')
        .select(['x.article_id as a', 'y.article_id as b'])
        .distinct()
        .where('x.article_id', 'in', ids.slice(i, i + 500))
        .execute()),
    );
  }
  return rows.filter((r) => wanted.has(r.b)).map((r) => [r.a, r.b]);
}

const lowerLike = (needle: string): string => `%${needle.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The records the filter keeps, as a query on event_records: those with a report to show (a
 * mention no live review rejects), so a page and its total count only records a list shows.
 * The verdicts (disputed, independent witnesses) are the stored columns. Actor and outlet are
 * read on the reports a record shows (its mentions no live review rejects), as the record's
 * source and target actors and outlets are: so a page of records and its total come from here
 * alone, with any filter, and only the page's records are worked out.
 */
function matching(db: Store, f: RecordFilter) {
  let q = db
    .selectFrom('event_records as r')
    .where('r.mention_count', '>', 0)
    .where(({ exists, selectFrom }) => exists(selectFrom('record_mentions as s').select('s.event_id').whereRef('s.record_id', '=', 'r.id').where('s.event_id', 'not in', rejectedEvents)));
  if (f.id) q = q.where('r.id', '=', f.id);
  if (f.ids) q = f.ids.length > 0 ? q.where('r.id', 'in', [...f.ids]) : q.where(sql<boolean>`1 = 0`);
  if (f.code) q = q.where('r.code', 'like', `${f.code}%`);
  if (f.plover) q = q.where('r.plover', '=', f.plover.toUpperCase());
  if (f.from) q = q.where('r.date', '>=', f.from);
  if (f.to) q = q.where('r.date', '<=', `${f.to}\uffff`);
  if (f.place) q = q.where(sql<string>`lower(r.place_name)`, 'like', sql<string>`${lowerLike(f.place)} ESCAPE '\\'`);
  if (f.event) q = q.where('r.id', 'in', db.selectFrom('record_mentions').select('record_id').where('event_id', '=', f.event));
  if (f.disputed === true) q = q.where('r.disputed', '=', 1);
  if (f.minIndependent !== undefined) q = q.where('r.independent_outlets', '>=', f.minIndependent);
  if (f.actor) {
    const actor = f.actor;
    // The records of the actor rows that match, read once: a name's LIKE reads every row either
    // way, and asked record by record it read them again for each of the store's records.
    q = q.where('r.id', 'in', (qb) =>
      qb
        .selectFrom('event_actors as ea')
        .innerJoin('record_mentions as m', 'm.event_id', 'ea.event_id')
        .select('m.record_id')
        .where('m.event_id', 'not in', rejectedEvents)
        .where('ea.role', 'in', ['source', 'target'])
        .where((eb) => eb.or([eb('ea.actor_id', '=', actor), eb(sql<string>`lower(ea.name)`, 'like', sql<string>`${lowerLike(actor)} ESCAPE '\\'`)])),
    );
  }
  if (f.outlet) {
    const outlet = f.outlet;
    q = q.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('record_mentions as m')
          .innerJoin('events as e', 'e.id', 'm.event_id')
          .innerJoin('articles as a', 'a.id', 'e.article_id')
          .innerJoin('outlets as o', 'o.id', 'a.outlet_id')
          .select('m.event_id')
          .whereRef('m.record_id', '=', 'r.id')
          .where('m.event_id', 'not in', rejectedEvents)
          .where(sql<string>`lower(o.name)`, 'like', sql<string>`${lowerLike(outlet)} ESCAPE '\\'`),
      ),
    );
  }
  return q;
}

/** The rows of the records the filter keeps, in the sort's order; only a slice of them when one is asked for. */
export async function recordRows(db: Store, f: RecordFilter, page: { sort?: RecordSort; slice?: { limit: number; offset: number } } = {}): Promise<StoredRecord[]> {
  const base = matching(db, f).selectAll('r');
  const ordered = (page.sort === 'reports' ? base.orderBy('r.mention_count', 'desc') : base).orderBy('r.date', nullsAsSqlite('desc')).orderBy('r.id');
  return (page.slice ? ordered.limit(page.slice.limit).offset(page.slice.offset) : ordered).execute();
}

/** How many records the filter keeps. */
export async function countRecordRows(db: Store, f: RecordFilter): Promise<number> {
  const [{ n } = { n: 0 }] = await matching(db, f).select((eb) => eb.fn.countAll<number>().as('n')).execute();
  return Number(n);
}

export interface OutletSummary {
  name: string;
  articles: number;
  firstDate: string | null;
  lastDate: string | null;
  /** The actors its events name most, as source or target. */
  topActors: Array<{ id: string | null; name: string; events: number }>;
  /** Its most frequent PLOVER types (CAMEO root when none). */
  topEventTypes: Array<{ type: string; events: number }>;
}

/** Every stored outlet with its article count, date range, most frequent actors and event types. */
export async function outletSummaries(db: Store, top = 5): Promise<OutletSummary[]> {
  const outlets = await db
    .selectFrom('outlets as o')
    .innerJoin('articles as a', 'a.outlet_id', 'o.id')
    .select(['o.id', 'o.name', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.min('a.date').as('first'), (eb) => eb.fn.max('a.date').as('last')])
    .groupBy(['o.id', 'o.name'])
    .orderBy('n', 'desc')
    .orderBy('o.name')
    .execute();
  const actors = await db
    .selectFrom('event_actors as ea')
    .innerJoin('events as e', 'e.id', 'ea.event_id')
    .innerJoin('articles as a', 'a.id', 'e.article_id')
    .select(['a.outlet_id', 'ea.actor_id', sql<string>`min(ea.name)`.as('name'), (eb) => eb.fn.count('ea.event_id').distinct().as('n')])
    // actor_id too, as PostgreSQL wants every selected column grouped; the coalesce already implies it.
    .groupBy(['a.outlet_id', 'ea.actor_id', sql`coalesce(ea.actor_id, lower(ea.name))`])
    .execute();
  const types = await db
    .selectFrom('events as e')
    .innerJoin('articles as a', 'a.id', 'e.article_id')
    .select(['a.outlet_id', sql<string>`coalesce(e.plover, 'CAMEO ' || e.root_code)`.as('type'), (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['a.outlet_id', 'type'])
    .execute();
  const byCount = <T extends { n: unknown }>(xs: T[]): T[] => [...xs].sort((a, b) => Number(b.n) - Number(a.n)).slice(0, top);
  return outlets.map((o) => ({
    name: o.name,
    articles: Number(o.n),
    firstDate: (o.first as string | null) ?? null,
    lastDate: (o.last as string | null) ?? null,
    topActors: byCount(actors.filter((a) => a.outlet_id === o.id)).map((a) => ({ id: a.actor_id, name: a.name, events: Number(a.n) })),
    topEventTypes: byCount(types.filter((t) => t.outlet_id === o.id)).map((t) => ({ type: t.type, events: Number(t.n) })),
  }));
}
