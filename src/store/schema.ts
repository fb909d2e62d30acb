import type { Generated, Insertable, Selectable } from 'kysely';

/** The one schema of the store; row types come from it. */
export interface OutletsTable {
  id: Generated<number>;
  key: string;
  name: string;
}

export interface AuthorsTable {
  id: Generated<number>;
  key: string;
  name: string;
}

export interface ArticlesTable {
  id: string;
  title: string;
  outlet_id: number | null;
  author_id: number | null;
  date: string | null;
  date_precision: string | null;
  date_reason: string | null;
  url: string | null;
  /** The analysed text: the headline, "\n\n", the body; every stored offset points into it. */
  text: string;
  /** Where the body starts in `text`: 0 (the default) when no headline was put before it. */
  body_start: Generated<number>;
  author_bio: string | null;
  content_hash: string;
  extra: string;
  source_file: string;
  start_line: number;
  end_line: number;
  start_byte: number;
  end_byte: number;
  reader: string;
  ingested_at: string;
}

export interface ParagraphsTable {
  article_id: string;
  idx: number;
  start: number;
  end: number;
  kind: string;
}

export interface PassagesTable {
  id: Generated<number>;
  article_id: string;
  kind: string;
  start: number;
  end: number;
  exact_hash: string;
  word_count: number;
  shingle_count: number;
  figures: string;
  signature: string;
}

export interface PassageBandsTable {
  /** band * 2^32 + bucket hash, from the "band:hash" keys of the repeats library. */
  band_key: number;
  passage_id: number;
}

export interface RepeatsTable {
  passage_id: number;
  other_passage_id: number;
  similarity: number;
  kind: string;
}

export interface ActorsTable {
  id: string;
  name: string;
  type: string;
  country: string | null;
  sector: string | null;
  cameo: string | null;
  wikidata: string | null;
  /** 'registry' (shipped or user file), 'new' (first seen in the news), 'split' (analyst). */
  origin: string;
  /** JSON arrays: kept as text so both dialects read them the same way. */
  aliases: string;
  member_of: string;
  roles: string;
}

export interface EntityMentionsTable {
  article_id: string;
  idx: number;
  start: number;
  end: number;
  text: string;
  type: string;
  confidence: number;
  source: string;
  raw_actor_id: string | null;
  actor_id: string | null;
  link_confidence: number | null;
  link_reason: string | null;
}

export interface PlacesTable {
  id: string;
  name: string;
  lat: number;
  lon: number;
  geonames_id: number | null;
  feature_class: string;
  country: string | null;
  admin1: string | null;
  precision: string;
  /** The area a region covers, in degrees; null for points. */
  bbox_west: number | null;
  bbox_south: number | null;
  bbox_east: number | null;
  bbox_north: number | null;
}

export interface PlaceMentionsTable {
  article_id: string;
  idx: number;
  start: number;
  end: number;
  text: string;
  entity_idx: number | null;
  place_id: string;
  confidence: number;
  reason: string;
}

export interface TimeMentionsTable {
  article_id: string;
  idx: number;
  start: number;
  end: number;
  text: string;
  type: string;
  value: string;
  precision: string;
  anchor: string;
  mod: string | null;
  reason: string;
}

export interface ActorCorrectionsTable {
  seq: Generated<number>;
  op: string;
  payload: string;
  created_at: string;
  undone: Generated<number>;
}

export interface ArticleLayersTable {
  article_id: string;
  layer: string;
  stage: string;
  version: string;
}

export interface EventsTable {
  id: string;
  article_id: string;
  idx: number;
  start: number;
  end: number;
  trigger_start: number;
  trigger_end: number;
  code: string;
  root_code: string;
  plover: string | null;
  plover_mode: string | null;
  place_id: string | null;
  place_name: string | null;
  lat: number | null;
  lon: number | null;
  place_precision: string | null;
  date: string | null;
  date_end: string | null;
  date_precision: string | null;
  modality: string;
  speaker: string | null;
  speaker_actor_id: string | null;
  quote_idx: number | null;
  /** JSON: Magnitude[] with spans. */
  magnitudes: string;
  /** JSON: the span of every field (trigger, place, time, modality cue, participants). */
  fields: string;
  confidence: number;
  reason: string;
}

export interface EventActorsTable {
  event_id: string;
  role: string;
  pos: number;
  text: string;
  type: string;
  raw_actor_id: string | null;
  actor_id: string | null;
  name: string;
  cameo: string | null;
}

export interface QuotesTable {
  id: string;
  article_id: string;
  idx: number;
  start: number;
  end: number;
  kind: string;
  content_start: number;
  content_end: number;
  speaker_text: string | null;
  raw_speaker_actor_id: string | null;
  speaker_actor_id: string | null;
  speaker_name: string | null;
  speaker_role: string | null;
  via_name: string | null;
  via_actor_id: string | null;
  topic_actor_ids: string;
  confidence: number;
  reason: string;
}

export interface ReviewDecisionsTable {
  seq: Generated<number>;
  item_kind: string;
  item_id: string;
  decision: string;
  field: string | null;
  value: string | null;
  note: string | null;
  created_at: string;
  undone: Generated<number>;
}

export interface Database {
  outlets: OutletsTable;
  authors: AuthorsTable;
  articles: ArticlesTable;
  paragraphs: ParagraphsTable;
  passages: PassagesTable;
  passage_bands: PassageBandsTable;
  repeats: RepeatsTable;
  actors: ActorsTable;
  entity_mentions: EntityMentionsTable;
  places: PlacesTable;
  place_mentions: PlaceMentionsTable;
  time_mentions: TimeMentionsTable;
  actor_corrections: ActorCorrectionsTable;
  article_layers: ArticleLayersTable;
  events: EventsTable;
  event_actors: EventActorsTable;
  quotes: QuotesTable;
  review_decisions: ReviewDecisionsTable;
  event_records: EventRecordsTable;
  record_mentions: RecordMentionsTable;
  record_targets: RecordTargetsTable;
  stories: StoriesTable;
  story_articles: StoryArticlesTable;
}

export type ArticleRow = Selectable<ArticlesTable>;
export type NewArticle = Insertable<ArticlesTable>;

export interface EventRecordsTable {
  id: string;
  code: string;
  root_code: string;
  plover: string | null;
  date: string | null;
  date_end: string | null;
  date_precision: string | null;
  place_id: string | null;
  place_name: string | null;
  lat: number | null;
  lon: number | null;
  place_precision: string | null;
  country: string | null;
  admin1: string | null;
  /** JSON: actor keys (actor id, or "name:" + lower-cased name) of every mention, most cited first. */
  sources: string;
  targets: string;
  first_reported: string | null;
  last_reported: string | null;
  mention_count: number;
  /** The verdicts getRecord shows, stored so lists filter in SQL (records/record-upkeep.ts refreshRecord keeps them). */
  independent_outlets: Generated<number>;
  outlet_count: Generated<number>;
  /** 0 or 1: the record's reports contradict each other. */
  disputed: Generated<number>;
  /** 1 when a re-analysis deleted one of its events since its attributes were worked out (staleRecords). */
  lost_mentions: Generated<number>;
}

/** A record's target actor keys, looked up by key (records-repository.ts recordCandidates). */
export interface RecordTargetsTable {
  record_id: string;
  key: string;
  /** The last day the record reaches: its date range's end, or, undated, its last report's day. */
  until: string | null;
}

export interface RecordMentionsTable {
  event_id: string;
  record_id: string;
  score: number;
  reason: string;
  /** 1 when the mention is its article's lead event (migration 2026-12-07-01). */
  lead: Generated<number>;
}

/** A news story: the articles that report it (src/records/stories.ts). */
export interface StoriesTable {
  id: string;
  /** Publication days (since 1970-01-01) of its first and last article; null when none is dated. */
  first_day: number | null;
  last_day: number | null;
  article_count: number;
  /** JSON: the sum of its articles' unit word vectors, its heaviest words only. */
  terms: string;
  /** JSON arrays: the people and groups, the precise places its articles name. */
  actors: string;
  places: string;
  /** A digest of the row's other columns, written with them; null on rows written before migration 2026-12-10-01. */
  digest: string | null;
}

export interface StoryArticlesTable {
  article_id: string;
  story_id: string;
  day: number | null;
  /** JSON: the article's own signature, so its story can be worked out again without it. */
  terms: string;
  actors: string;
  places: string;
  score: number;
  reason: string;
}
