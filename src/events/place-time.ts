import { head, relation, type SyntaxTree, spanHead } from '../nlp/syntax/tree.js';
import type { Document, TimePrecision } from '../text/document.js';
import { periodDays } from '../time/value-days.js';
import { type Chunk, GEO_NOUNS, governingPreposition, isChunkHead, isLocative, PERCEPTION_VERBS } from './participants.js';
import { locativePreposition } from './place-phrase.js';
import type { SentenceView } from './sentence-view.js';

/**
 * Where and when: a place only when a locative preposition introduces it ("in", "near",
 * "outside", "the outskirts of"), never a place merely named (read from the words before the
 * name and, when the document has one, from the dependency tree); a time expression that is a
 * date or a time of day. Candidates are looked for in the trigger's own phrase, then its
 * clause, then its sentence; the publication date is never taken silently.
 */

export interface Candidate {
  readonly index: number;
  /** Sentence positions [from, to). */
  readonly from: number;
  readonly to: number;
}

const PRECISION_RANK: Readonly<Record<string, number>> = { site: 6, city: 5, district: 4, region: 3, area: 2, country: 1 };

function positions(sentence: SentenceView, start: number, end: number): [number, number] | null {
  let from = -1;
  let to = -1;
  sentence.tokens.forEach((t, i) => {
    if (t.end > start && t.start < end) {
      if (from < 0) from = i;
      to = i + 1;
    }
  });
  return from < 0 ? null : [from, to];
}

export function placeCandidates(
  doc: Document,
  sentence: SentenceView,
  chunks: readonly Chunk[],
  timeTokens: ReadonlySet<number>,
  tree: SyntaxTree | null = null,
  eventNouns: ReadonlySet<number> = new Set(),
  namesActor: (sentencePosition: number) => boolean = () => false,
  actorless: ReadonlySet<number> = new Set(),
): Candidate[] {
  const out: Candidate[] = [];
  const norm = (i: number): string => doc.layers.tokens?.[i]?.norm ?? '';
  // The sentence's own places (its view lists them): a pass over the article's per sentence was quadratic.
  sentence.places.forEach((index) => {
    const p = doc.layers.places![index]!;
    if (p.end <= sentence.span.start || p.start >= sentence.span.end) return;
    const at = positions(sentence, p.start, p.end);
    if (!at) return;
    // The tree adds what the words before a name miss ("in Erbil and Kirkuk", "in war-torn Syria",
    // "in the port city Basra"); where it says no, the words still decide, since a loose parse more
    // often loses a place ("and also in Syria's Palmyra" read as a subject) than it catches a
    // false one.
    const parsed = tree ? locativePreposition(tree, sentence.tokens[at[0]]!.index, sentence.tokens[at[1] - 1]!.index, norm) : null;
    if (tree && perceivedAt(tree, spanHead(tree, sentence.tokens[at[0]]!.index, sentence.tokens[at[1] - 1]!.index))) return;
    // Only a name that is no actor: "the U.S. attack", "Friday's Iran attack", "a new Tehran
    // offensive" name who acts, not where; but a capital is no bomber ("the Beirut blast").
    const modified = tree === null || p.precision === 'country' ? -1 : modifiedEvent(tree, sentence.tokens[at[0]]!.index, sentence.tokens[at[1] - 1]!.index, eventNouns);
    const modifier = modified !== -1 && (actorless.has(modified) || !namesActor(at[0]));
    if (parsed !== null || modifier || byWords(sentence, chunks, timeTokens, at)) out.push({ index, from: at[0], to: at[1] });
  });
  return out;
}

/** "it was heard and felt in Cyprus": a place hung on a verb of perception is where it was perceived. */
function perceivedAt(tree: SyntaxTree, t: number): boolean {
  const h = head(tree, t);
  return h !== -1 && relation(tree, t) === 'obl' && PERCEPTION_VERBS.has(tree.nodes[h]!.lemma.toLowerCase());
}

/** "the Idlib attack", "renewed Iraq protests": the event noun a name modifies (and so says where it happened), or -1. */
function modifiedEvent(tree: SyntaxTree, first: number, last: number, eventNouns: ReadonlySet<number>): number {
  const t = spanHead(tree, first, last);
  return relation(tree, t) === 'compound' && eventNouns.has(head(tree, t)) ? head(tree, t) : -1;
}

/** Without a tree: a locative preposition before the name's chunk, and the name heading the chunk. */
function byWords(sentence: SentenceView, chunks: readonly Chunk[], timeTokens: ReadonlySet<number>, at: readonly [number, number]): boolean {
  let chunk = chunks.find((c) => c.from <= at[0] && c.to >= at[1]) ?? { from: at[0], to: at[1] };
  // "in northeast Syria": a compass word the tagger reads as an adverb stands between the
  // preposition and the name.
  while (chunk.from > 0 && GEO_NOUNS.has(sentence.tokens[chunk.from - 1]!.norm)) chunk = { from: chunk.from - 1, to: chunk.to };
  return isLocative(governingPreposition(sentence.tokens, chunk, chunks)) && isChunkHead(sentence.tokens, chunk, at[1], timeTokens);
}

/** Every resolved place in [from, to) of the sentence, whatever introduces it. */
export function placesWithin(doc: Document, sentence: SentenceView, from: number, to: number): Candidate[] {
  const out: Candidate[] = [];
  // The sentence's own places (its view lists them): a pass over the article's per sentence was quadratic.
  sentence.places.forEach((index) => {
    const p = doc.layers.places![index]!;
    if (p.end <= sentence.span.start || p.start >= sentence.span.end) return;
    const at = positions(sentence, p.start, p.end);
    if (at && at[0] >= from && at[1] <= to) out.push({ index, from: at[0], to: at[1] });
  });
  return out;
}

/** Date and time expressions in the sentence (durations, sets and vague references excluded). */
export function timeCandidates(doc: Document, sentence: SentenceView): Candidate[] {
  const out: Candidate[] = [];
  // The sentence's own times (its view lists them), as for places.
  sentence.times.forEach((index) => {
    const t = doc.layers.times![index]!;
    if (t.end <= sentence.span.start || t.start >= sentence.span.end) return;
    if ((t.type !== 'DATE' && t.type !== 'TIME') || !/^\d{4}/.test(t.value)) return;
    const at = positions(sentence, t.start, t.end);
    if (at) out.push({ index, from: at[0], to: at[1] });
  });
  return out;
}

/** The best place in [from, to): the most specific, then the nearest to the trigger. */
export function pickPlace(doc: Document, candidates: readonly Candidate[], from: number, to: number, near: number, taken: ReadonlySet<number>): Candidate | null {
  const places = doc.layers.places ?? [];
  const inside = candidates.filter((c) => c.from >= from && c.to <= to && !taken.has(c.index));
  inside.sort((a, b) => (PRECISION_RANK[places[b.index]!.precision] ?? 0) - (PRECISION_RANK[places[a.index]!.precision] ?? 0) || Math.abs(a.from - near) - Math.abs(b.from - near));
  return inside[0] ?? null;
}

/** The nearest time in [from, to). */
export function pickTime(candidates: readonly Candidate[], from: number, to: number, near: number, taken: ReadonlySet<number>): Candidate | null {
  const inside = candidates.filter((c) => c.from >= from && c.to <= to && !taken.has(c.index));
  inside.sort((a, b) => Math.abs(a.from - near) - Math.abs(b.from - near));
  return inside[0] ?? null;
}

const LAST_DAY = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The calendar start and end of a TIMEX3 value ("2020-06" → 2020-06-01 .. 2020-06-30). */
export function dateRange(value: string): { date: string | null; dateEnd: string | null } {
  // "last week's strike": a week, quarter or season is its own days, not its whole year.
  const period = periodDays(value);
  if (period !== null) return period;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(value);
  if (!m) return { date: null, dateEnd: null };
  const [, y, mo, d] = m;
  if (d) return { date: `${y}-${mo}-${d}`, dateEnd: `${y}-${mo}-${d}` };
  if (mo) return { date: `${y}-${mo}`, dateEnd: `${y}-${mo}-${String(LAST_DAY(Number(y), Number(mo))).padStart(2, '0')}` };
  return { date: y!, dateEnd: `${y}-12-31` };
}

export function precisionOf(doc: Document, index: number): TimePrecision | null {
  return doc.layers.times?.[index]?.precision ?? null;
}
