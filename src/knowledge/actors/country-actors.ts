import { createRequire } from 'node:module';
import type { Countries } from 'world-countries';
import type { Actor, ActorSpan } from './actor-schema.js';
import formerStateData from './former-states.json' with { type: 'json' };

// world-countries' types describe an ES default export; as CommonJS it exports the array.
const countries = createRequire(import.meta.url)('world-countries') as Countries;

/**
 * The states of the world as actors, generated from the world-countries package rather than
 * written by hand: each state ("cc-irq", "Iraq"), and for each independent one its
 * government ("irq-gov"), armed forces ("irq-mil") and police ("irq-cop"). Hand-written data
 * files then add to these by id (more aliases, roles, a better name).
 */

/** Country QIDs known for sure; the rest are left out rather than guessed. */
const COUNTRY_QIDS: Readonly<Record<string, string>> = {
  USA: 'Q30',
  IRQ: 'Q796',
  IRN: 'Q794',
  SYR: 'Q858',
  LBN: 'Q822',
  ISR: 'Q801',
  SAU: 'Q851',
  EGY: 'Q79',
  TUR: 'Q43',
  RUS: 'Q159',
  CHN: 'Q148',
  GBR: 'Q145',
  FRA: 'Q142',
  DEU: 'Q183',
  JOR: 'Q810',
  YEM: 'Q805',
  QAT: 'Q846',
  KWT: 'Q817',
  BHR: 'Q398',
  OMN: 'Q842',
  ARE: 'Q878',
};

/** Short all-capital alternative spellings worth keeping; the rest ("IQ", "RSA") are codes. */
const KEPT_ACRONYMS = new Set(['US', 'USA', 'UK', 'UAE', 'KSA', 'DPRK', 'PRC', 'DRC', 'ROK']);

/** Adjectives the package lacks that news uses for the state itself. */
const EXTRA_DEMONYMS: ReadonlyArray<readonly [string, string]> = [
  ['US', 'USA'],
  ['U.S.', 'USA'],
  ['Saudi', 'SAU'],
  ['Emirati', 'ARE'],
  ['Britain', 'GBR'],
  ['Turk', 'TUR'],
  ['Turkey', 'TUR'],
  ['Persian', 'IRN'],
  ['North Korean', 'PRK'],
  ['South Korean', 'KOR'],
  // The package's only English demonym for Kyrgyzstan is 'Kirghiz'.
  ['Kyrgyz', 'KGZ'],
];

/** Names news uses where the package has a newer one: the package's name stays an alias. */
const COMMON_NAMES: Readonly<Record<string, string>> = { TUR: 'Turkey' };

/** Extra names of the state itself, beyond the package's common/official/alt names. */
const EXTRA_STATE_ALIASES: Readonly<Record<string, readonly string[]>> = {
  USA: ['America', 'U.S.', 'U.S.A.', 'the States'],
  GBR: ['Britain', 'Great Britain', 'U.K.'],
  SAU: ['Saudi', 'Kingdom of Saudi Arabia'],
  ARE: ['Emirates', 'U.A.E.'],
  PSE: ['Palestinian territories', 'State of Palestine'],
  SYR: ['Syrian Arab Republic'],
  IRN: ['Islamic Republic of Iran', 'Islamic Republic'],
  // The package names the state by its 2022 name only; news, and all of 1987, say Turkey.
  TUR: ['Türkiye', 'Turkiye'],
  RUS: ['Russian Federation'],
  CHN: ["People's Republic of China", 'PRC', 'P.R.C.'],
  PRK: ['North Korea'],
  KOR: ['South Korea'],
};

/** A state that no longer exists, from former-states.json. */
interface FormerState {
  readonly iso3: string;
  readonly name: string;
  /** Whether news puts "the" before the name ("the Soviet Union"). */
  readonly article: boolean;
  readonly aliases: readonly string[];
  readonly demonyms: readonly string[];
  readonly existed: ActorSpan;
  readonly capital: string;
  readonly wikidata?: string;
  /** The ISO3 of the state that continues it, or null. */
  readonly successor: string | null;
}

/** A name and demonym a state that still exists went by for a time ("West Germany" for DEU). */
interface FormerName {
  readonly iso3: string;
  readonly names: readonly string[];
  readonly demonyms: readonly string[];
  readonly from: string;
  readonly to: string;
}

const FORMER_STATES: readonly FormerState[] = formerStateData.states;
const FORMER_NAMES: readonly FormerName[] = formerStateData.formerNames;

export interface CountryFacts {
  readonly iso3: string;
  readonly name: string;
  readonly demonyms: readonly string[];
  readonly capital: string | null;
  readonly independent: boolean;
}

const FACTS: readonly CountryFacts[] = [
  ...countries.map((c) => ({
    iso3: c.cca3,
    name: COMMON_NAMES[c.cca3] ?? c.name.common,
    demonyms: uniqueStrings([c.demonyms?.eng?.m, c.demonyms?.eng?.f]),
    capital: c.capital[0] ?? null,
    independent: c.independent,
  })),
  // A former state's demonym is its own: "Soviet" is SUN whatever the date.
  ...FORMER_STATES.map((f) => ({ iso3: f.iso3, name: f.name, demonyms: f.demonyms, capital: f.capital, independent: true })),
];

/** Every alpha-3 code the package knows (states and territories), and the former states' ISO 3166-3 ones. */
export const ISO3_CODES: ReadonlySet<string> = new Set(FACTS.map((f) => f.iso3));

const demonymMap = buildDemonymMap();

/** The ISO3 code of the state an adjective or people-name refers to: "Iraqi" → "IRQ". */
export function demonymCountry(word: string): string | null {
  const key = word.trim().toLowerCase();
  const hit = demonymMap.get(key);
  if (hit !== undefined) return hit;
  // "Iraqis", "Israelis": the plural names the people of the same state.
  return key.endsWith('s') ? (demonymMap.get(key.slice(0, -1)) ?? null) : null;
}

/** The demonym → ISO3 map, lower-case keys; demonyms two independent states share are left out. */
export function demonymEntries(): ReadonlyMap<string, string> {
  return demonymMap;
}

function buildDemonymMap(): Map<string, string> {
  const owners = new Map<string, CountryFacts[]>();
  for (const f of FACTS)
    for (const d of f.demonyms) {
      const key = d.toLowerCase();
      owners.set(key, [...(owners.get(key) ?? []), f]);
    }
  const map = new Map<string, string>();
  for (const [key, list] of owners) {
    // "French" is also the French Southern Territories'; "Congolese" is two states' and stays out.
    const states = list.filter((f) => f.independent);
    const pick = states.length === 1 ? states[0] : states.length === 0 && list.length === 1 ? list[0] : undefined;
    if (pick) map.set(key, pick.iso3);
  }
  for (const [d, iso3] of EXTRA_DEMONYMS) map.set(d.toLowerCase(), iso3);
  for (const f of FORMER_NAMES) for (const d of f.demonyms) map.set(d.toLowerCase(), f.iso3);
  return map;
}

/** The generated actors: four for each independent state, one for each territory. */
export function countryActors(): Actor[] {
  const out: Actor[] = [];
  for (const c of countries) {
    const iso3 = c.cca3;
    const lower = iso3.toLowerCase();
    const common = COMMON_NAMES[iso3] ?? c.name.common;
    const demonym = c.demonyms?.eng?.m ?? null;
    const qid = COUNTRY_QIDS[iso3];
    const stateAliases = uniqueStrings([
      c.name.official,
      ...c.altSpellings.filter((a) => a !== c.cca2 && (!/^[A-Z.]{2,5}$/.test(a) || KEPT_ACRONYMS.has(a))),
      ...(EXTRA_STATE_ALIASES[iso3] ?? []),
      ...Object.values(c.name.native).flatMap((n) => [n.common, n.official]),
    ]).filter((a) => a !== common);
    out.push({
      id: `cc-${lower}`,
      name: common,
      aliases: stateAliases,
      type: 'state',
      country: iso3,
      sector: 'government',
      memberOf: [],
      roles: [],
      cameo: iso3,
      ...(qid ? { wikidata: qid } : {}),
      ...(c.capital[0] ? { capital: c.capital[0] } : {}),
      ...(c.independent ? {} : { note: 'Dependent territory or area of special status.' }),
    });
    if (!c.independent) continue;
    // "Congolese" and "Dominican" fit two states each: their bodies are named by country instead.
    const adj = demonym && demonymMap.get(demonym.toLowerCase()) === iso3 ? demonym : common;
    const base = { country: iso3, memberOf: [`cc-${lower}`], roles: [] };
    out.push(...stateBodies(base, iso3, adj, common, c.capital[0] ?? null));
  }
  for (const f of FORMER_NAMES) {
    const state = out.find((a) => a.id === `cc-${f.iso3.toLowerCase()}`);
    if (!state) throw new Error(`former-states.json: no state ${f.iso3} for the former names ${f.names.join(', ')}`);
    const note = `Also ${f.names.join(', ')} (${f.from} to ${f.to}).`;
    state.aliases = uniqueStrings([...state.aliases, ...f.names]);
    state.note = state.note ? `${state.note} ${note}` : note;
  }
  return [...out, ...FORMER_STATES.flatMap(formerStateActors)];
}

/**
 * A former state as the present ones are made: the state ("cc-sun") and its government, armed
 * forces and police, each dated by the state's span. The capital goes into the note, not into
 * `capital`: the capital rule is blind to dates, and Moscow is Russia's.
 */
function formerStateActors(f: FormerState): Actor[] {
  const lower = f.iso3.toLowerCase();
  const the = f.article ? 'the ' : '';
  const adj = f.demonyms[0] ?? f.name;
  const span = `${f.existed.from ?? '?'} to ${f.existed.to ?? '?'}`;
  const successor = f.successor ? `; succeeded by ${f.successor}` : '';
  const base = { country: f.iso3, memberOf: [`cc-${lower}`], roles: [], existed: f.existed };
  return [
    {
      id: `cc-${lower}`,
      name: f.name,
      aliases: uniqueStrings(f.aliases).filter((a) => a !== f.name),
      type: 'state',
      country: f.iso3,
      sector: 'government',
      memberOf: [],
      roles: [],
      cameo: f.iso3,
      existed: f.existed,
      ...(f.wikidata ? { wikidata: f.wikidata } : {}),
      note: `Former state, ${span}; capital ${f.capital}${successor}.`,
    },
    ...stateBodies(base, f.iso3, adj, `${the}${f.name}`, null),
  ];
}

/**
 * A state's government, armed forces and police, as present and former states alike have them:
 * `name` is how "Government of …" names the state ("the Soviet Union"), `adj` its people's word.
 */
function stateBodies(base: Pick<Actor, 'country' | 'memberOf' | 'roles'> & Partial<Pick<Actor, 'existed'>>, iso3: string, adj: string, name: string, capital: string | null): Actor[] {
  const lower = iso3.toLowerCase();
  const bare = name.replace(/^the /, '');
  return [
    {
      ...base,
      id: `${lower}-gov`,
      name: `Government of ${name}`,
      aliases: uniqueStrings([`${adj} government`, `${bare} government`, `${adj} authorities`, `government of ${name}`]),
      type: 'organization',
      sector: 'government',
      cameo: `${iso3}GOV`,
      ...(capital ? { capital } : {}),
    },
    {
      ...base,
      id: `${lower}-mil`,
      name: `${adj} Armed Forces`,
      aliases: uniqueStrings([`${adj} army`, `${adj} military`, `${adj} forces`, `${adj} troops`, `${adj} armed forces`]),
      type: 'organization',
      sector: 'military',
      cameo: `${iso3}MIL`,
    },
    {
      ...base,
      id: `${lower}-cop`,
      name: `${adj} Police`,
      aliases: [`${adj} police`],
      type: 'organization',
      sector: 'police',
      cameo: `${iso3}COP`,
    },
  ];
}

function uniqueStrings(values: ReadonlyArray<string | undefined | null>): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const v of values) {
    const t = v?.trim();
    if (!t || seen.has(t)) continue;
    seen.add(t);
    out.push(t);
  }
  return out;
}
