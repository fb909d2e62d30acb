/**
 * 32-bit FNV-1a over UTF-16 code units. Features are stored by this hash, never by name,
 * so the model file holds no strings and training and tagging share one lookup.
 */
export function hashFeature(feature: string): number {
  return hashOn(FNV_OFFSET, feature) >>> 0;
}

/** FNV-1a's starting state. */
export const FNV_OFFSET = 0x811c9dc5 | 0;

/**
 * FNV-1a continued over `s` from state `h`: a feature's name is hashed piece by piece, its
 * template's part once and for all, so tagging builds no strings. hashOn(hashOn(FNV_OFFSET,
 * "l-1="), "the") >>> 0 is hashFeature("l-1=the").
 */
export function hashOn(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h;
}

/** FNV-1a continued over one UTF-16 code unit. */
export function hashCodeOn(h: number, code: number): number {
  return Math.imul(h ^ code, 0x01000193);
}
