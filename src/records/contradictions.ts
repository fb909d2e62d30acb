import jurisdiction from '../knowledge/lexicon/jurisdiction-words.json' with { type: 'json' };
import { isPersonKey, sameHolderKeys, samePersonKeys } from './actor-identity.js';
import { attackSide } from './defence-acts.js';
import { FAR_KM, haversineKm, isCoarsePlace, type PlaceFeatures } from './link-events.js';

/** One mention as the contradiction finder sees it: what it says, and who says it. */
export interface MentionClaim {
  readonly eventId: string;
  readonly articleId: string;
  readonly outlet: string | null;
  readonly evidence: string;
  /** Actor key and display name of each source and target; `identified` false for one that says not who it is ("gunmen", "the troops"). */
  readonly sources: ReadonlyArray<{ key: string; name: string; identified?: boolean }>;
  readonly targets: ReadonlyArray<{ key: string; name: string; identified?: boolean }>;
  readonly date: string | null;
  readonly datePrecision: string | null;
  readonly place: PlaceFeatures | null;
  readonly magnitudes: ReadonlyArray<{ kind: string; value: number | null; qualifier: string }>;
  /** 'asserted', 'reported', 'claimed', 'denied', …: an accusation and its denial are two values. */
  readonly modality?: string;
  /** Who claims or denies it, when the article says ("US officials"). */
  readonly speaker?: string | null;
  /** When its article was published (ISO): tolls are read in that order. */
  readonly published?: string | null;
  /** Its CAMEO code: who did it is compared only between mentions of one kind of act. */
  readonly code?: string;
  /** The attacked side warding off the attack (records/defence-acts.ts): its roles are the other side's. */
  readonly defence?: boolean;
}

export interface ContradictionValue {
  readonly value: string;
  /** Whose word the value is, where the reports say ("Iraqi investigation", "US officials"). */
  readonly claimants: string[];
  readonly outlets: string[];
  readonly articleIds: string[];
  readonly eventIds: string[];
  readonly evidence: string[];
}

export interface Contradiction {
  /** 'source', 'target', 'date', 'place', or a number's kind prefixed "number:" ("number:killed"). */
  readonly field: string;
  readonly values: ContradictionValue[];
}

/** Groups the mentions that state a value by that value, in order of first appearance. */
function valuesOf(claims: ReadonlyArray<{ value: string; claim: MentionClaim }>): ContradictionValue[] {
  const by = new Map<string, ContradictionValue>();
  for (const { value, claim } of claims) {
    const v = by.get(value) ?? { value, claimants: [], outlets: [], articleIds: [], eventIds: [], evidence: [] };
    if (claim.speaker && !v.claimants.includes(claim.speaker)) v.claimants.push(claim.speaker);
    if (claim.outlet !== null && !v.outlets.includes(claim.outlet)) v.outlets.push(claim.outlet);
    if (!v.articleIds.includes(claim.articleId)) v.articleIds.push(claim.articleId);
    if (!v.eventIds.includes(claim.eventId)) v.eventIds.push(claim.eventId);
    if (!v.evidence.includes(claim.evidence)) v.evidence.push(claim.evidence);
    by.set(value, v);
  }
  return [...by.values()];
}

/** How many groups the actor sets fall into when sets sharing an actor are chained together. */
export function actorGroups(sets: ReadonlyArray<ReadonlySet<string>>): number {
  const groups: Array<Set<string>> = [];
  for (const s of sets) {
    const touching = groups.filter((g) => [...s].some((k) => g.has(k)));
    const merged = new Set([...s, ...touching.flatMap((g) => [...g])]);
    for (const g of touching) groups.splice(groups.indexOf(g), 1);
    groups.push(merged);
  }
  return groups.length;
}

const isStateKey = (key: string): boolean => key.startsWith('cc-');

/** Which target keys the reports are compared on: persons if any report names one, else non-state actors if any, else all. */
function targetLevel(claims: readonly MentionClaim[]): (key: string) => boolean {
  const keys = claims.flatMap((c) => c.targets.map((a) => a.key)).filter((k) => !k.startsWith('name:'));
  if (keys.some(isPersonKey)) return isPersonKey;
  if (keys.some((k) => !isStateKey(k))) return (k) => !isStateKey(k);
  return () => true;
}

/** How a value is shown: the names, and for a claim or a denial, that it is one and whose. */
function actorValue(claim: MentionClaim, field: 'source' | 'target'): string {
  const names = claim[`${field}s`].map((a) => a.name).join(' + ');
  if (claim.modality !== 'claimed' && claim.modality !== 'denied') return names;
  return `${names} (${claim.modality}${claim.speaker ? `, per ${claim.speaker}` : ''})`;
}

/**
 * Mentions disagree on an actor role when their actor sets fall apart into separate groups:
 * "Soleimani" and "al-Muhandis" are joined by a third report naming both (one names fewer
 * victims, not others); "Iranian proxies" and "Islamic State" stay apart. A denial disagrees
 * with every report naming an actor it denies: "Kataib Hezbollah (denied)" against "Kataib
 * Hezbollah (claimed, per US officials)" is a disputed perpetrator, though one actor.
 */
function actorConflict(field: 'source' | 'target', told: readonly MentionClaim[]): Contradiction | null {
  // "Syrian air defenses downed most of the missiles", told with the Israeli attack: the defender
  // is the attacked side, not a second version of who attacked (nor the missiles of what was hit).
  const claims = attackSide(told);
  // Who an actor is, not how it is worded: a target known only by words ("an army base", "the
  // base") is worded anew by every report, and a source that says not who it is ("unknown
  // gunmen", "the troops") names no one to disagree with. One person spelled two ways is one.
  // Targets are compared at the narrowest level a report names: a person killed ("Iran" or
  // "Islamic State" beside him is his state or group), else a thing or body that is not a state
  // (the "Stena Impero" beside "British" is the British ship), else states.
  const level = field === 'target' ? targetLevel(claims) : null;
  const counts = (a: { key: string; identified?: boolean }): boolean =>
    level === null ? a.identified !== false : !a.key.startsWith('name:') && level(a.key);
  const actors = claims.flatMap((c) => c[`${field}s`]);
  const person = samePersonKeys(actors);
  // "Example Oil Facilities" beside "Example Oil": what a company holds is that company.
  const holder = sameHolderKeys(actors);
  const identity = (key: string): string => {
    const held = holder.get(key) ?? key;
    return person.get(held) ?? held;
  };
  const keys = (c: MentionClaim): Set<string> => new Set(c[`${field}s`].filter(counts).map((a) => identity(a.key)));
  const named = sameAct(claims.filter((c) => keys(c).size > 0));
  const denied = named.filter((c) => c.modality === 'denied');
  const deniedAgainst = denied.some((d) => named.some((c) => c.modality !== 'denied' && [...keys(c)].some((k) => keys(d).has(k))));
  if (!deniedAgainst && actorGroups(named.map(keys)) < 2) return null;
  return { field, values: valuesOf(named.map((claim) => ({ value: actorValue(claim, field), claim }))) };
}

/**
 * The mentions of the act most of them tell (by CAMEO root): a record may gather a second act
 * of the same event ("the raid", and "he detonated a suicide vest"), whose actor is its own, not
 * a second version of who raided. With no majority root, all of them.
 */
function sameAct(claims: readonly MentionClaim[]): readonly MentionClaim[] {
  const count = new Map<string, number>();
  for (const c of claims) if (c.code) count.set(c.code.slice(0, 2), (count.get(c.code.slice(0, 2)) ?? 0) + 1);
  const ranked = [...count].sort((a, b) => b[1] - a[1]);
  if (ranked.length < 2 || ranked[0]![1] === ranked[1]![1]) return claims;
  const root = ranked[0]![0];
  return claims.filter((c) => !c.code || c.code.startsWith(root));
}

function dateConflict(claims: readonly MentionClaim[]): Contradiction | null {
  // Only day-precise dates can disagree on the day; "in January" agrees with any January day.
  const dated = claims.filter((c) => c.date !== null && c.datePrecision === 'day').map((claim) => ({ value: claim.date!.slice(0, 10), claim }));
  // One sentence carried by two reports says one day: "today's historic agreement" in a
  // statement quoted on the 13th and again on the 14th differs only by where each report
  // anchored "today", so the sentence's days count as its first telling's.
  const firstTelling = new Map<string, string>();
  for (const d of [...dated].sort((a, b) => (a.claim.published ?? '').localeCompare(b.claim.published ?? ''))) {
    const words = sentenceKey(d.claim.evidence);
    if (!firstTelling.has(words)) firstTelling.set(words, d.value);
  }
  const days = new Set(dated.map((d) => firstTelling.get(sentenceKey(d.claim.evidence)) ?? d.value));
  return days.size > 1 ? { field: 'date', values: valuesOf(dated) } : null;
}

/** A sentence as compared across reports: its words, lower-cased, whatever the quote marks and spacing. */
const sentenceKey = (evidence: string): string => (evidence.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');

/** The name as a whole word or words of the sentence, whatever the case, spacing and punctuation. */
const tells = (evidence: string, name: string): boolean => sentenceKey(name) !== '' && ` ${sentenceKey(evidence)} `.includes(` ${sentenceKey(name)} `);

/**
 * Precise places far apart disagree on where it happened, unless one report gives both, in one
 * sentence or in two (placing the event at one, naming the other): they are then sites of one
 * event ("the depots at Northport and Eastfield", protests in two cities on one day), and a
 * report does not dispute what it says itself.
 */
function placeConflict(claims: readonly MentionClaim[]): Contradiction | null {
  const placed = claims.filter((c) => c.place !== null && !isCoarsePlace(c.place));
  const gives = (c: MentionClaim, p: PlaceFeatures): boolean => (c.place !== null && ((p.id !== null && p.id === c.place.id) || p.name === c.place.name)) || tells(c.evidence, p.name);
  const articles = [...new Set(claims.map((c) => c.articleId))];
  const together = (a: PlaceFeatures, b: PlaceFeatures): boolean =>
    articles.some((id) => {
      const told = claims.filter((c) => c.articleId === id);
      return told.some((c) => gives(c, a)) && told.some((c) => gives(c, b));
    });
  const far = placed.some((a, i) =>
    placed
      .slice(i + 1)
      .some((b) => haversineKm(a.place!, b.place!) > FAR_KM && (a.place!.admin1 === null || a.place!.admin1 !== b.place!.admin1) && !together(a.place!, b.place!)),
  );
  return far ? { field: 'place', values: valuesOf(placed.map((claim) => ({ value: claim.place!.name, claim }))) } : null;
}

/** The words as a regex alternation, each also capitalized (a sentence may open with it). */
const alternatives = (words: readonly string[]): string =>
  words.flatMap((w) => [w, w[0]!.toUpperCase() + w.slice(1)]).map((w) => w.replace(/ /g, '\\s+')).join('|');
/**
 * "over international airspace", "in Iranian waters", "Iran's airspace", "its territorial
 * waters": whose space a report says the event was in. A state's space is told by its people's
 * adjective (the endings of "Iranian", "Omani", "British", "Lebanese") or its name's possessive,
 * not by any capitalized word ("Gulf waters", "The waters").
 */
const SPACE_PHRASE = new RegExp(
  `\\b(${alternatives(jurisdiction.international)}|${alternatives(jurisdiction.national)}|\\p{Lu}[\\p{L}-]*(?:ian|ese|ish|i|an)|\\p{Lu}[\\p{L}-]+['’]s)\\s+(${alternatives(jurisdiction.spaces)})\\b`,
  'gu',
);
const INTERNATIONAL = new Set(jurisdiction.international);

/** The spaces a report places its event in: "international airspace", or a state's ("Iranian airspace", "territorial waters"). */
function spacesOf(evidence: string): Array<{ value: string; international: boolean }> {
  return [...evidence.matchAll(SPACE_PHRASE)].map((m) => {
    const owner = m[1]!.replace(/\s+/g, ' ');
    const international = INTERNATIONAL.has(owner.toLowerCase());
    return { value: `${international ? owner.toLowerCase() : owner} ${m[2]!.replace(/\s+/g, ' ')}`, international };
  });
}

/**
 * Where it happened, as whose space: a drone downed "over Iranian airspace" per one side and
 * "over international airspace" per the other is a disputed place, though both name the Strait
 * of Hormuz or no place at all. A report saying both (one side's claim and the other's) gives
 * both values.
 */
function jurisdictionConflict(claims: readonly MentionClaim[]): Contradiction | null {
  const stated = claims.flatMap((claim) => spacesOf(claim.evidence).map((s) => ({ ...s, claim })));
  if (!stated.some((s) => s.international) || !stated.some((s) => !s.international)) return null;
  return { field: 'place', values: valuesOf(stated.map((s) => ({ value: s.value, claim: s.claim }))) };
}

/**
 * Counts of people harmed or held grow as they are counted: 0, then 11, then 34 injured are
 * successive figures, not three versions of one. Rockets fired, troops sent, do not grow.
 */
const GROWING_COUNTS = new Set(['killed', 'injured', 'arrested', 'displaced']);

interface StatedFigure {
  readonly value: number;
  readonly atLeast: boolean;
  readonly claim: MentionClaim;
}

function statedFigures(claims: readonly MentionClaim[], kind: string): StatedFigure[] {
  return claims.flatMap((claim) =>
    claim.magnitudes
      .filter((m) => m.kind === kind && m.value !== null && (m.qualifier === 'exact' || m.qualifier === 'at-least'))
      .map((m) => ({ value: m.value!, atLeast: m.qualifier === 'at-least', claim })),
  );
}

const figureText = (f: StatedFigure): string => `${f.atLeast ? 'at least ' : ''}${f.value}`;
const publishedDay = (f: StatedFigure): string => (f.claim.published ?? '').slice(0, 10);

/**
 * Exact figures that differ, or an exact figure below another report's "at least": "two
 * killed" and "at least three killed" disagree; "three" and "at least two" do not.
 */
function figuresClash(stated: readonly StatedFigure[]): boolean {
  const exact = stated.filter((s) => !s.atLeast);
  return new Set(exact.map((s) => s.value)).size > 1 || stated.some((s) => s.atLeast && exact.some((e) => e.value < s.value));
}

/**
 * A toll that only rises as its reports come out is a series of updates. Reports are dated by
 * day, so "the same moment" is the same day: two exact figures that differ on one day are a
 * dispute ("four soldiers" against "six soldiers"), while floors that differ ("at least 30",
 * "more than 70") are a count still rising, as wire versions rewrite a toll within hours. A
 * report of a later day giving an exact figure below an earlier one is a dispute too: it
 * should know at least as much.
 */
function risesOverTime(stated: readonly StatedFigure[]): boolean {
  if (stated.some((s) => !s.claim.published)) return false;
  return stated.every((b) =>
    stated.every((a) => {
      if (publishedDay(a) === publishedDay(b)) return a.atLeast || b.atLeast || a.value === b.value;
      return b.atLeast || publishedDay(b) < publishedDay(a) || b.value >= a.value;
    }),
  );
}

/** Successive figures of one count, each with who gave it and when: "injured 0 → 11 → 34 → 110". */
export interface FigureUpdates {
  /** The count's kind ("killed", "injured"). */
  readonly kind: string;
  /** In order of publication, then of value. */
  readonly series: ReadonlyArray<ContradictionValue & { readonly published: string }>;
}

function updatesOf(kind: string, stated: readonly StatedFigure[]): FigureUpdates {
  const ordered = [...stated].sort((a, b) => (publishedDay(a) < publishedDay(b) ? -1 : publishedDay(a) > publishedDay(b) ? 1 : a.value - b.value || Number(a.atLeast) - Number(b.atLeast)));
  const days = new Map<string, string>();
  const values = valuesOf(
    ordered.map((f) => {
      const value = `${figureText(f)} (${publishedDay(f)})`;
      days.set(value, publishedDay(f));
      return { value, claim: f.claim };
    }),
  );
  return { kind, series: values.map((v) => ({ ...v, value: v.value.replace(/ \(\d{4}-\d{2}-\d{2}\)$/, ''), published: days.get(v.value) ?? '' })) };
}

/** The counts whose reports differ only as a toll rises: shown as updates, not as disputes. */
export function findFigureUpdates(claims: readonly MentionClaim[]): FigureUpdates[] {
  const kinds = [...new Set(claims.flatMap((c) => c.magnitudes.map((m) => m.kind)))].filter((k) => GROWING_COUNTS.has(k));
  return kinds.flatMap((kind) => {
    const stated = statedFigures(claims, kind);
    // Floors that rise ("at least 30", "more than 70") are updates as much as exact figures are.
    return new Set(stated.map(figureText)).size > 1 && risesOverTime(stated) ? [updatesOf(kind, stated)] : [];
  });
}

function numberConflicts(claims: readonly MentionClaim[]): Contradiction[] {
  const kinds = [...new Set(claims.flatMap((c) => c.magnitudes.map((m) => m.kind)))];
  const out: Contradiction[] = [];
  for (const kind of kinds) {
    const stated = statedFigures(claims, kind);
    if (!figuresClash(stated) || (GROWING_COUNTS.has(kind) && risesOverTime(stated))) continue;
    out.push({ field: `number:${kind}`, values: valuesOf(stated.map((s) => ({ value: figureText(s), claim: s.claim }))) });
  }
  return out;
}

/** Every field on which the record's mentions disagree, each value with who states it. Never picks a winner. */
export function findContradictions(claims: readonly MentionClaim[]): Contradiction[] {
  return [actorConflict('source', claims), actorConflict('target', claims), dateConflict(claims), placeConflict(claims) ?? jurisdictionConflict(claims), ...numberConflicts(claims)].filter(
    (c): c is Contradiction => c !== null,
  );
}
