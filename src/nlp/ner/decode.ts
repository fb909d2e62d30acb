/**
 * Decoding over first-order label chains: Viterbi for the best labels, forward-backward for
 * each token's label marginals (the scores read as log-potentials), which become confidences.
 */

export interface ChainScores {
  /** tokens × labels */
  readonly emissions: Float64Array;
  /** labels × labels, from → to */
  readonly transitions: Float64Array;
  readonly start: Float64Array;
  /** Score of ending a sentence on each label. */
  readonly end: Float64Array;
  readonly labels: number;
}

export function viterbi(chain: ChainScores): Int32Array {
  const { emissions, transitions, start, end, labels: n } = chain;
  const length = emissions.length / n;
  const out = new Int32Array(length);
  if (length === 0) return out;
  let score = new Float64Array(n);
  let next = new Float64Array(n);
  const back = new Int32Array(length * n);
  // A forbidden transition (−Infinity) never wins: only the allowed ones are tried.
  const into = neighbours(transitions, n, Number.NEGATIVE_INFINITY, true);
  for (let y = 0; y < n; y++) score[y] = start[y]! + emissions[y]!;
  for (let t = 1; t < length; t++) {
    for (let y = 0; y < n; y++) {
      let best = Number.NEGATIVE_INFINITY;
      let arg = 0;
      for (let k = into.starts[y]!, stop = into.starts[y + 1]!; k < stop; k++) {
        const p = into.labels[k]!;
        const s = score[p]! + transitions[p * n + y]!;
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      next[y] = best + emissions[t * n + y]!;
      back[t * n + y] = arg;
    }
    [score, next] = [next, score];
  }
  for (let y = 0; y < n; y++) score[y]! += end[y]!;
  let last = 0;
  for (let y = 1; y < n; y++) if (score[y]! > score[last]!) last = y;
  out[length - 1] = last;
  for (let t = length - 1; t > 0; t--) out[t - 1] = back[t * n + out[t]!]!;
  return out;
}

/**
 * Per label y, its neighbours (in order) whose transition with y is not `forbidden`:
 * labels[starts[y] .. starts[y + 1]). With `before`, the labels p of p → y; else the q of y → q.
 */
interface Neighbours {
  readonly starts: Int32Array;
  readonly labels: Int32Array;
}

function neighbours(transitions: Float64Array, n: number, forbidden: number, before: boolean): Neighbours {
  const starts = new Int32Array(n + 1);
  const labels = new Int32Array(n * n);
  let k = 0;
  for (let y = 0; y < n; y++) {
    for (let z = 0; z < n; z++) if (transitions[before ? z * n + y : y * n + z] !== forbidden) labels[k++] = z;
    starts[y + 1] = k;
  }
  return { starts, labels };
}

function logSumExp(values: Float64Array): number {
  let max = Number.NEGATIVE_INFINITY;
  for (const v of values) if (v > max) max = v;
  if (max === Number.NEGATIVE_INFINITY) return max;
  let sum = 0;
  for (const v of values) sum += Math.exp(v - max);
  return max + Math.log(sum);
}

/**
 * Per token and label, the probability of that label at that token (tokens × labels), with
 * every score divided by `temperature` first. Runs forward-backward on exponentiated scores
 * rescaled at each token (no exp in the inner loop); falls back to log space if those
 * underflow.
 */
export function marginals(chain: ChainScores, temperature = 1): Float64Array {
  return scaledMarginals(chain, temperature) ?? logMarginals(chain, temperature);
}

/** exp((v − max) / temperature) of values[from..to), written at out[at..]; zeros when every value is −Infinity. */
function expScaled(values: Float64Array, from: number, to: number, temperature: number, out: Float64Array, at: number): void {
  let max = Number.NEGATIVE_INFINITY;
  for (let i = from; i < to; i++) if (values[i]! > max) max = values[i]!;
  if (max === Number.NEGATIVE_INFINITY) {
    out.fill(0, at, at + to - from);
    return;
  }
  for (let i = from; i < to; i++) out[at + i - from] = Math.exp((values[i]! - max) / temperature);
}

function normalizeInPlace(values: Float64Array, from: number, to: number): boolean {
  let sum = 0;
  for (let i = from; i < to; i++) sum += values[i]!;
  if (!(sum > 0) || !Number.isFinite(sum)) return false;
  for (let i = from; i < to; i++) values[i]! /= sum;
  return true;
}

function scaledMarginals(chain: ChainScores, temperature: number): Float64Array | null {
  const n = chain.labels;
  const length = chain.emissions.length / n;
  const transition = new Float64Array(n * n);
  expScaled(chain.transitions, 0, n * n, temperature, transition, 0);
  const alpha = new Float64Array(length * n);
  const beta = new Float64Array(length * n);
  const emission = new Float64Array(length * n);
  for (let t = 0; t < length; t++) expScaled(chain.emissions, t * n, t * n + n, temperature, emission, t * n);
  const start = new Float64Array(n);
  expScaled(chain.start, 0, n, temperature, start, 0);
  for (let y = 0; y < n; y++) alpha[y] = start[y]! * emission[y]!;
  if (length > 0 && !normalizeInPlace(alpha, 0, n)) return null;
  // A term whose transition weight is 0 (BIO forbids it) adds +0 to a sum of non-negative
  // terms, which changes nothing: the sums skip them, in the same order.
  const into = neighbours(transition, n, 0, true);
  const onto = neighbours(transition, n, 0, false);
  for (let t = 1; t < length; t++) {
    for (let y = 0; y < n; y++) {
      let sum = 0;
      for (let k = into.starts[y]!, stop = into.starts[y + 1]!; k < stop; k++) {
        const p = into.labels[k]!;
        sum += alpha[(t - 1) * n + p]! * transition[p * n + y]!;
      }
      alpha[t * n + y] = sum * emission[t * n + y]!;
    }
    if (!normalizeInPlace(alpha, t * n, t * n + n)) return null;
  }
  if (length > 0) expScaled(chain.end, 0, n, temperature, beta, (length - 1) * n);
  for (let t = length - 2; t >= 0; t--) {
    for (let y = 0; y < n; y++) {
      let sum = 0;
      for (let k = onto.starts[y]!, stop = onto.starts[y + 1]!; k < stop; k++) {
        const q = onto.labels[k]!;
        sum += transition[y * n + q]! * emission[(t + 1) * n + q]! * beta[(t + 1) * n + q]!;
      }
      beta[t * n + y] = sum;
    }
    if (!normalizeInPlace(beta, t * n, t * n + n)) return null;
  }
  const out = new Float64Array(length * n);
  for (let t = 0; t < length; t++) {
    for (let y = 0; y < n; y++) out[t * n + y] = alpha[t * n + y]! * beta[t * n + y]!;
    if (!normalizeInPlace(out, t * n, t * n + n)) return null;
  }
  return out;
}

function logMarginals(chain: ChainScores, temperature: number): Float64Array {
  const scaled = (values: Float64Array): Float64Array => (temperature === 1 ? values : values.map((v) => v / temperature));
  const emissions = scaled(chain.emissions);
  const transitions = scaled(chain.transitions);
  const start = scaled(chain.start);
  const end = scaled(chain.end);
  const n = chain.labels;
  const length = emissions.length / n;
  const alpha = new Float64Array(length * n);
  const beta = new Float64Array(length * n);
  const terms = new Float64Array(n);
  for (let y = 0; y < n; y++) alpha[y] = start[y]! + emissions[y]!;
  for (let t = 1; t < length; t++) {
    for (let y = 0; y < n; y++) {
      for (let p = 0; p < n; p++) terms[p] = alpha[(t - 1) * n + p]! + transitions[p * n + y]!;
      alpha[t * n + y] = logSumExp(terms) + emissions[t * n + y]!;
    }
  }
  for (let y = 0; y < n; y++) beta[(length - 1) * n + y] = end[y]!;
  for (let t = length - 2; t >= 0; t--) {
    for (let y = 0; y < n; y++) {
      for (let q = 0; q < n; q++) terms[q] = transitions[y * n + q]! + emissions[(t + 1) * n + q]! + beta[(t + 1) * n + q]!;
      beta[t * n + y] = logSumExp(terms);
    }
  }
  const out = new Float64Array(length * n);
  for (let t = 0; t < length; t++) {
    for (let y = 0; y < n; y++) terms[y] = alpha[t * n + y]! + beta[t * n + y]!;
    const z = logSumExp(terms);
    for (let y = 0; y < n; y++) out[t * n + y] = Math.exp(terms[y]! - z);
  }
  return out;
}
