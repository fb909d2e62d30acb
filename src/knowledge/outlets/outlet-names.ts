import registry from './outlets.json' with { type: 'json' };

export type DateOrder = 'dmy' | 'mdy';

export interface KnownOutlet {
  readonly name: string;
  readonly aliases: readonly string[];
  readonly country: string | null;
  readonly dateOrder: DateOrder | null;
}

/**
 * The key two spellings of one outlet share: "American Herald tribune", "American Herald
 * Tribune" and "the american herald tribune" all become "american herald tribune".
 */
export function outletKey(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[’'`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^the /, '');
}

const byKey = new Map<string, KnownOutlet>();
for (const entry of registry.outlets) {
  const outlet: KnownOutlet = Object.freeze({
    name: entry.name,
    aliases: Object.freeze([...entry.aliases]),
    country: entry.country,
    dateOrder: entry.dateOrder === 'dmy' || entry.dateOrder === 'mdy' ? entry.dateOrder : null,
  });
  for (const name of [entry.name, ...entry.aliases]) byKey.set(outletKey(name), outlet);
}

export function findKnownOutlet(name: string): KnownOutlet | null {
  return byKey.get(outletKey(name)) ?? null;
}

/**
 * The display name for an outlet spelled `name`: the registry's when known; otherwise the
 * spelling itself, with a lower-case word after a capitalized one raised ("Herald tribune").
 */
export function canonicalOutletName(name: string): string {
  const known = findKnownOutlet(name);
  if (known) return known.name;
  const trimmed = name.trim().replace(/\s+/g, ' ');
  const words = trimmed.split(' ');
  const capitalized = words.filter((w) => /^\p{Lu}/u.test(w)).length;
  if (capitalized * 2 < words.length) return trimmed;
  return words.map((w) => (w.length > 3 && /^\p{Ll}/u.test(w) ? w[0]!.toUpperCase() + w.slice(1) : w)).join(' ');
}
