import type { z } from 'zod';
import { UsageError } from '../errors.js';
import { recordsPage } from '../records/record-views.js';
import { type SearchHit, searchArticles } from '../store/articles-repository.js';
import { type EventOut, findEvents, findQuotes, type QuoteOut } from '../store/events-queries.js';
import { findActors, findPlaces } from '../store/mentions-queries.js';
import { articlesNaming, placeSpellings } from '../store/naming-queries.js';
import type { Store } from '../store/open-store.js';
import { comparableName, namedBy } from './name-matching.js';
import type { FindResultSchema } from './response-schemas.js';

export type FindResult = z.infer<typeof FindResultSchema>;
type Record = FindResult['records']['items'][number];

/** Items of several lists, each once, in the order first met. */
function unique<T>(lists: readonly (readonly T[])[], key: (item: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const list of lists) for (const item of list) if (!seen.has(key(item))) seen.set(key(item), item);
  return [...seen.values()];
}

/** Latest first by the event's date, else its article's; undated last. */
const byDate = (a: { date: string | null; published?: string | null }, b: { date: string | null; published?: string | null }): number =>
  (b.date ?? b.published ?? '').localeCompare(a.date ?? a.published ?? '');

/**
 * What /api/find answers for `q`: the actors and places it names (through registry aliases and
 * every spelling the news used), their articles, events, records and quotes, and what the words
 * themselves find. A read of its own (read-queries.ts): its dozen queries run in a read thread,
 * not on the server's. Search syntax the words break is told in `articleSearchError`.
 */
export async function findResults(store: Store, q: string, limit: number): Promise<FindResult> {
  // Names are looked up without the search syntax around them: '"Kataib Hizballah' still names the militia.
  const name = q.replace(/["()*]/g, ' ').replace(/\s+/g, ' ').trim() || q;
  const [actorHits, placeHits] = await Promise.all([findActors(store, { name, limit: 100 }), findPlaces(store, { name, limit: 100 })]);
  const spellings = await placeSpellings(store, placeHits.map((p) => p.id));
  const actors = namedBy(name, actorHits.map((a) => ({ ...a, spellings: a.aliases })));
  const places = namedBy(name, placeHits.map((p) => ({ ...p, spellings: spellings.get(p.id) ?? [] })));
  const actorIds = actors.map((a) => a.id);
  // The ways the news wrote a named place, for events it left unplaced but named in their evidence.
  const placeWords = unique([places.flatMap((p) => p.spellings)], comparableName)
    .filter((w) => w.length >= 3 && comparableName(w) !== comparableName(q))
    .slice(0, 6);

  // A few letters ("KH") are an alias or nothing: as a piece of other words they find only noise.
  const loose = comparableName(q).replace(/ /g, '').length >= 4 || (actors.length === 0 && places.length === 0);

  let articleSearchError: string | null = null;
  const [wordHits, naming] = await Promise.all([
    searchArticles(store, q, limit).catch((error: unknown): SearchHit[] => {
      if (!(error instanceof UsageError)) throw error;
      articleSearchError = error.message;
      return [];
    }),
    articlesNaming(store, { actors: actorIds, places: places.map((p) => p.id) }, limit),
  ]);
  const namingById = new Map(naming.map((n) => [n.id, n]));
  const articles = unique<{ id: string; title: string; outlet: string | null; date: string | null }>([wordHits, naming], (a) => a.id).map((a) => {
    const n = namingById.get(a.id);
    const hit = wordHits.find((w) => w.id === a.id);
    return { id: a.id, title: a.title, outlet: a.outlet, date: a.date, snippet: hit?.snippet ?? null, naming: n ? { spelling: n.spelling, start: n.start, end: n.end, mentions: n.mentions } : null };
  });

  const eventLists: Promise<EventOut[]>[] = [
    ...(loose ? [findEvents(store, { text: q, limit })] : []),
    ...actorIds.map((id) => findEvents(store, { actor: id, limit })),
    ...places.map((p) => findEvents(store, { place: p.name, limit })),
    ...placeWords.map((w) => findEvents(store, { text: w, limit })),
  ];
  const recordLists: Promise<{ items: unknown[] }>[] = [
    ...(loose ? [recordsPage(store, { actor: q }, { limit }), recordsPage(store, { place: q }, { limit })] : []),
    ...actorIds.map((id) => recordsPage(store, { actor: id }, { limit })),
    ...places.map((p) => recordsPage(store, { place: p.name }, { limit })),
  ];
  const quoteLists: Promise<QuoteOut[]>[] = [
    ...(loose ? [findQuotes(store, { speaker: q, limit })] : []),
    ...actorIds.map((id) => findQuotes(store, { speaker: id, limit })),
  ];
  const events = unique(await Promise.all(eventLists), (e) => e.id).sort(byDate);
  const records = unique((await Promise.all(recordLists)).map((p) => p.items as Record[]), (r) => r.id).sort(byDate);
  const quotes = unique(await Promise.all(quoteLists), (x) => x.id).sort(byDate);

  const namedActorIds = new Set(actorIds);
  const namedPlaceIds = new Set(places.map((p) => p.id));
  return {
    query: q,
    named: { actors: actors.map(({ spellings: _s, ...a }) => a), places: places.map(({ spellings: _s, ...p }) => p) },
    otherActors: actorHits.filter((a) => !namedActorIds.has(a.id)).slice(0, limit),
    otherPlaces: placeHits.filter((p) => !namedPlaceIds.has(p.id)).slice(0, limit),
    articles: { items: articles.slice(0, limit), total: articles.length },
    articleSearchError,
    events: { items: events.slice(0, limit), total: events.length },
    records: { items: records.slice(0, limit), total: records.length },
    quotes: { items: quotes.slice(0, limit), total: quotes.length },
  };
}
