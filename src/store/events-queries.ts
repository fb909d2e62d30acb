import { sql } from 'kysely';
import { isQuotedContent } from '../text/quoted-content.js';
import { nullsAsSqlite } from './dialect.js';
import type { Store } from './open-store.js';
import { listDecisions, type ReviewState, reviewStates } from './review-repository.js';

export interface EventParticipantOut {
  id: string | null;
  name: string;
  text: string;
  cameo: string | null;
}

export interface EventOut {
  id: string;
  articleId: string;
  outlet: string | null;
  published: string | null;
  code: string;
  rootCode: string;
  plover: string | null;
  ploverMode: string | null;
  source: EventParticipantOut[];
  target: EventParticipantOut[];
  place: { id: string; name: string; lat: number; lon: number; geonamesId: number | null; precision: string } | null;
  date: string | null;
  dateEnd: string | null;
  datePrecision: string | null;
  modality: string;
  attributedTo: { speaker: string | null; speakerId: string | null; outlet: string | null } | null;
  magnitudes: Array<{ kind: string; value: number | null; qualifier: string; text: string }>;
  evidence: string;
  evidenceSpan: { start: number; end: number };
  trigger: string;
  fields: Record<string, unknown>;
  confidence: number;
  reason: string;
  review: ReviewState['status'];
}

export interface EventFilter {
  actor?: string;
  code?: string;
  plover?: string;
  place?: string;
  /** minLon,minLat,maxLon,maxLat */
  bbox?: readonly [number, number, number, number];
  from?: string;
  to?: string;
  outlet?: string;
  modality?: string;
  minConfidence?: number;
  articleId?: string;
  id?: string;
  /** Only events naming a resolved actor on both sides: the edges of the actor network. */
  withBothActors?: boolean;
  /** Only events under this confidence that no analyst has decided on: the review queue. */
  undecidedBelow?: number;
  /** Latest first (default), or least sure first for review. */
  order?: 'date' | 'confidence';
  /** Include events an analyst rejected. */
  includeRejected?: boolean;
  /** false: only events no event record holds (true: only those one does), so none falls out of view. */
  inRecord?: boolean;
  /** false: only undated events; true: only dated ones. */
  dated?: boolean;
  /** false: only events with no place; true: only placed ones. */
  placed?: boolean;
  /** Words the evidence sentence, a participant's name or words, or the place name contain (case-insensitive). */
  text?: string;
  limit?: number;
  offset?: number;
}

/**
 * Items whose latest review decision is a rejection. The same rule as reviewStates (a later
 * accept or fix takes the item back), written in SQL so that pages and counts stay exact.
 */
const rejectedIds = (kind: 'event' | 'quote') => sql<string>`(
  SELECT d.item_id FROM review_decisions d
  WHERE d.item_kind = ${kind} AND d.undone = 0 AND d.decision = 'reject'
    AND NOT EXISTS (SELECT 1 FROM review_decisions l WHERE l.item_id = d.item_id AND l.undone = 0 AND l.seq > d.seq))`;

/** The events with their article, outlet and place, as the lists read them. */
const joinedEvents = (db: Store) =>
  db.selectFrom('events as e').innerJoin('articles as a', 'a.id', 'e.article_id').leftJoin('outlets as o', 'o.id', 'a.outlet_id').leftJoin('places as p', 'p.id', 'e.place_id');

/**
 * Only the events table, typed as joinedEvents: for a count or a page of ids whose filters read
 * nothing but the event (no outlet, no text), which need no join. Every event has its article
 * (a foreign key), so the inner join dropped no row: the count is the same, without reading
 * 27,000 article rows to make it.
 */
const eventsAlone = (db: Store) => db.selectFrom('events as e') as unknown as ReturnType<typeof joinedEvents>;

/** Whether a filter reads only the events table (see eventsAlone). */
const readsEventsOnly = (f: EventFilter): boolean => !f.outlet && !f.text;

/** The filtered events, unordered and unpaged: shared by findEvents and countEvents. */
function filteredEvents(db: Store, f: EventFilter, alone = false) {
  let q = alone && readsEventsOnly(f) ? eventsAlone(db) : joinedEvents(db);
  if (f.id) q = q.where('e.id', '=', f.id);
  if (f.articleId) q = q.where('e.article_id', '=', f.articleId);
  if (f.code) q = q.where('e.code', 'like', `${f.code}%`);
  if (f.plover) q = q.where('e.plover', '=', f.plover.toUpperCase());
  if (f.modality) q = q.where('e.modality', '=', f.modality);
  if (f.minConfidence !== undefined) q = q.where('e.confidence', '>=', f.minConfidence);
  if (f.from) q = q.where('e.date', '>=', f.from);
  if (f.to) q = q.where('e.date', '<=', `${f.to}\uffff`);
  if (f.outlet) q = q.where(sql<string>`lower(o.name)`, 'like', `%${f.outlet.toLowerCase()}%`);
  if (f.place) q = q.where(sql<string>`lower(e.place_name)`, 'like', `%${f.place.toLowerCase()}%`);
  if (f.bbox) {
    const [minLon, minLat, maxLon, maxLat] = f.bbox;
    q = q.where('e.lon', '>=', minLon).where('e.lon', '<=', maxLon).where('e.lat', '>=', minLat).where('e.lat', '<=', maxLat);
  }
  if (f.actor) {
    const needle = f.actor.toLowerCase();
    // The events of the actor rows that match, read once: a name's LIKE reads every row either
    // way, and asked event by event it read them again for each event the list passed over.
    q = q.where('e.id', 'in', (qb) =>
      qb
        .selectFrom('event_actors as ea')
        .select('ea.event_id')
        .where((w) => w.or([w('ea.actor_id', '=', f.actor!), w(sql<string>`lower(ea.name)`, 'like', `%${needle}%`), w(sql<string>`lower(ea.text)`, 'like', `%${needle}%`)])),
    );
  }
  if (!f.includeRejected) q = q.where('e.id', 'not in', rejectedIds('event'));
  if (f.undecidedBelow !== undefined) {
    q = q.where('e.confidence', '<', f.undecidedBelow).where('e.id', 'not in', sql<string>`(SELECT item_id FROM review_decisions WHERE undone = 0)`);
  }
  if (f.inRecord !== undefined) {
    const held = sql<boolean>`EXISTS (SELECT 1 FROM record_mentions rm WHERE rm.event_id = e.id)`;
    q = q.where(f.inRecord ? held : sql<boolean>`NOT ${held}`);
  }
  if (f.dated !== undefined) q = q.where('e.date', f.dated ? 'is not' : 'is', null);
  if (f.placed !== undefined) q = q.where('e.place_id', f.placed ? 'is not' : 'is', null);
  if (f.text) {
    const like = `%${f.text.toLowerCase()}%`;
    q = q.where((eb) =>
      eb.or([
        eb(sql<string>`lower(substr(a.text, e.start + 1, e.end - e.start))`, 'like', like),
        eb(sql<string>`lower(e.place_name)`, 'like', like),
        eb.exists(
          eb
            .selectFrom('event_actors as et')
            .select('et.event_id')
            .whereRef('et.event_id', '=', 'e.id')
            .where((w) => w.or([w(sql<string>`lower(et.name)`, 'like', like), w(sql<string>`lower(et.text)`, 'like', like)])),
        ),
      ]),
    );
  }
  if (f.withBothActors) {
    for (const role of ['source', 'target']) {
      q = q.where((eb) =>
        eb.exists(eb.selectFrom('event_actors as r').select('r.event_id').whereRef('r.event_id', '=', 'e.id').where('r.role', '=', role).where('r.actor_id', 'is not', null)),
      );
    }
  }
  return q;
}

export async function countEvents(db: Store, f: EventFilter = {}): Promise<number> {
  const row = await filteredEvents(db, f, true).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** SQLite needs a LIMIT before an OFFSET and PostgreSQL refuses LIMIT -1: a limit no list reaches suits both. */
const NO_LIMIT = Number.MAX_SAFE_INTEGER;

/** Rows of a `WHERE x IN (...)` list, fetched in chunks: SQLite caps bound variables. */
async function inChunks<T>(ids: readonly string[], fetch: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += 500) out.push(...(await fetch(ids.slice(i, i + 500))));
  return out;
}

/** The order of an events list: latest first (undated last), or least sure first for review; then by place in the article. */
function orderedEvents<Q extends ReturnType<typeof filteredEvents>>(q: Q, order: EventFilter['order']): Q {
  return q
    .orderBy(order === 'confidence' ? 'e.confidence' : 'e.date', nullsAsSqlite(order === 'confidence' ? 'asc' : 'desc'))
    .orderBy('e.article_id')
    .orderBy('e.start')
    // Two events of one sentence share a start: their order in the article, so a page read by
    // id and the whole list read at once agree (the CLI's and the API's lists alike).
    .orderBy('e.idx') as Q;
}

/**
 * Events with their participants, place and attribution; the analyst's review decisions applied.
 * A page is chosen first, by id, and only its events are read whole: read whole before the
 * sort, every event the filter kept had its sentence cut from its article's text (500 undated
 * events of 27,000 read 27,000 article texts).
 */
export async function findEvents(db: Store, f: EventFilter = {}): Promise<EventOut[]> {
  let page = orderedEvents(filteredEvents(db, f, true), f.order).select('e.id');
  if (f.limit !== undefined) page = page.limit(f.limit).offset(f.offset ?? 0);
  else if (f.offset) page = page.limit(NO_LIMIT).offset(f.offset);
  const paged = f.limit !== undefined || f.offset !== undefined;
  const q = orderedEvents(paged ? filteredEvents(db, { includeRejected: true }).where('e.id', 'in', page) : filteredEvents(db, f), f.order)
    .select([
      'e.id',
      'e.article_id',
      'o.name as outlet',
      'a.date as published',
      'e.code',
      'e.root_code',
      'e.plover',
      'e.plover_mode',
      'e.place_id',
      'e.place_name',
      'e.lat',
      'e.lon',
      'p.geonames_id',
      'e.place_precision',
      'e.date',
      'e.date_end',
      'e.date_precision',
      'e.modality',
      'e.speaker',
      'e.speaker_actor_id',
      'e.magnitudes',
      'e.fields',
      'e.confidence',
      'e.reason',
      'e.start',
      'e.end',
      'e.trigger_start',
      'e.trigger_end',
      sql<string>`substr(a.text, e.start + 1, e.end - e.start)`.as('evidence'),
      sql<string>`substr(a.text, e.trigger_start + 1, e.trigger_end - e.trigger_start)`.as('trigger'),
    ]);
  const rows = await q.execute();
  const ids = rows.map((r) => r.id);
  const participants = await inChunks(ids, (chunk) => db.selectFrom('event_actors').selectAll().where('event_id', 'in', chunk).orderBy('pos').execute());
  const byEvent = new Map<string, typeof participants>();
  for (const p of participants) byEvent.set(p.event_id, [...(byEvent.get(p.event_id) ?? []), p]);
  const states = reviewStates(await listDecisions(db, ids));
  const out: EventOut[] = [];
  for (const r of rows) {
    const state = states.get(r.id);
    const parts = byEvent.get(r.id) ?? [];
    const role = (name: string): EventParticipantOut[] =>
      parts.filter((p) => p.role === name).map((p) => ({ id: p.actor_id, name: p.name, text: p.text, cameo: p.cameo }));
    const fixes = state?.fixes ?? {};
    const code = fixes.code ?? r.code;
    const event: EventOut = {
      id: r.id,
      articleId: r.article_id,
      outlet: r.outlet,
      published: r.published,
      code,
      rootCode: code.slice(0, 2),
      plover: r.plover,
      ploverMode: r.plover_mode,
      source: fixes.source ? [{ id: fixes.source, name: fixes.source, text: '', cameo: null }] : role('source'),
      target: fixes.target ? [{ id: fixes.target, name: fixes.target, text: '', cameo: null }] : role('target'),
      place:
        r.place_id && r.lat !== null && r.lon !== null
          ? { id: r.place_id, name: r.place_name ?? '', lat: r.lat, lon: r.lon, geonamesId: r.geonames_id, precision: r.place_precision ?? 'unknown' }
          : null,
      date: fixes.date ?? r.date,
      dateEnd: fixes.date ?? r.date_end,
      datePrecision: fixes.date ? (fixes.date.length === 10 ? 'day' : fixes.date.length === 7 ? 'month' : 'year') : r.date_precision,
      modality: fixes.modality ?? r.modality,
      attributedTo: r.speaker || r.speaker_actor_id ? { speaker: r.speaker, speakerId: r.speaker_actor_id, outlet: r.outlet } : null,
      magnitudes: JSON.parse(r.magnitudes) as EventOut['magnitudes'],
      evidence: r.evidence,
      evidenceSpan: { start: r.start, end: r.end },
      trigger: r.trigger,
      fields: JSON.parse(r.fields) as Record<string, unknown>,
      confidence: r.confidence,
      reason: r.reason,
      review: state?.status ?? null,
    };
    if (fixes.place) event.place = event.place ? { ...event.place, name: fixes.place } : null;
    out.push(event);
  }
  return out;
}

export interface QuoteOut {
  id: string;
  articleId: string;
  outlet: string | null;
  speaker: { id: string | null; name: string | null; role: string | null; text: string | null };
  via: { name: string; id: string | null } | null;
  kind: string;
  direct: boolean;
  text: string;
  span: { start: number; end: number };
  date: string | null;
  topicActorIds: string[];
  confidence: number;
  reason: string;
  review: ReviewState['status'];
}

export interface QuoteFilter {
  speaker?: string;
  outlet?: string;
  about?: string;
  articleId?: string;
  minConfidence?: number;
  undecidedBelow?: number;
  order?: 'date' | 'confidence';
  includeRejected?: boolean;
  limit?: number;
  offset?: number;
}

/**
 * The filtered quotes, unordered and unpaged. From 'articles': from the articles to their quotes
 * (a cross join with the join's condition in WHERE, which SQLite reads in the order written and
 * PostgreSQL plans as any join), so that a list latest article first walks articles_date_id and
 * stops at its page, where SQLite read every quote of the store and sorted them all. Only for a
 * list that keeps most quotes: one speaker's are found faster from the quotes' own indexes.
 */
function filteredQuotes(db: Store, f: QuoteFilter, from: 'quotes' | 'articles' | 'alone' = 'quotes') {
  const joined = db.selectFrom('quotes as q').innerJoin('articles as a', 'a.id', 'q.article_id').leftJoin('outlets as o', 'o.id', 'a.outlet_id');
  let q =
    from === 'articles'
      ? db.selectFrom('articles as a').crossJoin('quotes as q').leftJoin('outlets as o', 'o.id', 'a.outlet_id').whereRef('q.article_id', '=', 'a.id')
      : // A count whose filters read only the quote needs no join (every quote has its article), as eventsAlone.
        from === 'alone' && !f.outlet
        ? (db.selectFrom('quotes as q') as unknown as typeof joined)
        : joined;
  if (f.articleId) q = q.where('q.article_id', '=', f.articleId);
  if (f.outlet) q = q.where(sql<string>`lower(o.name)`, 'like', `%${f.outlet.toLowerCase()}%`);
  if (f.minConfidence !== undefined) q = q.where('q.confidence', '>=', f.minConfidence);
  if (f.speaker) {
    const needle = f.speaker.toLowerCase();
    q = q.where((w) => w.or([w('q.speaker_actor_id', '=', f.speaker!), w(sql<string>`lower(q.speaker_name)`, 'like', `%${needle}%`), w(sql<string>`lower(q.speaker_text)`, 'like', `%${needle}%`)]));
  }
  if (f.about) q = q.where('q.topic_actor_ids', 'like', `%"${f.about}"%`);
  if (!f.includeRejected) q = q.where('q.id', 'not in', rejectedIds('quote'));
  if (f.undecidedBelow !== undefined) {
    q = q.where('q.confidence', '<', f.undecidedBelow).where('q.id', 'not in', sql<string>`(SELECT item_id FROM review_decisions WHERE undone = 0)`);
  }
  return q;
}

export async function countQuotes(db: Store, f: QuoteFilter = {}): Promise<number> {
  const row = await filteredQuotes(db, f, 'alone').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The order of a quotes list: latest article first (undated last), or least sure first for review; then by place in the article. */
function orderedQuotes<Q extends ReturnType<typeof filteredQuotes>>(q: Q, order: QuoteFilter['order']): Q {
  return (order === 'confidence' ? q.orderBy('q.confidence', nullsAsSqlite('asc')) : q.orderBy('a.date', nullsAsSqlite('desc')).orderBy('a.id', 'desc')).orderBy('q.article_id').orderBy('q.start').orderBy('q.idx') as Q;
}

/** Quotes with their speakers, intermediaries and outlets; a page is chosen by id first and only its quotes are read whole (as findEvents). */
export async function findQuotes(db: Store, f: QuoteFilter = {}): Promise<QuoteOut[]> {
  const walk = f.order !== 'confidence' && !f.speaker && !f.about && !f.articleId && f.undecidedBelow === undefined;
  let page = orderedQuotes(filteredQuotes(db, f, walk ? 'articles' : f.order === 'confidence' ? 'alone' : 'quotes'), f.order).select('q.id');
  if (f.limit !== undefined) page = page.limit(f.limit).offset(f.offset ?? 0);
  else if (f.offset) page = page.limit(NO_LIMIT).offset(f.offset);
  const paged = f.limit !== undefined || f.offset !== undefined;
  const q = orderedQuotes(paged ? filteredQuotes(db, { includeRejected: true }).where('q.id', 'in', page) : filteredQuotes(db, f), f.order)
    .selectAll('q')
    .select([
      'o.name as outlet',
      'a.date',
      sql<string>`substr(a.text, q.content_start + 1, q.content_end - q.content_start)`.as('content'),
      // The character before the content: a quote mark makes the words the speaker's own.
      sql<string>`substr(a.text, q.content_start, 1)`.as('before'),
    ]);
  const rows = await q.execute();
  const states = reviewStates(await listDecisions(db, rows.map((r) => r.id)));
  const out: QuoteOut[] = [];
  for (const r of rows) {
    const state = states.get(r.id);
    const fixedSpeaker = state?.fixes.speaker;
    out.push({
      id: r.id,
      articleId: r.article_id,
      outlet: r.outlet,
      speaker: fixedSpeaker
        ? { id: fixedSpeaker, name: fixedSpeaker, role: r.speaker_role, text: r.speaker_text }
        : { id: r.speaker_actor_id, name: r.speaker_name, role: r.speaker_role, text: r.speaker_text },
      via: r.via_name ? { name: r.via_name, id: r.via_actor_id } : null,
      kind: state?.fixes.kind ?? r.kind,
      direct: state?.fixes.kind ? state.fixes.kind === 'direct' : r.kind === 'direct' || isQuotedContent(`${r.before}${r.content}`, { start: 1, end: 1 + r.content.length }),
      text: r.content,
      span: { start: r.start, end: r.end },
      date: r.date,
      topicActorIds: JSON.parse(r.topic_actor_ids) as string[],
      confidence: r.confidence,
      reason: r.reason,
      review: state?.status ?? null,
    });
  }
  return out;
}

export interface ReviewItem {
  kind: 'event' | 'quote';
  id: string;
  articleId: string;
  confidence: number;
  reason: string;
  summary: string;
}

/** Events and quotes under the threshold that no analyst has decided on yet, least sure first. */
export async function reviewQueue(db: Store, threshold: number, limit?: number, offset = 0): Promise<ReviewItem[]> {
  // Each list is read least sure first, up to the page's end; the merge then pages exactly.
  const upTo = limit === undefined ? undefined : offset + limit;
  const page = { undecidedBelow: threshold, order: 'confidence' as const, ...(upTo === undefined ? {} : { limit: upTo }) };
  const events = await findEvents(db, page);
  const quotes = await findQuotes(db, page);
  const items: ReviewItem[] = [
    ...events.map((e) => ({
      kind: 'event' as const,
      id: e.id,
      articleId: e.articleId,
      confidence: e.confidence,
      reason: e.reason,
      summary: `${e.code} ${e.source.map((s) => s.name).join('+') || '?'} → ${e.target.map((t) => t.name).join('+') || '?'} (${e.modality}; ${e.date ?? 'undated'}${e.place ? `; ${e.place.name}` : ''}): ${e.evidence.slice(0, 120)}`,
    })),
    ...quotes.map((q) => ({
      kind: 'quote' as const,
      id: q.id,
      articleId: q.articleId,
      confidence: q.confidence,
      reason: q.reason,
      summary: `${q.speaker.name ?? '?'}${q.via ? ` via ${q.via.name}` : ''}: ${q.text.slice(0, 120)}`,
    })),
  ].sort((a, b) => a.confidence - b.confidence || a.id.localeCompare(b.id));
  return limit === undefined ? items.slice(offset) : items.slice(offset, offset + limit);
}

export async function countReviewQueue(db: Store, threshold: number): Promise<number> {
  return (await countEvents(db, { undecidedBelow: threshold })) + (await countQuotes(db, { undecidedBelow: threshold }));
}
