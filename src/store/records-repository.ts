import { createHash } from 'node:crypto';
import { type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import { dayRange } from '../time/day-range.js';
import { dialectOf } from './dialect.js';
import { articleTextCuts } from './article-text-cuts.js';
import type { ActorKey, CanonicalRecord, DateWindows, MentionFeatures, PlaceFeatures, RecordFeatures } from './record-features.js';
import type { Database, EventRecordsTable } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;


/** Stable: the record is named after the mention that started it. */
export const recordId = (firstEventId: string): string => `r_${createHash('sha256').update(firstEventId).digest('hex').slice(0, 16)}`;

/** Counts say how many, not who: "four soldiers" and "six soldiers" are the same actor. */
const LEADING_COUNT = /^(?:(?:at least|more than|about|some|nearly|around)\s+)?(?:\d[\d,]*|a|an|the|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens of|hundreds of|several|many)\s+/i;

/**
 * A state, its government, armed forces and police are one party when reports are compared:
 * "the US", "Washington" and "US forces" do not dispute who struck; nor do "Iran" and "the
 * Revolutionary Guards", an organ of its state by the registry's country and sector.
 */
const STATE_ORGAN = /^([a-z]{3})-(?:gov|mil|cop)$/;
export const STATE_SECTORS: ReadonlySet<string> = new Set(['government', 'military', 'police', 'intelligence']);

/** What the registry says of an actor that makes it a state's organ. */
export interface ActorStanding {
  readonly type: string | null;
  readonly country: string | null;
  readonly sector: string | null;
}

export const actorKey = (actorId: string | null, name: string, standing?: ActorStanding): ActorKey => {
  if (actorId && standing?.type === 'organization' && standing.country && STATE_SECTORS.has(standing.sector ?? '')) return `cc-${standing.country.toLowerCase()}`;
  if (actorId) return actorId.replace(STATE_ORGAN, 'cc-$1');
  return `name:${name.toLowerCase().replace(LEADING_COUNT, '').trim()}`;
};

/** The event actors of these events, in order, with the registry's standing of each. */
export async function eventActorsWithStanding(db: Db, eventIds: readonly string[]) {
  const out: Array<{ event_id: string; role: string; actor_id: string | null; name: string; cameo: string | null; type: string | null; country: string | null; sector: string | null }> = [];
  for (let i = 0; i < eventIds.length; i += 500) {
    out.push(
      ...(await db
        .selectFrom('event_actors as ea')
        .leftJoin('actors as a', 'a.id', 'ea.actor_id')
        .select(['ea.event_id', 'ea.role', 'ea.actor_id', 'ea.name', 'ea.cameo', 'a.type', 'a.country', 'a.sector'])
        .where('ea.event_id', 'in', eventIds.slice(i, i + 500))
        .orderBy('ea.event_id')
        .orderBy('ea.pos')
        .execute()),
    );
  }
  return out;
}

/**
 * The records that hold mentions of one article only, that article being in the story and not
 * the one given, and that share a CAMEO root or a PLOVER type with one of `like` (others the
 * merge rule would keep apart by type), with whether they hold its lead; in id order, so every
 * engine compares them in one order.
 */
export async function storyRecordsOfOneArticle(
  db: Db,
  storyId: string,
  exceptArticleId: string,
  like: readonly string[],
): Promise<Array<{ recordId: string; articleId: string; lead: boolean }>> {
  if (like.length === 0) return [];
  const types = await db.selectFrom('event_records').select(['root_code', 'plover']).where('id', 'in', [...like]).execute();
  const roots = [...new Set(types.map((t) => t.root_code))];
  const plovers = [...new Set(types.map((t) => t.plover).filter((p): p is string => p !== null))];
  if (roots.length === 0) return [];
  const rows = await db
    .selectFrom('story_articles as s')
    .innerJoin('events as e', 'e.article_id', 's.article_id')
    .innerJoin('record_mentions as rm', 'rm.event_id', 'e.id')
    .innerJoin('event_records as r', 'r.id', 'rm.record_id')
    .select(['rm.record_id', 'e.article_id', 'rm.lead'])
    .where('s.story_id', '=', storyId)
    .where('s.article_id', '!=', exceptArticleId)
    .where((eb) => eb.or([eb('r.root_code', 'in', roots), ...(plovers.length > 0 ? [eb('r.plover', 'in', plovers)] : [])]))
    .orderBy('rm.record_id')
    .execute();
  const ids = [...new Set(rows.map((r) => r.record_id))];
  const out: Array<{ recordId: string; articleId: string; lead: boolean }> = [];
  for (let i = 0; i < ids.length; i += 500) {
    // A record reaching outside the story's articles holds more than one article.
    const all = await db
      .selectFrom('record_mentions as rm')
      .innerJoin('events as e', 'e.id', 'rm.event_id')
      .select(['rm.record_id', 'e.article_id', 'rm.lead'])
      .where('rm.record_id', 'in', ids.slice(i, i + 500))
      .orderBy('rm.record_id')
      .execute();
    const byRecord = new Map<string, { articles: Set<string>; lead: boolean }>();
    for (const r of all) {
      const x = byRecord.get(r.record_id) ?? { articles: new Set<string>(), lead: false };
      x.articles.add(r.article_id);
      x.lead ||= Number(r.lead) === 1;
      byRecord.set(r.record_id, x);
    }
    for (const [recordId, x] of byRecord) {
      const [articleId] = [...x.articles];
      if (x.articles.size === 1 && articleId !== undefined) out.push({ recordId, articleId, lead: x.lead });
    }
  }
  return out.sort((a, b) => (a.recordId < b.recordId ? -1 : a.recordId > b.recordId ? 1 : 0));
}

/** A day more than the window: the merge rule rounds the gap between two ranges to whole days. */
const ROUNDING_DAYS = 1;

/**
 * How far back in time an article looks for the record of an event it retells without a date
 * (by a shared target), and how far from its reports an undated record is looked for: a year
 * and a month, so a retelling on the anniversary ("a year after the blast") still finds its
 * record. What a retelling from further back loses: an undated "the 2019 downing of the drone"
 * in an article of 2021 no longer joins the 2019 record, even naming both sides as it did; it
 * starts a record of its own (the old record misses a late witness, and the event is counted
 * twice). A retelling that gives the date ("on June 20, 2019") still finds the record by its
 * date, however old, and one in the same story by the story. Without the bound, a mention whose
 * target is a state ("the United States") would be compared with every record of the store
 * that targets it.
 */
export const LOOKBACK_DAYS = 400;

const DAY_MS = 86_400_000;

/** How much of the text right after a trigger is read with it: its object's phrase ("several hostile missiles"). */
export const AFTER_TRIGGER_CHARS = 80;

/**
 * A stored event mention as the merge rule reads it, with its evidence sentence, its trigger and
 * the text right after the trigger as text: the linker reads words in them (records/link-article.ts).
 */
export type StoredMention = MentionFeatures & { readonly modality: string; readonly evidence: string; readonly trigger: string; readonly afterTrigger: string };

/**
 * The linking features of the events matching `where`, in article order, but what the linker
 * reads in their text (the words of their evidence, a plural trigger): the canonical attributes
 * need none of it.
 * An article's headline comes after its body: the body's fuller telling starts the record
 * (and names it), the headline joins it, and ties in the canonical attributes go to the body.
 */
export async function mentionFeatures(db: Db, where: { articleId?: string; eventIds?: readonly string[]; recordId?: string }): Promise<StoredMention[]> {
  let q = db
    .selectFrom('events as e')
    .leftJoin('places as p', 'p.id', 'e.place_id')
    .select([
      'e.id', 'e.article_id', 'e.code', 'e.root_code', 'e.plover', 'e.date', 'e.date_end', 'e.date_precision',
      'e.place_id', 'e.place_name', 'e.lat', 'e.lon', 'e.place_precision', 'p.country', 'p.admin1', 'e.modality',
      'e.start', 'e.end', 'e.trigger_start', 'e.trigger_end',
    ]);
  if (where.articleId) q = q.where('e.article_id', '=', where.articleId);
  if (where.eventIds) {
    if (where.eventIds.length === 0) return [];
    q = q.where('e.id', 'in', [...where.eventIds]);
  }
  const recordId = where.recordId;
  if (recordId !== undefined) q = q.where('e.id', 'in', db.selectFrom('record_mentions').select('event_id').where('record_id', '=', recordId));
  const found = await q.execute();
  if (found.length === 0) return [];
  // Each article's text once, not once a row (article-text-cuts.ts).
  const texts = await articleTextCuts(db, found.map((r) => r.article_id));
  const rows = found.flatMap((r) => {
    const a = texts.get(r.article_id);
    return a ? [{ ...r, a, headline: r.start < a.headlineEnd }] : [];
  });
  // Two events of one sentence share a start: their triggers, then their ids, decide, so
  // every process and engine links them in the same order (the rule is not symmetric).
  rows.sort((x, y) => order(x.article_id, y.article_id) || Number(x.headline) - Number(y.headline) || x.start - y.start || x.trigger_start - y.trigger_start || order(x.id, y.id));
  const actors = new Map<string, Awaited<ReturnType<typeof eventActorsWithStanding>>>();
  for (const a of await eventActorsWithStanding(db, rows.map((r) => r.id))) {
    const list = actors.get(a.event_id);
    if (list) list.push(a);
    else actors.set(a.event_id, [a]);
  }
  return rows.map((r) => {
    const mine = actors.get(r.id) ?? [];
    const keys = (role: string): ActorKey[] => [...new Set(mine.filter((a) => a.role === role).map((a) => actorKey(a.actor_id, a.name, a)))];
    const countries = new Map<ActorKey, string>();
    for (const a of mine) {
      const key = actorKey(a.actor_id, a.name, a);
      if (a.actor_id && a.country && !key.startsWith('cc-')) countries.set(key, a.country.toUpperCase());
    }
    return {
      eventId: r.id,
      articleId: r.article_id,
      published: r.a.published,
      code: r.code,
      rootCode: r.root_code,
      plover: r.plover,
      date: r.date,
      dateEnd: r.date_end,
      datePrecision: r.date_precision,
      place: placeOf(r),
      sources: keys('source'),
      targets: keys('target'),
      actorCountries: countries,
      modality: r.modality,
      start: r.start,
      headline: r.headline,
      evidence: r.a.cut(r.start, r.end - r.start),
      trigger: r.a.cut(r.trigger_start, r.trigger_end - r.trigger_start),
      afterTrigger: r.a.cut(r.trigger_end, AFTER_TRIGGER_CHARS),
    };
  });
}

/** Ids in the engines' binary order. */
const order = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function placeOf(r: { place_id: string | null; place_name: string | null; lat: number | null; lon: number | null; place_precision: string | null; country: string | null; admin1: string | null }): PlaceFeatures | null {
  if (r.lat === null || r.lon === null) return null;
  return { id: r.place_id, name: r.place_name ?? '', lat: r.lat, lon: r.lon, precision: r.place_precision, country: r.country, admin1: r.admin1 };
}

const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** A record that could hold a mention, with its mentions' evidence text (the linker reads its words). */
export type RecordCandidate = Omit<RecordFeatures, 'mentionWords'> & {
  readonly evidence: readonly string[];
  /** Each mention's trigger and the text right after it, as StoredMention has them. */
  readonly triggers: ReadonlyArray<{ readonly trigger: string; readonly afterTrigger: string }>;
};

/**
 * Records that could hold the mention, with where their mentions are, the stories of their
 * articles, and the stories they hold a lead of. Of a compatible type, and one of:
 * - dated, when the mention is: a range within the merge rule's date window for the two
 *   precisions (`windows`, which the linker gives), and a day;
 * - holding a mention of its article (a retelling, its headline, its lead's record);
 * - holding a mention of another article of its story (another report of it);
 * - sharing a target actor with it, reaching within LOOKBACK_DAYS of it;
 * the last three undated, when the mention is dated (a dated one is the first or none).
 * These are all the merge rule can join a mention to (records/link-events.ts mergeGate: an
 * undated side needs the target to agree, or the same article or story; test/records/
 * linking-bounds.test.ts holds the rule to it), but the look-back, which is a choice: so how many
 * records are read depends on the mention's time, actors, article and story, not on the store's size.
 */
export async function recordCandidates(db: Db, m: MentionFeatures, windows: DateWindows): Promise<RecordCandidate[]> {
  const keys: Array<['root_code' | 'plover', string]> = [['root_code', m.rootCode], ...(m.plover ? [['plover', m.plover] as ['plover', string]] : [])];
  const range = m.date ? dayRange(m.date, m.dateEnd) : null;
  const published = m.published ? dayRange(m.published, null) : null;
  const ids = new Set<string>();
  const add = (rows: ReadonlyArray<{ id: string }>): void => {
    for (const r of rows) ids.add(r.id);
  };
  if (range) {
    // Every dated record has its range's last day (date_end: canonicalRecord takes both from one
    // mention), so a "2020" or a "2020-01" counts to its end, and a range to its last day.
    // Each precision within its own window: a day-precise record only days around a day-precise
    // mention, a year one within two months (reading every dated record of the type in a
    // ±60-day margin made the cost grow with the store where all its news is of a few months).
    const within = (days: number): [string, string] => [isoDay(range[0] - (days + ROUNDING_DAYS) * DAY_MS), isoDay(range[1] + (days + ROUNDING_DAYS) * DAY_MS)];
    const listed = windows.byPrecision.flatMap((w) => w.precisions);
    // One branch per type key and window, so each reads one index range (migration 2026-12-08-01).
    add(
      await db
        .selectFrom('event_records')
        .select('id')
        .where((eb) =>
          eb.or(
            keys.flatMap(([column, value]) => [
              ...windows.byPrecision.map((w) => {
                const [lo, hi] = within(w.days);
                return eb.and([eb(column, '=', value), eb('date_end', '>=', lo), eb('date', '<=', hi), eb('date_precision', 'in', [...w.precisions])]);
              }),
              (() => {
                const [lo, hi] = within(windows.otherDays);
                const near = [eb(column, '=', value), eb('date_end', '>=', lo), eb('date', '<=', hi)];
                return eb.and(listed.length > 0 ? [...near, eb.or([eb('date_precision', 'is', null), eb('date_precision', 'not in', listed)])] : near);
              })(),
            ]),
          ),
        )
        .execute(),
    );
  }
  // A dated mention joins a dated record only within the window, which the branch above read:
  // of its article's, its story's and its targets' records, it needs only the undated ones (as
  // the merge rule reads a date: one it cannot read counts as none).
  const undatedOnly = range !== null;
  const undated = sql<boolean>`(r.date IS NULL OR substr(r.date, 1, 4) NOT BETWEEN '0000' AND '9999')`;
  let ofArticle = db
    .selectFrom('record_mentions as rm')
    .innerJoin('events as e', 'e.id', 'rm.event_id')
    .innerJoin('event_records as r', 'r.id', 'rm.record_id')
    .select('rm.record_id as id')
    .where('e.article_id', '=', m.articleId);
  if (undatedOnly) ofArticle = ofArticle.where(undated);
  add(await ofArticle.execute());
  if (m.story) {
    let ofStory = db
      .selectFrom('story_articles as s')
      .innerJoin('events as e', 'e.article_id', 's.article_id')
      .innerJoin('record_mentions as rm', 'rm.event_id', 'e.id')
      .innerJoin('event_records as r', 'r.id', 'rm.record_id')
      .select('rm.record_id as id')
      .where('s.story_id', '=', m.story);
    if (undatedOnly) ofStory = ofStory.where(undated);
    add(await ofStory.execute());
  }
  if (m.targets.length > 0) {
    let q = db.selectFrom('record_targets as t').innerJoin('event_records as r', 'r.id', 't.record_id').select('t.record_id as id').where('t.key', 'in', [...m.targets]);
    if (undatedOnly) q = q.where(undated);
    const near = range ?? published;
    if (near) {
      // Within LOOKBACK_DAYS of the event the mention dates and of its article: a record dated
      // then, or, undated, reported then (it lives in its reports' time). One told only by
      // undated articles has no time to place it by, and stays.
      const from = isoDay(Math.min(near[0], published?.[0] ?? near[0]) - LOOKBACK_DAYS * DAY_MS);
      const to = isoDay(Math.max(near[1], published?.[1] ?? near[1]) + (LOOKBACK_DAYS + 1) * DAY_MS);
      q = q
        .where((eb) => eb.or([eb('t.until', '>=', from), eb('t.until', 'is', null)]))
        .where((eb) => eb.or([eb('r.date', '<', to), eb.and([eb('r.date', 'is', null), eb.or([eb('r.first_reported', 'is', null), eb('r.first_reported', '<', to)])])]));
    }
    add(await q.execute());
  }
  const rows: Array<Selectable<EventRecordsTable>> = [];
  const wanted = [...ids];
  for (let i = 0; i < wanted.length; i += 500) {
    rows.push(
      ...(await db
        .selectFrom('event_records')
        .selectAll()
        .where('id', 'in', wanted.slice(i, i + 500))
        .where((eb) => eb.or(keys.map(([column, value]) => eb(column, '=', value))))
        .execute()),
    );
  }
  // In id order, as the merge rule breaks ties; sorted here, so the engine reads by the ids.
  rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const spans = new Map<string, Array<{ articleId: string; start: number }>>();
  const evidence = new Map<string, string[]>();
  const triggers = new Map<string, Array<{ trigger: string; afterTrigger: string }>>();
  const stories = new Map<string, Map<string, string>>();
  const leads = new Map<string, Set<string>>();
  const leadArticles = new Map<string, string[]>();
  // A list per record, grown in place: a record of 800 mentions is read often while its article links.
  const push = <T>(m: Map<string, T[]>, id: string, v: T): void => {
    const list = m.get(id);
    if (list) list.push(v);
    else m.set(id, [v]);
  };
  for (let i = 0; i < rows.length; i += 500) {
    const links = await db
      .selectFrom('record_mentions as m')
      .innerJoin('events as e', 'e.id', 'm.event_id')
      .leftJoin('story_articles as s', 's.article_id', 'e.article_id')
      .select(['m.record_id', 'm.lead', 'e.article_id', 'e.start', 'e.end', 'e.trigger_start', 'e.trigger_end', 's.story_id'])
      .where('m.record_id', 'in', rows.slice(i, i + 500).map((r) => r.id))
      .orderBy('m.record_id')
      .orderBy('e.article_id')
      .orderBy('e.start')
      .orderBy('e.id')
      .execute();
    // Each article's text once, not once a row (article-text-cuts.ts).
    const texts = await articleTextCuts(db, links.map((l) => l.article_id));
    for (const l of links) {
      const a = texts.get(l.article_id);
      if (!a) continue;
      if (l.lead) push(leadArticles, l.record_id, l.article_id);
      push(spans, l.record_id, { articleId: l.article_id, start: l.start });
      push(evidence, l.record_id, a.cut(l.start, l.end - l.start));
      push(triggers, l.record_id, { trigger: a.cut(l.trigger_start, l.trigger_end - l.trigger_start), afterTrigger: a.cut(l.trigger_end, AFTER_TRIGGER_CHARS) });
      if (l.story_id === null) continue;
      const byArticle = stories.get(l.record_id) ?? new Map<string, string>();
      stories.set(l.record_id, byArticle.set(l.article_id, l.story_id));
      if (l.lead) leads.set(l.record_id, (leads.get(l.record_id) ?? new Set<string>()).add(l.story_id));
    }
  }
  const countries = await actorCountries(db, rows.flatMap((r) => [...(JSON.parse(r.sources) as string[]), ...(JSON.parse(r.targets) as string[])]));
  return rows.map((r) => ({
    articleIds: [...new Set((spans.get(r.id) ?? []).map((x) => x.articleId))],
    spans: spans.get(r.id) ?? [],
    evidence: evidence.get(r.id) ?? [],
    triggers: triggers.get(r.id) ?? [],
    storyOf: stories.get(r.id) ?? new Map<string, string>(),
    leadStories: [...(leads.get(r.id) ?? [])].sort(),
    leadArticles: leadArticles.get(r.id) ?? [],
    firstReported: r.first_reported,
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
    actorCountries: countries,
  }));
}

/** The registry's country of each of these actor keys that is an actor id with one (states, "cc-…", and names left out). */
async function actorCountries(db: Db, keys: readonly ActorKey[]): Promise<Map<ActorKey, string>> {
  const ids = [...new Set(keys)].filter((k) => !k.startsWith('cc-') && !k.startsWith('name:')).sort();
  const out = new Map<ActorKey, string>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db.selectFrom('actors').select(['id', 'country']).where('id', 'in', ids.slice(i, i + 500)).where('country', 'is not', null).execute();
    for (const r of rows) if (r.country) out.set(r.id, r.country.toUpperCase());
  }
  return out;
}

/** The verdicts stored on a record's row (independent_outlets, outlet_count, disputed), as worked out from its reports. */
export interface RecordVerdict {
  readonly independentOutlets: number;
  readonly outletCount: number;
  readonly disputed: boolean;
}

/**
 * Writes these records' verdicts, worked out above the store (records/record-upkeep.ts). One
 * update per distinct verdict: most records of an article share one (one outlet, undisputed).
 */
export async function writeVerdicts(db: Db, verdicts: ReadonlyMap<string, RecordVerdict>): Promise<void> {
  const byVerdict = new Map<string, string[]>();
  for (const [id, v] of verdicts) {
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

/** Writes a record's canonical attributes, starting the record when there is none of that id. */
export async function upsertRecord(db: Db, id: string, canonical: CanonicalRecord): Promise<void> {
  const row = canonicalRow(canonical);
  await db.insertInto('event_records').values({ id, ...row }).onConflict((oc) => oc.column('id').doUpdateSet(row)).execute();
  await writeTargets(db, id, canonical, true);
}

/** Drops a record; its mentions' links go with it (record_mentions cascades). */
export async function deleteRecord(db: Db, id: string): Promise<void> {
  await db.deleteFrom('event_records').where('id', '=', id).execute();
}

/**
 * What a write that changes events' reviews or actors calls, in its transaction, so the records
 * holding those events follow: the store does not work out records (records/record-upkeep.ts
 * refreshRecordsOfEvents does).
 */
export type EventsChanged = (db: Db, eventIds: readonly string[]) => Promise<void>;

/** The record's rows in record_targets, which recordCandidates looks records up by; `replace` drops those it had. */
async function writeTargets(db: Db, id: string, c: CanonicalRecord, replace: boolean): Promise<void> {
  if (replace) await db.deleteFrom('record_targets').where('record_id', '=', id).execute();
  // The last day it reaches: dated, its range's end; undated, its last report.
  const until = c.date === null ? c.lastReported : (c.dateEnd ?? c.date);
  const rows = [...new Set(c.targets)].map((key) => ({ record_id: id, key, until }));
  for (let i = 0; i < rows.length; i += 200) await db.insertInto('record_targets').values(rows.slice(i, i + 200)).execute();
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
    // Worked out from its mentions as they are now.
    lost_mentions: 0,
  };
}

/**
 * Starts a record whose canonical attributes are its one mention's; false when a record of that
 * id is left over (a re-linked article whose first record others joined): its attributes must
 * then be worked out from all its mentions (records/record-upkeep.ts refreshRecord).
 */
export async function insertRecord(db: Db, id: string, canonical: CanonicalRecord): Promise<boolean> {
  const inserted = await db.insertInto('event_records').values({ id, ...canonicalRow(canonical) }).onConflict((oc) => oc.column('id').doNothing()).executeTakeFirst();
  const fresh = Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0;
  if (fresh) await writeTargets(db, id, canonical, false);
  return fresh;
}

/** Puts the event mention in the record (moving it from any other). */
export async function writeRecordMention(db: Db, link: { eventId: string; recordId: string; score: number; reason: string; lead: boolean }): Promise<void> {
  await db
    .insertInto('record_mentions')
    .values({ event_id: link.eventId, record_id: link.recordId, score: link.score, reason: link.reason, lead: link.lead ? 1 : 0 })
    .onConflict((oc) => oc.column('event_id').doUpdateSet({ record_id: link.recordId, score: link.score, reason: link.reason, lead: link.lead ? 1 : 0 }))
    .execute();
}

/** Moves every mention of one record into another (a record found to tell the same event). */
export async function moveRecordMentions(db: Db, from: string, to: string, reason: string): Promise<void> {
  await db.updateTable('record_mentions').set({ record_id: to, reason }).where('record_id', '=', from).execute();
}


/**
 * Marks the records holding the article's events, which are about to be deleted (re-analysis):
 * the next linking works them out again (staleRecords). Only the article's own events are read.
 */
export async function markRecordsLosingArticle(db: Db, articleId: string): Promise<void> {
  await db
    .updateTable('event_records')
    .set({ lost_mentions: 1 })
    .where('id', 'in', db.selectFrom('record_mentions as m').innerJoin('events as e', 'e.id', 'm.event_id').select('m.record_id').where('e.article_id', '=', articleId))
    .execute();
}

/**
 * Records that lost mentions since their attributes were worked out: their events were deleted
 * by a re-analysis (markRecordsLosingArticle). Read through an index of the few marked, not by
 * counting every record's mentions, which grew with the store for every article linked.
 */
export async function staleRecords(db: Db): Promise<string[]> {
  const stale = await db.selectFrom('event_records').select('id').where('lost_mentions', '=', 1).orderBy('id').execute();
  return stale.map((r) => r.id);
}

/** Every record and link: `dossier relink` links again from zero. */
export async function clearRecords(db: Db): Promise<void> {
  await db.deleteFrom('record_targets').execute();
  await db.deleteFrom('record_mentions').execute();
  await db.deleteFrom('event_records').execute();
}

export async function countRecords(db: Db): Promise<number> {
  const [{ n } = { n: 0 }] = await db.selectFrom('event_records').select((eb) => eb.fn.countAll<number>().as('n')).execute();
  return Number(n);
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
