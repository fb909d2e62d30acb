import { describe, expect, it } from 'vitest';
import { loadGazetteer } from '../../../src/knowledge/gazetteer/gazetteer.js';
import { type PlaceMention, resolvePlaces } from '../../../src/nlp/places/resolve-places.js';
import { DEFAULT_RESOLVER_WEIGHTS } from '../../../src/nlp/places/resolver-weights.js';

// `townPopulation` is one of the weights `eval geo --cv` fits: it adds to a town's prior per
// tenfold of population above 100,000 (and takes away below). Its default, 0, leaves the prior as it was.
const gazetteer = loadGazetteer();

function countryOf(text: string, names: readonly string[], target: string, townPopulation: number): string | null {
  const mentions: PlaceMention[] = names.map((name) => {
    const start = text.indexOf(name);
    if (start < 0) throw new Error(`${name} not in text`);
    return { start, end: start + name.length, type: 'GPE' };
  });
  const out = resolvePlaces(gazetteer, text, mentions, { weights: { ...DEFAULT_RESOLVER_WEIGHTS, townPopulation } });
  const hit = out.find((p) => text.slice(p.start, p.end) === target);
  return hit?.country ?? null;
}

describe('resolvePlaces: the town population weight', () => {
  const text = 'A storm hit Dallas, then Houston, before the crew left for Paris.';
  const names = ['Dallas', 'Houston', 'Paris'];

  it('is off by default: the Texan namesake near the other names wins', () => {
    expect(DEFAULT_RESOLVER_WEIGHTS.townPopulation).toBe(0);
    expect(countryOf(text, names, 'Paris', 0)).toBe('USA');
  });

  it('when weighted, lets the much larger city outweigh the nearness of a small namesake', () => {
    expect(countryOf(text, names, 'Paris', 2)).toBe('FRA');
  });

  it('does not outweigh a container the text writes', () => {
    const said = 'A storm hit Dallas, then Houston, before the crew left for Paris, Texas.';
    expect(countryOf(said, [...names, 'Texas'], 'Paris', 2)).toBe('USA');
  });
});
