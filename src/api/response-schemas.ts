import { z } from 'zod';
import { EventSchema, QuoteSchema } from './claim-schemas.js';

/*
 * The shapes the API answers with, zod only: the routes validate and serialize with them, the
 * OpenAPI document is made from them, the CLI's --json output is tested against them, and the
 * web app takes its types from them (web/src/api-types.ts), so a shape is written down once.
 * Nothing here may import server code: the web app's type check reads this file.
 */

export { ErrorSchema, EventSchema, QuoteSchema } from './claim-schemas.js';

// articles
export const ArticleSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  outlet: z.string().nullable(),
  author: z.string().nullable(),
  date: z.string().nullable(),
  datePrecision: z.string().nullable(),
  dateReason: z.string().nullable(),
  url: z.string().nullable(),
  source: z.object({ file: z.string(), startLine: z.number().int(), endLine: z.number().int(), startByte: z.number().int(), endByte: z.number().int(), reader: z.string() }),
});

const Span = { start: z.number().int(), end: z.number().int(), text: z.string() };

export const ArticleDetailSchema = ArticleSummarySchema.extend({
  text: z.string().describe('the headline, a blank line and the body: every span of the article is an offset into it'),
  bodyStart: z.number().int().describe('where the body starts in text; before it, the headline (0 when none was put there)'),
  authorBio: z.string().nullable(),
  paragraphs: z.array(z.string()),
  repeatedPassages: z.array(
    z.object({ text: z.string(), start: z.number().int(), end: z.number().int(), otherArticleId: z.string(), otherText: z.string(), similarity: z.number(), kind: z.string() }),
  ),
  entities: z.array(z.object({ ...Span, type: z.string(), actorId: z.string().nullable(), confidence: z.number(), reason: z.string().nullable() })),
  places: z.array(z.object({ ...Span, placeId: z.string(), name: z.string(), lat: z.number(), lon: z.number(), precision: z.string(), reason: z.string() })),
  times: z.array(z.object({ ...Span, type: z.string(), value: z.string(), precision: z.string(), anchor: z.string(), reason: z.string() })),
  events: z.array(EventSchema),
  quotes: z.array(QuoteSchema),
});

export const SearchHitSchema = z.object({ id: z.string(), title: z.string(), outlet: z.string().nullable(), date: z.string().nullable(), score: z.number(), snippet: z.string() });

// actors
export const ActorSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  type: z.string(),
  country: z.string().nullable(),
  sector: z.string().nullable(),
  cameo: z.string().nullable(),
  origin: z.string(),
  aliases: z.array(z.string()),
  mentions: z.number().int(),
  articles: z.number().int(),
});

export const ActorDetailSchema = ActorSummarySchema.extend({
  wikidata: z.string().nullable(),
  memberOf: z.array(z.string()),
  roles: z.array(z.unknown()),
  members: z.array(z.object({ id: z.string(), name: z.string() })),
  mentionList: z.array(
    z.object({
      articleId: z.string(),
      title: z.string(),
      date: z.string().nullable(),
      outlet: z.string().nullable(),
      start: z.number().int(),
      end: z.number().int(),
      text: z.string(),
      confidence: z.number().nullable(),
      reason: z.string().nullable(),
    }),
  ),
  eventsAsSource: z.array(EventSchema),
  eventsAsTarget: z.array(EventSchema),
  quotes: z.array(QuoteSchema),
});

const Id = z.string().trim().min(1).max(300);

/** The body of POST /api/actors/corrections: one Correction (src/knowledge/actors/actor-overlay.ts). */
export const CorrectionSchema = z.discriminatedUnion('op', [
  z.strictObject({ op: z.literal('merge'), into: Id, from: Id }),
  z.strictObject({ op: z.literal('split'), actor: Id, surface: Id, name: Id.optional() }),
  z.strictObject({ op: z.literal('rename'), actor: Id, name: Id }),
  z.strictObject({ op: z.literal('alias-add'), actor: Id, alias: Id }),
  z.strictObject({ op: z.literal('alias-remove'), actor: Id, alias: Id }),
]);

export const StoredCorrectionSchema = z.object({ seq: z.number().int(), correction: CorrectionSchema, createdAt: z.string(), undone: z.boolean() });

// places
export const PlaceSchema = z.object({
  id: z.string(),
  name: z.string(),
  lat: z.number(),
  lon: z.number(),
  geonamesId: z.number().int().nullable(),
  precision: z.string(),
  featureClass: z.string(),
  country: z.string().nullable(),
  admin1: z.string().nullable(),
  bbox: z
    .tuple([z.number(), z.number(), z.number(), z.number()])
    .nullable()
    .describe('west, south, east, north in degrees for a region or area (west > east across the antimeridian); null for a point'),
  mentions: z.number().int(),
  articles: z.number().int(),
});

export const TimelineSchema = z.object({
  value: z.string(),
  type: z.string(),
  precision: z.string(),
  anchor: z.string(),
  text: z.string(),
  reason: z.string(),
  articleId: z.string(),
  title: z.string(),
  published: z.string().nullable(),
  outlet: z.string().nullable(),
  context: z.string(),
});

// network
export const NodeSchema = z.object({ id: z.string(), name: z.string(), type: z.string(), country: z.string().nullable(), events: z.number().int() });
export const EdgeSchema = z.object({ source: z.string(), target: z.string(), plover: z.string().nullable(), code: z.string(), count: z.number().int(), eventIds: z.array(z.string()) });
export const NetworkSchema = z.object({
  nodes: z.array(NodeSchema),
  edges: z.array(EdgeSchema),
  total: z.object({ nodes: z.number().int(), edges: z.number().int() }).optional().describe('with `top`: the whole network’s size'),
  centre: z
    .object({ id: z.string(), name: z.string(), members: z.array(z.object({ id: z.string(), name: z.string() })), memberOf: z.array(z.string()) })
    .optional()
    .describe('with `actor`: the actor the network is drawn around, its members and what it is a member of'),
});


// review
export const ReviewItemSchema = z.object({ kind: z.enum(['event', 'quote']), id: z.string(), articleId: z.string(), confidence: z.number(), reason: z.string(), summary: z.string() });

export const DecisionSchema = z.object({
  seq: z.number().int(),
  kind: z.enum(['event', 'quote']),
  itemId: z.string(),
  decision: z.enum(['accept', 'reject', 'fix']),
  field: z.string().nullable(),
  value: z.string().nullable(),
  note: z.string().nullable(),
  createdAt: z.string(),
});

// meta
export const StatsSchema = z.object({
  articles: z.number().int(),
  outlets: z.number().int(),
  authors: z.number().int(),
  repeatedPassages: z.number().int(),
  entityMentions: z.number().int(),
  actors: z.number().int(),
  placeMentions: z.number().int(),
  timeMentions: z.number().int(),
  events: z.number().int(),
  quotes: z.number().int(),
  firstDate: z.string().nullable(),
  lastDate: z.string().nullable(),
  byReader: z.record(z.string(), z.number().int()),
});

// records
/*
 * Response shapes of src/records/record-views.ts. Records are still growing fields (owners,
 * wire credits, inconsistencies inside one article): every object is loose, so a new field
 * reaches the client instead of being stripped, and an old client ignores it.
 */
export const RecordActor = z.looseObject({ id: z.string().nullable(), name: z.string() });

export const ContradictionSchema = z.looseObject({
  field: z.string().describe('source, target, date, place, or "number:<kind>" such as number:killed'),
  values: z.array(
    z.looseObject({
      value: z.string(),
      claimants: z.array(z.string()).describe('whose word the value is, where the reports say ("US officials", "Iraqi investigation")'),
      outlets: z.array(z.string()),
      articleIds: z.array(z.string()),
      eventIds: z.array(z.string()),
      evidence: z.array(z.string()),
    }),
  ),
});

export const FigureUpdatesSchema = z.looseObject({
  kind: z.string().describe('the count: killed, injured, arrested, displaced'),
  series: z.array(
    z.looseObject({
      value: z.string(),
      published: z.string().describe('the day the reports giving it were published'),
      outlets: z.array(z.string()),
      articleIds: z.array(z.string()),
      eventIds: z.array(z.string()),
      evidence: z.array(z.string()),
    }),
  ),
});

export const RecordSchema = z.looseObject({
  id: z.string(),
  code: z.string(),
  plover: z.string().nullable(),
  date: z.string().nullable(),
  datePrecision: z.string().nullable(),
  place: z.looseObject({ id: z.string().nullable(), name: z.string(), lat: z.number(), lon: z.number() }).nullable(),
  source: z.array(RecordActor),
  target: z.array(RecordActor),
  mentions: z.array(z.looseObject({ eventId: z.string(), articleId: z.string(), outlet: z.string().nullable() })),
  outlets: z.array(z.string()),
  independentOutlets: z.number().int(),
  disputed: z.boolean(),
  contradictions: z.array(ContradictionSchema),
  updates: z.array(FigureUpdatesSchema).describe('counts that rose as reports came out, in order of publication: successive figures, not disputes'),
  inconsistencies: z
    .array(z.looseObject({ kind: z.string(), articleId: z.string(), outlet: z.string().nullable(), eventIds: z.array(z.string()), values: z.array(z.string()), note: z.string() }))
    .optional()
    .describe('inside one article: an event dated after the article, or one article’s mentions disagreeing'),
  firstReported: z.string().nullable(),
  lastReported: z.string().nullable(),
});

export const ReportSchema = z.looseObject({
  eventId: z.string(),
  articleId: z.string(),
  title: z.string().nullable().describe('the article’s title'),
  evidenceSpan: z.object({ start: z.number().int(), end: z.number().int() }).nullable().describe('the evidence sentence in the article text'),
  outlet: z.string().nullable(),
  published: z.string().nullable(),
  code: z.string(),
  modality: z.string(),
  date: z.string().nullable(),
  datePrecision: z.string().nullable(),
  place: z.string().nullable(),
  source: z.array(RecordActor),
  target: z.array(RecordActor),
  magnitudes: z.array(z.looseObject({ kind: z.string(), value: z.number().nullable(), qualifier: z.string(), text: z.string() })),
  evidence: z.string(),
  score: z.number(),
  reason: z.string(),
  wireCredits: z.array(z.looseObject({ wire: z.string().nullable(), kind: z.string(), text: z.string() })).optional().describe('agencies the article credits'),
});

export const RecordDetailSchema = RecordSchema.extend({
  reports: z.array(ReportSchema),
  witnesses: z.array(z.looseObject({ articleIds: z.array(z.string()), outlets: z.array(z.string()), reasons: z.array(z.string()) })),
});

export const RecordsPage = z.object({ items: z.array(RecordSchema), total: z.number().int(), limit: z.number().int(), offset: z.number().int() });

// outlets
/** Loose: the outlet registry is gaining fields (owner, country, ownership type) that should reach the client. */
export const OutletSchema = z.looseObject({
  name: z.string(),
  articles: z.number().int(),
  firstDate: z.string().nullable(),
  lastDate: z.string().nullable(),
  topActors: z.array(z.looseObject({ id: z.string().nullable(), name: z.string(), events: z.number().int() })).optional().describe('absent with brief'),
  topEventTypes: z.array(z.looseObject({ type: z.string(), events: z.number().int() })).optional().describe('absent with brief'),
});

export type Network = z.infer<typeof NetworkSchema>;

// repeated passages
const RepeatArticleSchema = z.object({ id: z.string(), title: z.string(), outlet: z.string().nullable(), date: z.string().nullable() });

export const RepeatPairSchema = z.object({
  first: RepeatArticleSchema.describe('the earlier article (or, same day, the one with the smaller id)'),
  second: RepeatArticleSchema.describe('the later article, which repeats passages of the first'),
  passages: z.number().int().describe('passages of the second that repeat one of the first'),
  similarity: z.number().describe('the closest repeat, 1 for word for word'),
  kinds: z.array(z.string()),
});

// search that knows the registry
/** An article a search found: by its words (snippet), by naming an actor or place the query names (naming), or both. */
export const FoundArticleSchema = z.object({
  id: z.string(),
  title: z.string(),
  outlet: z.string().nullable(),
  date: z.string().nullable(),
  snippet: z.string().nullable().describe('the words found, hits in [brackets]; null when found only by a name'),
  naming: z
    .object({ spelling: z.string(), start: z.number().int(), end: z.number().int(), mentions: z.number().int() })
    .nullable()
    .describe('the first mention of a named actor or place, as the article spells it'),
});

const listOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number().int() });

export const FindResultSchema = z.object({
  query: z.string(),
  named: z.object({
    actors: z.array(ActorSummarySchema).describe('actors the query names, by name, registry alias or a spelling of the news'),
    places: z.array(PlaceSchema).describe('places the query names, by name or a spelling of the news'),
  }),
  otherActors: z.array(ActorSummarySchema).describe('actors whose name or aliases merely contain the query'),
  otherPlaces: z.array(PlaceSchema),
  articles: listOf(FoundArticleSchema),
  articleSearchError: z.string().nullable().describe('why the words could not be searched as typed, and what to change'),
  events: listOf(EventSchema),
  records: listOf(RecordSchema),
  quotes: listOf(QuoteSchema),
});
