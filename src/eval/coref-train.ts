import type { LemmaRules } from '../nlp/syntax/lemmatizer.js';
import {
  type CorefDocumentInput,
  type CorefMentionInput,
  type CorefModel,
  clusterTopicPairs,
  documentGroups,
  FEATURES,
  type LemmaStats,
  lemmaPairKey,
  type PairWeights,
  pairProbability,
  pairVector,
  type TopicPairs,
  topicPairs,
} from '../records/coref-model.js';
import { scoreCoref } from './coref-metrics.js';

/**
 * Fits the event-coreference model on gold-annotated topics, deterministically:
 * (1) the document-grouping threshold that best recovers each topic's subtopics (pairwise F1
 * over documents); (2) logistic regression on the mention pairs inside the predicted groups,
 * by Newton's method with an L2 penalty, one fit for pairs inside one article and one for
 * pairs across articles, the lemma-rate features of each topic counted on the
 * other topics only (as they will be for an unseen topic); (3) the merge threshold of
 * average-link clustering that maximises CoNLL F1 over the training topics.
 */

export interface CorefTrainingTopic {
  readonly topic: string;
  readonly documents: readonly CorefDocumentInput[];
  readonly mentions: readonly CorefMentionInput[];
  /** Gold chain of each mention id. */
  readonly gold: ReadonlyMap<string, string>;
  /** Gold subtopic of each document id (ECB+: `ecb` or `ecbplus`). */
  readonly subtopic: (documentId: string) => string;
}

export interface CorefTrainingReport {
  readonly documentF1: number;
  readonly pairs: number;
  readonly positives: number;
  /** CoNLL F1 over the training topics at the chosen threshold (lemma rates cross-validated by topic). */
  readonly trainConll: number;
}

type Counts = Map<string, [number, number]>;

function addCount(m: Counts, k: string, y: number, n = 1): void {
  const c = m.get(k) ?? [0, 0];
  c[0] += y;
  c[1] += n;
  m.set(k, c);
}

function fitDocumentThreshold(topics: readonly CorefTrainingTopic[], rules: LemmaRules): { threshold: number; f1: number } {
  let best = { threshold: 0, f1: -1 };
  for (let step = 1; step <= 25; step++) {
    const t = step * 0.02;
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const topic of topics) {
      const groupOf = documentGroups(topic.documents, t, rules);
      const ids = topic.documents.map((d) => d.id);
      for (let i = 0; i < ids.length; i++) {
        for (let j = i + 1; j < ids.length; j++) {
          const same = groupOf.get(ids[i] ?? '') === groupOf.get(ids[j] ?? '');
          const gold = topic.subtopic(ids[i] ?? '') === topic.subtopic(ids[j] ?? '');
          if (same && gold) tp++;
          else if (same) fp++;
          else if (gold) fn++;
        }
      }
    }
    const f1 = (2 * tp) / (2 * tp + fp + fn);
    if (f1 > best.f1) best = { threshold: Number(t.toFixed(2)), f1 };
  }
  return best;
}

const pairIndices = (key: string): [number, number] => key.split(',').map(Number) as [number, number];

interface LemmaCounts {
  readonly same: Counts;
  readonly different: Counts;
  readonly linked: Counts;
}

function lemmaCounts(topic: CorefTrainingTopic, pairs: TopicPairs): LemmaCounts {
  const same: Counts = new Map();
  const different: Counts = new Map();
  const linked: Counts = new Map();
  for (const key of pairs.features.keys()) {
    const [i, j] = pairIndices(key);
    const a = pairs.lemmas[i] ?? '';
    const b = pairs.lemmas[j] ?? '';
    const y = topic.gold.get(pairs.mentions[i]?.id ?? '') === topic.gold.get(pairs.mentions[j]?.id ?? '') ? 1 : 0;
    if (a === b) addCount(same, a, y);
    else {
      addCount(different, lemmaPairKey(a, b), y);
      addCount(linked, a, y);
      addCount(linked, b, y);
    }
  }
  return { same, different, linked };
}

function lemmaStatsOf(perTopic: readonly LemmaCounts[], skip: number): LemmaStats {
  const same: Counts = new Map();
  const different: Counts = new Map();
  const linked: Counts = new Map();
  perTopic.forEach((t, ti) => {
    if (ti === skip) return;
    for (const [k, [y, n]] of t.same) addCount(same, k, y, n);
    for (const [k, [y, n]] of t.different) addCount(different, k, y, n);
    for (const [k, [y, n]] of t.linked) addCount(linked, k, y, n);
  });
  const rate = (m: Counts): number => {
    let y = 0;
    let n = 0;
    for (const c of m.values()) {
      y += c[0];
      n += c[1];
    }
    return n === 0 ? 0 : y / n;
  };
  // a lemma pair never seen coreferent adds little over the overall rate: left out to keep the file small
  const keep = (m: Counts, minPairs: number, minPositive: number): Record<string, [number, number]> =>
    Object.fromEntries([...m].filter(([, c]) => c[1] >= minPairs && c[0] >= minPositive).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return { same: keep(same, 2, 0), different: keep(different, 3, 1), linked: keep(linked, 10, 1), sameRate: rate(same), differentRate: rate(different) };
}

/** Gaussian elimination with partial pivoting: solves A x = b. */
function solve(a: readonly (readonly number[])[], b: readonly number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i] ?? 0]);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]?.[c] ?? 0) > Math.abs(m[pivot]?.[c] ?? 0)) pivot = r;
    [m[c], m[pivot]] = [m[pivot] as number[], m[c] as number[]];
    const pr = m[c] as number[];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const row = m[r] as number[];
      const factor = (row[c] ?? 0) / (pr[c] ?? 1);
      for (let k = c; k <= n; k++) row[k] = (row[k] ?? 0) - factor * (pr[k] ?? 0);
    }
  }
  return m.map((row, i) => (row[n] ?? 0) / (row[i] ?? 1));
}

/** L2-penalised logistic regression (bias unpenalised) by Newton's method. */
export function fitLogistic(xs: readonly (readonly number[])[], ys: readonly number[], dimension: number, lambda = 1): number[] {
  const w = new Array<number>(dimension).fill(0);
  for (let iter = 0; iter < 30; iter++) {
    const grad = new Array<number>(dimension).fill(0);
    const hess = Array.from({ length: dimension }, () => new Array<number>(dimension).fill(0));
    xs.forEach((x, n) => {
      const p = pairProbability(w, x);
      const r = p - (ys[n] ?? 0);
      const s = p * (1 - p);
      for (let a = 0; a < dimension; a++) {
        const xa = x[a] ?? 0;
        if (xa === 0) continue;
        grad[a] = (grad[a] ?? 0) + r * xa;
        const row = hess[a] as number[];
        for (let b = a; b < dimension; b++) row[b] = (row[b] ?? 0) + s * xa * (x[b] ?? 0);
      }
    });
    for (let a = 0; a < dimension; a++) {
      const row = hess[a] as number[];
      for (let b = 0; b < a; b++) row[b] = (hess[b] as number[])[a] ?? 0;
      row[a] = (row[a] ?? 0) + (a === 0 ? 1e-9 : lambda);
      if (a > 0) grad[a] = (grad[a] ?? 0) + lambda * (w[a] ?? 0);
    }
    const step = solve(hess, grad);
    let change = 0;
    for (let a = 0; a < dimension; a++) {
      w[a] = (w[a] ?? 0) - (step[a] ?? 0);
      change = Math.max(change, Math.abs(step[a] ?? 0));
    }
    if (change < 1e-6) break;
  }
  return w;
}

const round6 = (x: number): number => Number(x.toFixed(6));

export interface CorefTrainingOptions {
  /** Features held at weight 0, for ablations (e.g. `lexicon_related` to measure the hand-written lexicon). */
  readonly disable?: readonly string[];
}

export function trainCorefModel(
  topics: readonly CorefTrainingTopic[],
  rules: LemmaRules,
  options: CorefTrainingOptions = {},
): { model: CorefModel; report: CorefTrainingReport } {
  for (const name of options.disable ?? []) if (!FEATURES.includes(name)) throw new Error(`unknown coreference feature "${name}"; known: ${FEATURES.join(', ')}`);
  const disabled = FEATURES.map((f) => options.disable?.includes(f) === true);
  const documents = fitDocumentThreshold(topics, rules);
  const prepared = topics.map((t) => topicPairs(t.documents, t.mentions, documents.threshold, rules));
  const perTopic = prepared.map((p, ti) => lemmaCounts(topics[ti] as CorefTrainingTopic, p));
  const crossStats = prepared.map((_, ti) => lemmaStatsOf(perTopic, ti));

  const xs: number[][] = [];
  const ys: number[] = [];
  const inOneArticle: boolean[] = [];
  prepared.forEach((p, ti) => {
    const gold = topics[ti]?.gold;
    for (const key of p.features.keys()) {
      const [i, j] = pairIndices(key);
      const v = pairVector(p, i, j, crossStats[ti] as LemmaStats);
      if (!v) continue;
      xs.push(v.map((x, a) => (disabled[a] ? 0 : x)));
      inOneArticle.push(p.mentions[i]?.documentId === p.mentions[j]?.documentId);
      ys.push(gold?.get(p.mentions[i]?.id ?? '') === gold?.get(p.mentions[j]?.id ?? '') ? 1 : 0);
    }
  });
  // pairs inside one article and pairs across articles get weights of their own
  const fitWhere = (within: boolean): number[] | undefined => {
    const rows = xs.flatMap((_, n) => (inOneArticle[n] === within ? [n] : []));
    if (rows.length === 0) return undefined;
    return fitLogistic(rows.map((n) => xs[n] as number[]), rows.map((n) => ys[n] ?? 0), FEATURES.length).map(round6);
  };
  const across = fitWhere(false);
  const within = fitWhere(true);
  // with no pair of one kind to learn from, one set of weights serves both
  const pairWeights: PairWeights = across && within ? { weights: across, sameDocumentWeights: within } : { weights: across ?? within ?? new Array<number>(FEATURES.length).fill(0) };

  const key: string[][] = [];
  for (const t of topics) {
    const chains = new Map<string, string[]>();
    for (const [id, chain] of t.gold) chains.set(chain, [...(chains.get(chain) ?? []), id]);
    key.push(...chains.values());
  }
  let threshold = 0.5;
  let trainConll = -1;
  for (let step = 0; step <= 60; step++) {
    const t = 0.15 + step * 0.0125;
    const response = prepared.flatMap((p, ti) => clusterTopicPairs(p, pairWeights, t, crossStats[ti] as LemmaStats));
    const conll = scoreCoref(key, response).conll;
    if (conll > trainConll) {
      trainConll = conll;
      threshold = Number(t.toFixed(4));
    }
  }
  const stats = lemmaStatsOf(perTopic, -1);
  const model: CorefModel = {
    features: FEATURES,
    ...pairWeights,
    threshold,
    documentThreshold: documents.threshold,
    lemmaStats: { ...stats, sameRate: round6(stats.sameRate), differentRate: round6(stats.differentRate) },
  };
  return { model, report: { documentF1: documents.f1, pairs: xs.length, positives: ys.filter((y) => y === 1).length, trainConll } };
}
