import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { InputError } from '../errors.js';
import { dateRange } from '../events/place-time.js';
import type { RawArticle } from '../ingest/raw-article.js';
import { lookupActorName } from '../knowledge/actors/alias-index.js';
import { loadActorRegistry } from '../knowledge/actors/load-registry.js';
import { distanceKm } from '../knowledge/gazetteer/distance.js';
import type { Knowledge } from '../knowledge/knowledge.js';
import { loadKnowledge } from '../pipeline/load-knowledge.js';
import { type Analyzer, createAnalyzer } from '../pipeline/analyze-article.js';
import { createDocument } from '../text/create-document.js';
import type { Document, EventParticipant } from '../text/document.js';
import { spanText, toRaw } from '../text/span.js';
import {
  dictionaryRegistryEntries,
  type EventGoldFile,
  type ExpectedTriple,
  type GoldActor,
  type GoldEvent,
  type GoldStory,
  goldPlaceName,
  type PloverGoldRecord,
  parseActorDictionary,
  storyLabel,
  parseEventGold,
  parsePloverGold,
  parseValidationRecords,
  type ValidationRecord,
} from './event-gold.js';
import { readGoldStories } from './event-gold-stories.js';

/**
 * `dossier eval events`: runs the whole pipeline on each gold sentence or story and compares
 * its events layer with the gold. Four sets, four ways of scoring:
 *
 * - PLOVER GSR: the best event of the sentence (one of the gold's type first, then the most
 *   confident) against the record: type, mode, source and target accuracy over all records.
 * - PETRARCH-2 unit tests and the real-world GSR: (source, target, code) triples, from the
 *   events that have both a source and a target. `exact` is the share of expected units
 *   found (an expected triple, or a record that expects nothing and gets no triple); `root`
 *   is the same with 2-digit root codes.
 * - Dossier's own gold (Reuters-21578 and JSONL stories, offsets and codes): an event is
 *   detected when a predicted event in the same sentence has the same root code
 *   (one-to-one); precision and recall of detection, then each field's accuracy on the
 *   matched pairs, the place judged by distance when the gold gives coordinates. The gold
 *   annotates the body (RawArticle.text): events read in the headline are counted apart.
 */

export type EventEvalKind = 'plover' | 'petrarch' | 'gsr' | 'gold';

export interface EventEvalOptions {
  /** Knowledge to use as is (the PETRARCH dictionaries are then not loaded). */
  readonly knowledge?: Knowledge;
  /** Extra actor registry files for loadKnowledge. */
  readonly registryFiles?: readonly string[];
  /** PETRARCH actor dictionary; default `../dictionaries/PETR.Validate.actors.txt` beside the records. */
  readonly actorDictionary?: string;
  /** The folder the gold's story files are relative to; default the fixture's `corpus` path, from the working directory. */
  readonly corpusDir?: string;
  /** How the analyzer is built from the knowledge (tests, or a pipeline with extra stages). */
  readonly createAnalyzer?: (knowledge: Knowledge) => Analyzer;
}

/** An event of the events layer, reduced to what the gold sets can judge. */
export interface PredictedEvent {
  readonly code: string;
  readonly rootCode: string;
  readonly plover: string | null;
  readonly ploverMode: string | null;
  readonly sources: readonly PredictedActor[];
  readonly targets: readonly PredictedActor[];
  readonly place: string | null;
  /** The place's coordinates from the places layer, when it has them. */
  readonly placeCoordinates: { readonly lat: number; readonly lon: number } | null;
  readonly date: string | null;
  /** The end of a date range ("from Monday to Wednesday"), else null. */
  readonly dateEnd: string | null;
  readonly modality: string;
  readonly confidence: number;
  /** Offset of the trigger in the reader's raw text (the document's text mapped back); -1 in the headline. */
  readonly rawStart: number;
}

export interface PredictedActor {
  readonly name: string;
  readonly cameo: string | null;
}

export function predictedEvents(doc: Document): PredictedEvent[] {
  const places = doc.layers.places ?? [];
  return (doc.layers.events ?? []).map((e) => {
    const place = e.place ? places[e.place.placeIndex] : undefined;
    return {
      code: e.code,
      rootCode: e.rootCode,
      plover: e.plover,
      ploverMode: e.ploverMode,
      sources: e.sources.map((p) => participant(doc, p)),
      targets: e.targets.map((p) => participant(doc, p)),
      place: e.place ? (place?.name ?? spanText(doc, e.place.span)) : null,
      placeCoordinates: place ? { lat: place.lat, lon: place.lon } : null,
      date: e.date,
      dateEnd: e.dateEnd,
      modality: e.modality,
      confidence: e.confidence,
      rawStart: toRaw(doc, e.trigger.start),
    };
  });
}

function participant(doc: Document, p: EventParticipant): PredictedActor {
  return { name: p.name || spanText(doc, p.span), cameo: p.cameo };
}

// --- PLOVER ---

export interface Ratio {
  readonly correct: number;
  readonly total: number;
}

export interface PloverScores {
  readonly kind: 'plover';
  readonly n: number;
  readonly type: Ratio;
  /** Over the records whose gold has a mode. */
  readonly mode: Ratio;
  readonly source: Ratio;
  readonly target: Ratio;
  /** Records for which the pipeline found no event at all. */
  readonly noEvent: number;
  readonly perType: ReadonlyMap<string, Ratio>;
  readonly seconds: number;
}

/** The event judged for a record: the gold's PLOVER type first, then the most confident. */
export function bestEvent(events: readonly PredictedEvent[], ploverType: string): PredictedEvent | null {
  let best: PredictedEvent | null = null;
  const rank = (e: PredictedEvent): number => (e.plover === ploverType ? 1 : 0);
  for (const e of events) {
    if (best === null || rank(e) > rank(best) || (rank(e) === rank(best) && e.confidence > best.confidence)) best = e;
  }
  return best;
}

/**
 * A predicted actor is a gold actor when its CAMEO code starts with the gold's country (or
 * IGO/NGO) code and, when the gold gives a sector, carries that sector among its role
 * blocks: USAMIL is {USA, MIL}; IGOUNO is {IGO}.
 */
export function actorMatchesGold(cameo: string | null, gold: GoldActor): boolean {
  if (cameo === null || gold.code === '' || !cameo.startsWith(gold.code)) return false;
  if (gold.sector === null) return true;
  const blocks: string[] = [];
  for (let i = gold.code.length; i + 3 <= cameo.length; i += 3) blocks.push(cameo.slice(i, i + 3));
  return blocks.includes(gold.sector);
}

/**
 * Participants agree when both are empty, or when some predicted actor is a gold actor and
 * none of the predicted actors is foreign to the gold list.
 */
export function participantsMatchGold(predicted: readonly PredictedActor[], gold: readonly GoldActor[]): boolean {
  if (gold.length === 0) return predicted.length === 0;
  if (predicted.length === 0) return false;
  return predicted.every((p) => gold.some((g) => actorMatchesGold(p.cameo, g)));
}

export function scorePlover(records: readonly PloverGoldRecord[], predictions: readonly (readonly PredictedEvent[])[], seconds = 0): PloverScores {
  let type = 0;
  let mode = 0;
  let modeTotal = 0;
  let source = 0;
  let target = 0;
  let noEvent = 0;
  const perType = new Map<string, { correct: number; total: number }>();
  records.forEach((r, i) => {
    const best = bestEvent(predictions[i] ?? [], r.event);
    const bucket = perType.get(r.event) ?? { correct: 0, total: 0 };
    perType.set(r.event, bucket);
    bucket.total++;
    if (best === null) noEvent++;
    if (best?.plover === r.event) {
      type++;
      bucket.correct++;
    }
    if (r.mode !== null) {
      modeTotal++;
      if (best?.ploverMode?.toLowerCase() === r.mode) mode++;
    }
    if (best && participantsMatchGold(best.sources, r.sources)) source++;
    if (best && participantsMatchGold(best.targets, r.targets)) target++;
  });
  const n = records.length;
  return {
    kind: 'plover',
    n,
    type: { correct: type, total: n },
    mode: { correct: mode, total: modeTotal },
    source: { correct: source, total: n },
    target: { correct: target, total: n },
    noEvent,
    perType,
    seconds,
  };
}

// --- PETRARCH validation (unit tests and GSR) ---

export interface ValidationScores {
  readonly kind: 'petrarch' | 'gsr';
  /** Units: expected triples, plus records expecting nothing (noevents or an error). */
  readonly n: number;
  readonly exact: Ratio;
  readonly root: Ratio;
  /** Expected triples whose code (or root) was found in the record, whatever the actors. */
  readonly codeOnly: Ratio;
  /** Records expecting nothing that got nothing. */
  readonly empty: Ratio;
  /** Predicted triples matching an expected one, over all predicted triples. */
  readonly precision: Ratio;
  /** Records whose predicted triple set equals the expected set (PETRARCH's own pass/fail). */
  readonly recordsPassed: Ratio;
  readonly seconds: number;
}

/** PETRARCH's actor string for a participant: its CAMEO code, else the quoted upper-case words. */
export function petrarchActorCode(p: PredictedActor): string {
  return p.cameo ?? `"${p.name.toUpperCase()}"`;
}

/**
 * Compound actors give one triple per source and target pair, as PETRARCH codes them. An
 * event without a source or a target is no triple: PETRARCH never codes one.
 */
export function predictedTriples(events: readonly PredictedEvent[]): ExpectedTriple[] {
  const triples = new Map<string, ExpectedTriple>();
  for (const e of events) {
    for (const s of e.sources) {
      for (const t of e.targets) {
        const triple = { source: petrarchActorCode(s), target: petrarchActorCode(t), event: e.code };
        triples.set(tripleKey(triple, false), triple);
      }
    }
  }
  return [...triples.values()];
}

function tripleKey(t: ExpectedTriple, root: boolean): string {
  return `${t.source.toUpperCase()}|${t.target.toUpperCase()}|${root ? t.event.slice(0, 2) : t.event}`;
}

export function scoreValidation(
  kind: 'petrarch' | 'gsr',
  records: readonly ValidationRecord[],
  predictions: readonly (readonly PredictedEvent[])[],
  seconds = 0,
): ValidationScores {
  let units = 0;
  let exact = 0;
  let root = 0;
  let codeOnly = 0;
  let expectedTriples = 0;
  let empty = 0;
  let emptyTotal = 0;
  let predictedTotal = 0;
  let predictedRight = 0;
  let passed = 0;
  records.forEach((r, i) => {
    const events = predictions[i] ?? [];
    const triples = predictedTriples(events);
    predictedTotal += triples.length;
    const exactKeys = new Set(triples.map((t) => tripleKey(t, false)));
    const rootKeys = new Set(triples.map((t) => tripleKey(t, true)));
    const expectedKeys = new Set(r.expected.map((t) => tripleKey(t, false)));
    const expectsNothing = r.expected.length === 0 || r.noEvents || r.error !== null;
    if (expectsNothing) {
      units++;
      emptyTotal++;
      if (triples.length === 0) {
        empty++;
        exact++;
        root++;
        passed++;
      }
      return;
    }
    predictedRight += triples.filter((t) => expectedKeys.has(tripleKey(t, false))).length;
    if (exactKeys.size === expectedKeys.size && [...expectedKeys].every((k) => exactKeys.has(k))) passed++;
    for (const t of r.expected) {
      units++;
      expectedTriples++;
      if (exactKeys.has(tripleKey(t, false))) exact++;
      if (rootKeys.has(tripleKey(t, true))) root++;
      if (events.some((e) => e.code === t.event || e.rootCode === t.event.slice(0, 2))) codeOnly++;
    }
  });
  return {
    kind,
    n: units,
    exact: { correct: exact, total: units },
    root: { correct: root, total: units },
    codeOnly: { correct: codeOnly, total: expectedTriples },
    empty: { correct: empty, total: emptyTotal },
    precision: { correct: predictedRight, total: predictedTotal },
    recordsPassed: { correct: passed, total: records.length },
    seconds,
  };
}

// --- Dossier's own gold ---

export const GOLD_FIELDS = ['code', 'source', 'target', 'place', 'date', 'modality'] as const;
export type GoldField = (typeof GOLD_FIELDS)[number];

export interface GoldScores {
  readonly kind: 'gold';
  readonly stories: number;
  readonly gold: number;
  readonly predicted: number;
  readonly matched: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  /** Per field, correct over matched pairs. */
  readonly fields: Readonly<Record<GoldField, Ratio>>;
  /** The place within PLACE_KM of the gold's coordinates (by name when the gold gives none). */
  readonly placeWithinKm: Ratio;
  /**
   * Matched pairs with every field right: root (always, matching requires it), source,
   * target, place (within PLACE_KM), date and modality. The full code is not required.
   */
  readonly allFields: Ratio;
  /** Source and target judged on the country (or IGO) prefix of the code only. */
  readonly countryFields: Readonly<{ source: Ratio; target: Ratio }>;
  readonly perRoot: ReadonlyMap<string, { readonly gold: number; readonly predicted: number; readonly matched: number }>;
  /** Events read in the headlines: outside the annotated body, so neither right nor wrong here. */
  readonly headline: number;
  readonly words: number;
  readonly seconds: number;
  /** Every missed, spurious or partly wrong event, for `--errors`. */
  readonly mismatches: readonly GoldMismatch[];
}

/**
 * One row an analyst would question: a gold event nothing matched, a predicted event no
 * gold event matched, or a matched pair with the fields that disagree.
 */
export interface GoldMismatch {
  readonly story: string;
  readonly kind: 'missed' | 'spurious' | 'fields';
  /** The gold sentence, or for a spurious event the text around its trigger. */
  readonly context: string;
  readonly gold: GoldEvent | null;
  readonly predicted: PredictedEvent | null;
  readonly wrong: readonly (GoldField | 'placeWithinKm')[];
}

/** What `scoreGold` needs of a story; the label and text only name mismatches. */
export interface ScoredStory {
  readonly events: readonly GoldEvent[];
  readonly label?: string;
  readonly text?: string;
}

export interface GoldPair {
  readonly gold: GoldEvent;
  readonly predicted: PredictedEvent;
}

/**
 * One-to-one pairs of gold and predicted events of one story: same sentence (the trigger
 * inside the gold sentence) and same root code. Among candidates (two attacks in one
 * sentence, one each way), the same full code first, then the same source and target
 * countries, then the most confident. With `prefer: 'participants'` (two annotators'
 * passes, where the same act often gets 190 from one and 195 from the other) the source
 * and target countries come before the code.
 */
export function matchStoryEvents(gold: readonly GoldEvent[], predicted: readonly PredictedEvent[], prefer: 'code' | 'participants' = 'code'): GoldPair[] {
  const used = new Set<number>();
  const pairs: GoldPair[] = [];
  const [codeWeight, sourceWeight, targetWeight] = prefer === 'code' ? [4, 2, 1] : [1, 4, 2];
  for (const g of gold) {
    let bestIndex = -1;
    const score = (p: PredictedEvent): number =>
      (p.code === g.code ? codeWeight : 0) +
      (goldParticipantsAgree(p.sources, g.sources, 'country') ? sourceWeight : 0) +
      (goldParticipantsAgree(p.targets, g.targets, 'country') ? targetWeight : 0) +
      p.confidence / 2;
    predicted.forEach((p, i) => {
      if (used.has(i) || p.rootCode !== g.root || p.rawStart < g.sentence[0] || p.rawStart >= g.sentence[1]) return;
      if (bestIndex === -1 || score(p) > score(predicted[bestIndex]!)) bestIndex = i;
    });
    if (bestIndex !== -1) {
      used.add(bestIndex);
      pairs.push({ gold: g, predicted: predicted[bestIndex]! });
    }
  }
  return pairs;
}

const fold = (s: string): string =>
  s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, ' ')
    .replace(/^the /, '')
    .trim();

function namesAgree(a: string, b: string): boolean {
  const x = fold(a);
  const y = fold(b);
  return x !== '' && y !== '' && (x === y || x.includes(y) || y.includes(x));
}

/**
 * Both empty, or some predicted participant is some gold one: the names agree, or the CAMEO
 * codes are equal (`code`) or share their country or IGO prefix (`country`: USAMIL for USA).
 */
export function goldParticipantsAgree(predicted: readonly PredictedActor[], gold: GoldEvent['sources'], level: 'code' | 'country' = 'code'): boolean {
  if (gold.length === 0 || predicted.length === 0) return gold.length === predicted.length;
  const codesAgree = (p: string | null, g: string | null): boolean =>
    p !== null && g !== null && (level === 'code' ? p === g : p.length >= 3 && p.slice(0, 3) === g.slice(0, 3));
  return predicted.some((p) => gold.some((g) => codesAgree(p.cameo, g.cameo) || namesAgree(p.name, g.name)));
}

/** How far a predicted place may be from the gold's coordinates and still be the place. */
export const PLACE_KM = 50;

/** The fields `allFields` requires, `place` judged by distance. */
export const ALL_FIELDS = ['source', 'target', 'placeWithinKm', 'date', 'modality'] as const;

/**
 * `place` compares names (the gold's name whether or not it gives coordinates);
 * `placeWithinKm` compares coordinates when both sides have them, names otherwise.
 */
export function fieldAgrees(field: GoldField | 'placeWithinKm', pair: GoldPair): boolean {
  const { gold: g, predicted: p } = pair;
  switch (field) {
    case 'code':
      return p.code === g.code;
    case 'source':
      return goldParticipantsAgree(p.sources, g.sources);
    case 'target':
      return goldParticipantsAgree(p.targets, g.targets);
    case 'place': {
      const name = goldPlaceName(g.place);
      return name === null || p.place === null ? name === p.place : namesAgree(p.place, name);
    }
    case 'placeWithinKm': {
      if (g.place === null || typeof g.place === 'string' || p.place === null || p.placeCoordinates === null) return fieldAgrees('place', pair);
      return distanceKm(g.place.lat, g.place.lon, p.placeCoordinates.lat, p.placeCoordinates.lon) <= PLACE_KM;
    }
    case 'date':
      return dateAgrees(p, g.date);
    case 'modality':
      return p.modality === g.modality;
  }
}

/**
 * The last day a date value covers ("2020-07" → "2020-07-31"), as the events layer gives it
 * in `dateEnd`; weeks and other values are their own end.
 */
export function dateValueEnd(value: string): string {
  return /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/.test(value) ? (dateRange(value).dateEnd ?? value) : value;
}

/**
 * A gold value agrees with the event's start and end: "2019-10-09" with the day alone,
 * "2019-10-09/2019-10-11" (an ISO interval) with an event that starts on the 9th and ends
 * on the 11th. The events layer always fills `dateEnd`, a day's with the day itself.
 */
function dateAgrees(p: Pick<PredictedEvent, 'date' | 'dateEnd'>, gold: string | null): boolean {
  if (gold === null) return p.date === null;
  const [start, end] = gold.split('/') as [string, string | undefined];
  return p.date === start && (end === undefined ? p.dateEnd === null || p.dateEnd === dateValueEnd(start) : p.dateEnd === dateValueEnd(end));
}

const ratioOf = (pairs: readonly GoldPair[], agrees: (pair: GoldPair) => boolean): Ratio => ({ correct: pairs.filter(agrees).length, total: pairs.length });

/** An event whose trigger lies in the headline maps to no offset of the raw body text. */
export const inRawText = (e: PredictedEvent): boolean => e.rawStart >= 0;

export function scoreGold(
  stories: readonly ScoredStory[],
  predictions: readonly (readonly PredictedEvent[])[],
  timing: { readonly words: number; readonly seconds: number } = { words: 0, seconds: 0 },
): GoldScores {
  let gold = 0;
  let predicted = 0;
  let headline = 0;
  const pairs: GoldPair[] = [];
  const mismatches: GoldMismatch[] = [];
  const perRoot = new Map<string, { gold: number; predicted: number; matched: number }>();
  const bucket = (root: string) => {
    const b = perRoot.get(root) ?? { gold: 0, predicted: 0, matched: 0 };
    perRoot.set(root, b);
    return b;
  };
  stories.forEach((story, i) => {
    const all = predictions[i] ?? [];
    const events = all.filter(inRawText);
    headline += all.length - events.length;
    gold += story.events.length;
    predicted += events.length;
    for (const g of story.events) bucket(g.root).gold++;
    for (const p of events) bucket(p.rootCode).predicted++;
    const storyPairs = matchStoryEvents(story.events, events);
    for (const pair of storyPairs) {
      pairs.push(pair);
      bucket(pair.gold.root).matched++;
    }
    mismatches.push(...storyMismatches(story, events, storyPairs));
  });
  const matched = pairs.length;
  const precision = predicted === 0 ? 0 : matched / predicted;
  const recall = gold === 0 ? 0 : matched / gold;
  const fields = Object.fromEntries(GOLD_FIELDS.map((f) => [f, ratioOf(pairs, (pair) => fieldAgrees(f, pair))])) as Record<GoldField, Ratio>;
  const countryFields = {
    source: ratioOf(pairs, (pair) => goldParticipantsAgree(pair.predicted.sources, pair.gold.sources, 'country')),
    target: ratioOf(pairs, (pair) => goldParticipantsAgree(pair.predicted.targets, pair.gold.targets, 'country')),
  };
  return {
    kind: 'gold',
    stories: stories.length,
    gold,
    predicted,
    matched,
    precision,
    recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    fields,
    placeWithinKm: ratioOf(pairs, (pair) => fieldAgrees('placeWithinKm', pair)),
    allFields: ratioOf(pairs, (pair) => ALL_FIELDS.every((f) => fieldAgrees(f, pair))),
    countryFields,
    perRoot,
    headline,
    words: timing.words,
    seconds: timing.seconds,
    mismatches,
  };
}

const MISMATCH_FIELDS = ['code', 'source', 'target', 'placeWithinKm', 'date', 'modality'] as const;

/** The story's missed gold events, spurious predictions and matched pairs with a wrong field. */
export function storyMismatches(story: ScoredStory, events: readonly PredictedEvent[], pairs: readonly GoldPair[]): GoldMismatch[] {
  const label = story.label ?? '?';
  const text = story.text ?? '';
  const sentenceOf = (g: GoldEvent): string => text.slice(g.sentence[0], g.sentence[1]).replace(/\s+/g, ' ');
  const around = (p: PredictedEvent): string => text.slice(Math.max(0, p.rawStart - 80), p.rawStart + 100).replace(/\s+/g, ' ');
  const out: GoldMismatch[] = [];
  for (const g of story.events) {
    const pair = pairs.find((x) => x.gold === g);
    if (pair === undefined) {
      out.push({ story: label, kind: 'missed', context: sentenceOf(g), gold: g, predicted: null, wrong: [] });
      continue;
    }
    const wrong = MISMATCH_FIELDS.filter((f) => !fieldAgrees(f, pair));
    if (wrong.length > 0) out.push({ story: label, kind: 'fields', context: sentenceOf(g), gold: g, predicted: pair.predicted, wrong });
  }
  for (const p of events) {
    if (!pairs.some((x) => x.predicted === p)) out.push({ story: label, kind: 'spurious', context: around(p), gold: null, predicted: p, wrong: [] });
  }
  return out;
}

// --- running ---

export type EventScores = PloverScores | ValidationScores | GoldScores;

export async function runEventEval(kind: EventEvalKind, path: string, options: EventEvalOptions = {}): Promise<EventScores> {
  const content = readFileSync(path, 'utf8');
  switch (kind) {
    case 'plover': {
      const records = parsePloverGold(parseJson(content, path), path);
      const analyzer = buildAnalyzer(options, options.registryFiles ?? []);
      const started = performance.now();
      const predictions = records.map((r) => predictedEvents(analyzeSentence(analyzer, r.id, r.text, '2000-01-01')));
      return scorePlover(records, predictions, (performance.now() - started) / 1000);
    }
    case 'petrarch':
    case 'gsr': {
      const records = parseValidationRecords(content, path);
      const withDictionary = (registryFiles: readonly string[]) => {
        const analyzer = buildAnalyzer(options, registryFiles);
        const started = performance.now();
        const predictions = records.map((r) => predictedEvents(analyzeSentence(analyzer, r.id, r.text, r.date)));
        return scoreValidation(kind, records, predictions, (performance.now() - started) / 1000);
      };
      if (kind === 'gsr' || options.knowledge) return withDictionary(options.registryFiles ?? []);
      const dictionary = options.actorDictionary ?? join(dirname(path), '..', 'dictionaries', 'PETR.Validate.actors.txt');
      return withDictionaryFile(dictionary, (file) => withDictionary([...(options.registryFiles ?? []), file]));
    }
    case 'gold':
      return runGoldEval(parseEventGold(parseJson(content, path), path), path, options);
  }
}

function parseJson(content: string, file: string): unknown {
  try {
    return JSON.parse(content);
  } catch (error) {
    throw new InputError('DOSSIER_INPUT_BAD_JSON', { file }, (error as Error).message);
  }
}

function buildAnalyzer(options: EventEvalOptions, registryFiles: readonly string[]): Analyzer {
  const knowledge = options.knowledge ?? loadKnowledge({ registryFiles });
  return (options.createAnalyzer ?? createAnalyzer)(knowledge);
}

function analyzeSentence(analyzer: Analyzer, id: string, text: string, published: string): Document {
  return analyzer.pipeline.run(createDocument(id, text, { published, title: '', outlet: null }));
}

/**
 * The dictionary's actors as a temporary registry file, removed once `use` returns. Phrases
 * the shipped registry already knows with the same code ("FRANCE [FRA]") are left out, so
 * they do not become ambiguous aliases.
 */
function withDictionaryFile<T>(dictionary: string, use: (registryFile: string) => T): T {
  const shipped = loadActorRegistry();
  const knownAs = (phrase: string, code: string): boolean => {
    const best = lookupActorName(shipped, phrase)[0];
    return best !== undefined && best.score >= 1 && shipped.actors.get(best.actorId)?.cameo === code;
  };
  const actors = parseActorDictionary(readFileSync(dictionary, 'utf8'))
    .map((a) => ({ ...a, phrases: a.phrases.filter((p) => a.code === null || !knownAs(p, a.code)) }))
    .filter((a) => a.phrases.length > 0);
  const entries = dictionaryRegistryEntries(actors);
  const dir = mkdtempSync(join(tmpdir(), 'dossier-petrarch-'));
  try {
    const file = join(dir, 'petrarch-actors.json');
    writeFileSync(file, JSON.stringify({ actors: entries }, null, 1));
    return use(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function runGoldEval(gold: EventGoldFile, path: string, options: EventEvalOptions): GoldScores {
  const corpus = options.corpusDir ?? gold.corpus;
  const articles = readStories(corpus, gold, path);
  const analyzer = buildAnalyzer(options, options.registryFiles ?? []);
  let words = 0;
  const started = performance.now();
  const predictions = articles.map((raw) => {
    const { doc } = analyzer.analyze(raw);
    words += (doc.layers.tokens ?? []).filter((t) => t.kind === 'word').length;
    return predictedEvents(doc);
  });
  const stories = gold.stories.map((story, i) => ({ events: story.events, label: storyLabel(story), text: articles[i]?.text ?? '' }));
  return scoreGold(stories, predictions, { words, seconds: (performance.now() - started) / 1000 });
}

/** Each gold story's article, read as `dossier ingest` reads it, its offsets checked. */
export function readStories(corpusDir: string, gold: { readonly stories: readonly GoldStory[] }, goldFile = 'gold.json'): RawArticle[] {
  return readGoldStories(corpusDir, gold.stories, goldFile);
}

// --- printing ---

const figure = (r: Ratio): string => (r.total === 0 ? '0.0000' : (r.correct / r.total).toFixed(4));
const count = (r: Ratio): string => `${r.correct}/${r.total}`;

const actorsText = (actors: readonly { readonly name: string; readonly cameo: string | null }[]): string =>
  actors.length === 0 ? '-' : actors.map((a) => `${a.name}[${a.cameo ?? '?'}]`).join('+');

function goldEventText(g: GoldEvent): string {
  const range = g.date ?? '-';
  return `${g.code} ${actorsText(g.sources)} -> ${actorsText(g.targets)} @${goldPlaceName(g.place) ?? '-'} ${range} ${g.modality}`;
}

function predictedEventText(p: PredictedEvent): string {
  const range = p.date === null ? '-' : p.dateEnd !== null && p.dateEnd !== p.date ? `${p.date}/${p.dateEnd}` : p.date;
  return `${p.code} ${actorsText(p.sources)} -> ${actorsText(p.targets)} @${p.place ?? '-'} ${range} ${p.modality}`;
}

/** One mismatch as a few lines: what and where, the sentence, then gold and predicted. */
export function formatMismatch(m: GoldMismatch): string[] {
  const head = m.kind === 'fields' ? `fields ${m.wrong.join(',')}` : m.kind;
  const lines = [`error ${head} ${m.story}`, `  text: ${m.context.trim()}`];
  if (m.gold) lines.push(`  gold: ${goldEventText(m.gold)}`);
  if (m.predicted) lines.push(`  got:  ${predictedEventText(m.predicted)}`);
  return lines;
}

export interface FormatOptions {
  /** List every missed, spurious and partly wrong event before the figures (gold only). */
  readonly errors?: boolean;
}

/** The printed lines; the last is the `eval events ...` summary. */
export function formatEventEvalLines(s: EventScores, options: FormatOptions = {}): string[] {
  switch (s.kind) {
    case 'plover': {
      const lines = [...s.perType].sort(([a], [b]) => a.localeCompare(b)).map(([type, r]) => `plover ${type} type_acc=${figure(r)} (${count(r)})`);
      lines.push(
        `plover type ${count(s.type)} mode ${count(s.mode)} source ${count(s.source)} target ${count(s.target)} no_event=${s.noEvent} seconds=${s.seconds.toFixed(1)}`,
        `eval events type_acc=${figure(s.type)} mode_acc=${figure(s.mode)} source_acc=${figure(s.source)} target_acc=${figure(s.target)} n=${s.n}`,
      );
      return lines;
    }
    case 'petrarch':
    case 'gsr':
      return [
        `${s.kind} exact ${count(s.exact)} root ${count(s.root)} code_only=${figure(s.codeOnly)} (${count(s.codeOnly)}) empty_ok=${count(s.empty)}`,
        `${s.kind} precision=${figure(s.precision)} (${count(s.precision)}) records_passed=${count(s.recordsPassed)} seconds=${s.seconds.toFixed(1)}`,
        `eval events exact=${figure(s.exact)} root=${figure(s.root)} n=${s.n}`,
      ];
    case 'gold': {
      const lines = options.errors ? s.mismatches.flatMap(formatMismatch) : [];
      lines.push(
        ...[...s.perRoot].sort(([a], [b]) => a.localeCompare(b)).map(([root, b]) => `gold root ${root} gold=${b.gold} predicted=${b.predicted} matched=${b.matched}`),
      );
      const fields = GOLD_FIELDS.map((f) => `${f}_acc=${figure(s.fields[f])}`).join(' ');
      const speed = s.seconds > 0 ? Math.round(s.words / s.seconds) : 0;
      lines.push(
        `gold stories=${s.stories} gold=${s.gold} predicted=${s.predicted} matched=${s.matched} headline=${s.headline} words=${s.words} words_per_s=${speed}`,
        `gold source_country_acc=${figure(s.countryFields.source)} target_country_acc=${figure(s.countryFields.target)} all_fields=${count(s.allFields)}`,
        `eval events precision=${s.precision.toFixed(4)} recall=${s.recall.toFixed(4)} f1=${s.f1.toFixed(4)} ${fields} place_${PLACE_KM}km_acc=${figure(s.placeWithinKm)} all_fields=${figure(s.allFields)} n=${s.gold}`,
      );
      return lines;
    }
  }
}
