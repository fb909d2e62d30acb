/**
 * Seeded 32-bit hashing for shingles, MinHash and band keys. Everything here is integer
 * arithmetic on Math.imul and shifts, so a fingerprint computed today on one machine equals
 * the one stored yesterday on another: the store indexes band keys across runs.
 * The rounds follow the shape of MurmurHash3 (multiply, rotate, multiply; an avalanche at
 * the end), written for one 32-bit value or one UTF-16 unit at a time.
 */

const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;

/** Folds one 32-bit value into a running hash state. */
export function mixRound(state: number, value: number): number {
  let k = Math.imul(value, C1);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, C2);
  let h = state ^ k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/** Final avalanche: every input bit flips each output bit with probability about one half. */
export function avalanche(value: number): number {
  let h = value;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Unsigned 32-bit hash of a string, one round per UTF-16 unit. */
export function hashString(text: string, seed: number): number {
  let h = seed | 0;
  for (let i = 0; i < text.length; i++) h = mixRound(h, text.charCodeAt(i));
  return avalanche(h ^ text.length);
}

/** Unsigned 32-bit hash of a short run of 32-bit values (the words of one shingle). */
export function hashValues(values: ArrayLike<number>, from: number, to: number, seed: number): number {
  let h = seed | 0;
  for (let i = from; i < to; i++) h = mixRound(h, values[i]!);
  return avalanche(h ^ (to - from));
}

/**
 * A fixed sequence of well-spread 32-bit seeds (a splitmix-style counter through the
 * avalanche). No Math.random: the seeds are part of the stored format.
 */
export function fixedSeeds(count: number, start: number): Uint32Array {
  const seeds = new Uint32Array(count);
  let state = start | 0;
  for (let i = 0; i < count; i++) {
    state = (state + 0x9e3779b9) | 0;
    seeds[i] = avalanche(state);
  }
  return seeds;
}
