/**
 * The features of an event mention and of an event record, as the store reads them for linking
 * and writes a record's canonical attributes. Plain shapes, defined below the linker so the store
 * imports no records code; the merge rule (records/link-events.ts) reads the same shapes.
 */

/** An actor key: the resolved actor id, or "name:" + the lower-cased name when unresolved. */
export type ActorKey = string;

export interface PlaceFeatures {
  readonly id: string | null;
  readonly name: string;
  readonly lat: number;
  readonly lon: number;
  readonly precision: string | null;
  readonly country: string | null;
  readonly admin1: string | null;
  /** The content words of its name, as evidence words are read (records/evidence-words.ts); the linker fills them. */
  readonly words?: readonly string[];
}

/** What both a mention and a record bring to the merge rule. */
interface EventFeatures {
  readonly code: string;
  readonly rootCode: string;
  readonly plover: string | null;
  readonly date: string | null;
  readonly dateEnd: string | null;
  readonly datePrecision: string | null;
  readonly place: PlaceFeatures | null;
  readonly sources: readonly ActorKey[];
  readonly targets: readonly ActorKey[];
  /** The registry's country (ISO alpha-3) of each of its actors that is not a state itself and has one. */
  readonly actorCountries?: ReadonlyMap<ActorKey, string>;
  /**
   * The attacked side warding off an attack ("air defenses downed the missiles": records/
   * defence-acts.ts); a record is one when all its mentions are. The linker fills it.
   */
  readonly defence?: boolean;
}

export interface MentionFeatures extends EventFeatures {
  readonly eventId: string;
  readonly articleId: string;
  readonly published: string | null;
  /** Where the evidence starts in the article text. */
  readonly start?: number;
  /** Content words of the evidence sentence (records/evidence-words.ts). */
  readonly words?: readonly string[];
  /** Nouns the evidence names as already known ("the base"): records/evidence-words.ts definiteHeads. */
  readonly definites?: readonly string[];
  /** The trigger is a plural event noun ("three attacks"): several events, or a kind. */
  readonly plural?: boolean;
  /** Told in its article's headline, which sums up what the body tells at length. */
  readonly headline?: boolean;
  /** The story its article is in (records/stories.ts). */
  readonly story?: string | null;
  /** Its article's lead event: the first its headline tells, or else its body. */
  readonly lead?: boolean;
}

/** What a record offers to the merge rule: its canonical attributes and every actor its mentions name. */
export interface RecordFeatures extends EventFeatures {
  readonly id: string;
  /** Articles with a mention in the record: a lead and its retelling share one. */
  readonly articleIds?: readonly string[];
  /** Where each of its mentions' evidence starts, by article. */
  readonly spans?: ReadonlyArray<{ readonly articleId: string; readonly start: number }>;
  /** Content words of each of its mentions' evidence. */
  readonly mentionWords?: ReadonlyArray<readonly string[]>;
  /** The story of each article it has a mention in, by article. */
  readonly storyOf?: ReadonlyMap<string, string>;
  /** Stories of which it holds an article's lead event. */
  readonly leadStories?: readonly string[];
  /** Articles whose lead event it holds. */
  readonly leadArticles?: readonly string[];
  /** Publication date of its first report: when an undated record was news. */
  readonly firstReported?: string | null;
  /** Every mention of it tells several events ("two rocket attacks earlier this month"). The linker fills it. */
  readonly plural?: boolean;
}

/** A record's canonical attributes, worked out from its mentions (records/link-events.ts canonicalRecord). */
export interface CanonicalRecord extends Omit<RecordFeatures, 'id'> {
  readonly firstReported: string | null;
  readonly lastReported: string | null;
  readonly mentionCount: number;
}

/**
 * How far apart a dated record may be from a dated mention and still be one event, by the
 * record's date precision, as the merge rule says for this mention (records/link-events.ts
 * candidateDateWindows): the store reads the records within these and applies no rule itself.
 */
export interface DateWindows {
  /** Days either side, for records of one of these precisions. */
  readonly byPrecision: ReadonlyArray<{ readonly precisions: readonly string[]; readonly days: number }>;
  /** Days either side, for records of any other precision (a year, a season, none). */
  readonly otherDays: number;
}
