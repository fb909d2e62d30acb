import { describe, expect, it } from 'vitest';
import { loadGazetteer, lookupPlace, type PlaceCandidate } from '../../../src/knowledge/gazetteer/gazetteer.js';
import { readSites } from '../../../src/knowledge/gazetteer/sites.js';

const gazetteer = loadGazetteer();

function best(name: string, kind?: PlaceCandidate['kind']): PlaceCandidate | undefined {
  return lookupPlace(gazetteer, name).find((c) => kind === undefined || c.kind === kind);
}

describe('loadGazetteer', () => {
  it('is built once and cached', () => {
    expect(loadGazetteer()).toBe(gazetteer);
    expect(gazetteer.stats.records).toBeGreaterThan(100_000);
  });

  it('gives countries and admin-1 units areal precision and typed ids', () => {
    for (const c of gazetteer.countries.values()) {
      expect(c.precision).toBe('country');
      expect(c.placeId).toMatch(/^(gn:\d+|cc:[A-Z]{3})$/);
    }
    for (const a of gazetteer.admin1.values()) {
      expect(a.precision).toBe('region');
      expect(a.placeId).toMatch(/^adm1:[A-Z]{2}-/);
    }
    expect(gazetteer.countries.get('IRQ')?.placeId).toBe('gn:99237');
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
