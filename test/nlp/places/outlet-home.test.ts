import { describe, expect, it } from 'vitest';
import { distanceKm } from '../../../src/knowledge/gazetteer/distance.js';
import { loadGazetteer } from '../../../src/knowledge/gazetteer/gazetteer.js';
import { findKnownOutlet, findOutlet, outletByDomain, outletKey } from '../../../src/knowledge/outlets/outlet-names.js';
import registry from '../../../src/knowledge/outlets/outlets.json' with { type: 'json' };
import { outletHomePlace } from '../../../src/nlp/places/outlet-home.js';

const gazetteer = loadGazetteer();

describe('outletByDomain', () => {
  it('finds an outlet by bare domain, URL, www. host or subdomain', () => {
    expect(outletByDomain('thetowntalk.com')?.name).toBe('The Town Talk');
    expect(outletByDomain('https://www.thetowntalk.com/story/1?x=2')?.name).toBe('The Town Talk');
    expect(outletByDomain('WWW.CBC.CA')?.name).toBe('CBC News');
    expect(outletByDomain('http://news.postbulletin.com/x')?.name).toBe('Post-Bulletin');
  });

  it('never matches a bare public suffix or an unknown site', () => {
    expect(outletByDomain('co.uk')).toBeNull();
    expect(outletByDomain('https://example-wire.example/news')).toBeNull();
    expect(outletByDomain('')).toBeNull();
  });

  it('tells domains from names in findOutlet', () => {
    expect(findOutlet('thestate.com')?.name).toBe('The State');
    expect(findOutlet('the associated press')?.name).toBe('Associated Press');
    expect(findOutlet('Example Wire')).toBeNull();
  });
});

describe('the outlet registry', () => {
  it('gives each name, alias and domain to one outlet only', () => {
    // An alias may repeat its own outlet's name ("The Grayzone" / "Grayzone"), never another's.
    const keys = registry.outlets.flatMap((e) => [...new Set([e.name, ...e.aliases].map(outletKey))]);
    expect(new Set(keys).size).toBe(keys.length);
    const domains = registry.outlets.flatMap((e) => e.domains);
    expect(new Set(domains).size).toBe(domains.length);
    for (const d of domains) expect(d).toMatch(/^(?!www\.)[a-z0-9-]+(?:\.[a-z0-9-]+)+$/);
  });

  it('places every home in the gazetteer, inside its admin-1 unit and country', () => {
    for (const e of registry.outlets) {
      if (e.home === null) continue;
      const home = outletHomePlace(gazetteer, e.name);
      expect(home, e.name).not.toBeNull();
      expect(home?.country).toBe(e.country);
      if (e.home.admin1 !== null) expect(home?.admin1).toBe(e.home.admin1);
    }
  });

  it('keeps national outlets without a home', () => {
    expect(findKnownOutlet('Reuters')?.home).toBeNull();
    expect(outletHomePlace(gazetteer, 'cbc.ca')).toBeNull();
    expect(outletHomePlace(gazetteer, null)).toBeNull();
  });
});

describe('outletHomePlace', () => {
  it('picks the namesake town in the outlet state', () => {
    const paris = outletHomePlace(gazetteer, 'theparisnews.com');
    expect(paris?.admin1).toBe('US-TX');
    expect(distanceKm(paris!.lat, paris!.lon, 33.66, -95.55)).toBeLessThan(20);
    const alexandria = outletHomePlace(gazetteer, 'The Town Talk');
    expect(distanceKm(alexandria!.lat, alexandria!.lon, 31.31, -92.45)).toBeLessThan(20);
    expect(alexandria?.regional).toBe(false);
  });

  it('falls back to the admin-1 unit for a state-wide outlet', () => {
    const bc = outletHomePlace(gazetteer, 'bclocalnews.com');
    expect(bc?.regional).toBe(true);
    expect(bc?.admin1).toBe('CA-BC');
  });
});
