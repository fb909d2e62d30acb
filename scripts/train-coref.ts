/**
 * Trains the event-coreference pair scorer on the ECB+ train topics and writes
 * src/records/model/coref-weights.json. Deterministic: the same data gives the same file.
 *
 *   npx tsx scripts/train-coref.ts [../shared/eval/ecbplus]
 *
 * Steps: (1) the document-grouping threshold that best separates each topic's two
 * subtopics (pairwise F1 over documents); (2) logistic regression on the mention pairs inside
 * the predicted groups, fitted by Newton's method with a small L2 penalty; (3) the merge
 * threshold of average-link clustering that maximises CoNLL F1 on the train topics.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { scoreCoref } from '../src/eval/coref-metrics.js';
import { ecbTopicInputs, goldClusters } from '../src/eval/coref-eval.js';
import { loadEcbPlus } from '../src/eval/ecbplus.js';
import { clusterTopicPairs, documentGroups, FEATURES, type LemmaStats, lemmaPairKey, pairProbability, pairVector, type TopicPairs, topicPairs } from '../src/records/coref-model.js';

const dir = process.argv[2] ?? '../shared/eval/ecbplus';
const splits = (await readFile(join(dir, 'splits.csv'), 'utf8')).trim().split('\n').slice(1).map((l) => l.split(','));
const trainTopics = splits.filter(([, s]) => s === 'train').map(([t]) => t ?? '');
const topics = ecbTopicInputs(await loadEcbPlus(dir, { topics: trainTopics }));
const kindOf = (docId: string): string => (docId.endsWith('ecbplus') ? 'ecbplus' : 'ecb');

// (1) document grouping
let documentThreshold = 0;
let bestDocF1 = -1;
for (let t = 0.02; t <= 0.5001; t += 0.02) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const topic of topics) {
    const groupOf = documentGroups(topic.documents, t);
    const ids = topic.documents.map((d) => d.id);
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        const same = groupOf.get(ids[i] ?? '') === groupOf.get(ids[j] ?? '');
        const gold = kindOf(ids[i] ?? '') === kindOf(ids[j] ?? '');
        if (same && gold) tp++;
        else if (same) fp++;
        else if (gold) fn++;
      }
    }
  }
  const f1 = (2 * tp) / (2 * tp + fp + fn);
  if (f1 > bestDocF1) {
    bestDocF1 = f1;
    documentThreshold = Number(t.toFixed(2));
  }
}
process.stderr.write(`document threshold ${documentThreshold} (pairwise subtopic F1 ${bestDocF1.toFixed(4)})\n`);

// (2) logistic regression
const prepared: TopicPairs[] = topics.map((t) => topicPairs(t.documents, t.mentions, documentThreshold));
// lemma coreference rates, counted per topic so that each train topic's features come
// from the other topics only (as they will for an unseen topic)
type Counts = Map<string, [number, number]>;
const count = (m: Counts, k: string, y: number): void => {
  const c = m.get(k) ?? [0, 0];
  c[0] += y;
  c[1] += 1;
  m.set(k, c);
};
const labelOf = (ti: number, p: TopicPairs, i: number, j: number): number => {
  const gold = topics[ti]?.gold;
  return gold?.get(p.mentions[i]?.id ?? '') === gold?.get(p.mentions[j]?.id ?? '') ? 1 : 0;
};
const perTopic = prepared.map((p, ti) => {
  const same: Counts = new Map();
  const different: Counts = new Map();
  for (const key of p.features.keys()) {
    const [i, j] = key.split(',').map(Number) as [number, number];
    const a = p.lemmas[i] ?? '';
    const b = p.lemmas[j] ?? '';
    if (a === b) count(same, a, labelOf(ti, p, i, j));
    else count(different, lemmaPairKey(a, b), labelOf(ti, p, i, j));
  }
  return { same, different };
});
function statsWithout(skip: number): LemmaStats {
  const same: Counts = new Map();
  const different: Counts = new Map();
  perTopic.forEach((t, ti) => {
    if (ti === skip) return;
    for (const [src, dst] of [[t.same, same], [t.different, different]] as const) {
      for (const [k, [y, n]] of src) {
        const c = dst.get(k) ?? [0, 0];
        c[0] += y;
        c[1] += n;
        dst.set(k, c);
      }
    }
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
  return { same: keep(same, 2, 0), different: keep(different, 3, 1), sameRate: rate(same), differentRate: rate(different) };
}
const crossStats = prepared.map((_, ti) => statsWithout(ti));

const xs: (readonly number[])[] = [];
const ys: number[] = [];
prepared.forEach((p, ti) => {
  for (const key of p.features.keys()) {
    const [i, j] = key.split(',').map(Number) as [number, number];
    const v = pairVector(p, i, j, crossStats[ti] as LemmaStats);
    if (!v) continue;
    xs.push(v);
    ys.push(labelOf(ti, p, i, j));
  }
});
const d = FEATURES.length;
const w = new Array<number>(d).fill(0);
const lambda = 1;
for (let iter = 0; iter < 25; iter++) {
  const grad = new Array<number>(d).fill(0);
  const hess = Array.from({ length: d }, () => new Array<number>(d).fill(0));
  xs.forEach((x, n) => {
    const p = pairProbability(w, x);
    const r = p - (ys[n] ?? 0);
    const s = p * (1 - p);
    for (let a = 0; a < d; a++) {
      const xa = x[a] ?? 0;
      if (xa === 0) continue;
      grad[a] = (grad[a] ?? 0) + r * xa;
      const row = hess[a] as number[];
      for (let b = 0; b < d; b++) row[b] = (row[b] ?? 0) + s * xa * (x[b] ?? 0);
    }
  });
  for (let a = 1; a < d; a++) {
    grad[a] = (grad[a] ?? 0) + lambda * (w[a] ?? 0);
    (hess[a] as number[])[a] = ((hess[a] as number[])[a] ?? 0) + lambda;
  }
  for (let a = 0; a < d; a++) (hess[a] as number[])[a] = ((hess[a] as number[])[a] ?? 0) + 1e-9;
  const step = solve(hess, grad);
  let change = 0;
  for (let a = 0; a < d; a++) {
    w[a] = (w[a] ?? 0) - (step[a] ?? 0);
    change = Math.max(change, Math.abs(step[a] ?? 0));
  }
  if (change < 1e-6) break;
}
process.stderr.write(`${xs.length} pairs, ${ys.filter((y) => y === 1).length} coreferent\n`);

// (3) merge threshold
const key = goldClusters(topics);
let threshold = 0.5;
let bestConll = -1;
for (let t = 0.15; t <= 0.9001; t += 0.0125) {
  const response = prepared.flatMap((p, ti) => clusterTopicPairs(p, w, t, crossStats[ti] as LemmaStats));
  const conll = scoreCoref(key, response).conll;
  if (conll > bestConll) {
    bestConll = conll;
    threshold = Number(t.toFixed(3));
  }
}
process.stderr.write(`merge threshold ${threshold} (train CoNLL F1 ${bestConll.toFixed(4)})\n`);

const round = (x: number): number => Number(x.toFixed(6));
const stats = statsWithout(-1);
const lemmaStats = { ...stats, sameRate: round(stats.sameRate), differentRate: round(stats.differentRate) };
const model = { features: FEATURES, weights: w.map(round), threshold, documentThreshold, lemmaStats, trainedOn: `ECB+ train topics ${trainTopics.join(',')}` };
await writeFile(new URL('../src/records/model/coref-weights.json', import.meta.url), `${JSON.stringify(model)}\n`);

/** Gaussian elimination with partial pivoting: solves A x = b. */
function solve(a: number[][], b: number[]): number[] {
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
