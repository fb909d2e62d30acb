/**
 * The candidate lookup: band key → ids of the passages having that key. This is the table
 * the store keeps as (band_key, passage_id); in memory it is one Map per band keyed by the
 * band's hash, which is the same key as `${band}:${hash}` without building the string.
 */

import { BANDS } from './lsh-bands.js';

// Most keys belong to one passage only: a bare id saves an array per key, the bulk of the
// index's memory on a large corpus.
type Bucket = number | number[];

// Map keys are kept to 30 bits so that V8 stores them as small integers, not boxed
// doubles: lookups get several times faster. Two hashes equal in their low 30 bits only
// add a candidate that verification rejects; with 2^30 keys per band that is rare.
const KEY_MASK = 0x3fffffff;

export class BandBuckets {
  private readonly bands: Map<number, Bucket>[] = Array.from({ length: BANDS }, () => new Map());
  // visitedBy[id] = the lookup that last reached passage id, so a passage reached through
  // several bands is returned once without a Set per lookup.
  private readonly visitedBy: number[] = [];
  private lookups = 0;

  /** Ids sharing at least one band with `hashes`, each once, in order of first shared band. */
  candidates(hashes: Uint32Array): number[] {
    const lookup = ++this.lookups;
    const found: number[] = [];
    for (let band = 0; band < hashes.length; band++) {
      const bucket = this.bands[band]!.get(hashes[band]! & KEY_MASK);
      if (bucket === undefined) continue;
      if (typeof bucket === 'number') this.visit(bucket, lookup, found);
      else for (const id of bucket) this.visit(id, lookup, found);
    }
    return found;
  }

  /** Files passage `id` under each of its band hashes. Ids must be added in increasing order. */
  add(id: number, hashes: Uint32Array): void {
    this.visitedBy[id] = 0;
    for (let band = 0; band < hashes.length; band++) {
      const map = this.bands[band]!;
      const hash = hashes[band]! & KEY_MASK;
      const bucket = map.get(hash);
      if (bucket === undefined) map.set(hash, id);
      else if (typeof bucket === 'number') map.set(hash, [bucket, id]);
      else bucket.push(id);
    }
  }

  private visit(id: number, lookup: number, found: number[]): void {
    if (this.visitedBy[id] === lookup) return;
    this.visitedBy[id] = lookup;
    found.push(id);
  }
}
