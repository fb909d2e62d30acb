import { sql } from 'kysely';
import { correctedNames } from './corrections-repository.js';
import { dialectOf, nullsAsSqlite, scalarMax, scalarMin } from './dialect.js';
import type { Store } from './open-store.js';

export interface ActorSummary {
  id: string;
  name: string;
  type: string;
  country: string | null;
  sector: string | null;
  cameo: string | null;
  origin: string;
  /** Registry aliases and every distinct spelling the news used for this actor. */
  aliases: string[];
  mentions: number;
  articles: number;
}

export interface ActorFilter {
  name?: string;
  type?: string;
  country?: string;
  /**
   * Aliases from the registry only, without the spellings read in the news: those are a scan of
   * every mention of the actors listed (tens of thousands for a country), which a list of names
   * and counts does not show. A name filter reads them all the same, as it matches them.
   */
  brief?: boolean;
  limit?: number;
  offset?: number;
}

/** How many actors have a mention under the type and country filters (the name filter is applied in code). */
export async function countActors(db: Store, f: ActorFilter = {}): Promise<number> {
  // One index probe per actor, rather than a distinct count over every mention.
  let q = db.selectFrom('actors as a').where((eb) => eb.exists(eb.selectFrom('entity_mentions as m').select('m.actor_id').whereRef('m.actor_id', '=', 'a.id')));
  if (f.type) q = q.where('a.type', '=', f.type.toLowerCase());
  if (f.country) q = q.where('a.country', '=', f.country.toUpperCase());
  const row = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

const parseList = (s: string): string[] => {
  const v: unknown = JSON.parse(s);
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
};

/** Actors with at least one mention, most mentioned first; corrections' renames applied. */
export async function findActors(db: Store, f: ActorFilter = {}): Promise<ActorSummary[]> {
  // Counted per actor id first (a scan of the (actor_id, article_id) index), then joined: grouping
  // by every actor column made the database sort 150k mention rows wide.
  let counted = db
    .selectFrom('entity_mentions')
    .select(['actor_id', (eb) => eb.fn.countAll<number>().as('mentions')])
    .where('actor_id', 'is not', null);
  if (f.name) {
    // A cheap superset in SQL (name, registry aliases, or a spelling in the news), so only those
    // actors are counted; the exact rule is applied below.
    const like = `%${f.name.toLowerCase()}%`;
    const renamedHits = [...(await correctedNames(db))].filter(([, n]) => n.toLowerCase().includes(f.name!.toLowerCase())).map(([id]) => id);
    counted = counted.where('actor_id', 'in', (eb) =>
      eb
        .selectFrom('actors as n')
        .select('n.id')
        .where((w) =>
          w.or([
            w(sql<string>`lower(n.name)`, 'like', like),
            w(sql<string>`lower(n.aliases)`, 'like', like),
            w('n.id', 'in', w.selectFrom('entity_mentions as s').select('s.actor_id').where(sql<string>`lower(s.text)`, 'like', like)),
            ...(renamedHits.length > 0 ? [w('n.id', 'in', renamedHits)] : []),
          ]),
        ),
    );
  }
  const counts = counted.groupBy('actor_id').as('m');
  let q = db
    .selectFrom(counts)
    .innerJoin('actors as a', 'a.id', 'm.actor_id')
    .select(['a.id', 'a.name', 'a.type', 'a.country', 'a.sector', 'a.cameo', 'a.origin', 'a.aliases', 'm.mentions'])
    .orderBy('m.mentions', 'desc')
    .orderBy('a.name');
  if (f.type) q = q.where('a.type', '=', f.type.toLowerCase());
  if (f.country) q = q.where('a.country', '=', f.country.toUpperCase());

  // Without a name filter the page is cut in SQL; a name also matches spellings, known only below.
  if (!f.name && f.limit !== undefined) q = q.limit(f.limit).offset(f.offset ?? 0);
  const rows = await q.execute();
  const ids = rows.map((r) => r.id);
  // Distinct articles only for the actors listed: counting them for every actor was most of the list's cost.
  const articleCounts = new Map<string, number>();
  for (let i = 0; i < ids.length; i += 500) {
    const counts = await db
      .selectFrom('entity_mentions')
      .select(['actor_id', (eb) => eb.fn.count<number>('article_id').distinct().as('n')])
      .where('actor_id', 'in', ids.slice(i, i + 500))
      .groupBy('actor_id')
      .execute();
    for (const c of counts) articleCounts.set(c.actor_id!, Number(c.n));
  }
  const surfaces: Array<{ actor_id: string | null; text: string }> = [];
  for (let i = 0; i < (f.brief && !f.name ? 0 : ids.length); i += 500) {
    surfaces.push(...(await db.selectFrom('entity_mentions').select(['actor_id', 'text']).distinct().where('actor_id', 'in', ids.slice(i, i + 500)).execute()));
  }
  const spelled = new Map<string, Set<string>>();
  for (const s of surfaces) {
    const set = spelled.get(s.actor_id!) ?? new Set<string>();
    set.add(s.text);
    spelled.set(s.actor_id!, set);
  }
  const renamed = await correctedNames(db);
  let out = rows.map((r) => {
    const name = renamed.get(r.id) ?? r.name;
    const aliases = [...new Set([...parseList(r.aliases), ...(spelled.get(r.id) ?? [])])].filter((a) => a !== name).sort();
    return { id: r.id, name, type: r.type, country: r.country, sector: r.sector, cameo: r.cameo, origin: r.origin, aliases, mentions: Number(r.mentions), articles: articleCounts.get(r.id) ?? 0 };
  });
  if (f.name) {
    const needle = f.name.toLowerCase();
    out = out.filter((a) => a.name.toLowerCase().includes(needle) || a.aliases.some((x) => x.toLowerCase().includes(needle)));
    const from = f.offset ?? 0;
    return f.limit === undefined ? out.slice(from) : out.slice(from, from + f.limit);
  }
  return out;
}

/** Name, type and country of the given actors (renames applied), for labelling graphs. */
export async function actorLabels(db: Store, ids: readonly string[]): Promise<Map<string, { name: string; type: string; country: string | null }>> {
  const renamed = await correctedNames(db);
  const out = new Map<string, { name: string; type: string; country: string | null }>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db.selectFrom('actors').select(['id', 'name', 'type', 'country']).where('id', 'in', ids.slice(i, i + 500)).execute();
    for (const r of rows) out.set(r.id, { name: renamed.get(r.id) ?? r.name, type: r.type, country: r.country });
  }
  return out;
}

/** One actor's counts and spellings, without ranking every actor. */
async function actorSummary(db: Store, id: string): Promise<Pick<ActorSummary, 'aliases' | 'mentions' | 'articles'> | null> {
  const row = await db
    .selectFrom('entity_mentions')
    .select([(eb) => eb.fn.countAll<number>().as('mentions'), (eb) => eb.fn.count<number>('article_id').distinct().as('articles')])
    .where('actor_id', '=', id)
    .executeTakeFirstOrThrow();
  const actor = await db.selectFrom('actors').select(['name', 'aliases']).where('id', '=', id).executeTakeFirst();
  const spelled = await db.selectFrom('entity_mentions').select('text').distinct().where('actor_id', '=', id).execute();
  const name = (await correctedNames(db)).get(id) ?? actor?.name ?? '';
  const aliases = [...new Set([...parseList(actor?.aliases ?? '[]'), ...spelled.map((s) => s.text)])].filter((a) => a !== name).sort();
  return { aliases, mentions: Number(row.mentions), articles: Number(row.articles) };
}

export interface ActorDetail extends ActorSummary {
  wikidata: string | null;
  memberOf: string[];
  roles: unknown[];
  /** Members: actors whose registry record says they are part of this one. */
  members: Array<{ id: string; name: string }>;
  mentionList: Array<{ articleId: string; title: string; date: string | null; outlet: string | null; start: number; end: number; text: string; confidence: number | null; reason: string | null }>;
}

/** An actor's kin: the actors its registry record makes members of it, and those it is a member of. */
export interface ActorKin {
  id: string;
  name: string;
  members: Array<{ id: string; name: string }>;
  memberOf: string[];
}

/** Who an actor is among others (its name, members and memberships), without its mentions: what the network around it needs. */
export async function actorKin(db: Store, id: string): Promise<ActorKin | null> {
  const row = await db.selectFrom('actors').select(['id', 'name', 'member_of']).where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  const members = await membersOf(db, id);
  return { id, name: (await correctedNames(db)).get(id) ?? row.name, members, memberOf: parseList(row.member_of) };
}

/** The actors whose registry record says they are part of this one, by name. */
const membersOf = (db: Store, id: string): Promise<Array<{ id: string; name: string }>> =>
  db
    .selectFrom('actors')
    .select(['id', 'name'])
    .where(sql<boolean>`member_of LIKE ${`%"${id}"%`}`)
    .orderBy('name')
    .execute();

/** How many of an actor's mentions its page lists, latest first. */
const MENTION_LIST = 500;

/** One actor with its facts, members and its latest `listed` mentions. */
export async function getActor(db: Store, id: string, listed = MENTION_LIST): Promise<ActorDetail | null> {
  const row = await db.selectFrom('actors').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  const summary = await actorSummary(db, id);
  // The most recent mentions; the counts above cover them all. An actor mentioned more often than
  // that is read by walking the articles latest first (a cross join, read in the order written:
  // see filteredQuotes) until the list is full, instead of sorting all its mentions (8,000 for
  // the United States on 21k articles) by their article's date; a rarer one from its own mentions.
  const walk = (summary?.mentions ?? 0) > listed;
  const mentions = await (
    walk
      ? db.selectFrom('articles as a').crossJoin('entity_mentions as m').whereRef('m.article_id', '=', 'a.id')
      : db.selectFrom('entity_mentions as m').innerJoin('articles as a', 'a.id', 'm.article_id')
  )
    .leftJoin('outlets as o', 'o.id', 'a.outlet_id')
    .select(['m.article_id', 'a.title', 'a.date', 'o.name as outlet', 'm.start', 'm.end', 'm.text', 'm.link_confidence', 'm.link_reason'])
    .where('m.actor_id', '=', id)
    .orderBy('a.date', nullsAsSqlite('desc'))
    .orderBy('a.id', 'desc')
    .orderBy('m.start')
    .limit(listed)
    .execute();
  const members = await membersOf(db, id);
  const renamed = await correctedNames(db);
  return {
    id,
    name: renamed.get(id) ?? row.name,
    type: row.type,
    country: row.country,
    sector: row.sector,
    cameo: row.cameo,
    origin: row.origin,
    aliases: summary?.aliases ?? parseList(row.aliases),
    mentions: summary?.mentions ?? 0,
    articles: summary?.articles ?? 0,
    wikidata: row.wikidata,
    memberOf: parseList(row.member_of),
    roles: JSON.parse(row.roles) as unknown[],
    members,
    mentionList: mentions.map((m) => ({
      articleId: m.article_id,
      title: m.title,
      date: m.date,
      outlet: m.outlet,
      start: m.start,
      end: m.end,
      text: m.text,
      confidence: m.link_confidence,
      reason: m.link_reason,
    })),
  };
}

export interface PlaceSummary {
  id: string;
  name: string;
  lat: number;
  lon: number;
  geonamesId: number | null;
  precision: string;
  featureClass: string;
  country: string | null;
  admin1: string | null;
  /** West, south, east, north for a region or area; null for a point. */
  bbox: [number, number, number, number] | null;
  mentions: number;
  articles: number;
}

export async function findPlaces(db: Store, f: { name?: string; country?: string; precision?: string; limit?: number } = {}): Promise<PlaceSummary[]> {
  // Counted per place id first (from the (place_id, article_id) index), then joined: grouping by
  // every place column made the database sort each mention row wide.
  const counts = db
    .selectFrom('place_mentions')
    .select(['place_id', (eb) => eb.fn.countAll<number>().as('mentions'), (eb) => eb.fn.count<number>('article_id').distinct().as('articles')])
    .groupBy('place_id')
    .as('m');
  let q = db
    .selectFrom(counts)
    .innerJoin('places as p', 'p.id', 'm.place_id')
    .select([
      'p.id',
      'p.name',
      'p.lat',
      'p.lon',
      'p.geonames_id',
      'p.precision',
      'p.feature_class',
      'p.country',
      'p.admin1',
      'p.bbox_west',
      'p.bbox_south',
      'p.bbox_east',
      'p.bbox_north',
      'm.mentions',
      'm.articles',
    ])
    .orderBy('m.mentions', 'desc')
    .orderBy('p.name');
  // A place is found by its gazetteer name or by any spelling an article wrote it in
  // ("Salahuddin" finds Saladin Governorate once an article has called it so).
  if (f.name) {
    const needle = `%${f.name.toLowerCase()}%`;
    // The matching places are found first, in one pass over the names and one over the spellings:
    // a test per place inside the grouped count (EXISTS over its mentions) took 2 s on 4k articles.
    const named = db
      .selectFrom('places as n')
      .select('n.id')
      .where(sql<string>`lower(n.name)`, 'like', needle)
      .union(db.selectFrom('place_mentions as w').select('w.place_id as id').where(sql<string>`lower(w.text)`, 'like', needle));
    q = q.where('p.id', 'in', named);
  }
  if (f.country) q = q.where('p.country', '=', f.country.toUpperCase());
  if (f.precision) q = q.where('p.precision', '=', f.precision);
  if (f.limit !== undefined) q = q.limit(f.limit);
  return (await q.execute()).map((r) => ({
    id: r.id,
    name: r.name,
    lat: r.lat,
    lon: r.lon,
    geonamesId: r.geonames_id,
    precision: r.precision,
    featureClass: r.feature_class,
    country: r.country,
    admin1: r.admin1,
    bbox:
      r.bbox_west === null || r.bbox_south === null || r.bbox_east === null || r.bbox_north === null
        ? null
        : [r.bbox_west, r.bbox_south, r.bbox_east, r.bbox_north],
    mentions: Number(r.mentions),
    articles: Number(r.articles),
  }));
}

export interface TimelineEntry {
  value: string;
  type: string;
  precision: string;
  anchor: string;
  text: string;
  reason: string;
  articleId: string;
  title: string;
  published: string | null;
  outlet: string | null;
  /** The sentence-sized context around the expression, for reading the timeline without opening articles. */
  context: string;
}

export interface TimelineFilter {
  readonly from?: string;
  readonly to?: string;
}

/** The dated mentions a timeline lists: DATE and TIME with a calendar value, within the dates asked. */
function datedMentions(db: Store, f: TimelineFilter) {
  let q = db
    .selectFrom('time_mentions as t')
    .where('t.type', 'in', ['DATE', 'TIME'])
    .where(sql<boolean>`substr(t.value, 1, 1) BETWEEN '0' AND '9'`);
  // The same condition as a range of the value index (':' follows '9' byte-wise): SQLite then
  // reads the index in order and stops at the page, where it scanned and sorted every mention
  // (1 s for a page on the 21k-article Reuters store, 36 ms this way). PostgreSQL's collation
  // need not be byte-wise, so it keeps the condition above alone.
  if (dialectOf(db) === 'sqlite') q = q.where('t.value', '>=', '0').where('t.value', '<', ':');
  if (f.from) q = q.where('t.value', '>=', f.from);
  if (f.to) q = q.where('t.value', '<=', `${f.to}\uffff`);
  return q;
}

/** How many entries timeline() lists under this filter, without reading them. */
export async function countTimeline(db: Store, f: TimelineFilter = {}): Promise<number> {
  const row = await datedMentions(db, f)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Dated mentions (DATE and TIME with a calendar value), in time order; `limit` and `offset` are
 * the database's, so a page reads (and cuts a context window from) only its own rows: reading
 * every mention of a large store to slice one page took seconds.
 */
export async function timeline(db: Store, f: TimelineFilter & { limit?: number; offset?: number } = {}): Promise<TimelineEntry[]> {
  const [max, min] = [scalarMax(db), scalarMin(db)];
  let q = datedMentions(db, f)
    .innerJoin('articles as a', 'a.id', 't.article_id')
    .leftJoin('outlets as o', 'o.id', 'a.outlet_id')
    .select([
      't.value',
      't.type',
      't.precision',
      't.anchor',
      't.text',
      't.reason',
      't.article_id',
      't.start',
      't.end',
      'a.title',
      'a.date',
      'o.name as outlet',
      // 200 characters either side, not the whole article, for each dated mention.
      sql<string>`substr(a.text, ${max}(1, t.start - 199), ${min}(t.start, 200) + (t.end - t.start) + 200)`.as('window'),
      sql<number>`${max}(0, t.start - 200)`.as('windowStart'),
    ])
    .orderBy('t.value')
    .orderBy('a.date', nullsAsSqlite('asc'))
    .orderBy('t.article_id')
    .orderBy('t.start');
  // An offset goes with a limit (SQLite has no OFFSET alone); the API always gives both.
  if (f.limit !== undefined) q = f.offset ? q.limit(f.limit).offset(f.offset) : q.limit(f.limit);
  return (await q.execute()).map((r) => ({
    value: r.value,
    type: r.type,
    precision: r.precision,
    anchor: r.anchor,
    text: r.text,
    reason: r.reason,
    articleId: r.article_id,
    title: r.title,
    published: r.date,
    outlet: r.outlet,
    context: sentenceAround(r.window, r.start - r.windowStart, r.end - r.windowStart),
  }));
}

function sentenceAround(text: string, start: number, end: number): string {
  const from = Math.max(text.lastIndexOf('. ', start) + 2, text.lastIndexOf('\n', start) + 1, start - 160);
  let to = text.indexOf('. ', end);
  const nl = text.indexOf('\n', end);
  if (to === -1 || (nl !== -1 && nl < to)) to = nl === -1 ? text.length : nl;
  return text.slice(from, Math.min(to + 1, end + 160)).trim();
}

export interface ArticleAnnotations {
  entities: Array<{ start: number; end: number; text: string; type: string; actorId: string | null; confidence: number; reason: string | null }>;
  places: Array<{ start: number; end: number; text: string; placeId: string; name: string; lat: number; lon: number; precision: string; reason: string }>;
  times: Array<{ start: number; end: number; text: string; type: string; value: string; precision: string; anchor: string; reason: string }>;
}

/** The stored layers of one article, for `dossier show` and the reader. */
export async function articleAnnotations(db: Store, id: string): Promise<ArticleAnnotations> {
  const entities = await db.selectFrom('entity_mentions').selectAll().where('article_id', '=', id).orderBy('idx').execute();
  const places = await db
    .selectFrom('place_mentions as m')
    .innerJoin('places as p', 'p.id', 'm.place_id')
    .select(['m.start', 'm.end', 'm.text', 'm.place_id', 'p.name', 'p.lat', 'p.lon', 'p.precision', 'm.reason'])
    .where('m.article_id', '=', id)
    .orderBy('m.idx')
    .execute();
  const times = await db.selectFrom('time_mentions').selectAll().where('article_id', '=', id).orderBy('idx').execute();
  return {
    entities: entities.map((e) => ({ start: e.start, end: e.end, text: e.text, type: e.type, actorId: e.actor_id, confidence: e.link_confidence ?? e.confidence, reason: e.link_reason })),
    places: places.map((p) => ({ start: p.start, end: p.end, text: p.text, placeId: p.place_id, name: p.name, lat: p.lat, lon: p.lon, precision: p.precision, reason: p.reason })),
    times: times.map((t) => ({ start: t.start, end: t.end, text: t.text, type: t.type, value: t.value, precision: t.precision, anchor: t.anchor, reason: t.reason })),
  };
}
