import { distanceKm } from '../knowledge/gazetteer/distance.js';
import type { ActorKey, CanonicalRecord, DateWindows, MentionFeatures, PlaceFeatures, RecordFeatures } from '../store/record-features.js';
import { dayRange } from '../time/day-range.js';
import { attackSide } from './defence-acts.js';
import { wordCosine } from './evidence-words.js';

/**
 * The merge rule that decides whether an event mention describes the same real-world event
 * as an existing record. Pure: the store feeds it rows and writes back its choice.
 * The weights and threshold are fitted by scripts/fit-record-weights.ts on a hand-labelled
 * set of mention pairs (docs/event-records.md); the gates (blocks) are written by hand.
 */

/** The linking shapes live with the store that reads them (store/record-features.ts). */
export type { ActorKey, MentionFeatures, PlaceFeatures, RecordFeatures } from '../store/record-features.js';

export interface MergeWeights {
  readonly type: number;
  readonly date: number;
  readonly place: number;
  readonly actors: number;
  readonly text: number;
}

/** Fitted by scripts/fit-record-weights.ts (grid search, pairwise F1); see docs/event-records.md. */
export const MERGE_WEIGHTS: MergeWeights = { type: 0.15, date: 0.2, place: 0.2, actors: 0.2, text: 0.25 };
/** What an unknown component contributes: neither for nor against, a little below even. */
export const UNKNOWN_SCORE = { date: 0.4, place: 0.5, actors: 0.3, text: 0.2 } as const;
export const MERGE_THRESHOLD = 0.7;
/** A later mention this close (characters) after one of the record's, in the same article, may be its retelling. */
export const NEAR_CHARS = 1000;
/** The evidence overlap a nearby retelling needs with the record's own sentences. */
export const NEAR_TEXT = 0.15;
/** The text value of a retelling that points back to the record's sentence with a definite noun. */
export const ANAPHOR_TEXT = 0.5;
export const SAME_ARTICLE_DATE_SCORE = 0.8;
/** Assault, fight, mass violence: acts whose target is harmed. */
const VIOLENT_ROOTS = new Set(['18', '19', '20']);
/** The evidence overlap that lets a coarse date ("in March") join a day without agreeing actors. */
export const COARSE_TEXT = 0.4;
/** An undated mention this many days after a record's date is a background retelling of it, if of it at all. */
export const BACKGROUND_DAYS = 30;
/** The evidence overlap a background retelling needs with the record's sentences. */
export const BACKGROUND_TEXT = 0.4;
/** The date value of an undated mention against a record of another report of its story. */
export const STORY_DATE_SCORE = 0.7;
/** An undated mention that passed the strict undated gate (below) needs less from the sum. */
export const UNDATED_THRESHOLD = 0.5;
/** Beyond this distance two precise places are different places unless they share an admin area. */
export const FAR_KM = 100;

/** Mentions of things that did not (yet) happen are not evidence of a real-world event. */
const UNLINKED_MODALITIES = new Set(['planned', 'conditional', 'hypothetical', 'negated']);
export const isLinkable = (modality: string): boolean => !UNLINKED_MODALITIES.has(modality);

/**
 * Undated plural event nouns ("has supported attacks against US troops", "three attacks in ten
 * days") tell of several events or a kind of event: they stay event mentions, and no record
 * (one real-world event) is made of them or joined by them.
 */
export const isSingleEvent = (m: Pick<MentionFeatures, 'plural' | 'date'>): boolean => !(m.plural === true && m.date === null);

/** A date that names its day: "on Friday", or finer, "Friday morning". */
export const isDayPrecise = (precision: string | null): boolean => precision === 'day' || precision === 'part-of-day';

/** Days either side of a date that still count as the same day's event, by its precision. */
export function dateWindowDays(precision: string | null): number {
  if (isDayPrecise(precision)) return 3;
  if (precision === 'week') return 7;
  if (precision === 'month') return 15;
  return 60;
}

/** The precisions dateWindowDays gives a window of their own; any other has the widest. */
const WINDOWED_PRECISIONS = ['day', 'part-of-day', 'week', 'month'] as const;

/**
 * Where the dated records this mention could join lie: for each precision of the record, the
 * wider of the two sides' windows (dateScore blocks a pair further apart). What recordCandidates
 * reads, so a day-precise mention reads the day-precise records of a few days around it, not
 * every record of two months.
 */
export function candidateDateWindows(precision: string | null): DateWindows {
  const own = dateWindowDays(precision);
  const byDays = new Map<number, string[]>();
  for (const p of WINDOWED_PRECISIONS) {
    const days = Math.max(own, dateWindowDays(p));
    byDays.set(days, [...(byDays.get(days) ?? []), p]);
  }
  return { byPrecision: [...byDays].map(([days, precisions]) => ({ precisions, days })), otherDays: Math.max(own, dateWindowDays(null)) };
}

const DAY_MS = 86_400_000;

/** Days between two dates' ranges (0 when they overlap); null when either is missing. */
export function dateGapDays(a: { date: string | null; dateEnd: string | null }, b: { date: string | null; dateEnd: string | null }): number | null {
  if (!a.date || !b.date) return null;
  const ra = dayRange(a.date, a.dateEnd);
  const rb = dayRange(b.date, b.dateEnd);
  if (!ra || !rb) return null;
  if (ra[1] < rb[0]) return Math.round((rb[0] - ra[1]) / DAY_MS);
  if (rb[1] < ra[0]) return Math.round((ra[0] - rb[1]) / DAY_MS);
  return 0;
}

/** The one great-circle distance of the project (knowledge/gazetteer/distance.ts), on two points. */
export function haversineKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  return distanceKm(a.lat, a.lon, b.lat, b.lon);
}

const COARSE_PLACES = new Set(['country', 'region', 'admin1', 'area']);
export const isCoarsePlace = (p: PlaceFeatures): boolean => p.precision !== null && COARSE_PLACES.has(p.precision);

export interface Component {
  /** 0..1, or null when one side lacks the attribute. */
  readonly score: number | null;
  /** True when the attribute rules the pair out whatever the rest says. */
  readonly blocks: boolean;
  readonly note: string;
}

export function typeScore(m: { code: string; rootCode: string; plover: string | null }, r: { code: string; rootCode: string; plover: string | null }): Component {
  if (m.code === r.code) return { score: 1, blocks: false, note: `same code ${m.code}` };
  if (m.rootCode === r.rootCode) return { score: 0.7, blocks: false, note: `same root ${m.rootCode}` };
  if (m.plover !== null && m.plover === r.plover) return { score: 0.5, blocks: false, note: `same PLOVER ${m.plover}` };
  return { score: 0, blocks: true, note: `types differ (${m.code} vs ${r.code})` };
}

export function dateScore(m: Pick<MentionFeatures, 'date' | 'dateEnd' | 'datePrecision'>, r: Pick<RecordFeatures, 'date' | 'dateEnd' | 'datePrecision'>): Component {
  const gap = dateGapDays(m, r);
  if (gap === null) return { score: null, blocks: false, note: 'undated' };
  const window = Math.max(dateWindowDays(m.datePrecision), dateWindowDays(r.datePrecision));
  if (gap > window) return { score: 0, blocks: true, note: `${gap} days apart` };
  const bothDays = isDayPrecise(m.datePrecision) && isDayPrecise(r.datePrecision);
  // Overlap with a coarse date ("in January") is weak evidence: a month holds many events.
  const score = bothDays ? 1 - gap / (window + 1) : gap === 0 ? 0.6 : 0.3;
  return { score, blocks: false, note: gap === 0 ? (bothDays ? 'same day' : 'dates overlap') : `${gap} days apart` };
}

export function placeScore(m: PlaceFeatures | null, r: PlaceFeatures | null): Component {
  if (!m || !r) return { score: null, blocks: false, note: 'no place' };
  if (m.id !== null && m.id === r.id) return { score: 1, blocks: false, note: `same place ${m.name}` };
  if (isCoarsePlace(m) || isCoarsePlace(r)) {
    // "Iraq" and "Baghdad" agree; "Iraq" and "Syria" do not.
    const same = m.country !== null && m.country === r.country;
    return { score: same ? 0.5 : 0, blocks: false, note: same ? `both in ${m.country}` : 'different countries' };
  }
  const km = haversineKm(m, r);
  if (km <= FAR_KM) return { score: 1 - km / (2 * FAR_KM), blocks: false, note: `${Math.round(km)} km apart` };
  if (m.admin1 !== null && m.admin1 === r.admin1) return { score: 0.5, blocks: false, note: `same admin area ${m.admin1}` };
  return { score: 0, blocks: true, note: `${Math.round(km)} km apart` };
}

/** Registry ids of people start "per-": a named person is far more specific than a country. */
const isPerson = (k: ActorKey): boolean => k.startsWith('per-');
const isNameKey = (k: ActorKey): boolean => k.startsWith('name:');

/** What an actor of a state counts for against the bare state ("Saudi Aramco" against "Saudi Arabia"): agreement, but less than the same actor. */
export const SAME_COUNTRY_SHARE = 0.5;

type Countries = ReadonlyMap<ActorKey, string> | undefined;

/** The state a key names when it is a bare state ("cc-sau": SAU). */
const stateOfKey = (k: ActorKey): string | null => (k.startsWith('cc-') ? k.slice(3).toUpperCase() : null);

/**
 * A bare state on one side and a body of that state on the other ("the Saudi oil attack" and
 * "the attack on Saudi Aramco"): a report names the state where another names its company,
 * base or militia. The registry's country says whose a body is.
 */
function sameCountry(k: ActorKey, mine: Countries, others: readonly ActorKey[], theirs: Countries): boolean {
  // A person is not a body of the state: a citizen, or an official the registry already keys as the state.
  const body = (o: ActorKey): boolean => !isPerson(o) && !o.startsWith('new:person:');
  const state = stateOfKey(k);
  if (state !== null) return others.some((o) => body(o) && theirs?.get(o) === state);
  const country = mine?.get(k);
  return body(k) && country !== undefined && others.some((o) => stateOfKey(o) === country);
}

/**
 * Share of the smaller side found in the other ("United States" vs "United States + Israel"
 * is 1), a bare state against a body of that state counting SAME_COUNTRY_SHARE; a shared named
 * person among the targets counts at least 0.75, since one person is rarely the target of two
 * like events (a person acting, as source, acts often).
 */
function overlap(a: readonly ActorKey[], b: readonly ActorKey[], personBoost = false, ca?: Countries, cb?: Countries): number | null {
  if (a.length === 0 || b.length === 0) return null;
  const set = new Set(b);
  const shared = a.filter((k) => set.has(k));
  const sameState = a.filter((k) => !set.has(k) && sameCountry(k, ca, b, cb)).length;
  // Participants known only by their words ("the base", "an Iraqi base near Kirkuk") are told
  // differently by every sentence: words that differ are no evidence of two different ones.
  if (shared.length === 0 && sameState === 0 && (a.every(isNameKey) || b.every(isNameKey))) return null;
  const share = Math.min(1, (shared.length + SAME_COUNTRY_SHARE * sameState) / Math.min(a.length, b.length));
  return personBoost && shared.some(isPerson) ? Math.max(share, 0.75) : share;
}

/** Both roles named on both sides and agreeing: the bar for two undated mentions. */
function bothRolesAgree(m: Pick<MentionFeatures, 'sources' | 'targets'>, r: Pick<RecordFeatures, 'sources' | 'targets'>): boolean {
  return (overlap(m.sources, r.sources) ?? 0) >= 0.75 && targetsAgree(m, r);
}

/** Both name one person (a registry id) among the targets. */
const sharesPersonTarget = (m: Pick<MentionFeatures, 'targets'>, r: Pick<RecordFeatures, 'targets'>): boolean => m.targets.some((k) => isPerson(k) && r.targets.includes(k));

/** The target is what tells like events apart (who was hit): undated mentions must agree on it. */
const targetsAgree = (m: Pick<MentionFeatures, 'targets'>, r: Pick<RecordFeatures, 'targets'>): boolean => (overlap(m.targets, r.targets, true) ?? 0) >= 0.75;

/**
 * One side wards off what the other does: a defence told with an attack ("air defenses downed
 * most of the missiles" and "the Israeli attack on the south of Damascus"), both violent acts.
 */
export const defendsAgainst = (m: Pick<MentionFeatures, 'defence' | 'rootCode'>, r: Pick<RecordFeatures, 'defence' | 'rootCode'>): boolean =>
  (m.defence === true) !== (r.defence === true) && VIOLENT_ROOTS.has(m.rootCode) && VIOLENT_ROOTS.has(r.rootCode);

/** The roles the other way round: a defence's source is what the attack hit, what it warded off came from the attacker. */
const withRolesSwapped = <T extends Pick<MentionFeatures, 'sources' | 'targets'>>(m: T): T => ({ ...m, sources: m.targets, targets: m.sources });

export function actorScore(m: Pick<MentionFeatures, 'sources' | 'targets' | 'actorCountries'>, r: Pick<RecordFeatures, 'sources' | 'targets' | 'actorCountries'>): Component {
  // Only targets: what was hit is named by its state as often as by itself ("the Saudi oil
  // attack"), while who did it is not its state (the Houthis are not Yemen's government).
  const parts = [overlap(m.sources, r.sources), overlap(m.targets, r.targets, true, m.actorCountries, r.actorCountries)].filter((x): x is number => x !== null);
  if (parts.length === 0) return { score: null, blocks: false, note: 'no comparable actors' };
  const score = parts.reduce((s, x) => s + x, 0) / parts.length;
  return { score, blocks: false, note: `actor overlap ${score.toFixed(2)}` };
}

/**
 * The evidence words of the record's mentions, less those told by the mention's own sentence:
 * two events of one sentence ("the barrage was launched from an area where IS fighters had
 * carried out attacks") share every word, and its "the barrage" points at the other one.
 */
function otherSentenceWords(m: Pick<MentionFeatures, 'words' | 'articleId' | 'start'>, r: Pick<RecordFeatures, 'mentionWords' | 'spans'>): ReadonlyArray<readonly string[]> {
  const sameSentence = (i: number, words: readonly string[]): boolean => {
    const span = r.spans?.[i];
    if (!span || span.articleId !== m.articleId) return false;
    return span.start === m.start || (words.length === (m.words ?? []).length && words.every((w, k) => w === m.words?.[k]));
  };
  return (r.mentionWords ?? []).filter((w, i) => !sameSentence(i, w));
}

/** Best cosine between the mention's evidence words and any of the record's other sentences'. */
export function textScore(m: Pick<MentionFeatures, 'words' | 'articleId' | 'start'>, r: Pick<RecordFeatures, 'mentionWords' | 'spans'>): Component {
  const scores = otherSentenceWords(m, r)
    .map((w) => wordCosine(m.words ?? [], w))
    .filter((x): x is number => x !== null);
  if (scores.length === 0) return { score: null, blocks: false, note: 'no text' };
  const score = Math.max(...scores);
  return { score, blocks: false, note: `text ${score.toFixed(2)}` };
}

/** Characters from the record's nearest mention before this one in the same article; null when none is within NEAR_CHARS. */
export function nearInArticle(m: Pick<MentionFeatures, 'articleId' | 'start'>, r: Pick<RecordFeatures, 'spans'>): number | null {
  if (m.start === undefined) return null;
  const at = m.start;
  const gaps = (r.spans ?? []).filter((s) => s.articleId === m.articleId && s.start < at && at - s.start <= NEAR_CHARS).map((s) => at - s.start);
  return gaps.length === 0 ? null : Math.min(...gaps);
}

const bare = (m: Pick<MentionFeatures, 'sources' | 'targets'>): boolean => m.sources.length === 0 && m.targets.length === 0;

/** A noun the mention names as known ("the base") that the record's own sentences use. */
const pointsBack = (m: Pick<MentionFeatures, 'definites' | 'words' | 'articleId' | 'start'>, r: Pick<RecordFeatures, 'mentionWords' | 'spans'>): string | null => {
  const others = otherSentenceWords(m, r);
  return (m.definites ?? []).find((w) => others.some((ws) => ws.includes(w))) ?? null;
};

/**
 * For an undated mention: a retelling is more often of a recent event, so a record dated in
 * the four months before the article scores a little above one dated long before.
 */
export function recencyPrior(m: Pick<MentionFeatures, 'published' | 'date' | 'articleId' | 'sources' | 'targets'>, r: Pick<RecordFeatures, 'date' | 'dateEnd' | 'articleIds'>): number {
  if (m.date !== null) return UNKNOWN_SCORE.date;
  // A bare retelling ("the attack", no actors) in the article that reported the record lives
  // in that narrative's time; a mention naming actors is judged on them, since one article
  // can tell the history of several like events.
  if (m.sources.length === 0 && m.targets.length === 0 && r.articleIds?.includes(m.articleId)) return SAME_ARTICLE_DATE_SCORE;
  if (!m.published || !r.date) return UNKNOWN_SCORE.date;
  const gap = dateGapDays({ date: m.published, dateEnd: null }, r);
  return gap !== null && gap <= 120 ? 0.5 : 0.3;
}

/**
 * The place of the event, unless it is only the country its own source is from: "claims by the
 * Houthis in Yemen" places the claimant, not the attack on Saudi Arabia, and a country-level
 * place is all such a phrase gives. A precise place stays.
 */
export function placeOfEvent(e: Pick<MentionFeatures, 'place' | 'sources' | 'actorCountries'>): PlaceFeatures | null {
  const p = e.place;
  const country = p?.precision === 'country' ? p.country : null;
  if (country === null) return p;
  const home = e.sources.some((k) => stateOfKey(k) === country || e.actorCountries?.get(k) === country);
  return home ? null : p;
}

/** The place's name is told by these words: every content word of it is among them. */
const names = (p: PlaceFeatures | null, words: readonly string[]): boolean => {
  const own = p?.words ?? [];
  return own.length > 0 && own.every((w) => words.includes(w));
};

/**
 * Places far apart that a sentence names together are sites of one event ("drones struck the
 * depots at Northport and Eastfield"): when the mention's sentence names the record's place, or
 * one of the record's other sentences names the mention's, the distance is no reason to split;
 * the places agree as a country agrees with its city.
 */
export function sitesOfOneEvent(place: Component, m: Pick<MentionFeatures, 'place' | 'words' | 'articleId' | 'start'>, r: Pick<RecordFeatures, 'place' | 'mentionWords' | 'spans'>): Component {
  if (!place.blocks) return place;
  const told = names(r.place, m.words ?? []) || otherSentenceWords(m, r).some((ws) => names(m.place, ws));
  return told ? { score: SAME_COUNTRY_SHARE, blocks: false, note: `${place.note}, both named in one sentence` } : place;
}

export interface MergeScore {
  readonly score: number;
  readonly linkable: boolean;
  readonly reason: string;
}

/** Each component's value (unknowns already at their neutral value) once the gates let a pair through. */
export interface MergeParts {
  readonly type: number;
  readonly date: number;
  readonly place: number;
  readonly actors: number;
  readonly text: number;
  /** The mention is undated: it must clear the lower undated threshold. */
  readonly undated: boolean;
  /** The record holds another report of the mention's story: the lower threshold too. */
  readonly story: boolean;
  /**
   * Undated, but its actors (the target above all) and type agree strongly with the record's:
   * the gate decides, since the date part of the sum is only a prior then; the sum still ranks.
   * So it does for a headline summing up a record of its own article (see mergeGate).
   */
  readonly strictUndated: boolean;
}

export type Gate = { readonly open: true; readonly parts: MergeParts; readonly reason: string } | { readonly open: false; readonly reason: string };

export const weightedScore = (p: MergeParts, w: MergeWeights = MERGE_WEIGHTS): number =>
  w.type * p.type + w.date * p.date + w.place * p.place + w.actors * p.actors + w.text * p.text;

/** The hand-written gates, then each component's value for the weighted sum. */
export function mergeGate(m: MentionFeatures, r: RecordFeatures): Gate {
  // An article reports what happened in the days before it: a record of a month before is
  // what its story looks back on, not what it tells (a retelling pulled in must not bring the rest).
  const recordAge = m.published && r.date ? dateGapDays({ date: m.published.slice(0, 10), dateEnd: null }, r) : null;
  const story = sameStory(m, r) && !(recordAge !== null && recordAge > BACKGROUND_DAYS);
  const articleLead = !m.lead && (r.leadArticles ?? []).includes(m.articleId);
  const coded = typeScore(m, r);
  // Within one story, outlets code one act in their own words ("shot dead" 193, "killed" 1823,
  // "assassinated" 186), and one article its lead's results ("rocked the port" 190, "70 people
  // were killed" 1823): one PLOVER type is as close as one CAMEO root.
  const type = (story || articleLead) && coded.score !== null && coded.score >= 0.5 && coded.score < 0.7 ? { ...coded, score: 0.7, note: `${coded.note}, one story` } : coded;
  const date = dateScore(m, r);
  const place = sitesOfOneEvent(placeScore(placeOfEvent(m), placeOfEvent(r)), m, r);
  // A defence and the attack it wards off: the defender is the attacked side, not a rival attacker.
  const facing = defendsAgainst(m, r);
  const actors = actorScore(facing ? withRolesSwapped(m) : m, r);
  const text = textScore(m, r);
  const reason = [type.note, date.note, place.note, actors.note, text.note].join('; ');
  const strongActors = (actors.score ?? 0) >= 0.75;
  if (type.blocks || date.blocks) return { open: false, reason };
  // "Earlier this month, two rocket attacks hit coalition troops": several events, of which a
  // record of one ("Iran's missile attack on the air base") is at most one. It joins only a
  // record told the same way, never one event's.
  if (m.plural === true && r.plural !== true) return { open: false, reason: `${reason}; several events against one` };
  // An article reports what happened before it was published.
  if (!m.date && m.published && r.date && r.date.slice(0, 10) > m.published.slice(0, 10)) {
    return { open: false, reason: `${reason}; record dated after the article` };
  }
  if (place.blocks && !(strongActors && (date.score ?? 0) >= 0.6)) return { open: false, reason };
  // A month (or a season, a year) holds many events: a date that only overlaps a day ("earlier
  // this month, two rocket attacks" against "late on March 17, rockets struck") is no evidence
  // of one event; the actors or the words must say it is.
  const coarseOverlap = date.score !== null && !(isDayPrecise(m.datePrecision) && isDayPrecise(r.datePrecision));
  if (coarseOverlap && (actors.score ?? 0) < 0.5 && (text.score ?? 0) < COARSE_TEXT) return { open: false, reason: `${reason}; a coarse date and nothing else in common` };
  // Undated: the actors (the target above all) must agree strongly, the type closely, and no known place may disagree;
  // two undated sides must share the code and agree on both source and target.
  const sameArticle = r.articleIds?.includes(m.articleId) === true;
  const gap = nearInArticle(m, r);
  const near = gap !== null;
  const anaphor = near ? pointsBack(m, r) : null;
  // An undated mention retelling an event more than a month before its article ("the raid",
  // "the soldiers killed") is a background retelling: it must name both sides as the record does
  // and share its words, or a like act of the article's own time would be taken for it; or name
  // the same person as its target ("the killing of Soleimani"): a person is killed once.
  // So is a dated mention of long before an undated record's first report ("on August 2, 2017,
  // Trump signed" against "Washington has contacted many countries", told in 2020).
  const mentionAge = m.date && !r.date && r.firstReported ? dateGapDays(m, { date: r.firstReported.slice(0, 10), dateEnd: null }) : null;
  const oldMention = mentionAge !== null && mentionAge > BACKGROUND_DAYS;
  const background = (!m.date && recordAge !== null && recordAge > BACKGROUND_DAYS) || oldMention;
  // One person is the target of one killing: a shared named target of a violent act is as strong as both roles agreeing.
  const personKilled = sharesPersonTarget(m, r) && VIOLENT_ROOTS.has(m.rootCode) && VIOLENT_ROOTS.has(r.rootCode);
  const strictUndated =
    date.score === null &&
    (strongActors || personKilled) &&
    (!background || sharesPersonTarget(m, r) || (bothRolesAgree(m, r) && (text.score ?? 0) >= BACKGROUND_TEXT)) &&
    (targetsAgree(m, r) || personKilled) &&
    (type.score ?? 0) >= 0.7 &&
    (place.score === null || place.score >= 0.5) &&
    ((m.date === null) !== (r.date === null) || (m.code === r.code && bothRolesAgree(m, r)));
  // A few sentences on, a retelling of the lead ("… had attacked the base" after "rockets
  // slammed into a base near Kirkuk"): a mention naming actors of its own needs the pointer
  // ("the base"); shared words only do for a bare one.
  // Inside one article an old event may be told at length: only a mention dated long before an
  // undated record is kept from joining it there.
  const retelling = near && !oldMention && (type.score ?? 0) >= 0.7 && (place.score ?? 0.5) >= 0.5 && (anaphor !== null || (bare(m) && (text.score ?? 0) >= NEAR_TEXT));
  // A headline sums up its own article in a few words, often without the place, date or actors
  // the body gives: it joins a record of its article's body when the type agrees and no known
  // place disagrees, so the body's fuller telling stands for the event and the headline adds none.
  const headlineSummary = m.headline === true && sameArticle && (type.score ?? 0) >= 0.7 && (place.score === null || place.score >= 0.5);
  // The article's lead event is what it is about: a like act it tells with no date of its own,
  // or the same day, or a day for an undated lead (not "since January": a history), and no other place or actors, is the lead's telling at length or its result.
  const withLead =
    articleLead && !oldMention && (type.score ?? 0) >= 0.7 && (m.date === null || (isDayPrecise(m.datePrecision) && (date.score === null || date.score >= 0.7))) && (place.score ?? 0.5) >= 0.5 && (actors.score ?? 1) > 0;
  // The attacked side's warding off told with the attack ("Syrian air defenses repelled and
  // downed most of the missiles" after "the last Israeli attack was on March 27 … killing three
  // civilians"): one incident, told from both sides. Its report ties it to the attack: a pointer
  // back a few sentences on ("the missiles"), another report of the story, or its article's
  // lead; on the same day or undated, with no place or actor disagreeing. The gate decides:
  // the roles, the other way round, rarely match, and the sum would read that as a difference.
  const defence =
    facing &&
    (type.score ?? 0) >= 0.7 &&
    (date.score === null || date.score >= 0.7) &&
    (place.score ?? 0.5) >= 0.5 &&
    (actors.score ?? 1) > 0 &&
    ((near && anaphor !== null) || story || articleLead);
  const undatedOk =
    defence ||
    date.score !== null ||
    strictUndated ||
    headlineSummary ||
    retelling ||
    // A later retelling in the same article ("the attack on the base"): type and place suffice.
    (sameArticle && (type.score ?? 0) >= 0.7 && (place.score ?? 0) >= 0.5) ||
    // Another report of the same story: its date may be missing, not different.
    (story && (type.score ?? 0) >= 0.7 && (place.score ?? 0.5) >= 0.5) ||
    withLead;
  if (!undatedOk) return { open: false, reason: `${reason}; undated without strong agreement` };
  return {
    open: true,
    reason: defence
      ? `${reason}; the defence against its attack`
      : headlineSummary
      ? `${reason}; headline of the article`
      : withLead
        ? `${reason}; with its article's lead`
      : story
        ? `${reason}; same story`
      : retelling && date.score === null
        ? `${reason}; retelling ${gap} characters on${anaphor ? ` ("the ${anaphor}")` : ''}`
        : reason,
    parts: {
      type: type.score ?? 0,
      // The nearer lead is the likelier antecedent: the bare-retelling value, less a little with distance.
      date: date.score ?? (headlineSummary ? SAME_ARTICLE_DATE_SCORE : story ? STORY_DATE_SCORE : retelling && gap !== null ? SAME_ARTICLE_DATE_SCORE - (0.2 * gap) / NEAR_CHARS : recencyPrior(m, r)),
      place: place.score ?? UNKNOWN_SCORE.place,
      actors: actors.score ?? UNKNOWN_SCORE.actors,
      // A pointer back ("the base") is text evidence a bag of words undervalues: it counts at least ANAPHOR_TEXT.
      text: anaphor !== null ? Math.max(ANAPHOR_TEXT, text.score ?? 0) : (text.score ?? UNKNOWN_SCORE.text),
      undated: date.score === null,
      strictUndated: strictUndated || headlineSummary || withLead || defence || (m.lead === true && holdsStoryLead(m, r)),
      story,
    },
  };
}

/**
 * Σ weight × component score, an unknown component counting its neutral value, once the
 * gates let the pair through. Blocks: an incompatible type, dates beyond the window, precise
 * places over 100 km apart in different admin areas (unless actors and date agree strongly:
 * then the distance is a contradiction to show, not a reason to split), an undated mention
 * and a record dated after its article. An undated pair joins only on strong actor and type
 * agreement with no place disagreeing, or as a retelling in the record's own article.
 */
export function scoreMerge(m: MentionFeatures, r: RecordFeatures, w: MergeWeights = MERGE_WEIGHTS, threshold = MERGE_THRESHOLD): MergeScore {
  const gate = mergeGate(m, r);
  if (!gate.open) return { score: 0, linkable: false, reason: gate.reason };
  const score = weightedScore(gate.parts, w);
  const bar = gate.parts.undated || gate.parts.story ? threshold - (MERGE_THRESHOLD - UNDATED_THRESHOLD) : threshold;
  return { score, linkable: gate.parts.strictUndated || score >= bar, reason: gate.reason };
}

/**
 * The best record for the mention, or null when none clears the threshold. An article's lead
 * event prefers the record that holds its story's other leads: the story's main event, which a
 * lead names in other words. Ties go to the older id order given.
 */
export function bestRecord(m: MentionFeatures, candidates: readonly RecordFeatures[]): { record: RecordFeatures; merge: MergeScore } | null {
  let best: { record: RecordFeatures; merge: MergeScore; rank: number } | null = null;
  for (const r of candidates) {
    const merge = scoreMerge(m, r);
    const rank = merge.score + (m.lead === true && holdsStoryLead(m, r) ? 1 : 0);
    if (merge.linkable && (best === null || rank > best.rank)) best = { record: r, merge, rank };
  }
  return best ? { record: best.record, merge: best.merge } : null;
}

/** The record holds the lead event of another article of the mention's story. */
const holdsStoryLead = (m: Pick<MentionFeatures, 'story'>, r: Pick<RecordFeatures, 'leadStories'>): boolean =>
  m.story !== undefined && m.story !== null && (r.leadStories ?? []).includes(m.story);

/** Another article of the mention's story has a mention in the record. */
export function sameStory(m: Pick<MentionFeatures, 'story' | 'articleId'>, r: Pick<RecordFeatures, 'storyOf'>): boolean {
  if (!m.story || !r.storyOf) return false;
  for (const [articleId, story] of r.storyOf) if (articleId !== m.articleId && story === m.story) return true;
  return false;
}

const PRECISION_RANK: Record<string, number> = { 'part-of-day': 4, day: 4, week: 3, month: 2, year: 1 };

/** Most frequent first; ties by first appearance. */
function byFrequency<T>(values: readonly T[], key: (v: T) => string): T[] {
  const counts = new Map<string, { v: T; n: number; first: number }>();
  values.forEach((v, i) => {
    const k = key(v);
    const c = counts.get(k);
    if (c) c.n++;
    else counts.set(k, { v, n: 1, first: i });
  });
  return [...counts.values()].sort((a, b) => b.n - a.n || a.first - b.first).map((c) => c.v);
}

export type { CanonicalRecord } from '../store/record-features.js';

/**
 * A record's attributes from its mentions: the most reported code; the most precise date,
 * then the most reported; the most reported precise place; every actor, most cited first.
 * Disagreements are not settled here: contradictions lists them.
 */
export function canonicalRecord(mentions: readonly MentionFeatures[]): CanonicalRecord {
  const first = mentions[0];
  if (!first) throw new Error('a record needs at least one mention');
  const code = byFrequency(mentions, (m) => m.code)[0]!.code;
  const dated = mentions.filter((m) => m.date !== null);
  const bestRank = Math.max(0, ...dated.map((m) => PRECISION_RANK[m.datePrecision ?? ''] ?? 0));
  const date = byFrequency(
    dated.filter((m) => (PRECISION_RANK[m.datePrecision ?? ''] ?? 0) === bestRank),
    (m) => `${m.date}|${m.dateEnd}`,
  )[0];
  const places = mentions.map((m) => m.place).filter((p): p is PlaceFeatures => p !== null);
  const precise = places.filter((p) => !isCoarsePlace(p));
  const place = byFrequency(precise.length > 0 ? precise : places, (p) => p.id ?? p.name)[0] ?? null;
  const published = mentions.map((m) => m.published).filter((d): d is string => d !== null).sort();
  return {
    code,
    rootCode: code.slice(0, 2),
    plover: byFrequency(mentions.filter((m) => m.code === code), (m) => m.plover ?? '')[0]?.plover ?? first.plover,
    date: date?.date ?? null,
    dateEnd: date?.dateEnd ?? null,
    datePrecision: date?.datePrecision ?? null,
    place,
    // Who attacked what: a defence told with the attack has the other side's roles.
    sources: byFrequency(attackSide(mentions).flatMap((m) => m.sources), (k) => k),
    targets: byFrequency(attackSide(mentions).flatMap((m) => m.targets), (k) => k),
    firstReported: published[0] ?? null,
    lastReported: published[published.length - 1] ?? null,
    mentionCount: mentions.length,
  };
}
