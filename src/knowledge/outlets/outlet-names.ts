import { z } from 'zod';
import registryJson from './outlets.json' with { type: 'json' };

export type DateOrder = 'dmy' | 'mdy';

/** Who owns an outlet, by kind: a government, an arm's-length public body, a company, a non-profit. */
export type Ownership = 'state' | 'public' | 'private' | 'nonprofit' | 'unknown';

const entrySchema = z
  .object({
    name: z.string().min(1),
    aliases: z.array(z.string().min(1)),
    country: z.string().regex(/^[A-Z]{3}$/).nullable(),
    dateOrder: z.enum(['dmy', 'mdy']).nullable(),
    ownership: z.enum(['state', 'public', 'private', 'nonprofit', 'unknown']),
    owner: z.string().min(1).optional(),
    parent: z.string().min(1).optional(),
    note: z.string().min(1),
    domains: z.array(z.string().min(1)),
    home: z.object({ name: z.string().nullable().optional(), admin1: z.string().nullable().optional() }).nullable(),
  })
  .strict();

const registrySchema = z.object({ $comment: z.string().optional(), outlets: z.array(entrySchema) });

/** The shipped registry, checked once: a malformed entry is a build error, named by its index and field. */
function parseRegistry(json: unknown): z.infer<typeof registrySchema> {
  const parsed = registrySchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`src/knowledge/outlets/outlets.json: ${issue?.path.join('.') ?? '?'}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

const registry = parseRegistry(registryJson);

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
  readonly ownership: Ownership;
  /** The company or body that owns the outlet, where known. */
  readonly owner: string | null;
  /** The group above the owner ("News Corp" above Dow Jones), where known. */
  readonly parent: string | null;
  /** Our own short words on what the outlet is and where its facts come from. */
  readonly note: string;
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
const all: KnownOutlet[] = [];
for (const entry of registry.outlets) {
  const home = entry.home;
  const outlet: KnownOutlet = Object.freeze({
    name: entry.name,
    aliases: Object.freeze([...entry.aliases]),
    country: entry.country,
    dateOrder: entry.dateOrder,
    domains: Object.freeze([...entry.domains]),
    home:
      home === null || entry.country === null
        ? null
        : Object.freeze({ name: home.name ?? null, admin1: home.admin1 ?? null, country: entry.country }),
    ownership: entry.ownership,
    owner: entry.owner ?? null,
    parent: entry.parent ?? null,
    note: entry.note,
  });
  all.push(outlet);
  for (const name of [entry.name, ...entry.aliases]) byKey.set(outletKey(name), outlet);
  for (const domain of entry.domains) byDomain.set(domain, outlet);
}

/** Every registry outlet, in file order. */
export const knownOutlets = (): readonly KnownOutlet[] => all;

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
