/**
 * The shapes the API serves (docs: the HTTP API contract), as the app reads them. They mirror
 * the store's query results (src/store/*-queries.ts); the app keeps its own copy so the
 * browser bundle never reaches into server code.
 */

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export interface StoreStats {
  articles: number;
  outlets: number;
  authors: number;
  repeatedPassages: number;
  entityMentions: number;
  actors: number;
  placeMentions: number;
  timeMentions: number;
  events: number;
  quotes: number;
  firstDate: string | null;
  lastDate: string | null;
  byReader: Record<string, number>;
}

export interface SourceRef {
  file: string;
  startLine: number;
  endLine: number;
  startByte: number;
  endByte: number;
  reader: string;
}

export interface ArticleSummary {
  id: string;
  title: string;
  outlet: string | null;
  author: string | null;
  date: string | null;
  datePrecision: string | null;
  dateReason: string | null;
  url: string | null;
  source: SourceRef;
}

export interface RepeatedPassage {
  text: string;
  start: number;
  end: number;
  otherArticleId: string;
  otherText: string;
  similarity: number;
  kind: string;
}

export interface EntityAnnotation {
  start: number;
  end: number;
  text: string;
  type: string;
  actorId: string | null;
  confidence: number;
  reason: string | null;
}

export interface PlaceAnnotation {
  start: number;
  end: number;
  text: string;
  placeId: string;
  name: string;
  lat: number;
  lon: number;
  precision: string;
  reason: string;
}

export interface TimeAnnotation {
  start: number;
  end: number;
  text: string;
  type: string;
  value: string;
  precision: string;
  anchor: string;
  reason: string;
}

export interface ArticleDetail extends ArticleSummary {
  /** The headline, a blank line and the body: every span below is an offset into it. */
  text: string;
  /** Where the body starts in `text`; before it, the headline (0 when none was put there). */
  bodyStart: number;
  authorBio: string | null;
  paragraphs: string[];
  repeatedPassages: RepeatedPassage[];
  entities: EntityAnnotation[];
  places: PlaceAnnotation[];
  times: TimeAnnotation[];
  events?: EventOut[];
  quotes?: QuoteOut[];
}

export interface SearchHit {
  id: string;
  title: string;
  outlet: string | null;
  date: string | null;
  score: number;
  snippet: string;
}

export interface ActorSummary {
  id: string;
  name: string;
  type: string;
  country: string | null;
  sector: string | null;
  cameo: string | null;
  origin: string;
  aliases: string[];
  mentions: number;
  articles: number;
}

export interface ActorMention {
  articleId: string;
  title: string;
  date: string | null;
  outlet: string | null;
  start: number;
  end: number;
  text: string;
  confidence: number | null;
  reason: string | null;
}

export interface ActorDetail extends ActorSummary {
  wikidata: string | null;
  memberOf: string[];
  roles: unknown[];
  members: Array<{ id: string; name: string }>;
  mentionList: ActorMention[];
  eventsAsSource?: EventOut[];
  eventsAsTarget?: EventOut[];
  quotes?: QuoteOut[];
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
  context: string;
}

export interface Participant {
  id: string | null;
  name: string;
  text: string;
  cameo: string | null;
}

export interface OffsetSpan {
  start: number;
  end: number;
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
  source: Participant[];
  target: Participant[];
  place: { id: string; name: string; lat: number; lon: number; geonamesId: number | null; precision: string } | null;
  date: string | null;
  dateEnd: string | null;
  datePrecision: string | null;
  modality: string;
  attributedTo: { speaker: string | null; speakerId: string | null; outlet: string | null } | null;
  magnitudes: Array<{ kind: string; value: number | null; qualifier: string; text: string }>;
  evidence: string;
  evidenceSpan: OffsetSpan;
  trigger: string;
  fields: Record<string, unknown>;
  confidence: number;
  reason: string;
  review: 'accepted' | 'rejected' | 'fixed' | null;
  /** Set by the cross-article records when they land. */
  disputed?: boolean;
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
  span: OffsetSpan;
  date: string | null;
  topicActorIds: string[];
  confidence: number;
  reason: string;
  review: 'accepted' | 'rejected' | 'fixed' | null;
}

export interface NetworkNode {
  id: string;
  name: string;
  type: string;
  country: string | null;
  events: number;
}

export interface NetworkEdge {
  source: string;
  target: string;
  plover: string | null;
  code: string;
  count: number;
  eventIds: string[];
}

export interface Network {
  nodes: NetworkNode[];
  edges: NetworkEdge[];
  /** With `top`: the size of the whole network. */
  total?: { nodes: number; edges: number };
}

export interface ReviewItem {
  kind: 'event' | 'quote';
  id: string;
  articleId: string;
  confidence: number;
  reason: string;
  summary: string;
}

export type Correction =
  | { op: 'merge'; into: string; from: string }
  | { op: 'split'; actor: string; surface: string; name?: string }
  | { op: 'rename'; actor: string; name: string }
  | { op: 'alias-add'; actor: string; alias: string }
  | { op: 'alias-remove'; actor: string; alias: string };

export interface RecordActor {
  id: string | null;
  name: string;
}

export interface ContradictionValue {
  value: string;
  /** Whose word the value is, where the reports say. */
  claimants?: string[];
  outlets: string[];
  articleIds: string[];
  eventIds: string[];
  evidence: string[];
}

export interface Contradiction {
  /** source, target, date, place, or "number:<kind>" (number:killed). */
  field: string;
  values: ContradictionValue[];
}

/** A count that rose as reports came out: each figure with the day and who gave it. */
export interface FigureUpdates {
  kind: string;
  series: Array<ContradictionValue & { published: string }>;
}

export interface EventRecord {
  id: string;
  code: string;
  plover: string | null;
  date: string | null;
  datePrecision: string | null;
  place: { id: string | null; name: string; lat: number; lon: number } | null;
  source: RecordActor[];
  target: RecordActor[];
  mentions: Array<{ eventId: string; articleId: string; outlet: string | null }>;
  outlets: string[];
  independentOutlets: number;
  disputed: boolean;
  contradictions: Contradiction[];
  /** Counts that rose as reports came out: successive figures, not disputes. */
  updates?: FigureUpdates[];
  /** Inside one article: an event dated after the article, or one article's mentions disagreeing. */
  inconsistencies?: Array<{ kind: string; articleId: string; outlet: string | null; eventIds: string[]; values: string[]; note: string }>;
  firstReported: string | null;
  lastReported: string | null;
}

export interface RecordReport {
  eventId: string;
  articleId: string;
  title: string | null;
  evidenceSpan: OffsetSpan | null;
  outlet: string | null;
  published: string | null;
  code: string;
  modality: string;
  date: string | null;
  datePrecision: string | null;
  place: string | null;
  source: RecordActor[];
  target: RecordActor[];
  magnitudes: Array<{ kind: string; value: number | null; qualifier: string; text: string }>;
  evidence: string;
  score: number;
  reason: string;
  /** Agencies the article credits (dateline, sign-off, byline…). */
  wireCredits?: Array<{ wire: string | null; kind: string; text: string }>;
}

export interface WitnessGroup {
  articleIds: string[];
  outlets: string[];
  /** Why these reports count as one witness: "same outlet", "same owner", "shared passage". */
  reasons: string[];
}

export interface EventRecordDetail extends EventRecord {
  reports: RecordReport[];
  witnesses: WitnessGroup[];
}

export interface OutletSummary {
  name: string;
  articles: number;
  firstDate: string | null;
  lastDate: string | null;
  /** Absent when asked for brief. */
  topActors?: Array<{ id: string | null; name: string; events: number }>;
  topEventTypes?: Array<{ type: string; events: number }>;
}
