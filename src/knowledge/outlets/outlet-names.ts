import registry from './outlets.json' with { type: 'json' };

export type DateOrder = 'dmy' | 'mdy';

/** Where a local or regional outlet is based: the place its news is mostly about. */
export interface OutletHome {
  /** The home town; null when only the admin-1 unit is known (a state-wide site). */
  readonly name: string | null;
  /** ISO 3166-2 of the home admin-1 unit, when the country has a usable one. */
  readonly admin1: string | null;
  /** ISO3, the outlet's country. */
  readonly country: string;
}

export interface KnownOutlet {
  readonly name: string;
  readonly aliases: readonly string[];
  readonly country: string | null;
  readonly dateOrder: DateOrder | null;
  /** Web domains without "www." ("thetowntalk.com"). */
  readonly domains: readonly string[];
  /** Null for national and international outlets. */
  readonly home: OutletHome | null;
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
const byDomain = new Map<string, KnownOutlet>();
for (const entry of registry.outlets) {
  const home = entry.home;
  const outlet: KnownOutlet = Object.freeze({
    name: entry.name,
    aliases: Object.freeze([...entry.aliases]),
    country: entry.country,
    dateOrder: entry.dateOrder === 'dmy' || entry.dateOrder === 'mdy' ? entry.dateOrder : null,
    domains: Object.freeze([...entry.domains]),
    home:
      home === null || entry.country === null
        ? null
        : Object.freeze({ name: home.name ?? null, admin1: home.admin1 ?? null, country: entry.country }),
  });
  for (const name of [entry.name, ...entry.aliases]) byKey.set(outletKey(name), outlet);
  for (const domain of entry.domains) byDomain.set(domain, outlet);
}

export function findKnownOutlet(name: string): KnownOutlet | null {
  return byKey.get(outletKey(name)) ?? null;
}

/**
 * The outlet behind a web address: "https://www.thetowntalk.com/story", "thetowntalk.com"
 * or "news.postbulletin.com" (a subdomain falls back to its parent domain).
 */
export function outletByDomain(address: string): KnownOutlet | null {
  const host = /^(?:[a-z][a-z0-9+.-]*:\/\/)?([^/?#:\s]+)/i.exec(address.trim())?.[1]?.toLowerCase().replace(/\.$/, '');
  if (host === undefined) return null;
  const labels = host.replace(/^www\./, '').split('.');
  // Stop before a bare public suffix ("co.uk", "com"): at least two labels remain.
  for (let i = 0; labels.length - i >= 2; i += 1) {
    const found = byDomain.get(labels.slice(i).join('.'));
    if (found !== undefined) return found;
  }
  return null;
}

/** The outlet named or addressed by `nameOrAddress`: a registry name, an alias or a web domain. */
export function findOutlet(nameOrAddress: string): KnownOutlet | null {
  if (/^(?:[a-z][a-z0-9+.-]*:\/\/)?(?:[a-z0-9-]+\.)+[a-z]{2,}(?:[/:?#]|$)/i.test(nameOrAddress.trim())) {
    return outletByDomain(nameOrAddress) ?? findKnownOutlet(nameOrAddress);
  }
  return findKnownOutlet(nameOrAddress);
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
