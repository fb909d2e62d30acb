/**
 * LSH banding: the signature is cut into BANDS bands of ROWS positions, and each band is
 * hashed to one key. Two passages become candidates when any band key is equal, which
 * happens with probability 1 - (1 - J^ROWS)^BANDS for Jaccard similarity J.
 *
 * 32 bands × 4 rows (all 128 signature positions):
 *
 *   J     0.1    0.2    0.3    0.4    0.5    0.6    0.7    0.8
 *   P   0.003  0.050  0.229  0.564  0.873  0.988  1.000  1.000
 *
 * The curve turns at (1/32)^(1/4) ≈ 0.42, just under the 0.5 verification threshold
 * (compare-passages.ts): near-duplicates (J ≥ 0.6) are found 99% of the time, pairs at 0.5
 * 87%, while the bulk of unrelated pairs (J ≤ 0.2) seldom become candidates. 42 × 3 would
 * catch 0.5 with 99.6% but makes 29% of J = 0.2 pairs candidates, a cost paid in lookups
 * and verifications on every insert.
 *
 * A key is written `${band}:${hash}` so that one indexed text column serves every band; the
 * band number in the key keeps equal hashes in different bands apart.
 */

import { hashValues } from './hash32.js';
import { SIGNATURE_LENGTH } from './minhash.js';

export const BANDS = 32;
export const ROWS = 4;

const BAND_SEED = 0x6c8e_9cf5;

if (BANDS * ROWS > SIGNATURE_LENGTH) throw new Error('LSH layout needs more signature positions');

/** One 32-bit hash per band. */
export function bandHashes(signature: Uint32Array): Uint32Array {
  const hashes = new Uint32Array(BANDS);
  for (let band = 0; band < BANDS; band++) {
    hashes[band] = hashValues(signature, band * ROWS, (band + 1) * ROWS, BAND_SEED);
  }
  return hashes;
}

/** The band hashes as index keys, `${band}:${hash}`. */
export function bandKeys(hashes: Uint32Array): string[] {
  const keys: string[] = [];
  for (let band = 0; band < hashes.length; band++) keys.push(`${band}:${hashes[band]}`);
  return keys;
}
