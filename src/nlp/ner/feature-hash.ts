/**
 * 32-bit FNV-1a over UTF-16 code units. Features are stored by this hash, never by name,
 * so the model file holds no strings and training and tagging share one lookup.
 */
export function hashFeature(feature: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < feature.length; i++) {
    h ^= feature.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
