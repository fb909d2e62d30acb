/**
 * Coreference metrics as the reference CoNLL scorer (Pradhan et al. 2014) computes them:
 * MUC (Vilain et al. 1995), B³ (Bagga & Baldwin 1998), entity-based CEAF (φ4, Luo 2005)
 * and the CoNLL F1, their mean. Clusters are arrays of mention ids; singletons count (as in
 * the usual ECB+ evaluation with gold mentions), so a mention absent from one side is a
 * singleton there.
 */

export interface PRF {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

export interface CorefScores {
  readonly muc: PRF;
  readonly b3: PRF;
  readonly ceafe: PRF;
  /** Mean of the three F1. */
  readonly conll: number;
}

export type Clustering = readonly (readonly string[])[];

const prf = (precision: number, recall: number): PRF => ({
  precision,
  recall,
  f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
});

const ratio = (num: number, den: number): number => (den === 0 ? 0 : num / den);

function clusterIndex(clusters: Clustering): Map<string, number> {
  const index = new Map<string, number>();
  clusters.forEach((c, i) => {
    for (const m of c) index.set(m, i);
  });
  return index;
}

/** MUC recall of `key` against `response` (precision is the same with the sides swapped). */
function mucRecall(key: Clustering, response: Clustering): [number, number] {
  const index = clusterIndex(response);
  let num = 0;
  let den = 0;
  for (const k of key) {
    const parts = new Set<string>();
    for (const m of k) {
      const r = index.get(m);
      parts.add(r === undefined ? `missing:${m}` : String(r));
    }
    num += k.length - parts.size;
    den += k.length - 1;
  }
  return [num, den];
}

export function muc(key: Clustering, response: Clustering): PRF {
  const [rn, rd] = mucRecall(key, response);
  const [pn, pd] = mucRecall(response, key);
  return prf(ratio(pn, pd), ratio(rn, rd));
}

function b3Recall(key: Clustering, response: Clustering): [number, number] {
  const index = clusterIndex(response);
  let num = 0;
  let den = 0;
  for (const k of key) {
    const overlaps = new Map<number, number>();
    for (const m of k) {
      const r = index.get(m);
      if (r !== undefined) overlaps.set(r, (overlaps.get(r) ?? 0) + 1);
    }
    // each mention m of k scores |k ∩ R(m)| / |k|; summed over k this is Σ overlap² / |k|
    let sum = 0;
    for (const o of overlaps.values()) sum += o * o;
    num += sum / k.length;
    den += k.length;
  }
  return [num, den];
}

export function b3(key: Clustering, response: Clustering): PRF {
  const [rn, rd] = b3Recall(key, response);
  const [pn, pd] = b3Recall(response, key);
  return prf(ratio(pn, pd), ratio(rn, rd));
}

/**
 * Maximum-weight assignment on a rows × cols weight matrix (Hungarian method, Kuhn–Munkres
 * with potentials); returns the best total weight.
 */
export function maxAssignment(weights: readonly (readonly number[])[]): number {
  const rows = weights.length;
  const cols = weights[0]?.length ?? 0;
  const n = Math.max(rows, cols);
  if (n === 0) return 0;
  const cost = (i: number, j: number): number => -(weights[i - 1]?.[j - 1] ?? 0);
  const u = new Float64Array(n + 1);
  const v = new Float64Array(n + 1);
  const p = new Int32Array(n + 1);
  const way = new Int32Array(n + 1);
  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    const minv = new Float64Array(n + 1).fill(Number.POSITIVE_INFINITY);
    const used = new Uint8Array(n + 1);
    do {
      used[j0] = 1;
      const i0 = p[j0] ?? 0;
      let delta = Number.POSITIVE_INFINITY;
      let j1 = 0;
      for (let j = 1; j <= n; j++) {
        if (used[j]) continue;
        const cur = cost(i0, j) - (u[i0] ?? 0) - (v[j] ?? 0);
        if (cur < (minv[j] ?? 0)) {
          minv[j] = cur;
          way[j] = j0;
        }
        if ((minv[j] ?? 0) < delta) {
          delta = minv[j] ?? 0;
          j1 = j;
        }
      }
      for (let j = 0; j <= n; j++) {
        if (used[j]) {
          u[p[j] ?? 0] = (u[p[j] ?? 0] ?? 0) + delta;
          v[j] = (v[j] ?? 0) - delta;
        } else minv[j] = (minv[j] ?? 0) - delta;
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0] ?? 0;
      p[j0] = p[j1] ?? 0;
      j0 = j1;
    } while (j0 !== 0);
  }
  let total = 0;
  for (let j = 1; j <= n; j++) {
    const i = p[j] ?? 0;
    if (i >= 1 && i <= rows && j <= cols) total += weights[i - 1]?.[j - 1] ?? 0;
  }
  return total;
}

/**
 * CEAF-e: the best one-to-one alignment of key and response clusters under
 * φ4(K, R) = 2|K ∩ R| / (|K| + |R|). Clusters that share no mention score 0, so the
 * alignment is solved separately on each connected group of overlapping clusters.
 */
export function ceafe(key: Clustering, response: Clustering): PRF {
  const keyIndex = clusterIndex(key);
  const overlap = new Map<string, number>(); // "k,r" → |K ∩ R|
  response.forEach((r, ri) => {
    for (const m of r) {
      const ki = keyIndex.get(m);
      if (ki === undefined) continue;
      const pair = `${ki},${ri}`;
      overlap.set(pair, (overlap.get(pair) ?? 0) + 1);
    }
  });
  // union-find over nodes k0..k(K-1), then responses after them
  const parent = Array.from({ length: key.length + response.length }, (_, i) => i);
  const find = (x: number): number => {
    let root = x;
    while (parent[root] !== root) root = parent[root] ?? root;
    while (parent[x] !== root) {
      const next = parent[x] ?? root;
      parent[x] = root;
      x = next;
    }
    return root;
  };
  const pairs = [...overlap.entries()].map(([pair, count]) => {
    const [k, r] = pair.split(',').map(Number) as [number, number];
    return { k, r, count };
  });
  for (const { k, r } of pairs) parent[find(k)] = find(key.length + r);
  const groups = new Map<number, { keys: Map<number, number>; responses: Map<number, number>; pairs: typeof pairs }>();
  for (const pair of pairs) {
    const root = find(pair.k);
    let g = groups.get(root);
    if (!g) {
      g = { keys: new Map(), responses: new Map(), pairs: [] };
      groups.set(root, g);
    }
    if (!g.keys.has(pair.k)) g.keys.set(pair.k, g.keys.size);
    if (!g.responses.has(pair.r)) g.responses.set(pair.r, g.responses.size);
    g.pairs.push(pair);
  }
  let similarity = 0;
  for (const g of groups.values()) {
    const matrix = Array.from({ length: g.keys.size }, () => new Array<number>(g.responses.size).fill(0));
    for (const { k, r, count } of g.pairs) {
      const row = matrix[g.keys.get(k) ?? 0];
      if (row) row[g.responses.get(r) ?? 0] = (2 * count) / ((key[k]?.length ?? 0) + (response[r]?.length ?? 0));
    }
    similarity += maxAssignment(matrix);
  }
  return prf(ratio(similarity, response.length), ratio(similarity, key.length));
}

export function scoreCoref(key: Clustering, response: Clustering): CorefScores {
  const m = muc(key, response);
  const b = b3(key, response);
  const c = ceafe(key, response);
  return { muc: m, b3: b, ceafe: c, conll: (m.f1 + b.f1 + c.f1) / 3 };
}
