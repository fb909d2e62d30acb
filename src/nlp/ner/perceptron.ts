import { seededRandom } from '../seeded-random.js';
import { viterbi } from './decode.js';
import { allowedEnd, allowedTransition } from './labels.js';
import { createModel, type NerLexicon, type NerModel } from './model.js';

/**
 * Averaged structured perceptron (Collins 2002) over first-order label chains, with
 * Viterbi decoding and BIO's forbidden transitions held at -Infinity. Deterministic: the
 * sentence order of each epoch comes from a seeded generator.
 */

export interface TrainingSentence {
  /** Feature hashes per token, from `documentFeatures`. */
  readonly features: readonly Uint32Array[];
  /** Gold label index per token. */
  readonly gold: Int32Array;
}

export interface TrainOptions {
  readonly labels: readonly string[];
  readonly lexicon: NerLexicon;
  readonly trainedOn: string;
  readonly epochs: number;
  readonly seed: number;
  /** Features seen fewer times than this in training are dropped. */
  readonly minCount: number;
  /** Rows whose averaged weights all stay below this are dropped from the stored model. */
  readonly pruneBelow: number;
  readonly onEpoch?: (epoch: number, model: NerModel) => void;
}

interface Indexed {
  readonly ids: Int32Array;
  /** Token t's ids are ids[offsets[t]..offsets[t + 1]). */
  readonly offsets: Int32Array;
  readonly gold: Int32Array;
}

function indexFeatures(sentences: readonly TrainingSentence[], minCount: number): { keys: Uint32Array; indexed: Indexed[] } {
  const counts = new Map<number, number>();
  for (const s of sentences) for (const token of s.features) for (const key of token) counts.set(key, (counts.get(key) ?? 0) + 1);
  const ids = new Map<number, number>();
  for (const [key, count] of counts) if (count >= minCount) ids.set(key, ids.size);
  const keys = new Uint32Array(ids.size);
  for (const [key, id] of ids) keys[id] = key;
  const indexed = sentences.map((s) => {
    const offsets = new Int32Array(s.features.length + 1);
    const list: number[] = [];
    s.features.forEach((token, t) => {
      for (const key of token) {
        const id = ids.get(key);
        if (id !== undefined) list.push(id);
      }
      offsets[t + 1] = list.length;
    });
    return { ids: Int32Array.from(list), offsets, gold: s.gold };
  });
  return { keys, indexed };
}

export function trainPerceptron(sentences: readonly TrainingSentence[], options: TrainOptions): NerModel {
  const L = options.labels.length;
  const { keys, indexed } = indexFeatures(sentences, options.minCount);
  const w = new Float64Array(keys.length * L);
  const u = new Float64Array(keys.length * L);
  const trans = new Float64Array(L * L);
  const transU = new Float64Array(L * L);
  const start = new Float64Array(L);
  const startU = new Float64Array(L);
  const transMask = new Float64Array(L * L);
  const startMask = new Float64Array(L);
  const endMask = Float64Array.from(options.labels, (label) => (allowedEnd(label) ? 0 : Number.NEGATIVE_INFINITY));
  options.labels.forEach((to, j) => {
    startMask[j] = allowedTransition(null, options.labels[j]!) ? 0 : Number.NEGATIVE_INFINITY;
    options.labels.forEach((from, i) => {
      transMask[i * L + j] = allowedTransition(from, to) ? 0 : Number.NEGATIVE_INFINITY;
    });
  });
  const liveTrans = new Float64Array(L * L);
  const liveStart = new Float64Array(L);
  const next = seededRandom(options.seed);
  const order = indexed.map((_, i) => i);
  let c = 1;

  const averaged = (epoch: number): NerModel => {
    const avg = (values: Float64Array, acc: Float64Array, mask: Float64Array | null): Float64Array =>
      values.map((v, i) => v - acc[i]! / c + (mask === null ? 0 : mask[i]!));
    const weights = avg(w, u, null);
    const keep: number[] = [];
    for (let row = 0; row < keys.length; row++) {
      let max = 0;
      for (let y = 0; y < L; y++) max = Math.max(max, Math.abs(weights[row * L + y]!));
      if (max >= options.pruneBelow) keep.push(row);
    }
    const keptWeights = new Float64Array(keep.length * L);
    keep.forEach((row, k) => {
      keptWeights.set(weights.subarray(row * L, row * L + L), k * L);
    });
    return createModel({
      labels: options.labels,
      info: { version: 1, trainedOn: options.trainedOn, epochs: epoch, features: keep.length, devF1: null, temperature: 1 },
      lexicon: options.lexicon,
      transitions: avg(trans, transU, transMask),
      start: avg(start, startU, startMask),
      end: endMask,
      keys: Uint32Array.from(keep, (row) => keys[row]!),
      weights: keptWeights,
    });
  };

  const update = (s: Indexed, t: number, label: number, delta: number): void => {
    for (let k = s.offsets[t]!; k < s.offsets[t + 1]!; k++) {
      const i = s.ids[k]! * L + label;
      w[i]! += delta;
      u[i]! += c * delta;
    }
  };

  let model: NerModel | null = null;
  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const index of order) {
      const s = indexed[index]!;
      const length = s.gold.length;
      const emissions = new Float64Array(length * L);
      for (let t = 0; t < length; t++) {
        for (let k = s.offsets[t]!; k < s.offsets[t + 1]!; k++) {
          const base = s.ids[k]! * L;
          for (let y = 0; y < L; y++) emissions[t * L + y]! += w[base + y]!;
        }
      }
      for (let i = 0; i < L * L; i++) liveTrans[i] = trans[i]! + transMask[i]!;
      for (let i = 0; i < L; i++) liveStart[i] = start[i]! + startMask[i]!;
      const predicted = viterbi({ emissions, transitions: liveTrans, start: liveStart, end: endMask, labels: L });
      for (let t = 0; t < length; t++) {
        const g = s.gold[t]!;
        const p = predicted[t]!;
        if (g !== p) {
          update(s, t, g, 1);
          update(s, t, p, -1);
        }
        const gPair = t === 0 ? g : s.gold[t - 1]! * L + g;
        const pPair = t === 0 ? p : predicted[t - 1]! * L + p;
        if (gPair === pPair) continue;
        const [table, acc] = t === 0 ? [start, startU] : [trans, transU];
        table[gPair]! += 1;
        acc[gPair]! += c;
        table[pPair]! -= 1;
        acc[pPair]! -= c;
      }
      c++;
    }
    if (options.onEpoch !== undefined || epoch === options.epochs) {
      model = averaged(epoch);
      options.onEpoch?.(epoch, model);
    }
  }
  return model ?? averaged(0);
}
