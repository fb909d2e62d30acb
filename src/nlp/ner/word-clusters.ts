import { seededRandom } from '../seeded-random.js';

/**
 * Distributional word clusters from unlabelled text: each frequent word is described by the
 * words seen just before and after it, and spherical k-means groups words with similar
 * neighbours ("Mosul" near "Basra", "Ltd" near "Corp"). Cluster ids become tagger features,
 * which lets the model generalize from names it was trained on to names it was not. Computed
 * by the training script and stored in the model file.
 */

export interface ClusterOptions {
  /** Words seen fewer times are left unclustered. */
  readonly minCount: number;
  /** How many of the most frequent (lower-cased) words serve as context dimensions. */
  readonly contexts: number;
  /** One clustering per entry, coarse to fine. */
  readonly sizes: readonly number[];
  readonly iterations: number;
  readonly seed: number;
}

/** Per word, its cluster in each clustering of `sizes`. */
export interface WordClusters {
  readonly sizes: readonly number[];
  readonly words: readonly string[];
  /** ids[k][i]: the cluster of words[i] in clustering k. */
  readonly ids: readonly (readonly number[])[];
}

interface SparseVector {
  readonly index: Int32Array;
  readonly value: Float64Array;
}

function byCountThenWord(counts: ReadonlyMap<string, number>): string[] {
  return [...counts.keys()].sort((a, b) => counts.get(b)! - counts.get(a)! || (a < b ? -1 : a > b ? 1 : 0));
}

/** Context vectors: left and right neighbours among the frequent words, sqrt counts, unit length. */
function contextVectors(sentences: readonly (readonly string[])[], options: ClusterOptions): { words: string[]; vectors: SparseVector[] } {
  const counts = new Map<string, number>();
  const lowerCounts = new Map<string, number>();
  for (const words of sentences) {
    for (const w of words) {
      counts.set(w, (counts.get(w) ?? 0) + 1);
      const lw = w.toLowerCase();
      lowerCounts.set(lw, (lowerCounts.get(lw) ?? 0) + 1);
    }
  }
  const contextIndex = new Map(byCountThenWord(lowerCounts).slice(0, options.contexts).map((w, i) => [w, i]));
  const words = byCountThenWord(counts).filter((w) => counts.get(w)! >= options.minCount);
  const wordIndex = new Map(words.map((w, i) => [w, i]));
  const rows = words.map(() => new Map<number, number>());
  const boundary = options.contexts * 2;
  for (const sentence of sentences) {
    sentence.forEach((w, i) => {
      const row = wordIndex.get(w);
      if (row === undefined) return;
      const left = i === 0 ? boundary : contextIndex.get(sentence[i - 1]!.toLowerCase());
      const right = i === sentence.length - 1 ? boundary + 1 : contextIndex.get(sentence[i + 1]!.toLowerCase());
      const r = rows[row]!;
      if (left !== undefined) r.set(left, (r.get(left) ?? 0) + 1);
      if (right !== undefined) {
        const dim = right >= boundary ? right : right + options.contexts;
        r.set(dim, (r.get(dim) ?? 0) + 1);
      }
    });
  }
  const vectors = rows.map((r) => {
    const entries = [...r.entries()].sort((a, b) => a[0] - b[0]);
    const value = Float64Array.from(entries, ([, c]) => Math.sqrt(c));
    let norm = 0;
    for (const v of value) norm += v * v;
    norm = Math.sqrt(norm) || 1;
    for (let i = 0; i < value.length; i++) value[i]! /= norm;
    return { index: Int32Array.from(entries, ([d]) => d), value };
  });
  return { words, vectors };
}

function sphericalKMeans(vectors: readonly SparseVector[], dims: number, k: number, iterations: number, seed: number): Int32Array {
  const next = seededRandom(seed);
  const order = vectors.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const clusters = Math.min(k, vectors.length);
  let centroids = new Float64Array(clusters * dims);
  for (let c = 0; c < clusters; c++) {
    const v = vectors[order[c]!]!;
    v.index.forEach((d, i) => {
      centroids[c * dims + d] = v.value[i]!;
    });
  }
  const assignment = new Int32Array(vectors.length);
  for (let iteration = 0; iteration < iterations; iteration++) {
    vectors.forEach((v, w) => {
      let best = -1;
      let arg = 0;
      for (let c = 0; c < clusters; c++) {
        let dot = 0;
        const base = c * dims;
        for (let i = 0; i < v.index.length; i++) dot += centroids[base + v.index[i]!]! * v.value[i]!;
        if (dot > best) {
          best = dot;
          arg = c;
        }
      }
      assignment[w] = arg;
    });
    const sums = new Float64Array(clusters * dims);
    vectors.forEach((v, w) => {
      const base = assignment[w]! * dims;
      for (let i = 0; i < v.index.length; i++) sums[base + v.index[i]!]! += v.value[i]!;
    });
    for (let c = 0; c < clusters; c++) {
      let norm = 0;
      for (let d = 0; d < dims; d++) norm += sums[c * dims + d]! ** 2;
      norm = Math.sqrt(norm);
      // An emptied cluster keeps its old centre rather than vanishing.
      if (norm === 0) sums.set(centroids.subarray(c * dims, (c + 1) * dims), c * dims);
      else for (let d = 0; d < dims; d++) sums[c * dims + d]! /= norm;
    }
    centroids = sums;
  }
  return assignment;
}

export function clusterWords(sentences: readonly (readonly string[])[], options: ClusterOptions): WordClusters {
  const { words, vectors } = contextVectors(sentences, options);
  const dims = options.contexts * 2 + 2;
  const ids = options.sizes.map((k, n) => Array.from(sphericalKMeans(vectors, dims, k, options.iterations, options.seed + n)));
  return { sizes: options.sizes, words, ids };
}

/** Word → its cluster ids, for lookups while tagging. */
export function clusterTable(clusters: WordClusters): ReadonlyMap<string, readonly number[]> {
  return new Map(clusters.words.map((w, i) => [w, clusters.ids.map((ids) => ids[i]!)]));
}
