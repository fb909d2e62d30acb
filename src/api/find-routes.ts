import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { UsageError } from '../errors.js';
import { recordsPage } from '../records/record-views.js';
import type { SearchHit } from '../store/articles-repository.js';
import { type EventOut, findEvents, findQuotes, type QuoteOut } from '../store/events-queries.js';
import { findActors, findPlaces } from '../store/mentions-queries.js';
import { articlesNaming, placeSpellings } from '../store/naming-queries.js';
import type { ApiContext } from './api-context.js';
import { errorResponses } from './claim-schemas.js';
import { comparableName, namedBy } from './name-matching.js';
import { emptyAsMissing, MAX_LIMIT } from './query-schemas.js';
import { FindResultSchema } from './response-schemas.js';

const FindQuery = z.object({
  q: z.string().trim().min(1, 'q is required: a name or the words to search for').max(200, 'at most 200 characters: search for a name or a few words'),
  limit: z.preprocess(emptyAsMissing, z.coerce.number().int().min(1).max(MAX_LIMIT).default(50)).describe('at most this many items in each list'),
});

type Record = z.infer<typeof FindResultSchema>['records']['items'][number];

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
 * /api/find: one search over everything, which knows the registry. The query is matched to the
 * actors and places it names (through registry aliases and every spelling the news used), and
 * their articles, events, records and quotes are listed beside what the words themselves find.
 */
export const findRoutes: FastifyPluginAsyncZod<ApiContext> = async (app, ctx) => {
  app.get(
    '/api/find',
    {
      schema: {
        tags: ['articles'],
        summary: 'Search by name or words: the actors and places a query names (aliases and spellings too), and their articles, events, records and quotes',
        querystring: FindQuery,
        response: { 200: FindResultSchema, ...errorResponses },
      },
    },
    async (req) => {
      const { q, limit } = req.query;
      // Names are looked up without the search syntax around them: '"Kataib Hizballah' still names the militia.
      const name = q.replace(/["()*]/g, ' ').replace(/\s+/g, ' ').trim() || q;
      const [actorHits, placeHits] = await Promise.all([findActors(ctx.store, { name, limit: 100 }), findPlaces(ctx.store, { name, limit: 100 })]);
      const spellings = await placeSpellings(ctx.store, placeHits.map((p) => p.id));
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
        ctx.reads.search(q, limit).catch((error: unknown): SearchHit[] => {
          if (!(error instanceof UsageError)) throw error;
          articleSearchError = error.message;
          return [];
        }),
        articlesNaming(ctx.store, { actors: actorIds, places: places.map((p) => p.id) }, limit),
      ]);
      const namingById = new Map(naming.map((n) => [n.id, n]));
      const articles = unique<{ id: string; title: string; outlet: string | null; date: string | null }>([wordHits, naming], (a) => a.id).map((a) => {
        const n = namingById.get(a.id);
        const hit = wordHits.find((w) => w.id === a.id);
        return { id: a.id, title: a.title, outlet: a.outlet, date: a.date, snippet: hit?.snippet ?? null, naming: n ? { spelling: n.spelling, start: n.start, end: n.end, mentions: n.mentions } : null };
      });

      const eventLists: Promise<EventOut[]>[] = [
        ...(loose ? [findEvents(ctx.store, { text: q, limit })] : []),
        ...actorIds.map((id) => findEvents(ctx.store, { actor: id, limit })),
        ...places.map((p) => findEvents(ctx.store, { place: p.name, limit })),
        ...placeWords.map((w) => findEvents(ctx.store, { text: w, limit })),
      ];
      const recordLists: Promise<{ items: unknown[] }>[] = [
        ...(loose ? [recordsPage(ctx.store, { actor: q }, { limit }), recordsPage(ctx.store, { place: q }, { limit })] : []),
        ...actorIds.map((id) => recordsPage(ctx.store, { actor: id }, { limit })),
        ...places.map((p) => recordsPage(ctx.store, { place: p.name }, { limit })),
      ];
      const quoteLists: Promise<QuoteOut[]>[] = [
        ...(loose ? [findQuotes(ctx.store, { speaker: q, limit })] : []),
        ...actorIds.map((id) => findQuotes(ctx.store, { speaker: id, limit })),
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
    },
  );
};
