import { sql } from 'kysely';
import { type Contradiction, type FigureUpdates, findContradictions, findFigureUpdates, type MentionClaim } from '../records/contradictions.js';
import { bodyTold } from '../records/headline-mentions.js';
import { findInconsistencies, type Inconsistency } from '../records/inconsistencies.js';
import { type Independence, independentWitnesses } from '../records/independence.js';
import { outletOwner } from '../records/outlet-owners.js';
import { creditedWires, detectWireCredits, outletAsWire, type WireCredit } from '../records/wire-credits.js';
import { nullsAsSqlite } from './dialect.js';
import { headlineEnd } from './headline-span.js';
import type { Store } from './open-store.js';
import { actorKey, eventActorsWithStanding } from './records-repository.js';

export interface RecordActorOut {
  id: string | null;
  name: string;
}

export interface RecordMentionOut {
  eventId: string;
  articleId: string;
  outlet: string | null;
  published: string | null;
  code: string;
  modality: string;
  /** Who claims, reports or denies it, when the article says. */
  speaker: string | null;
  date: string | null;
  datePrecision: string | null;
  place: string | null;
  source: RecordActorOut[];
  target: RecordActorOut[];
  magnitudes: Array<{ kind: string; value: number | null; qualifier: string; text: string }>;
  evidence: string;
  score: number;
  reason: string;
  /** The agencies the mention's article credits (dateline, sign-off, byline), each with how it was found. */
  wireCredits: WireCredit[];
}

export interface RecordOut {
  id: string;
  code: string;
  plover: string | null;
  date: string | null;
  datePrecision: string | null;
  place: { id: string | null; name: string; lat: number; lon: number } | null;
  source: RecordActorOut[];
  target: RecordActorOut[];
  mentions: Array<{ eventId: string; articleId: string; outlet: string | null }>;
  outlets: string[];
  independentOutlets: number;
  disputed: boolean;
  contradictions: Contradiction[];
  /** Counts that rose as reports came out ("injured 11 → 34 → 110"): successive figures, not disputes. */
  updates: FigureUpdates[];
  /** Inconsistencies inside one article: an event dated after the article, or one article's mentions disagreeing. */
  inconsistencies: Inconsistency[];
  firstReported: string | null;
  lastReported: string | null;
}

export interface RecordDetail extends RecordOut {
  reports: RecordMentionOut[];
  witnesses: Independence['groups'];
}

/** The verdicts stored on a record's row (independent_outlets, outlet_count, disputed), as worked out from its reports. */
export interface RecordVerdict {
  independentOutlets: number;
  outletCount: number;
  disputed: boolean;
}

type LoadedRecord = RecordDetail & { stored: RecordVerdict };

export interface RecordFilter {
  actor?: string;
  code?: string;
  from?: string;
  to?: string;
  place?: string;
  outlet?: string;
  disputed?: boolean;
  minIndependent?: number;
  id?: string;
  /** Only these records (the API pages in SQL, then loads a page's records by id). */
  ids?: readonly string[];
  limit?: number;
}

/** Same rule as the events list: an event whose latest live review decision is a rejection is out. */
const rejectedEvents = sql<string>`(
  SELECT d.item_id FROM review_decisions d
  WHERE d.item_kind = 'event' AND d.undone = 0 AND d.decision = 'reject'
    AND NOT EXISTS (SELECT 1 FROM review_decisions l WHERE l.item_id = d.item_id AND l.undone = 0 AND l.seq > d.seq))`;

type MentionRow = Omit<RecordMentionOut, 'wireCredits'> & {
  recordId: string;
  /** Told in its article's headline (before the body's start). */
  headline: boolean;
  sourceKeys: string[];
  targetKeys: string[];
  placeFeatures: MentionClaim['place'];
  dateEnd: string | null;
};

/** Wire credits sit in the dateline and the closing lines: only an article's head and tail are read. */
const EDGE_CHARS = 800;

/** Each article's wire credits, from its head, its tail and its byline. */
async function wireCreditsOf(db: Store, articleIds: readonly string[]): Promise<Map<string, WireCredit[]>> {
  const out = new Map<string, WireCredit[]>();
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
    for (const r of rows) out.set(r.id, detectWireCredits(`${r.head}\n${r.tail}`, r.byline));
  }
  return out;
}

async function mentionsOf(db: Store, recordIds: readonly string[]): Promise<MentionRow[]> {
  const out: MentionRow[] = [];
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
      ])
      .where('m.record_id', 'in', recordIds.slice(i, i + 500))
      .where('e.id', 'not in', rejectedEvents)
      .orderBy('a.date', nullsAsSqlite('asc'))
      .orderBy('e.article_id')
      // An article's body before its headline, in the order linking reads them.
      .orderBy(sql`CASE WHEN e.start < ${headlineEnd} THEN 1 ELSE 0 END`)
      .orderBy('e.start')
      .execute();
    if (rows.length === 0) continue;
    const actors = await eventActorsWithStanding(db, rows.map((r) => r.id));
    for (const r of rows) {
      const role = (name: string) => actors.filter((a) => a.event_id === r.id && a.role === name);
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
        magnitudes: JSON.parse(r.magnitudes) as RecordMentionOut['magnitudes'],
        evidence: r.evidence,
        score: r.score,
        reason: r.reason,
        headline: Number(r.in_headline) === 1,
      });
    }
  }
  return out;
}

/** Article pairs that share a repeated passage, among the given articles. */
async function copiedPairs(db: Store, articleIds: readonly string[]): Promise<Array<[string, string]>> {
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

const toClaim = (m: MentionRow): MentionClaim => ({
  eventId: m.eventId,
  articleId: m.articleId,
  outlet: m.outlet,
  evidence: m.evidence,
  sources: m.source.map((a, i) => ({ key: m.sourceKeys[i]!, name: a.name })),
  targets: m.target.map((a, i) => ({ key: m.targetKeys[i]!, name: a.name })),
  date: m.date,
  datePrecision: m.datePrecision,
  place: m.placeFeatures,
  magnitudes: m.magnitudes,
  modality: m.modality,
  speaker: m.speaker,
  published: m.published,
});

/** Display actors for a record's keys, named as its mentions name them. */
function actorsFor(keys: readonly string[], mentions: readonly MentionRow[], role: 'source' | 'target'): RecordActorOut[] {
  const names = new Map<string, RecordActorOut>();
  for (const m of mentions) {
    const list = role === 'source' ? m.source : m.target;
    const ks = role === 'source' ? m.sourceKeys : m.targetKeys;
    list.forEach((a, i) => {
      if (!names.has(ks[i]!)) names.set(ks[i]!, a);
    });
  }
  return keys.map((k) => names.get(k)).filter((a): a is RecordActorOut => a !== undefined);
}

async function loadRecords(db: Store, f: RecordFilter): Promise<LoadedRecord[]> {
  let q = db.selectFrom('event_records').selectAll().where('mention_count', '>', 0);
  // The stored verdicts: the filters read them in SQL, so only the records they keep are worked out.
  if (f.disputed) q = q.where('disputed', '=', 1);
  if (f.minIndependent !== undefined) q = q.where('independent_outlets', '>=', f.minIndependent);
  if (f.id) q = q.where('id', '=', f.id);
  if (f.ids) q = f.ids.length > 0 ? q.where('id', 'in', [...f.ids]) : q.where(sql<boolean>`1 = 0`);
  if (f.code) q = q.where('code', 'like', `${f.code}%`);
  if (f.from) q = q.where('date', '>=', f.from);
  if (f.to) q = q.where('date', '<=', `${f.to}\uffff`);
  if (f.place) q = q.where(sql<string>`lower(place_name)`, 'like', `%${f.place.toLowerCase()}%`);
  const records = await q.orderBy('date', nullsAsSqlite('desc')).orderBy('id').execute();
  const mentions = await mentionsOf(db, records.map((r) => r.id));
  const byRecord = new Map<string, MentionRow[]>();
  for (const m of mentions) byRecord.set(m.recordId, [...(byRecord.get(m.recordId) ?? []), m]);
  const articleIds = [...new Set(mentions.map((m) => m.articleId))];
  const copies = await copiedPairs(db, articleIds);
  const credits = await wireCreditsOf(db, articleIds);
  const out: LoadedRecord[] = [];
  for (const r of records) {
    const ms = byRecord.get(r.id) ?? [];
    if (ms.length === 0) continue;
    const articles = new Set(ms.map((m) => m.articleId));
    const independence = independentWitnesses(
      [
        ...new Map(
          ms.map((m) => {
            const own = outletAsWire(m.outlet);
            const wires = [...new Set([...(own ? [own] : []), ...creditedWires(credits.get(m.articleId) ?? [])])];
            return [m.articleId, { articleId: m.articleId, outlet: m.outlet, owner: outletOwner(m.outlet), wires }];
          }),
        ).values(),
      ],
      copies.filter(([a, b]) => articles.has(a) && articles.has(b)),
    );
    // The body speaks for its article where reports disagree; its headline only sums it up.
    const told = bodyTold(ms);
    const claims = told.map(toClaim);
    const contradictions = findContradictions(claims);
    out.push({
      id: r.id,
      code: r.code,
      plover: r.plover,
      date: r.date,
      datePrecision: r.date_precision,
      place: r.lat !== null && r.lon !== null ? { id: r.place_id, name: r.place_name ?? '', lat: r.lat, lon: r.lon } : null,
      source: actorsFor(JSON.parse(r.sources) as string[], ms, 'source'),
      target: actorsFor(JSON.parse(r.targets) as string[], ms, 'target'),
      mentions: ms.map((m) => ({ eventId: m.eventId, articleId: m.articleId, outlet: m.outlet })),
      outlets: independence.outlets,
      independentOutlets: independence.independentOutlets,
      disputed: contradictions.length > 0,
      contradictions,
      updates: findFigureUpdates(claims),
      inconsistencies: findInconsistencies(told),
      firstReported: r.first_reported,
      lastReported: r.last_reported,
      reports: ms.map(({ recordId: _r, sourceKeys: _s, targetKeys: _t, placeFeatures: _p, dateEnd: _d, headline: _h, ...m }) => ({ ...m, wireCredits: credits.get(m.articleId) ?? [] })),
      witnesses: independence.groups,
      stored: { independentOutlets: r.independent_outlets, outletCount: r.outlet_count, disputed: r.disputed === 1 },
    });
  }
  return out;
}

const matchesText = (needle: string, a: RecordActorOut): boolean => a.id === needle || a.name.toLowerCase().includes(needle.toLowerCase());

/** Event records with their outlets, independent witnesses and contradictions. */
export async function findRecords(db: Store, f: RecordFilter = {}): Promise<RecordOut[]> {
  const all = await loadRecords(db, f);
  const kept = all.filter(
    (r) =>
      (!f.actor || r.reports.some((m) => [...m.source, ...m.target].some((a) => matchesText(f.actor!, a)))) &&
      (!f.outlet || r.outlets.some((o) => o.toLowerCase().includes(f.outlet!.toLowerCase()))),
  );
  // The list shows the verdicts it filtered on: the stored ones (equal to the worked-out ones, see refreshRecord).
  return kept
    .slice(0, f.limit ?? kept.length)
    .map(({ reports: _r, witnesses: _w, stored, ...r }) => ({ ...r, independentOutlets: stored.independentOutlets, disputed: stored.disputed }));
}

/** One record: who reported what, the witness groups, the contradictions. */
export async function getRecord(db: Store, id: string): Promise<RecordDetail | null> {
  const r = (await loadRecords(db, { id }))[0];
  if (!r) return null;
  const { stored: _s, ...detail } = r;
  return detail;
}

/**
 * The verdicts of these records worked out from their reports, exactly as getRecord shows
 * them. Records with no report left to show (all rejected) are absent.
 */
export async function recordVerdicts(db: Store, ids: readonly string[]): Promise<Map<string, RecordVerdict>> {
  const out = new Map<string, RecordVerdict>();
  for (let i = 0; i < ids.length; i += 200) {
    for (const r of await loadRecords(db, { ids: ids.slice(i, i + 200) })) {
      out.set(r.id, { independentOutlets: r.independentOutlets, outletCount: r.outlets.length, disputed: r.disputed });
    }
  }
  return out;
}

export interface RecordStats {
  records: number;
  multiArticle: number;
  multiOutlet: number;
  disputed: number;
}

export async function recordStats(db: Store): Promise<RecordStats> {
  const all = await loadRecords(db, {});
  return {
    records: all.length,
    multiArticle: all.filter((r) => new Set(r.mentions.map((m) => m.articleId)).size > 1).length,
    multiOutlet: all.filter((r) => r.outlets.length > 1).length,
    disputed: all.filter((r) => r.disputed).length,
  };
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
