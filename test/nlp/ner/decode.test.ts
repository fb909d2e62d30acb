import { describe, expect, it } from 'vitest';
import { type ChainScores, marginals, viterbi } from '../../../src/nlp/ner/decode.js';

// Every label sequence of a short chain, scored directly: the reference for both decoders.
function enumerate(chain: ChainScores): { path: number[]; score: number }[] {
  const n = chain.labels;
  const length = chain.emissions.length / n;
  const out: { path: number[]; score: number }[] = [];
  const walk = (path: number[]): void => {
    if (path.length === length) {
      let score = chain.start[path[0]!]! + chain.emissions[path[0]!]! + chain.end[path[length - 1]!]!;
      for (let t = 1; t < length; t++) score += chain.transitions[path[t - 1]! * n + path[t]!]! + chain.emissions[t * n + path[t]!]!;
      out.push({ path, score });
      return;
    }
    for (let y = 0; y < n; y++) walk([...path, y]);
  };
  walk([]);
  return out;
}

function seeded(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

function randomChain(seed: number, length: number, n: number): ChainScores {
  const r = seeded(seed);
  const transitions = Float64Array.from({ length: n * n }, () => r() * 4 - 2);
  transitions[n + 2] = Number.NEGATIVE_INFINITY; // label 1 → 2 forbidden
  const start = Float64Array.from({ length: n }, () => r() * 2 - 1);
  start[2] = Number.NEGATIVE_INFINITY;
  const end = Float64Array.from({ length: n }, () => r() - 0.5);
  end[1] = Number.NEGATIVE_INFINITY;
  return { emissions: Float64Array.from({ length: length * n }, () => r() * 6 - 3), transitions, start, end, labels: n };
}

describe('viterbi', () => {
  it('finds the best-scoring sequence, never using a forbidden transition', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const chain = randomChain(seed, 4, 3);
      const all = enumerate(chain);
      const best = all.reduce((a, b) => (b.score > a.score ? b : a));
      expect([...viterbi(chain)]).toEqual(best.path);
    }
  });

  it('returns nothing for an empty sentence', () => {
    const empty = { emissions: new Float64Array(0), transitions: new Float64Array(4), start: new Float64Array(2), end: new Float64Array(2) };
    expect(viterbi({ ...empty, labels: 2 }).length).toBe(0);
  });
});

describe('marginals', () => {
  it('equals the brute-force label probabilities, at any temperature', () => {
    for (const temperature of [1, 3]) {
      const chain = randomChain(7, 4, 3);
      const all = enumerate(chain);
      const z = all.reduce((sum, p) => sum + Math.exp(p.score / temperature), 0);
      const p = marginals(chain, temperature);
      for (let t = 0; t < 4; t++) {
        for (let y = 0; y < 3; y++) {
          const expected = all.filter((s) => s.path[t] === y).reduce((sum, s) => sum + Math.exp(s.score / temperature), 0) / z;
          expect(p[t * 3 + y]).toBeCloseTo(expected, 10);
        }
      }
    }
  });
});

describe('marginals on extreme scores', () => {
  it('stays a distribution per token and peaks on the Viterbi path', () => {
    const chain = randomChain(11, 6, 3);
    const sharp = { ...chain, emissions: chain.emissions.map((v) => v * 2000) };
    const p = marginals(sharp);
    const best = viterbi(sharp);
    for (let t = 0; t < 6; t++) {
      const row = [p[t * 3]!, p[t * 3 + 1]!, p[t * 3 + 2]!];
      expect(row.every(Number.isFinite)).toBe(true);
      expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
      expect(row[best[t]!]).toBeGreaterThan(0.99);
    }
  });
});
