import { distanceKm } from '../../knowledge/gazetteer/distance.js';
import { type Gazetteer, lookupPlace, lookupPlaceVariants, type PlaceCandidate } from '../../knowledge/gazetteer/gazetteer.js';
import { placeKey, splitUnitSuffix } from '../../knowledge/gazetteer/place-name.js';
import type { PlaceAttrs, Span } from '../../text/document.js';
import { formatPopulation, priorScore, typeFit } from './candidate-prior.js';
import type { HomePlace } from './outlet-home.js';
import { type Container, type LocalHints, localHints } from './place-context.js';
import { DEFAULT_RESOLVER_WEIGHTS, type ResolverWeights } from './resolver-weights.js';

/**
 * Toponym resolution: each mention's gazetteer candidates are scored by a prior (kind,
 * population, capital) plus what the article says around them (a container after a comma,
 * a unit word, the countries and admin-1 units the other mentions resolve to, and nearby
 * resolved places), in a few passes so the document's focus can settle.
 */

export type PlaceMention = Span & { readonly type: string };

export interface ResolveOptions {
  /** Entity-layer index of each mention (parallel to `mentions`); null or absent for none. */
  readonly entities?: ReadonlyArray<number | null>;
  /** ISO3 codes known to be the article's focus before reading it (e.g. from the outlet). */
  readonly focusCountries?: readonly string[];
  /**
   * Place a name the gazetteer lacks ("Royal Street", "Wegmans") at the article's main
   * place, with low confidence and a reason saying so. Off by default: the answer is where
   * the thing probably is, not what it is.
   */
  readonly placeUnknownAtFocus?: boolean;
  /**
   * Where the publishing outlet is based (outletHomePlace): a soft prior for its own area,
   * weaker than anything the text says, since local news is mostly about its home.
   */
  readonly home?: HomePlace | null;
  /** Evidence weights; DEFAULT_RESOLVER_WEIGHTS unless a tuner passes its own. */
  readonly weights?: ResolverWeights;
}

export type ResolvedPlace = Span & PlaceAttrs;

const PASSES = 3;
const NAMESAKE_UNIT_BONUS = 6;
const EMBEDDED_MIN_POPULATION = 50_000;
const VARIANT_MIN_LENGTH = 5;
const ADMIN1_NAMESAKE_POPULATION = 100_000;

export interface MentionGroup {
  readonly key: string;
  readonly type: string;
  readonly candidates: readonly PlaceCandidate[];
  /** Local-context bonus per candidate (max over the group's occurrences) and why. */
  readonly local: ReadonlyArray<LocalEvidence>;
  /** Support per candidate from other names that have a candidate nearby, and why. */
  readonly near: ReadonlyArray<NearSupport>;
  readonly occurrences: number;
  /** Candidates come from a place inside an unknown name: they follow the article, never lead it. */
  readonly embedded: boolean;
}

interface NearSupport {
  readonly bonus: number;
  readonly why: string | null;
  /** Distance to the closest candidate of another name that is no country's name, when any is near. */
  readonly townKm: number | null;
}

interface Winner {
  readonly candidate: PlaceCandidate;
  readonly score: number;
  readonly confidence: number;
  readonly reasons: readonly string[];
  /** Outside the document's focus country with nothing in the text for it. */
  readonly outside?: boolean;
}

export function resolvePlaces(
  gazetteer: Gazetteer,
  text: string,
  mentions: ReadonlyArray<PlaceMention>,
  options: ResolveOptions = {},
): ResolvedPlace[] {
  return resolveGrouped(groupMentions(gazetteer, text, mentions), options);
}

/** Mentions with their candidates and local evidence: what does not depend on the weights. */
export interface GroupedMentions {
  readonly mentions: ReadonlyArray<PlaceMention>;
  readonly keys: readonly string[];
  readonly groups: ReadonlyMap<string, MentionGroup>;
}

/** The first half of resolvePlaces, so a tuner trying many weights looks names up once. */
export function groupMentions(gazetteer: Gazetteer, text: string, mentions: ReadonlyArray<PlaceMention>): GroupedMentions {
  const keys = mentions.map((m) => placeKey(text.slice(m.start, m.end)));
  return { mentions, keys, groups: buildGroups(gazetteer, text, mentions, keys) };
}

/** The second half of resolvePlaces: score the candidates and pick one per name. */
export function resolveGrouped(grouped: GroupedMentions, options: ResolveOptions = {}): ResolvedPlace[] {
  const { mentions, keys, groups } = grouped;
  const home = options.home ?? null;
  const focusCountries = [...(options.focusCountries ?? []), ...(home === null ? [] : [home.country])];
  const settled = settleInPasses(groups, focusCountries, home, options.weights ?? DEFAULT_RESOLVER_WEIGHTS);
  // "A candidate outside the focus needs strong evidence": without it, the name stays unresolved
  // rather than being put in a country the article is not about (Togo's Kara for an Iraqi Al-Kara).
  const winners = new Map([...settled].filter(([, w]) => w.outside !== true || famous(w.candidate)));
  const focus = options.placeUnknownAtFocus === true ? unknownNamesAt(mainPlace(groups, winners), home) : null;
  const out: ResolvedPlace[] = [];
  mentions.forEach((m, i) => {
    const winner = preferFocus(groups.get(keys[i]!), winners.get(keys[i]!), focus);
    if (winner === undefined || winner === null) return;
    const c = winner.candidate;
    out.push({
      start: m.start,
      end: m.end,
      entity: options.entities?.[i] ?? null,
      placeId: c.placeId,
      name: c.name,
      lat: c.lat,
      lon: c.lon,
      geonamesId: c.geonamesId,
      featureClass: c.featureClass,
      country: c.country,
      admin1: c.admin1,
      precision: c.precision,
      ...(c.bbox === undefined ? {} : { bbox: c.bbox }),
      confidence: Number(winner.confidence.toFixed(3)),
      reason: winner.reasons.join('; '),
    });
  });
  return out;
}

function settleInPasses(
  groups: ReadonlyMap<string, MentionGroup>,
  focus: readonly string[],
  home: HomePlace | null,
  weights: ResolverWeights,
): Map<string, Winner> {
  let winners = new Map<string, Winner>();
  for (let pass = 0; pass < PASSES; pass += 1) {
    const context = documentContext(winners, focus, groups);
    const next = new Map<string, Winner>();
    for (const group of groups.values()) {
      const winner = pickCandidate(group, context, pass > 0, home, weights);
      if (winner !== null) next.set(group.key, winner);
    }
    winners = next;
  }
  return winners;
}

// A name only built on a place ("Washington Square", "Bank of Japan") is more likely at the
// article's main place when that lies inside the place it is built on.
function preferFocus(group: MentionGroup | undefined, winner: Winner | undefined, focus: Winner | null): Winner | null {
  if (winner === undefined) return focus;
  if (focus === null || group?.embedded !== true) return winner;
  const c = winner.candidate;
  const f = focus.candidate;
  const inside = c.kind === 'admin1' ? f.admin1 === c.admin1 : f.country === c.country;
  return inside ? focus : winner;
}

// The place the article is mostly about: within its most-mentioned country, the town named
// most often, else the admin-1 unit named most often, else the country itself.
function mainPlace(groups: ReadonlyMap<string, MentionGroup>, winners: ReadonlyMap<string, Winner>): Winner | null {
  const weight = new Map<string, number>();
  for (const [key, winner] of winners) {
    const country = winner.candidate.country;
    if (country !== null) weight.set(country, (weight.get(country) ?? 0) + (groups.get(key)?.occurrences ?? 1));
  }
  const country = [...weight].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  let best: { winner: Winner; rank: number } | null = null;
  for (const [key, winner] of winners) {
    const c = winner.candidate;
    if (country !== null && c.country !== country) continue;
    const level = c.kind === 'country' || c.kind === 'area' ? 0 : c.kind === 'admin1' ? 1 : 2;
    const rank = level * 1000 + (groups.get(key)?.occurrences ?? 0) + winner.confidence;
    if (best === null || rank > best.rank) best = { winner, rank };
  }
  if (best === null) return null;
  const c = best.winner.candidate;
  return { candidate: c, score: 0, confidence: 0.2, reasons: [`unknown name; placed at the article's main place, ${c.name}`] };
}

// A local outlet's unknown names ("Riverbanks", "Main Street") are at its home unless the
// article's main place is itself a town: a state or country is too coarse to beat it.
function unknownNamesAt(main: Winner | null, home: HomePlace | null): Winner | null {
  if (home === null || home.regional) return main;
  if (main !== null && pointLike(main.candidate)) return main;
  const at: PlaceCandidate = { ...home.place, match: 'name' };
  return { candidate: at, score: 0, confidence: 0.2, reasons: [`unknown name; placed at the outlet's home, ${home.name}`] };
}

// One group per distinct key: one sense per name per article, and a container written once
// ("Alexandria, La." in the headline) settles every later bare "Alexandria".
function buildGroups(
  gazetteer: Gazetteer,
  text: string,
  mentions: ReadonlyArray<PlaceMention>,
  keys: readonly string[],
): Map<string, MentionGroup> {
  const hintsByKey = new Map<string, { type: string; surface: string; hints: LocalHints[]; afterPlace: boolean }>();
  const listed = listItems(text, mentions);
  mentions.forEach((m, i) => {
    const key = keys[i]!;
    const entry = hintsByKey.get(key) ?? { type: m.type, surface: text.slice(m.start, m.end), hints: [], afterPlace: false };
    // In a list ("Wadi Houran, Husayniyyat, Al-Kara") the comma separates peers, not a place and its container.
    const hints = localHints(gazetteer, text, m);
    entry.hints.push(listed.has(i) ? { ...hints, containers: [] } : hints);
    // "Seattle, Washington": a name right after another place and a comma is its container;
    // in a list it is the peer of the name before, which as often says the same kind of unit.
    if (/,\s*$/.test(text.slice(Math.max(0, m.start - 3), m.start))) {
      const before = text.slice(0, m.start).replace(/,\s*$/, '');
      if (mentions.some((other) => other.end === before.length)) entry.afterPlace = true;
    }
    hintsByKey.set(key, entry);
  });
  const groups = new Map<string, MentionGroup>();
  for (const [key, entry] of hintsByKey) {
    const { candidates, containers, embedded } = candidatesFor(gazetteer, entry.surface);
    const allContainers = [...containers, ...entry.hints.flatMap((h) => h.containers)];
    const units = entry.hints.map((h) => h.unit).filter((u) => u !== null);
    const local = candidates.map((c) => localBonus(c, allContainers, units, entry.afterPlace));
    groups.set(key, { key, type: entry.type, candidates, local, near: [], occurrences: entry.hints.length, embedded });
  }
  return withNearness(groups);
}

const LIST_MIN_ITEMS = 3;

// A comma, maybe a short item no one recognised ("H2, "), maybe "and"/"or" (captured).
const LIST_GAP = /^\s*,\s*(?:[^\s,]{1,4}\s*,\s*)?(?:(and|or)\s+)?$/;

// Indexes of mentions in a list: more than LIST_MIN_ITEMS names joined by commas, or exactly
// that many with an "and"/"or" ("Wadi Houran, Husayniyyat, Al-Kara, H2, and Wadi al-Hallcom").
// Three names and commas alone are as often a place and its containers ("Midland, Michigan,
// USA"), and two a place and its container ("Paris, Texas").
function listItems(text: string, mentions: ReadonlyArray<PlaceMention>): Set<number> {
  const order = mentions.map((_, i) => i).sort((a, b) => mentions[a]!.start - mentions[b]!.start);
  const out = new Set<number>();
  let run: number[] = [];
  let conjoined = false;
  const close = () => {
    if (run.length > LIST_MIN_ITEMS || (run.length === LIST_MIN_ITEMS && conjoined)) for (const i of run) out.add(i);
  };
  for (const i of order) {
    const last = run.at(-1);
    const gap = last === undefined ? null : LIST_GAP.exec(text.slice(mentions[last]!.end, mentions[i]!.start));
    if (gap === null || gap === undefined) {
      close();
      run = [];
      conjoined = false;
    } else if (gap[1] !== undefined) conjoined = true;
    run.push(i);
  }
  close();
  return out;
}

const NEAR_POOL = 40;

// Two names that each have a candidate within a short distance of the other's most likely
// mean those two ("Huntsville" and "Walker County" → both in Texas). Each other name adds
// support once, from its closest candidate among its NEAR_POOL most likely.
function withNearness(groups: Map<string, MentionGroup>): Map<string, MentionGroup> {
  const pools = new Map(
    [...groups].filter(([, g]) => !g.embedded).map(([key, g]) => [
      key,
      [...g.candidates]
        .filter((c) => pointLike(c))
        .sort((a, b) => priorScore(b) - priorScore(a))
        .slice(0, NEAR_POOL),
    ]),
  );
  // Names that are also countries' ("Lebanon", "Jordan") have towns everywhere: their towns
  // being near each other says little.
  const countryNames = new Set([...groups].filter(([, g]) => g.candidates.some((c) => c.kind === 'country')).map(([key]) => key));
  for (const [key, g] of groups) {
    const near = g.candidates.map((c): NearSupport => {
      if (!pointLike(c)) return { bonus: 0, why: null, townKm: null };
      let bonus = 0;
      let closest: { d: number; name: string } | null = null;
      let townKm: number | null = null;
      for (const [otherKey, pool] of pools) {
        // Another form of the same name ("central Gulf", "Gulf") is no other place near it.
        if (otherKey === key || baseName(otherKey) === baseName(key)) continue;
        let d = Number.POSITIVE_INFINITY;
        let name = '';
        for (const o of pool) {
          const dist = distanceKm(c.lat, c.lon, o.lat, o.lon);
          if (dist < d) {
            d = dist;
            name = o.name;
          }
        }
        bonus += d < 30 ? 1.5 : d < 100 ? 1 : d < 200 ? 0.5 : 0;
        if (d < 200 && (closest === null || d < closest.d)) closest = { d, name };
        if (d < 200 && !countryNames.has(otherKey) && (townKm === null || d < townKm)) townKm = d;
      }
      return { bonus: Math.min(3, bonus), why: closest === null ? null : `${Math.round(closest.d)} km from ${closest.name}`, townKm };
    });
    groups.set(key, { ...g, near });
  }
  return groups;
}

const FAMOUS_POPULATION = 1_000_000;

// Places well enough known that news names them from anywhere: capitals and big cities.
function famous(c: PlaceCandidate): boolean {
  return c.capital || c.population >= FAMOUS_POPULATION;
}

function pointLike(c: PlaceCandidate): boolean {
  return c.kind === 'city' || c.kind === 'district' || c.kind === 'site' || c.kind === 'admin2';
}

// "Douglas and Lancaster counties": a bare name may be a county the text names by its stem. Found
// so, it is a variant of the name, not the name with its unit word: "the Gulf" said no "County",
// and read as strong evidence it made the Persian Gulf Florida's Gulf County.
function countiesNamed(gazetteer: Gazetteer, surface: string, found: readonly PlaceCandidate[]): PlaceCandidate[] {
  if (/\s(?:County|Parish)$/i.test(surface)) return [];
  const seen = new Set(found.map((c) => c.placeId));
  return [...lookupPlace(gazetteer, `${surface} County`), ...lookupPlace(gazetteer, `${surface} Parish`)]
    .filter((c) => c.kind === 'admin2' && c.match === 'name' && !seen.has(c.placeId))
    .map((c) => ({ ...c, match: 'variant' as const }));
}

/** Candidates for a surface form, trying the forms news writes around a bare name. */
interface CandidateSet {
  readonly candidates: PlaceCandidate[];
  readonly containers: readonly Container[];
  readonly embedded: boolean;
}

function candidatesFor(gazetteer: Gazetteer, surface: string): CandidateSet {
  const direct = lookupPlace(gazetteer, surface);
  const candidates = [...direct, ...countiesNamed(gazetteer, surface, direct)];
  if (candidates.length > 0) return { candidates, containers: [], embedded: false };
  const possessive = surface.replace(/['’]s$/, '');
  if (possessive !== surface) return candidatesFor(gazetteer, possessive);
  // "Paris, Texas" tagged as one mention: the head, with the tail as its container.
  const comma = surface.indexOf(',');
  if (comma > 0) {
    const head = lookupPlace(gazetteer, surface.slice(0, comma));
    const tail = localHints(gazetteer, surface, { start: comma, end: comma }).containers;
    return { candidates: head, containers: tail, embedded: false };
  }
  // "northern Iraq", "eastern Aleppo", "Greater Boston": the named place itself.
  const qualified = QUALIFIED.exec(surface);
  if (qualified !== null) {
    // Only well-known places take a qualifier: "South Side" is not the Turkish town of Side.
    const inner = candidatesFor(gazetteer, qualified[1]!);
    const part = surface.slice(0, surface.length - qualified[1]!.length).trim();
    return {
      ...inner,
      candidates: inner.candidates.filter((c) => c.kind !== 'city' || c.population >= 100_000).map((c) => partOf(c, part)),
    };
  }
  // "Fallouja", "Kerkuk": the same name transliterated another way. Loose spellings also meet
  // unrelated small places ("Hume" and Home, "Maori" and Maury), so only places news names
  // often (well-known, curated, provincial capitals) and names long enough to carry a spelling count.
  const variants =
    placeKey(surface).length >= VARIANT_MIN_LENGTH
      ? lookupPlaceVariants(gazetteer, surface).filter((c) => wellKnown(c) || c.curated || c.featureCode === 'PPLA')
      : [];
  if (variants.length > 0) return { candidates: variants, containers: [], embedded: false };
  return { candidates: embeddedPlace(gazetteer, surface), containers: [], embedded: true };
}

// "western Anbar", "northern Iraq": the part of a unit's or region's box the word names, as an
// area at that part's middle. Places without a box stay themselves.
function partOf(c: PlaceCandidate, qualifier: string): PlaceCandidate {
  if (c.bbox === undefined) return c;
  const q = qualifier.toLowerCase().replace(/ern$/, '').replace(/-/g, '');
  const [west, south, east, north] = c.bbox;
  const width = east >= west ? east - west : east + 360 - west;
  const height = north - south;
  let box: [number, number, number, number] = [west, south, east, north];
  if (q.includes('north')) box = [box[0], south + height / 2, box[2], box[3]];
  if (q.includes('south')) box = [box[0], box[1], box[2], south + height / 2];
  if (q.endsWith('east')) box = [wrap(west + width / 2), box[1], box[2], box[3]];
  if (q.endsWith('west')) box = [box[0], box[1], wrap(west + width / 2), box[3]];
  if (q === 'central') box = [wrap(west + width / 4), south + height / 4, wrap(east - width / 4), north - height / 4];
  if (box.every((v, i) => v === c.bbox![i])) return c;
  const boxWidth = box[2] >= box[0] ? box[2] - box[0] : box[2] + 360 - box[0];
  return {
    ...c,
    placeId: `${c.placeId}#${q}`,
    name: `${qualifier} ${c.name}`,
    lat: (box[1] + box[3]) / 2,
    lon: wrap(box[0] + boxWidth / 2),
    precision: 'area',
    bbox: box,
  };
}

function wrap(lon: number): number {
  return lon > 180 ? lon - 360 : lon < -180 ? lon + 360 : lon;
}

// "Bank of Japan", "Robinson College Cambridge", "European Central Bank": a name the gazetteer
// lacks that is built on a well-known place is placed there; the longest such part wins.
function embeddedPlace(gazetteer: Gazetteer, surface: string): PlaceCandidate[] {
  // Streets, parks, valleys and waters named after a place are rarely at it.
  if (FEATURE_WORDS.test(surface)) return [];
  const words = surface.split(/\s+/).filter((w) => w !== '');
  for (let n = words.length - 1; n > 0; n -= 1) {
    for (let i = 0; i + n <= words.length; i += 1) {
      const part = words.slice(i, i + n).join(' ');
      if (!/^\p{Lu}/u.test(part)) continue;
      const found = lookupPlace(gazetteer, part).filter((c) => c.match !== 'demonym' && wellKnown(c));
      // A national body ("Bank of Japan") sits in the capital, not at the country's middle.
      if (found.length > 0) return found.map((c) => (c.kind === 'country' ? (capitalOf(gazetteer, c) ?? c) : c));
    }
  }
  return [];
}

const capitals = new WeakMap<Gazetteer, Map<string, PlaceCandidate>>();

function capitalOf(gazetteer: Gazetteer, country: PlaceCandidate): PlaceCandidate | undefined {
  let byCountry = capitals.get(gazetteer);
  if (byCountry === undefined) {
    byCountry = new Map();
    for (const r of gazetteer.records) {
      if (!r.capital || r.kind !== 'city' || r.country === null) continue;
      const seen = byCountry.get(r.country);
      if (seen === undefined || r.population > seen.population) byCountry.set(r.country, { ...r, match: 'name' });
    }
    capitals.set(gazetteer, byCountry);
  }
  return country.country === null ? undefined : byCountry.get(country.country);
}

const FEATURE_WORDS =
  /\b(?:avenue|ave|street|st|road|rd|boulevard|blvd|square|park|plaza|quarter|valley|river|creek|lake|bay|gulf|island|islands|beach|mountain|mountains|hill|hills|centre|center|mall|station|metro|colony|township|plantation|north|south|east|west)\b\.?/i;

function wellKnown(c: PlaceCandidate): boolean {
  if (c.kind === 'country' || c.kind === 'admin1' || c.kind === 'area' || c.capital) return true;
  return c.kind === 'city' && c.population >= EMBEDDED_MIN_POPULATION;
}

interface LocalEvidence {
  readonly bonus: number;
  readonly why: string | null;
  /** The text names a container the candidate is in, or a unit word of its kind. */
  readonly strong: boolean;
}

function localBonus(
  c: PlaceCandidate,
  containers: readonly Container[],
  units: readonly string[],
  afterPlace: boolean,
): LocalEvidence {
  let bonus = 0;
  let why: string | null = null;
  let strong = false;
  if (containers.length > 0) {
    const inside = containers.find((k) =>
      k.admin1 !== null ? c.admin1 === k.admin1 && c.kind !== 'admin1' : c.country === k.country && c.kind !== 'country',
    );
    if (inside !== undefined) {
      bonus += 10;
      strong = true;
      why = `in ${inside.label}`;
    } else bonus -= 3;
  }
  for (const unit of units) {
    if (unit === 'admin1' && c.kind === 'admin1') {
      bonus += 4;
      strong = true;
    } else if (unit === 'admin1' && c.kind === 'city') bonus -= 2;
    else if (unit === 'admin2' && (c.kind === 'admin2' || c.kind === 'admin1')) {
      bonus += 2;
      strong = true;
    } else if (unit === 'city' && c.kind === 'city') {
      bonus += 2;
      strong = true;
    }
    if (unit !== 'city' && bonus > 0 && why === null) why = `followed by "${unit}" unit word`;
  }
  if (afterPlace && (c.kind === 'admin1' || c.kind === 'country')) {
    bonus += 4;
    why ??= 'container of the place before it';
  }
  if (c.match === 'unit') {
    why ??= 'unit word in the name';
    strong = true;
  }
  return { bonus, why, strong };
}

interface DocumentContext {
  /** ISO3 → keys of the groups whose winner lies in that country. */
  readonly countries: ReadonlyMap<string, ReadonlySet<string>>;
  readonly admin1: ReadonlyMap<string, ReadonlySet<string>>;
  /** ISO 3166-2 → keys of the groups that name that admin-1 unit itself ("Nebraska"). */
  readonly namedAdmin1: ReadonlyMap<string, ReadonlySet<string>>;
  /** How many groups name an admin-1 unit, and which. */
  readonly namedAdmin1Groups: number;
  readonly namedAdmin1Keys: ReadonlySet<string>;
  readonly groupCount: number;
  readonly focus: ReadonlySet<string>;
  /** The country most names resolve to, when at least two and half of them agree; else null. */
  readonly focusCountry: string | null;
  /** Where each name resolved, by key. */
  readonly points: ReadonlyArray<{ readonly key: string; readonly lat: number; readonly lon: number }>;
  /** Names of resolved countries/admin-1 units, for reasons: ISO3 or ISO 3166-2 → name. */
  readonly names: ReadonlyMap<string, string>;
}

function documentContext(
  winners: ReadonlyMap<string, Winner>,
  focus: readonly string[],
  groups: ReadonlyMap<string, MentionGroup>,
): DocumentContext {
  const countries = new Map<string, Set<string>>();
  const admin1 = new Map<string, Set<string>>();
  const namedAdmin1 = new Map<string, Set<string>>();
  const names = new Map<string, string>();
  const vote = (into: Map<string, Set<string>>, code: string | null, key: string) => {
    if (code === null) return;
    const set = into.get(code) ?? new Set<string>();
    set.add(key);
    into.set(code, set);
  };
  for (const [key, w] of winners) {
    if (groups.get(key)?.embedded === true) continue;
    const c = w.candidate;
    vote(countries, c.country, key);
    vote(admin1, c.admin1, key);
    if (c.kind === 'admin1') vote(namedAdmin1, c.admin1, key);
    if (c.kind === 'country' && c.country !== null) names.set(c.country, c.name);
    if (c.kind === 'admin1' && c.admin1 !== null) names.set(c.admin1, c.name);
  }
  const namedAdmin1Keys = new Set([...namedAdmin1.values()].flatMap((keys) => [...keys]));
  const [top] = [...countries].sort((a, b) => b[1].size - a[1].size);
  const focusCountry = top !== undefined && top[1].size >= FOCUS_MIN_NAMES && top[1].size * 2 >= winners.size ? top[0] : null;
  return {
    countries,
    admin1,
    namedAdmin1,
    namedAdmin1Groups: namedAdmin1Keys.size,
    namedAdmin1Keys,
    groupCount: winners.size,
    focus: new Set(focus),
    focusCountry,
    points: [...winners]
      .filter(([key]) => groups.get(key)?.embedded !== true)
      .map(([key, w]) => ({ key, lat: w.candidate.lat, lon: w.candidate.lon })),
    names,
  };
}

const FOCUS_MIN_NAMES = 2;

// How many names other than `key` voted, a name in another form counting as itself: "the Gulf"
// and "Gulf region" do not make each other more likely to be Papua New Guinea's Gulf Province.
function otherNames(votes: ReadonlySet<string> | undefined, key: string): number {
  if (votes === undefined) return 0;
  const base = baseName(key);
  let n = 0;
  for (const k of votes) if (baseName(k) !== base) n += 1;
  return n;
}

function baseName(key: string): string {
  // "central Gulf" and "Gulf" are one name too: two forms of the Gulf made it Gulf County, Florida.
  const bare = QUALIFIED.exec(key)?.[1] ?? key;
  return splitUnitSuffix(bare)?.base ?? bare;
}

/** A part of a place: "northern Iraq", "eastern Aleppo", "Greater Boston", "central Gulf" (group 1: the place). */
const QUALIFIED = /^(?:(?:north|south|east|west|central|upper|lower)(?:ern)?|(?:north|south)-?(?:east|west)(?:ern)?|greater|downtown|inner|outer|rural|metro|metropolitan)\s+(.+)$/i;

// Far enough from every other place named that nothing in the article is near it.
const FOCUS_REACH_KM = 1500;

// A place in a country no other name of the article is in, far from all of them, while the
// article clearly is about another country. Countries and areas are never outside (they set
// the scene), nor curated places (listed because news names them).
function outsideFocus(c: PlaceCandidate, key: string, context: DocumentContext): boolean {
  const focus = context.focusCountry;
  if (focus === null || c.country === null || c.country === focus || c.kind === 'country' || c.kind === 'area' || c.curated) return false;
  if (context.focus.has(c.country)) return false;
  if (otherNames(context.countries.get(c.country), key) > 0) return false;
  return context.points.every((p) => p.key === key || distanceKm(c.lat, c.lon, p.lat, p.lon) > FOCUS_REACH_KM);
}

function pickCandidate(
  group: MentionGroup,
  context: DocumentContext,
  useDocument: boolean,
  home: HomePlace | null,
  weights: ResolverWeights,
): Winner | null {
  let best: Winner | null = null;
  let bestInside: Winner | null = null;
  let second = Number.NEGATIVE_INFINITY;
  // Countries win over towns that share their name ("China, Texas") unless the text says so.
  const countryNamed = group.candidates.some(
    (c) => (c.kind === 'country' && c.match === 'name') || (c.kind === 'country' && c.match === 'demonym'),
  );
  // Only the well-known units (those with a GeoNames reference point) outrank their namesake towns.
  const admin1Named = group.candidates.some((c) => c.kind === 'admin1' && c.match === 'name' && c.geonamesId !== null);
  group.candidates.forEach((c, i) => {
    const reasons: string[] = [];
    let score = priorScore(c) + typeFit(c, group.type);
    describePrior(c, reasons);
    const local = group.local[i]!;
    score += local.bonus;
    if (local.why !== null) reasons.push(local.why);
    const near = group.near[i];
    if (near !== undefined && near.bonus > 0) {
      score += near.bonus * weights.nearness;
      if (near.why !== null) reasons.push(near.why);
    }
    const town = c.kind === 'city' || c.kind === 'district' || c.kind === 'admin2';
    if (town && c.population > 0) score += weights.townPopulation * (Math.log10(c.population) - 5);
    // The outlet's own town is what its bare name means there ("Palestine" in the Palestine paper).
    const homeTown = home !== null && isHomeTown(c, group.key, home);
    if (homeTown) {
      score += HOME_TOWN_BONUS;
      reasons.push(`the outlet's home town`);
    }
    // A town a few kilometres from another place the article names is what the text means, even
    // when a country shares its name ("Jordan" beside "Shakopee").
    const besideNamed = near?.townKm !== null && near?.townKm !== undefined && near.townKm <= BESIDE_NAMED_KM;
    const said = local.bonus > 0 || homeTown || besideNamed;
    if (town && !said && !c.capital && countryNamed) score -= weights.countryNamesakeTown;
    else if (town && !said && admin1Named && c.population < ADMIN1_NAMESAKE_POPULATION) score -= weights.admin1NamesakeTown;
    if (useDocument) score += documentBonus(c, group.key, context, reasons, weights);
    const outside =
      useDocument && !local.strong && !homeTown && (near === undefined || near.bonus === 0) && outsideFocus(c, group.key, context);
    if (outside) {
      score -= weights.outsideFocus;
      reasons.push(`outside the article's focus, ${context.names.get(context.focusCountry ?? '') ?? context.focusCountry}`);
    }
    if (home !== null) score += homeBonus(c, home, reasons, weights);
    // "Georgia" in an article about American places is the state, not the country.
    if (useDocument && c.kind === 'admin1' && countryNamed && namesakeUnitWins(c, group, context)) {
      score += NAMESAKE_UNIT_BONUS;
      reasons.push(`${c.country ?? '?'} article, no other place in the namesake country`);
    } else if (c.kind === 'admin1' && countryNamed && home !== null && c.admin1 !== null && c.admin1 === home.admin1) {
      // "Georgia" in an Atlanta paper is its own state.
      score += NAMESAKE_UNIT_BONUS;
      reasons.push("the outlet's home state");
    }
    if (best === null || score > best.score) {
      if (best !== null) second = best.score;
      best = { candidate: c, score, confidence: 0, reasons, outside };
    } else if (score > second) second = score;
    if (!outside && (bestInside === null || score > bestInside.score)) bestInside = { candidate: c, score, confidence: 0, reasons };
  });
  // forEach hides the assignments from the compiler's narrowing.
  const first = best as Winner | null;
  const inside = bestInside as Winner | null;
  if (first === null) return null;
  // A candidate outside the focus needs strong evidence: without it the best one inside wins.
  const top: Winner = first.outside === true && !famous(first.candidate) && inside !== null ? inside : first;
  if (top !== first) second = first.score;
  const margin = second === Number.NEGATIVE_INFINITY ? 3 : top.score - second;
  return { ...top, confidence: 1 / (1 + Math.exp(-margin)) };
}

const BESIDE_NAMED_KM = 30;
const HOME_NEAR_KM = 50;
const HOME_AREA_KM = 150;
const HOME_AREA_BONUS = 0.5;
const HOME_TOWN_BONUS = 6;
const HOME_TOWN_KM = 15;

function isHomeTown(c: PlaceCandidate, key: string, home: HomePlace): boolean {
  return (
    !home.regional &&
    pointLike(c) &&
    key === placeKey(home.name) &&
    distanceKm(c.lat, c.lon, home.lat, home.lon) <= HOME_TOWN_KM
  );
}

// The outlet's own state and surroundings: enough to pick the home-state "Paris" over a
// bigger namesake, never enough to beat a container or unit word the text writes.
function homeBonus(c: PlaceCandidate, home: HomePlace, reasons: string[], weights: ResolverWeights): number {
  if (c.kind === 'country') return 0;
  let bonus = 0;
  if (home.admin1 !== null && c.admin1 === home.admin1) bonus += weights.homeAdmin1;
  if (!home.regional && pointLike(c)) {
    const d = distanceKm(c.lat, c.lon, home.lat, home.lon);
    if (d <= HOME_NEAR_KM) bonus += weights.homeNear;
    else if (d <= HOME_AREA_KM) bonus += HOME_AREA_BONUS;
  }
  if (bonus > 0) reasons.push(`near the outlet's home, ${home.name}`);
  return bonus;
}

function namesakeUnitWins(c: PlaceCandidate, group: MentionGroup, context: DocumentContext): boolean {
  const support = (code: string | null): number => {
    const votes = code === null ? undefined : context.countries.get(code);
    return otherNames(votes, group.key);
  };
  const rivals = group.candidates.filter((o) => o.kind === 'country');
  return support(c.country) > 0 && rivals.every((o) => o.country !== c.country && support(o.country) === 0);
}

function describePrior(c: PlaceCandidate, reasons: string[]): void {
  if (c.kind === 'country') reasons.push('country');
  else if (c.capital) reasons.push(`capital of ${c.country ?? '?'}`);
  else if (c.kind === 'admin1') reasons.push(`admin-1 unit of ${c.country ?? '?'}`);
  else if (c.curated) reasons.push(`curated ${c.kind}`);
  else reasons.push(c.kind);
  if (c.population > 0) reasons.push(formatPopulation(c.population));
  if (c.match === 'demonym') reasons.push('from a demonym');
}

// What the rest of the article says: its countries, admin-1 units and nearby places.
// A group never votes for itself, so a lone "Georgia" gets no support from its own name.
function documentBonus(c: PlaceCandidate, key: string, context: DocumentContext, reasons: string[], weights: ResolverWeights): number {
  let bonus = 0;
  const others = Math.max(1, context.groupCount - 1);
  const support = (votes: ReadonlySet<string> | undefined): number =>
    otherNames(votes, key);
  if (c.country !== null) {
    const n = support(context.countries.get(c.country));
    if (n > 0) {
      bonus += weights.documentCountryBase + weights.documentCountryShare * (n / others);
      const label = context.names.get(c.country);
      reasons.push(label !== undefined && c.kind !== 'country' ? `co-mentioned ${label}` : `article about ${c.country} (${n})`);
    } else if (context.focus.has(c.country)) {
      bonus += weights.focusCountry;
      reasons.push(`focus ${c.country}`);
    }
  }
  if (c.admin1 !== null) {
    const n = support(context.admin1.get(c.admin1));
    if (n > 0) {
      bonus += 1 + 2 * (n / others);
      const label = context.names.get(c.admin1);
      if (c.kind === 'admin1') {
        // Containment: a unit that holds other places the article names is the one meant.
        bonus += 2.5;
        reasons.push(`contains ${n} other place(s) named`);
      } else reasons.push(label !== undefined ? `co-mentioned ${label}` : `same admin-1 as ${n} other place(s)`);
    }
    // A state or province the article names outright is where its ambiguous towns are.
    // Shared among the units named, so an article naming one state leans on it fully.
    const named = support(context.namedAdmin1.get(c.admin1));
    if (c.kind !== 'admin1' && named > 0) {
      bonus += (weights.namedAdmin1 * named) / Math.max(named, context.namedAdmin1Groups - (context.namedAdmin1Keys.has(key) ? 1 : 0));
    }
  }
  return bonus;
}
