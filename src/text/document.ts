/**
 * The Document: one normalized text and stand-off layers of spans into it. The text is the
 * article's headline, a paragraph break and its body (headline.ts), so every stage reads the
 * headline as a paragraph of its own. Spans never copy text; `spanText` in span.ts turns a
 * span into text, `toRaw` maps an offset back to the reader's raw body text (-1 inside the
 * headline, which the raw body does not hold), and the article's SourceRuns map raw offsets
 * to source bytes.
 */

export interface Span {
  readonly start: number;
  readonly end: number;
}

export type Layer<T = object> = ReadonlyArray<Span & Readonly<T>>;

export type ParagraphKind = 'body' | 'heading' | 'bio';

export interface TokenAttrs {
  /** Lower-cased, quotes/dashes unified: for lookups, never for display. */
  readonly norm: string;
  /** Coarse shape class used by later stages: word, number, punct, symbol. */
  readonly kind: 'word' | 'number' | 'punct' | 'symbol';
}

/**
 * Entity mention types (OntoNotes-style, plus TITLE for roles such as "deputy head of").
 * MISC is what the CoNLL-trained model says when nothing finer is known.
 */
export type EntityType = 'PERSON' | 'ORG' | 'GPE' | 'LOC' | 'FAC' | 'NORP' | 'LAW' | 'EVENT' | 'TITLE' | 'MISC';

export interface EntityAttrs {
  readonly type: EntityType;
  /** 0..1: the model's margin-based score, or the registry match's strength. */
  readonly confidence: number;
  /** What found it: the statistical tagger, a registry alias, the gazetteer, or a rule. */
  readonly source: 'model' | 'registry' | 'gazetteer' | 'rule';
}

/** One link from an entity mention to an actor identity. */
export interface ActorLinkAttrs {
  /** Index into the entities layer. */
  readonly entity: number;
  /** A registry id ("irq-pmu") or a store-made id for an actor nobody listed ("new:..."). */
  readonly actorId: string;
  readonly name: string;
  readonly confidence: number;
  /** Why this actor: "alias 'Hashd al-Sha'abi'", "short form of 'Qais al-Khazali' (para 2)". */
  readonly reason: string;
}

export type PlacePrecision = 'site' | 'city' | 'district' | 'region' | 'country' | 'area';

export interface PlaceAttrs {
  /** Index into the entities layer, or null when the place came from a gazetteer scan. */
  readonly entity: number | null;
  /** "gn:<geonamesId>" when GeoNames has it, else "site:<slug>", "adm1:<ISO 3166-2>", "cc:<ISO3>". */
  readonly placeId: string;
  readonly name: string;
  readonly lat: number;
  readonly lon: number;
  readonly geonamesId: number | null;
  /** GeoNames feature class: A (country, region), P (populated place), S (site), T, H, L, R, V. */
  readonly featureClass: string;
  /** ISO 3166-1 alpha-3. */
  readonly country: string | null;
  readonly admin1: string | null;
  readonly precision: PlacePrecision;
  /** The area a region or unit covers, when known: "Middle East", "western Anbar" are boxes, not points. */
  readonly bbox?: BoundingBox;
  readonly confidence: number;
  readonly reason: string;
}

/** West, south, east, north in degrees; west > east when the box crosses the antimeridian. */
export type BoundingBox = readonly [west: number, south: number, east: number, north: number];

export type TimeType = 'DATE' | 'TIME' | 'DURATION' | 'SET';

export type TimePrecision =
  | 'millennium'
  | 'century'
  | 'decade'
  | 'year'
  | 'half'
  | 'quarter'
  | 'season'
  | 'month'
  | 'week'
  | 'day'
  | 'part-of-day'
  | 'hour'
  | 'minute'
  | 'second'
  | 'duration'
  | 'set'
  | 'reference'
  | 'unknown';

export interface TimeAttrs {
  readonly type: TimeType;
  /** TIMEX3 value: "2020-05-04", "2020-06", "2014-H1", "P3D", "PAST_REF", "XXXX-WXX-1"... */
  readonly value: string;
  readonly precision: TimePrecision;
  /** What the value was computed from: the publication date, an earlier date in the text, nothing. */
  readonly anchor: 'dct' | 'narrative' | 'absolute' | 'none';
  /** TIMEX3 mod: START, MID, END, APPROX, BEFORE, AFTER, ... */
  readonly mod: string | null;
  readonly reason: string;
}

/** How the text commits to an event: the outlet's own word, a named source's, or less. */
export type Modality = 'asserted' | 'reported' | 'claimed' | 'denied' | 'planned' | 'conditional' | 'hypothetical' | 'negated';

/** A participant of an event: the words naming it and the actor they resolve to. */
export interface EventParticipant {
  readonly span: Span;
  /** Index into the entities layer when the words are an entity mention. */
  readonly entity: number | null;
  readonly actorId: string | null;
  readonly name: string;
  /** CAMEO actor code ("USAMIL", "IRQGOV"), from the registry or the entity's context. */
  readonly cameo: string | null;
}

export type MagnitudeKind =
  | 'killed'
  | 'injured'
  | 'arrested'
  | 'kidnapped'
  | 'missing'
  | 'displaced'
  | 'missiles'
  | 'rockets'
  | 'drones'
  | 'airstrikes'
  | 'troops'
  | 'protesters'
  | 'other';

export interface Magnitude {
  readonly kind: MagnitudeKind;
  /** The number, or the lower bound for "at least 10"; null for "dozens" with no figure. */
  readonly value: number | null;
  /** 'exact' ("three"), 'at-least' ("at least 10", "more than"), 'about' ("some 200"), 'vague' ("dozens"). */
  readonly qualifier: 'exact' | 'at-least' | 'at-most' | 'about' | 'vague';
  readonly span: Span;
}

export interface EventAttrs {
  /** CAMEO event code, 2 to 4 digits as the text supports ("19", "190", "1951"). */
  readonly code: string;
  readonly rootCode: string;
  /** PLOVER event type and mode, from the CAMEO-to-PLOVER mapping; null for 01x/02x. */
  readonly plover: string | null;
  readonly ploverMode: string | null;
  /** The verb or noun that names the event ("killed", "the assassination"). */
  readonly trigger: Span;
  readonly sources: readonly EventParticipant[];
  readonly targets: readonly EventParticipant[];
  /** Where it happened (index into the places layer), never merely a place mentioned nearby. */
  readonly place: { readonly span: Span; readonly placeIndex: number } | null;
  /** When (index into the times layer); date values copied for convenience. */
  readonly time: { readonly span: Span; readonly timeIndex: number } | null;
  readonly date: string | null;
  readonly dateEnd: string | null;
  readonly datePrecision: TimePrecision | null;
  readonly modality: Modality;
  /** The words that set the modality ("if", "denied", "will", "claimed"), when any. */
  readonly modalityCue: Span | null;
  /** Told inside a quote or a report: the quote (index into the quotes layer) and its speaker. */
  readonly attribution: { readonly quote: number | null; readonly speakerActorId: string | null; readonly speaker: string | null } | null;
  readonly magnitudes: readonly Magnitude[];
  readonly confidence: number;
  readonly reason: string;
}

export type QuoteKind = 'direct' | 'indirect' | 'statement' | 'according-to' | 'post';

export interface QuoteAttrs {
  readonly kind: QuoteKind;
  /** The words attributed to the speaker: the quotation, or the reported clause. */
  readonly content: Span;
  /** The reporting words: "said", "told", "according to", "in a statement". */
  readonly cue: Span | null;
  /** The words naming the speaker in this sentence ("he", "the ministry"), and who it resolves to. */
  readonly speaker: Span | null;
  readonly speakerActorId: string | null;
  readonly speakerName: string | null;
  readonly speakerRole: string | null;
  /** The intermediary: "was quoted as saying by the al-Ahed news website". */
  readonly via: { readonly span: Span; readonly name: string; readonly actorId: string | null } | null;
  /** Actors the claim is about (mentioned in the content). */
  readonly topicActorIds: readonly string[];
  readonly confidence: number;
  readonly reason: string;
}

/** Layers known to Dossier, each owned by exactly one stage. */
export interface Layers {
  readonly paragraphs: Layer<{ readonly kind: ParagraphKind }>;
  readonly tokens: Layer<TokenAttrs>;
  readonly sentences: Layer<{ readonly paragraph: number }>;
  /** Tokens whose capital is the source's artefact, with the form the models read (src/text/casing.ts). */
  readonly casing: Layer<{ readonly form: string }>;
  /** Part of speech, lemma and dependency tree, one entry per token, same order as the tokens layer. */
  readonly syntax: Layer<SyntaxAttrs>;
  readonly entities: Layer<EntityAttrs>;
  readonly actors: Layer<ActorLinkAttrs>;
  readonly places: Layer<PlaceAttrs>;
  readonly times: Layer<TimeAttrs>;
  /** Span: the whole attribution (speaker, cue and content). */
  readonly quotes: Layer<QuoteAttrs>;
  /** Span: the evidence, the sentence (or clause) that tells the event. */
  readonly events: Layer<EventAttrs>;
}

export type LayerName = keyof Layers;

/**
 * One token's syntax: tags, lemma and its arc in the sentence's dependency tree (UD v2).
 * Heads are indices into the tokens layer, so a tree never crosses a sentence boundary.
 */
export interface SyntaxAttrs {
  /** Universal part of speech: NOUN, PROPN, VERB, AUX, ADP, ... */
  readonly upos: string;
  /** Penn Treebank tag: NN, NNP, VBD, IN, ... */
  readonly tag: string;
  /** Lower-cased dictionary form ("killed" → "kill", "forces" → "force"); names keep their case. */
  readonly lemma: string;
  /** Index into the tokens layer of this token's head, or -1 for the sentence's root. */
  readonly head: number;
  /** UD v2 relation to the head: nsubj, obj, obl, nmod, conj, acl:relcl, ...; "root" for the root. */
  readonly rel: string;
}

/** A non-fatal observation with a place and a reason (vfile-style), never printed by stages. */
export interface DocumentMessage {
  readonly span: Span | null;
  readonly stage: string;
  readonly ruleId: string;
  readonly reason: string;
}

export interface NormalizedText {
  readonly text: string;
  /** rawOffsets[i] = offset in the raw text of normalized char i, or -1 when the raw text lacks it; length text.length + 1. */
  readonly rawOffsets: Int32Array;
}

/** What the text alone cannot say: the article's date and origin, for anchoring and context. */
export interface DocumentMeta {
  /** Publication date as stored ("2020-05-05", "2020-05", "2020-05-05T14:30"), or null when unknown. */
  readonly published: string | null;
  /** The title as the reader gave it; the text holds it too, cleaned, at `Document.headline`. */
  readonly title: string;
  readonly outlet: string | null;
}

export interface Document {
  readonly id: string;
  readonly meta: DocumentMeta;
  readonly text: string;
  readonly rawOffsets: Int32Array;
  /**
   * Where the reader's body text starts in `text`. Before it, when it is not 0: the headline
   * (meta.title as headline.ts cleans it) and the paragraph break after it.
   */
  readonly bodyStart: number;
  readonly layers: Partial<Layers>;
  readonly messages: readonly DocumentMessage[];
}
