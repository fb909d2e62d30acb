/**
 * Feature hashes from small integers: a template id and up to four values (word hashes,
 * tag ids, distances) mixed with murmur3's finalizer steps. No strings are built while
 * tagging or parsing; words are hashed once per token with `hashFeature`.
 */

function step(h: number, v: number): number {
  let x = Math.imul(h ^ v, 0x85ebca6b);
  x ^= x >>> 13;
  return Math.imul(x, 0xc2b2ae35);
}

/** A signed 32-bit result: it stays a small integer in V8 and goes into an Int32Array as is. */
function finish(h: number): number {
  return h ^ (h >>> 16);
}

export function mix1(template: number, a: number): number {
  return finish(step(Math.imul(template + 1, 0x9e3779b1), a));
}

export function mix2(template: number, a: number, b: number): number {
  return finish(step(step(Math.imul(template + 1, 0x9e3779b1), a), b));
}

export function mix3(template: number, a: number, b: number, c: number): number {
  return finish(step(step(step(Math.imul(template + 1, 0x9e3779b1), a), b), c));
}

export function mix4(template: number, a: number, b: number, c: number, d: number): number {
  return finish(step(step(step(step(Math.imul(template + 1, 0x9e3779b1), a), b), c), d));
}
