import { type Gazetteer, loadGazetteer } from '../knowledge/gazetteer/gazetteer.js';
import { DEFAULT_RESOLVER_WEIGHTS, RESOLVER_WEIGHT_NAMES, type ResolverWeights } from '../nlp/places/resolver-weights.js';
import { type GeoDatasetScores, type PreparedArticle, prepareArticle, resolveArticle, summarize } from './geo-eval.js';
import { loadGeoDatasets } from './geoparsing.js';

/**
 * `eval geo --cv`: leave one corpus out. For each corpus, the resolver's weights are fitted
 * on the other corpora (coordinate search over a small grid, maximising their mean acc@161,
 * each corpus counting once whatever its size) and scored on the corpus left out. The spread
 * of the held-out figures says how much the weights lean on the examples they were fitted to.
 */

// The values each weight may take: zero (the evidence switched off) up to about twice the
// hand-set default, so a fit can drop evidence but not invent an order of magnitude.
const GRID: Readonly<Record<keyof ResolverWeights, readonly number[]>> = {
  countryNamesakeTown: [0, 2, 4, 6, 8, 12],
  admin1NamesakeTown: [0, 1.5, 3, 4.5, 6],
  documentCountryBase: [0, 0.75, 1.5, 2.25, 3],
  documentCountryShare: [0, 1, 2, 3, 4],
  focusCountry: [0, 0.75, 1.5, 2.25, 3],
  namedAdmin1: [0, 1.5, 3, 4.5, 6],
  nearness: [0, 0.5, 1, 1.5, 2],
  homeAdmin1: [0, 0.75, 1.5, 2.25, 3],
  homeNear: [0, 0.75, 1.5, 2.25, 3],
  outsideFocus: [0, 1, 2, 3, 4, 6],
  townPopulation: [0, 0.25, 0.5, 0.75, 1],
};

const MAX_ROUNDS = 2;

interface Corpus {
  readonly name: string;
  readonly articles: readonly PreparedArticle[];
}

export interface HeldOutScores {
  readonly heldOut: GeoDatasetScores;
  /** The same corpus with the default weights, for comparison. */
  readonly withDefaults: GeoDatasetScores;
  readonly fittedOn: readonly string[];
  readonly weights: ResolverWeights;
  /** Mean acc@161 over the fitting corpora with the fitted weights (in-sample). */
  readonly trainAcc161: number;
}

export interface GeoCrossValidation {
  readonly folds: readonly HeldOutScores[];
  /** Weights fitted on every corpus given: what the defaults could be, never scored held-out. */
  readonly fittedOnAll: { readonly weights: ResolverWeights; readonly acc161: number };
  readonly seconds: number;
}

export interface GeoCrossValidationOptions {
  readonly gazetteer?: Gazetteer;
  /** Weight names to fit; the rest stay at their defaults. Default: all. */
  readonly fit?: ReadonlyArray<keyof ResolverWeights>;
}

export async function runGeoCrossValidation(path: string, options: GeoCrossValidationOptions = {}): Promise<GeoCrossValidation> {
  const datasets = await loadGeoDatasets(path);
  if (datasets.length < 2) throw new Error(`${path}: leave-one-corpus-out needs at least two corpora, found ${datasets.length}`);
  const gazetteer = options.gazetteer ?? loadGazetteer();
  const started = performance.now();
  const corpora: Corpus[] = datasets.map((d) => ({ name: d.name, articles: d.articles.map((a) => prepareArticle(gazetteer, a, null)) }));
  const fit = options.fit ?? RESOLVER_WEIGHT_NAMES;
  const score = (corpus: Corpus, weights: ResolverWeights): GeoDatasetScores =>
    summarize(
      corpus.name,
      corpus.articles.map((a) => resolveArticle(a, weights)),
      corpus.articles.length,
      false,
    );
  const meanAcc = (set: readonly Corpus[], weights: ResolverWeights): number =>
    set.reduce((n, c) => n + score(c, weights).acc161, 0) / set.length;
  const folds = corpora.map((heldOut) => {
    const training = corpora.filter((c) => c !== heldOut);
    const fitted = fitWeights(fit, (w) => meanAcc(training, w));
    return {
      heldOut: score(heldOut, fitted.weights),
      withDefaults: score(heldOut, DEFAULT_RESOLVER_WEIGHTS),
      fittedOn: training.map((c) => c.name),
      weights: fitted.weights,
      trainAcc161: fitted.objective,
    };
  });
  const all = fitWeights(fit, (w) => meanAcc(corpora, w));
  return { folds, fittedOnAll: { weights: all.weights, acc161: all.objective }, seconds: (performance.now() - started) / 1000 };
}

/**
 * Coordinate search from the defaults: each weight in turn takes the grid value that raises
 * the objective most (ties keep the current value), for up to MAX_ROUNDS rounds.
 */
export function fitWeights(
  names: ReadonlyArray<keyof ResolverWeights>,
  objective: (weights: ResolverWeights) => number,
): { weights: ResolverWeights; objective: number } {
  let weights: ResolverWeights = DEFAULT_RESOLVER_WEIGHTS;
  let best = objective(weights);
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    let changed = false;
    for (const name of names) {
      for (const value of GRID[name]) {
        if (value === weights[name]) continue;
        const trial = { ...weights, [name]: value };
        const got = objective(trial);
        if (got > best + 1e-9) {
          best = got;
          weights = trial;
          changed = true;
        }
      }
    }
    if (!changed) break;
  }
  return { weights, objective: best };
}

/** Population standard deviation. */
export function spread(values: readonly number[]): { mean: number; min: number; max: number; sd: number } {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const sd = Math.sqrt(values.reduce((n, v) => n + (v - mean) ** 2, 0) / values.length);
  return { mean, min: Math.min(...values), max: Math.max(...values), sd };
}

function changedWeights(weights: ResolverWeights): string {
  const changed = RESOLVER_WEIGHT_NAMES.filter((n) => weights[n] !== DEFAULT_RESOLVER_WEIGHTS[n]).map((n) => `${n}=${weights[n]}`);
  return changed.length === 0 ? 'defaults' : changed.join(' ');
}

/** One line per held-out corpus, the all-corpora fit, then the `eval geo-cv` summary line. */
export function formatGeoCrossValidationLines(cv: GeoCrossValidation): string[] {
  const f4 = (x: number) => x.toFixed(4);
  const held = spread(cv.folds.map((f) => f.heldOut.acc161));
  const defaults = spread(cv.folds.map((f) => f.withDefaults.acc161));
  return [
    'mode=gold cv=leave-one-corpus-out (weights fitted on the other corpora, mean acc161 over them)',
    ...cv.folds.map(
      (f) =>
        `held out ${f.heldOut.name}: acc161=${f4(f.heldOut.acc161)} auc=${f4(f.heldOut.auc)} default_acc161=${f4(f.withDefaults.acc161)}` +
        ` train_acc161=${f4(f.trainAcc161)} toponyms=${f.heldOut.toponyms} fitted on ${f.fittedOn.join('+')}: ${changedWeights(f.weights)}`,
    ),
    `fitted on all: acc161=${f4(cv.fittedOnAll.acc161)} (in-sample) ${changedWeights(cv.fittedOnAll.weights)}`,
    `fitted ${cv.folds.length + 1} times in ${cv.seconds.toFixed(1)} s`,
    `eval geo-cv acc161_mean=${f4(held.mean)} acc161_min=${f4(held.min)} acc161_max=${f4(held.max)} acc161_sd=${f4(held.sd)}` +
      ` default_mean=${f4(defaults.mean)} default_min=${f4(defaults.min)} default_sd=${f4(defaults.sd)}`,
  ];
}
