import { join, relative } from 'node:path';
import { ALL_FIELDS, dateValueEnd, fieldAgrees, GOLD_FIELDS, type GoldField, type GoldPair, matchStoryEvents, PLACE_KM, type PredictedEvent, type Ratio } from './event-eval.js';
import { type EventGoldFile, type GoldEvent, type GoldStory, goldPlaceName } from './event-gold.js';

/**
 * Inter-annotator agreement between two passes over the same stories (two event gold files).
 * Pass B's events are matched to pass A's as the scorer matches the pipeline's events to the
 * gold (same sentence, same root, one-to-one; participants before the full code), so
 * agreement and system scores read alike:
 * detection F1 is 2·matched / (|A| + |B|), and each field's agreement is over the matched pairs.
 */

export type AgreementField = GoldField | 'placeWithinKm';
export const AGREEMENT_FIELDS: readonly AgreementField[] = [...GOLD_FIELDS, 'placeWithinKm'];

export interface StoryAgreement {
  /** The story's key: its corpus path and NEWID or line. */
  readonly key: string;
  readonly a: GoldStory;
  readonly b: GoldStory;
  readonly pairs: readonly GoldPair[];
  /** Pass B's event of each pair, in the order of `pairs`. */
  readonly partners: readonly GoldEvent[];
  /** Events of one pass with no partner in the other. */
  readonly onlyA: readonly GoldEvent[];
  readonly onlyB: readonly GoldEvent[];
}

export interface AgreementScores {
  readonly stories: number;
  /** Stories of one file that the other does not have (left out of every figure). */
  readonly storiesOnlyA: number;
  readonly storiesOnlyB: number;
  /** Stories both files have, but over different texts (fingerprints differ): left out too. */
  readonly textMismatch: readonly string[];
  readonly eventsA: number;
  readonly eventsB: number;
  readonly matched: number;
  readonly f1: number;
  readonly fields: Readonly<Record<AgreementField, Ratio>>;
  readonly allFields: Ratio;
  readonly perStory: readonly StoryAgreement[];
}

/** A gold event in the shape of a pipeline prediction, so the scorer's matching applies. */
export function goldAsPredicted(e: GoldEvent): PredictedEvent {
  const coordinates = e.place !== null && typeof e.place !== 'string' ? { lat: e.place.lat, lon: e.place.lon } : null;
  const [date = null, end = date] = e.date === null ? [] : e.date.split('/');
  return {
    code: e.code,
    rootCode: e.root,
    plover: null,
    ploverMode: null,
    sources: e.sources,
    targets: e.targets,
    place: goldPlaceName(e.place),
    placeCoordinates: coordinates,
    date,
    dateEnd: end === null ? null : dateValueEnd(end),
    modality: e.modality,
    confidence: 1,
    rawStart: e.sentence[0],
  };
}

/**
 * Where a story is, whatever folder its file names it from: reuters-30.json's
 * `reut2-020.sgm` under `../shared/corpus/reuters21578` is the same story as a /2 file's
 * `reuters21578/reut2-020.sgm` under `../shared/corpus`.
 */
export function storyKey(corpus: string, story: GoldStory): string {
  return `${join(corpus, story.file)}:${story.newId ?? story.line}`;
}

/**
 * Several gold files as one /2 file under the first one's corpus folder, each story's file
 * renamed from there (reuters-30.json's first pass joins pass-a.json's). A story twice is an error.
 */
export function mergeGoldFiles(files: readonly EventGoldFile[]): EventGoldFile {
  const corpus = files[0]?.corpus ?? '.';
  const seen = new Set<string>();
  const stories = files.flatMap((f) =>
    f.stories.map((s) => {
      const key = storyKey(f.corpus, s);
      if (seen.has(key)) throw new Error(`story ${key} is in two of the merged files`);
      seen.add(key);
      return { ...s, file: relative(corpus, join(f.corpus, s.file)) };
    }),
  );
  return { schema: 'dossier-event-gold/2', corpus, stories };
}

export function annotationAgreement(a: EventGoldFile, b: EventGoldFile): AgreementScores {
  const bByKey = new Map(b.stories.map((s) => [storyKey(b.corpus, s), s]));
  const aKeys = new Set(a.stories.map((s) => storyKey(a.corpus, s)));
  const perStory: StoryAgreement[] = [];
  const textMismatch: string[] = [];
  for (const storyA of a.stories) {
    const key = storyKey(a.corpus, storyA);
    const storyB = bByKey.get(key);
    if (!storyB) continue;
    if (storyA.textSha1 !== storyB.textSha1) {
      textMismatch.push(key);
      continue;
    }
    const predicted = storyB.events.map(goldAsPredicted);
    const pairs = matchStoryEvents(storyA.events, predicted, 'participants');
    const usedB = new Set(pairs.map((p) => predicted.indexOf(p.predicted)));
    const usedA = new Set(pairs.map((p) => p.gold));
    perStory.push({
      key,
      a: storyA,
      b: storyB,
      pairs,
      partners: pairs.map((p) => storyB.events[predicted.indexOf(p.predicted)]!),
      onlyA: storyA.events.filter((e) => !usedA.has(e)),
      onlyB: storyB.events.filter((_, i) => !usedB.has(i)),
    });
  }
  const pairs = perStory.flatMap((s) => s.pairs);
  const eventsA = perStory.reduce((n, s) => n + s.a.events.length, 0);
  const eventsB = perStory.reduce((n, s) => n + s.b.events.length, 0);
  const ratio = (agrees: (pair: GoldPair) => boolean): Ratio => ({ correct: pairs.filter(agrees).length, total: pairs.length });
  return {
    stories: perStory.length,
    storiesOnlyA: a.stories.length - a.stories.filter((s) => bByKey.has(storyKey(a.corpus, s))).length,
    storiesOnlyB: b.stories.filter((s) => !aKeys.has(storyKey(b.corpus, s))).length,
    textMismatch,
    eventsA,
    eventsB,
    matched: pairs.length,
    f1: eventsA + eventsB === 0 ? 0 : (2 * pairs.length) / (eventsA + eventsB),
    fields: Object.fromEntries(AGREEMENT_FIELDS.map((f) => [f, ratio((pair) => fieldAgrees(f, pair))])) as Record<AgreementField, Ratio>,
    allFields: ratio((pair) => ALL_FIELDS.every((f) => fieldAgrees(f, pair))),
    perStory,
  };
}

const share = (r: Ratio): string => (r.total === 0 ? '0.0000' : (r.correct / r.total).toFixed(4));

/** The printed summary; the last line carries the figures the README reports. */
export function formatAgreementLines(s: AgreementScores): string[] {
  const fieldName = (f: AgreementField): string => (f === 'placeWithinKm' ? `place_${PLACE_KM}km` : f);
  return [
    `agreement stories=${s.stories} only_a=${s.storiesOnlyA} only_b=${s.storiesOnlyB} text_mismatch=${s.textMismatch.length} events_a=${s.eventsA} events_b=${s.eventsB} matched=${s.matched}`,
    `agreement ${AGREEMENT_FIELDS.map((f) => `${fieldName(f)}=${s.fields[f].correct}/${s.fields[f].total}`).join(' ')} all_fields=${s.allFields.correct}/${s.allFields.total}`,
    `eval agreement detection_f1=${s.f1.toFixed(4)} ${AGREEMENT_FIELDS.map((f) => `${fieldName(f)}=${share(s.fields[f])}`).join(' ')} all_fields=${share(s.allFields)}`,
  ];
}

/** The fields on which a matched pair disagrees, for the adjudicator's list. */
export function disagreeingFields(pair: GoldPair): AgreementField[] {
  return AGREEMENT_FIELDS.filter((f) => !fieldAgrees(f, pair));
}
