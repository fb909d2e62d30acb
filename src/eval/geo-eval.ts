import { loadDocumentFrequencies } from '../knowledge/document-frequencies.js';
import { distanceKm, MAX_ERROR_KM } from '../knowledge/gazetteer/distance.js';
import { type Gazetteer, loadGazetteer } from '../knowledge/gazetteer/gazetteer.js';
import { loadToponymWords } from '../knowledge/gazetteer/toponym-words.js';
import { loadNerModel, recognizeEntities } from '../nlp/ner/recognize.js';
import { placeMentionsFromEntities } from '../nlp/places/ner-place-mentions.js';
import { outletHomePlace } from '../nlp/places/outlet-home.js';
import { classifyPlaceType } from '../nlp/places/place-type.js';
import { type GroupedMentions, groupMentions, type PlaceMention, resolveGrouped } from '../nlp/places/resolve-places.js';
import type { ResolverWeights } from '../nlp/places/resolver-weights.js';
import { createPipeline } from '../pipeline/pipeline.js';
import { createStages } from '../pipeline/stages.js';
import { createDocument } from '../text/create-document.js';
import type { Span } from '../text/document.js';
import {
  type GeoArticle,
  type GoldToponym,
  isRecognizableToponym,
  isResolvableToponym,
  loadGeoDatasets,
} from './geoparsing.js';

/**
 * `eval geo`: geocoding accuracy of the places resolver on the geoparsing gold sets.
 *
 * Gold-toponym mode gives the resolver every gold span (typed by classifyPlaceType) and
 * scores each gold toponym with coordinates; end-to-end mode lets a recognizer find the
 * spans, scores recognition by exact span match, and scores geocoding over the gold
 * toponyms (a toponym not found or not resolved counts as the largest error, 20039 km).
 *
 * Metrics, as in Gritta et al. ("What's missing in geoparsing?", LRE 2018):
 * - acc161: share of toponyms within 161 km (100 miles) of the gold point;
 * - mean and median error in km;
 * - AUC: the area under the curve of the sorted errors on a log scale,
 *   trapezoid(ln(1 + e_i)) / ((n - 1) · ln(20039)); 0 is perfect, 1 is every answer on the
 *   far side of the Earth, and lower is better.
 */

export interface RecognitionScores {
  readonly gold: number;
  readonly predicted: number;
  readonly matched: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

export interface GeoDatasetScores {
  readonly name: string;
  readonly articles: number;
  /** Gold toponyms with coordinates, all scored. */
  readonly toponyms: number;
  /** Of those, how many the resolver gave an answer for. */
  readonly answered: number;
  readonly acc161: number;
  readonly meanKm: number;
  readonly medianKm: number;
  readonly auc: number;
  readonly recognition: RecognitionScores | null;
}

export interface GeoScores {
  readonly mode: 'gold' | 'end-to-end';
  readonly datasets: readonly GeoDatasetScores[];
  readonly overall: GeoDatasetScores;
  readonly seconds: number;
  readonly gazetteer: { readonly loadMs: number; readonly heapMb: number; readonly records: number };
}

/** Finds place mentions in an article's raw text (offsets into that text). */
export type PlaceRecognizer = (text: string) => Array<Span & { type: string }>;

export interface GeoEvalOptions {
  readonly endToEnd?: boolean;
  /** End-to-end recognizer; defaults to the statistical tagger (nerPlaceRecognizer). */
  readonly recognizer?: PlaceRecognizer;
  /** Defaults to the built-in gazetteer (loadGazetteer). */
  readonly gazetteer?: Gazetteer;
  /** Resolver weights; the resolver's defaults unless given. */
  readonly weights?: ResolverWeights;
}

export interface ArticleResult {
  readonly errors: number[];
  readonly answered: number;
  readonly gold: number;
  readonly predicted: number;
  readonly matched: number;
}

export async function runGeoEval(path: string, options: GeoEvalOptions = {}): Promise<GeoScores> {
  const datasets = await loadGeoDatasets(path);
  const gazetteer = options.gazetteer ?? loadGazetteer();
  const endToEnd = options.endToEnd === true;
  const recognize = endToEnd ? (options.recognizer ?? nerPlaceRecognizer(gazetteer)) : null;
  const started = performance.now();
  const results = datasets.map((d) =>
    d.articles.map((a) => resolveArticle(prepareArticle(gazetteer, a, recognize), options.weights)),
  );
  const seconds = (performance.now() - started) / 1000;
  const perDataset = datasets.map((d, i) => summarize(d.name, results[i]!, d.articles.length, endToEnd));
  const articles = datasets.reduce((n, d) => n + d.articles.length, 0);
  const overall = summarize('overall', results.flat(), articles, endToEnd);
  return {
    mode: endToEnd ? 'end-to-end' : 'gold',
    datasets: perDataset,
    overall,
    seconds,
    gazetteer: { loadMs: gazetteer.stats.loadMs, heapMb: gazetteer.stats.heapMb, records: gazetteer.stats.records },
  };
}

/**
 * The production path: the text stages build the Document, the statistical tagger finds
 * entities, and placeMentionsFromEntities keeps the places; spans go back to raw offsets.
 */
export function nerPlaceRecognizer(gazetteer: Gazetteer): PlaceRecognizer {
  const pipeline = createPipeline(createStages());
  const model = loadNerModel();
  const words = loadToponymWords(loadDocumentFrequencies());
  return (raw) => {
    const doc = pipeline.run(createDocument('geo-eval', raw));
    return placeMentionsFromEntities(gazetteer, doc.text, recognizeEntities(model, doc), words).map((m) => ({
      ...m,
      start: doc.rawOffsets[m.start]!,
      end: doc.rawOffsets[m.end - 1]! + 1,
    }));
  };
}

/** An article with its mentions found and its outlet's home looked up: what resolving needs. */
export interface PreparedArticle {
  readonly article: GeoArticle;
  readonly mentions: readonly PlaceMention[];
  readonly grouped: GroupedMentions;
  readonly home: ReturnType<typeof outletHomePlace>;
}

export function prepareArticle(
  gazetteer: Gazetteer,
  article: GeoArticle,
  recognize: ((text: string) => Array<Span & { type: string }>) | null,
): PreparedArticle {
  const mentions: PlaceMention[] =
    recognize === null
      ? uniqueSpans(article.toponyms.filter((t) => isRecognizableToponym(t) || isResolvableToponym(t))).map((t) => ({
          start: t.start,
          end: t.end,
          type: classifyPlaceType(gazetteer, t.name) ?? 'GPE',
        }))
      : recognize(article.text);
  return {
    article,
    mentions,
    grouped: groupMentions(gazetteer, article.text, mentions),
    home: outletHomePlace(gazetteer, article.source),
  };
}

export function resolveArticle(prepared: PreparedArticle, weights?: ResolverWeights): ArticleResult {
  const { article, mentions, grouped, home } = prepared;
  const scored = article.toponyms.filter(isResolvableToponym);
  const goldNames = article.toponyms.filter(isRecognizableToponym);
  const resolved = resolveGrouped(grouped, {
    placeUnknownAtFocus: true,
    home,
    ...(weights === undefined ? {} : { weights }),
  });
  const bySpan = new Map(resolved.map((r) => [`${r.start}:${r.end}`, r]));
  const errors = scored.map((t) => {
    const r = bySpan.get(`${t.start}:${t.end}`);
    return r === undefined ? MAX_ERROR_KM : distanceKm(r.lat, r.lon, t.lat!, t.lon!);
  });
  const goldSpans = new Set(goldNames.map((t) => `${t.start}:${t.end}`));
  const predictedSpans = new Set(mentions.map((m) => `${m.start}:${m.end}`));
  let matched = 0;
  for (const span of predictedSpans) if (goldSpans.has(span)) matched += 1;
  return {
    errors,
    answered: scored.filter((t) => bySpan.has(`${t.start}:${t.end}`)).length,
    gold: goldSpans.size,
    predicted: predictedSpans.size,
    matched,
  };
}

function uniqueSpans(toponyms: readonly GoldToponym[]): GoldToponym[] {
  const seen = new Set<string>();
  return toponyms.filter((t) => {
    const key = `${t.start}:${t.end}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function summarize(name: string, results: readonly ArticleResult[], articles: number, endToEnd: boolean): GeoDatasetScores {
  const errors = results.flatMap((r) => r.errors);
  const sum = (f: (r: ArticleResult) => number) => results.reduce((n, r) => n + f(r), 0);
  const gold = sum((r) => r.gold);
  const predicted = sum((r) => r.predicted);
  const matched = sum((r) => r.matched);
  const precision = predicted === 0 ? 0 : matched / predicted;
  const recall = gold === 0 ? 0 : matched / gold;
  return {
    name,
    articles,
    toponyms: errors.length,
    answered: sum((r) => r.answered),
    acc161: errors.length === 0 ? 0 : errors.filter((e) => e <= 161).length / errors.length,
    meanKm: errors.length === 0 ? 0 : errors.reduce((a, b) => a + b, 0) / errors.length,
    medianKm: median(errors),
    auc: errorCurveAuc(errors),
    recognition: endToEnd
      ? { gold, predicted, matched, precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) }
      : null,
  };
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Gritta et al.'s AUC of the log-scaled error curve, in [0, 1], lower is better. */
export function errorCurveAuc(errors: readonly number[]): number {
  if (errors.length === 0) return 0;
  const logs = [...errors].sort((a, b) => a - b).map((e) => Math.log(1 + Math.min(e, MAX_ERROR_KM)));
  if (logs.length === 1) return logs[0]! / Math.log(MAX_ERROR_KM);
  let area = 0;
  for (let i = 1; i < logs.length; i += 1) area += (logs[i - 1]! + logs[i]!) / 2;
  return area / ((logs.length - 1) * Math.log(MAX_ERROR_KM));
}

/** One line per dataset, then the overall line; the last line is the `eval geo` summary. */
export function formatGeoEvalLines(scores: GeoScores): string[] {
  const f4 = (x: number) => x.toFixed(4);
  const km = (x: number) => x.toFixed(1);
  const line = (s: GeoDatasetScores) =>
    `${s.name}: acc161=${f4(s.acc161)} mean_km=${km(s.meanKm)} median_km=${km(s.medianKm)} auc=${f4(s.auc)}` +
    ` toponyms=${s.toponyms} answered=${s.answered} articles=${s.articles}` +
    (s.recognition === null
      ? ''
      : ` toponym_f1=${f4(s.recognition.f1)} precision=${f4(s.recognition.precision)} recall=${f4(s.recognition.recall)}`);
  const o = scores.overall;
  return [
    `mode=${scores.mode} gazetteer: ${scores.gazetteer.records} records, built in ${Math.round(scores.gazetteer.loadMs)} ms, ~${Math.round(scores.gazetteer.heapMb)} MB heap`,
    ...scores.datasets.map(line),
    `resolved ${o.toponyms} toponyms in ${scores.seconds.toFixed(2)} s (${Math.round(o.toponyms / Math.max(scores.seconds, 1e-9))} toponyms/s)`,
    `eval geo acc161=${f4(o.acc161)} mean_km=${km(o.meanKm)} median_km=${km(o.medianKm)} auc=${f4(o.auc)}` +
      (o.recognition === null ? '' : ` toponym_f1=${f4(o.recognition.f1)}`) +
      ` toponyms=${o.toponyms}`,
  ];
}
