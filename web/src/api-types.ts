/**
 * The shapes the API serves, as the app reads them: inferred from the server's zod schemas
 * (src/api/response-schemas.ts), never restated here. Type-only imports, so the browser bundle
 * carries none of the server's code, and a field the server changes breaks the app's type check.
 */
import type { z } from 'zod';
import type {
  ActorDetailSchema,
  ActorSummarySchema,
  ArticleDetailSchema,
  ArticleSummarySchema,
  ContradictionSchema,
  CorrectionSchema,
  EdgeSchema,
  EventSchema,
  FigureUpdatesSchema,
  FindResultSchema,
  NetworkSchema,
  NodeSchema,
  OutletSchema,
  PlaceSchema,
  QuoteSchema,
  RecordActor as RecordActorSchema,
  RecordDetailSchema,
  RecordSchema,
  RepeatPairSchema,
  ReportSchema,
  ReviewItemSchema,
  SearchHitSchema,
  StatsSchema,
  TimelineSchema,
} from '../../src/api/response-schemas.js';

export type { Page } from '../../src/api/query-schemas.js';

export type StoreStats = z.infer<typeof StatsSchema>;
export type ArticleSummary = z.infer<typeof ArticleSummarySchema>;
export type ArticleDetail = z.infer<typeof ArticleDetailSchema>;
export type RepeatedPassage = ArticleDetail['repeatedPassages'][number];
export type EntityAnnotation = ArticleDetail['entities'][number];
export type PlaceAnnotation = ArticleDetail['places'][number];
export type TimeAnnotation = ArticleDetail['times'][number];
export type SearchHit = z.infer<typeof SearchHitSchema>;
export type ActorSummary = z.infer<typeof ActorSummarySchema>;
export type ActorDetail = z.infer<typeof ActorDetailSchema>;
export type ActorMention = ActorDetail['mentionList'][number];
export type PlaceSummary = z.infer<typeof PlaceSchema>;
export type TimelineEntry = z.infer<typeof TimelineSchema>;
export type EventOut = z.infer<typeof EventSchema>;
export type Participant = EventOut['source'][number];
export type OffsetSpan = EventOut['evidenceSpan'];
export type QuoteOut = z.infer<typeof QuoteSchema>;
export type NetworkNode = z.infer<typeof NodeSchema>;
export type NetworkEdge = z.infer<typeof EdgeSchema>;
export type Network = z.infer<typeof NetworkSchema>;
export type ReviewItem = z.infer<typeof ReviewItemSchema>;
export type Correction = z.input<typeof CorrectionSchema>;
export type RecordActor = z.infer<typeof RecordActorSchema>;
export type Contradiction = z.infer<typeof ContradictionSchema>;
export type ContradictionValue = Contradiction['values'][number];
export type FigureUpdates = z.infer<typeof FigureUpdatesSchema>;
export type EventRecord = z.infer<typeof RecordSchema>;
export type RecordReport = z.infer<typeof ReportSchema>;
export type EventRecordDetail = z.infer<typeof RecordDetailSchema>;
export type WitnessGroup = EventRecordDetail['witnesses'][number];
export type OutletSummary = z.infer<typeof OutletSchema>;
export type RepeatPair = z.infer<typeof RepeatPairSchema>;
export type FindResult = z.infer<typeof FindResultSchema>;
export type FoundArticle = FindResult['articles']['items'][number];
