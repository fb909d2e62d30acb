import { describe, expect, it } from 'vitest';
import { avalanche } from '../../../src/text/repeats/hash32.js';
import { BANDS, bandHashes, ROWS } from '../../../src/text/repeats/lsh-bands.js';
import { estimateJaccard, minhashSignature } from '../../../src/text/repeats/minhash.js';

/** Two sets of 100 shingle hashes sharing `shared`, built from a fixed stream of integers. */
function pairWithOverlap(shared: number, stream: number): [Uint32Array, Uint32Array] {
  const hash = (i: number) => avalanche(stream * 1_000 + i);
  const a = Array.from({ length: 100 }, (_, i) => hash(i));
  const b = Array.from({ length: 100 }, (_, i) => hash(i < shared ? i : 500 + i));
  return [Uint32Array.from(a).sort(), Uint32Array.from(b).sort()];
}

function collides(a: Uint32Array, b: Uint32Array): boolean {
  const ha = bandHashes(minhashSignature(a));
  const hb = bandHashes(minhashSignature(b));
  return ha.some((h, band) => h === hb[band]);
}

/** Share of 200 pairs at one Jaccard similarity that share a band, and the mean estimate error. */
function measure(shared: number): { rate: number; error: number; jaccard: number } {
  const jaccard = shared / (200 - shared);
  let hits = 0;
  let error = 0;
  for (let stream = 0; stream < 200; stream++) {
    const [a, b] = pairWithOverlap(shared, stream);
    if (collides(a, b)) hits++;
    error += Math.abs(estimateJaccard(minhashSignature(a), minhashSignature(b)) - jaccard);
  }
  return { rate: hits / 200, error: error / 200, jaccard };
}

describe(`LSH with ${BANDS} bands of ${ROWS} rows`, () => {
  // Expected rates from 1 - (1 - J^4)^32, with room for 200 samples.
  it.each([
    [91, 0.82, 1], // J ≈ 0.83 → 1.000
    [75, 0.95, 1], // J = 0.6 → 0.988
    [67, 0.75, 0.97], // J ≈ 0.5 → 0.88
    [33, 0.01, 0.15], // J ≈ 0.2 → 0.05
    [18, 0, 0.05], // J ≈ 0.1 → 0.003
  ])('with %i of 100 shingles shared, collides at a rate in [%f, %f]', (shared, low, high) => {
    const { rate } = measure(shared);
    expect(rate).toBeGreaterThanOrEqual(low);
    expect(rate).toBeLessThanOrEqual(high);
  });

  it('estimates Jaccard from signatures to within a few hundredths on average', () => {
    for (const shared of [18, 67, 91]) expect(measure(shared).error).toBeLessThan(0.04);
  });
});
