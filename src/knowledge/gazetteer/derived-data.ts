import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CityRow, TownRow } from './package-sources.js';
import { placeKey } from './place-name.js';

/**
 * Two small tables derived once from the installed packages, so the gazetteer need not parse
 * country-state-city's 150,000-row city list at every start: the ISO 3166-2 code of each
 * GeoNames admin-1 code, and the US counties and small towns that GeoNames' list lacks.
 * A test rebuilds both from the packages and fails when the committed files drift;
 * `writeDerivedData()` rewrites them.
 */

/** "CA|01" → "AB": GeoNames numbers most admin-1 units, country-state-city uses the ISO suffix. */
export type AdminCodes = Readonly<Record<string, string>>;

/** [name, state ISO suffix, lat, lon]: a US county or town under 1000 people. */
export type UsExtraRow = readonly [string, string, number, number];

/** The committed US rows, checked for shape (JSON imports are typed loosely). */
export function usExtrasOf(value: unknown): readonly UsExtraRow[] {
  const first: unknown = Array.isArray(value) ? value[0] : undefined;
  const ok =
    Array.isArray(value) &&
    (first === undefined ||
      (Array.isArray(first) && first.length === 4 && typeof first[0] === 'string' && typeof first[2] === 'number'));
  if (!ok) throw new Error('gazetteer: unexpected data shape in us-extras.json');
  return value as UsExtraRow[];
}

// By majority vote of the cities both packages list under one name in one country.
export function deriveAdminCodes(cities: readonly CityRow[], towns: readonly TownRow[]): AdminCodes {
  const townState = new Map<string, Map<string, string>>();
  for (const [name, cc, state] of towns) {
    const byName = townState.get(cc) ?? new Map<string, string>();
    byName.set(name, state);
    townState.set(cc, byName);
  }
  const votes = new Map<string, Map<string, number>>();
  for (const c of cities) {
    const state = townState.get(c.country)?.get(c.name);
    if (state === undefined) continue;
    const key = `${c.country}|${c.adminCode}`;
    const tally = votes.get(key) ?? new Map<string, number>();
    tally.set(state, (tally.get(state) ?? 0) + 1);
    votes.set(key, tally);
  }
  const codes: Record<string, string> = {};
  for (const key of [...votes.keys()].sort()) {
    const best = [...votes.get(key)!].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
    if (best !== undefined) codes[key] = best[0];
  }
  return codes;
}

export function deriveUsExtras(cities: readonly CityRow[], towns: readonly TownRow[]): UsExtraRow[] {
  const known = new Set(cities.filter((c) => c.country === 'US').map((c) => placeKey(c.name)));
  const round = (text: string) => Math.round(Number(text) * 1e4) / 1e4;
  return towns
    .filter(([name, cc]) => cc === 'US' && !known.has(placeKey(name)))
    .map(([name, , state, lat, lon]) => [name, state, round(lat), round(lon)] as const);
}

export async function writeDerivedData(): Promise<void> {
  const { readCities, readTowns } = await import('./package-sources.js');
  const cities = readCities();
  const towns = readTowns();
  const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));
  writeFileSync(here('./admin-codes.json'), `${JSON.stringify(deriveAdminCodes(cities, towns))}\n`);
  const rows = deriveUsExtras(cities, towns).map((row) => JSON.stringify(row));
  writeFileSync(here('./us-extras.json'), `[\n${rows.join(',\n')}\n]\n`);
}
