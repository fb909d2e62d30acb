import { sql } from 'kysely';
import { findRecords, type RecordOut } from '../records/record-views.js';
import { type EventFilter, type EventOut, findEvents } from '../store/events-queries.js';
import type { Store } from '../store/open-store.js';
import type { RecordActorOut, RecordFilter } from '../store/records-queries.js';
import { actorKey } from '../store/records-repository.js';
import { countryOfCameo } from './country-names.js';
import { type ExportActor, type ExportMention, type ExportPlace, type ExportRow, outletsOf, sortRows } from './export-row.js';

/**
 * The reads behind an export: the records or events the CLI lists, completed with what a dataset
 * needs and the lists leave out (place country and admin-1, actor types, article URLs, offsets).
 */

/** Rows of a `WHERE x IN (...)` list, fetched in chunks: SQLite caps bound variables. */
async function inChunks<T>(ids: readonly string[], fetch: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += 500) out.push(...(await fetch(ids.slice(i, i + 500))));
  return out;
}

const unique = (xs: readonly string[]): string[] => [...new Set(xs)];

interface ActorFacts {
  type: string;
  country: string | null;
  cameo: string | null;
}

async function actorFacts(db: Store, ids: readonly string[]): Promise<Map<string, ActorFacts>> {
  const rows = await inChunks(unique(ids), (chunk) => db.selectFrom('actors').select(['id', 'type', 'country', 'cameo']).where('id', 'in', chunk).execute());
  return new Map(rows.map((r) => [r.id, { type: r.type, country: r.country, cameo: r.cameo }]));
}

type PlaceFacts = Omit<ExportPlace, 'name' | 'lat' | 'lon'>;

async function placeFacts(db: Store, ids: readonly string[]): Promise<Map<string, PlaceFacts>> {
  const rows = await inChunks(unique(ids), (chunk) =>
    db.selectFrom('places').select(['id', 'geonames_id', 'precision', 'country', 'admin1']).where('id', 'in', chunk).execute(),
  );
  return new Map(rows.map((r) => [r.id, { id: r.id, geonamesId: r.geonames_id, precision: r.precision, country: r.country, admin1: r.admin1 }]));
}

/** Each event's provenance: its article, outlet, URL, sentence and offsets, whether it is in the lead. */
async function mentionDetails(db: Store, eventIds: readonly string[]): Promise<Map<string, ExportMention>> {
  const rows = await inChunks(unique(eventIds), (chunk) =>
    db
      .selectFrom('events as e')
      .innerJoin('articles as a', 'a.id', 'e.article_id')
      .leftJoin('outlets as o', 'o.id', 'a.outlet_id')
      .select([
        'e.id', 'e.article_id', 'o.name as outlet', 'a.date as published', 'a.url', 'a.title', 'e.code', 'e.modality', 'e.date', 'e.date_precision', 'e.magnitudes', 'e.start', 'e.end',
        sql<string>`substr(a.text, e.start + 1, e.end - e.start)`.as('evidence'),
        // The lead: the first paragraph of the body, the one GDELT's IsRootEvent looks at; the headline is not in it.
        sql<number>`(SELECT count(*) FROM paragraphs p WHERE p.article_id = e.article_id AND p.start >= a.body_start AND p."end" <= e.start)`.as('paragraphs_before'),
        'a.body_start',
      ])
      .where('e.id', 'in', chunk)
      .execute(),
  );
  return new Map(
    rows.map((r) => [
      r.id,
      {
        eventId: r.id,
        articleId: r.article_id,
        outlet: r.outlet,
        published: r.published,
        url: r.url,
        title: r.title,
        code: r.code,
        modality: r.modality,
        date: r.date,
        datePrecision: r.date_precision,
        magnitudes: (JSON.parse(r.magnitudes) as Array<ExportMention['magnitudes'][number] & { span?: unknown }>).map((m) => ({ kind: m.kind, value: m.value, qualifier: m.qualifier, text: m.text })),
        evidence: r.evidence,
        evidenceSpan: { start: r.start, end: r.end },
        lead: r.start >= r.body_start && Number(r.paragraphs_before) === 0,
      },
    ]),
  );
}

/** What the mentions themselves say of an actor: its CAMEO code, from the sentence's context. */
interface ParticipantFacts {
  cameo: string | null;
}

/** One key per actor: its registry id, else its name without a leading count ("two smugglers" is "smugglers"). */
const keyOf = (id: string | null, name: string): string => id ?? actorKey(null, name);

async function participantFacts(db: Store, eventIds: readonly string[]): Promise<Map<string, ParticipantFacts>> {
  const rows = await inChunks(unique(eventIds), (chunk) =>
    db.selectFrom('event_actors').select(['actor_id', 'name', 'cameo']).where('event_id', 'in', chunk).orderBy('event_id').orderBy('pos').execute(),
  );
  const out = new Map<string, ParticipantFacts>();
  for (const r of rows) {
    const key = keyOf(r.actor_id, r.name);
    if (!out.has(key) || (out.get(key)!.cameo === null && r.cameo !== null)) out.set(key, { cameo: r.cameo });
  }
  return out;
}

function toActor(a: RecordActorOut, facts: ReadonlyMap<string, ActorFacts>, participants: ReadonlyMap<string, ParticipantFacts>, cameo?: string | null): ExportActor {
  const key = keyOf(a.id, a.name);
  const f = a.id === null ? undefined : facts.get(a.id);
  const p = participants.get(key);
  const code = cameo ?? p?.cameo ?? f?.cameo ?? null;
  return { key, id: a.id, name: a.name, cameo: code, type: f?.type ?? (a.id === null ? 'unresolved' : null), country: f?.country ?? countryOfCameo(code) };
}

/** The record rows of `dossier records` with the same filter, in a stable order. */
export async function loadRecordRows(db: Store, filter: RecordFilter): Promise<ExportRow[]> {
  const records = await findRecords(db, filter);
  const mentions = await mentionDetails(db, records.flatMap((r) => r.mentions.map((m) => m.eventId)));
  const stored = await inChunks(
    records.map((r) => r.id),
    (chunk) => db.selectFrom('event_records').select(['id', 'place_precision', 'country', 'admin1']).where('id', 'in', chunk).execute(),
  );
  const storedById = new Map(stored.map((s) => [s.id, s]));
  const places = await placeFacts(db, records.flatMap((r) => (r.place?.id ? [r.place.id] : [])));
  const actors = await actorFacts(db, records.flatMap((r) => [...r.source, ...r.target].flatMap((a) => (a.id ? [a.id] : []))));
  const ploverModes = await recordPloverModes(db, records);
  const participants = await participantFacts(db, records.flatMap((r) => r.mentions.map((m) => m.eventId)));
  return sortRows(
    records.map((r) => {
      const s = storedById.get(r.id);
      const p = r.place?.id ? places.get(r.place.id) : undefined;
      const place: ExportPlace | null = r.place
        ? {
            id: r.place.id,
            name: r.place.name,
            lat: r.place.lat,
            lon: r.place.lon,
            geonamesId: p?.geonamesId ?? null,
            precision: s?.place_precision ?? p?.precision ?? null,
            country: s?.country ?? p?.country ?? null,
            admin1: s?.admin1 ?? p?.admin1 ?? null,
          }
        : null;
      return {
        level: 'records' as const,
        id: r.id,
        recordId: r.id,
        code: r.code,
        plover: r.plover,
        ploverMode: ploverModes.get(r.id) ?? null,
        date: r.date,
        datePrecision: r.datePrecision,
        source: r.source.map((a) => toActor(a, actors, participants)),
        target: r.target.map((a) => toActor(a, actors, participants)),
        place,
        modality: null,
        outlets: r.outlets,
        independentOutlets: r.independentOutlets,
        disputed: r.disputed,
        contradictions: r.contradictions,
        updates: r.updates,
        mentionCount: r.mentions.length,
        mentions: r.mentions.flatMap((m) => mentions.get(m.eventId) ?? []),
      };
    }),
  );
}

/** A record's PLOVER mode: that of its first mention whose code is the record's. */
async function recordPloverModes(db: Store, records: readonly RecordOut[]): Promise<Map<string, string>> {
  const wanted = new Map(records.flatMap((r) => r.mentions.map((m) => [m.eventId, r] as const)));
  const rows = await inChunks([...wanted.keys()], (chunk) => db.selectFrom('events').select(['id', 'code', 'plover_mode']).where('id', 'in', chunk).execute());
  const byId = new Map(rows.map((r) => [r.id, r]));
  const out = new Map<string, string>();
  for (const r of records) {
    const mode = r.mentions.map((m) => byId.get(m.eventId)).find((e) => e !== undefined && e.code === r.code && e.plover_mode !== null)?.plover_mode;
    if (mode) out.set(r.id, mode);
  }
  return out;
}

/** The event rows of `dossier events` with the same filter, each with the record it belongs to. */
export async function loadEventRows(db: Store, filter: EventFilter): Promise<ExportRow[]> {
  const events = await findEvents(db, filter);
  const ids = events.map((e) => e.id);
  const mentions = await mentionDetails(db, ids);
  const links = await inChunks(ids, (chunk) => db.selectFrom('record_mentions').select(['event_id', 'record_id']).where('event_id', 'in', chunk).execute());
  const recordOf = new Map(links.map((l) => [l.event_id, l.record_id]));
  // Independence and contradictions are computed over the whole record, so read them as `dossier records` does.
  const records = new Map((await inChunks(unique(links.map((l) => l.record_id)), (chunk) => findRecords(db, { ids: chunk }))).map((r) => [r.id, r]));
  const places = await placeFacts(db, events.flatMap((e) => (e.place ? [e.place.id] : [])));
  const actors = await actorFacts(db, events.flatMap((e) => [...e.source, ...e.target].flatMap((a) => (a.id ? [a.id] : []))));
  const participants = await participantFacts(db, ids);
  return sortRows(events.map((e) => eventRow(e, mentions.get(e.id), recordOf.get(e.id) ?? null, records, places, actors, participants)));
}

function eventRow(
  e: EventOut,
  stored: ExportMention | undefined,
  recordId: string | null,
  records: ReadonlyMap<string, RecordOut>,
  places: ReadonlyMap<string, PlaceFacts>,
  actors: ReadonlyMap<string, ActorFacts>,
  participants: ReadonlyMap<string, ParticipantFacts>,
): ExportRow {
  // findEvents applies the analyst's fixes (code, date, modality); the mention keeps them.
  const mention: ExportMention = {
    eventId: e.id,
    articleId: e.articleId,
    outlet: e.outlet,
    published: e.published,
    url: stored?.url ?? null,
    title: stored?.title ?? null,
    code: e.code,
    modality: e.modality,
    date: e.date,
    datePrecision: e.datePrecision,
    magnitudes: e.magnitudes.map((m) => ({ kind: m.kind, value: m.value, qualifier: m.qualifier, text: m.text })),
    evidence: e.evidence,
    evidenceSpan: e.evidenceSpan,
    lead: stored?.lead ?? false,
  };
  const record = recordId === null ? undefined : records.get(recordId);
  const p = e.place ? places.get(e.place.id) : undefined;
  return {
    level: 'events',
    id: e.id,
    recordId,
    code: e.code,
    plover: e.plover,
    ploverMode: e.ploverMode,
    date: e.date,
    datePrecision: e.datePrecision,
    source: e.source.map((a) => toActor(a, actors, participants, a.cameo)),
    target: e.target.map((a) => toActor(a, actors, participants, a.cameo)),
    place: e.place
      ? {
          id: e.place.id,
          name: e.place.name,
          lat: e.place.lat,
          lon: e.place.lon,
          geonamesId: e.place.geonamesId,
          precision: e.place.precision,
          country: p?.country ?? null,
          admin1: p?.admin1 ?? null,
        }
      : null,
    modality: e.modality,
    outlets: outletsOf([mention]),
    independentOutlets: record?.independentOutlets ?? null,
    disputed: record?.disputed ?? null,
    contradictions: record?.contradictions ?? [],
    updates: record?.updates ?? [],
    mentionCount: record?.mentions.length ?? 1,
    mentions: [mention],
  };
}

export interface StoreCoverage {
  articles: number;
  firstDate: string | null;
  lastDate: string | null;
}

/** What the store held when the export was made, for the manifest. */
export async function storeCoverage(db: Store): Promise<StoreCoverage> {
  const r = await db
    .selectFrom('articles')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('date').as('first'), eb.fn.max('date').as('last')])
    .executeTakeFirstOrThrow();
  return { articles: Number(r.n), firstDate: (r.first as string | null) ?? null, lastDate: (r.last as string | null) ?? null };
}
