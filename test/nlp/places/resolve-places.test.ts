import { describe, expect, it } from 'vitest';
import { distanceKm } from '../../../src/knowledge/gazetteer/distance.js';
import { loadGazetteer } from '../../../src/knowledge/gazetteer/gazetteer.js';
import { outletHomePlace } from '../../../src/nlp/places/outlet-home.js';
import { classifyPlaceType } from '../../../src/nlp/places/place-type.js';
import { type PlaceMention, type ResolvedPlace, resolvePlaces } from '../../../src/nlp/places/resolve-places.js';

const gazetteer = loadGazetteer();

/** Mentions for each listed name, at its first occurrence after the previous one. */
function mentionsOf(text: string, names: ReadonlyArray<string | readonly [string, string]>): PlaceMention[] {
  let from = 0;
  return names.map((entry) => {
    const [name, type] = typeof entry === 'string' ? [entry, 'GPE'] : entry;
    const start = text.indexOf(name, from);
    if (start < 0) throw new Error(`${name} not in text`);
    from = start + name.length;
    return { start, end: start + name.length, type };
  });
}

function resolve(text: string, names: ReadonlyArray<string | readonly [string, string]>): ResolvedPlace[] {
  return resolvePlaces(gazetteer, text, mentionsOf(text, names));
}

function near(p: ResolvedPlace | undefined, lat: number, lon: number, km: number): boolean {
  return p !== undefined && distanceKm(p.lat, p.lon, lat, lon) <= km;
}

describe('resolvePlaces: Iraq and Syria', () => {
  it('places the curated sites and provinces where they are', () => {
    const text =
      'Example Wire reported strikes near Al-Safirah and at Ain al-Asad, while troops moved from al-Qaim to Besmaya. ' +
      'Officials in Nineveh, Salahuddin and Anbar met in Erbil, then flew to the Green Zone.';
    const out = resolve(text, [
      'Al-Safirah',
      ['Ain al-Asad', 'FAC'],
      'al-Qaim',
      ['Besmaya', 'FAC'],
      'Nineveh',
      'Salahuddin',
      'Anbar',
      'Erbil',
      ['the Green Zone', 'FAC'],
    ]);
    const by = new Map(out.map((p) => [text.slice(p.start, p.end), p]));
    expect(near(by.get('Al-Safirah'), 36.08, 37.37, 15)).toBe(true);
    expect(by.get('Al-Safirah')?.country).toBe('SYR');
    expect(near(by.get('Ain al-Asad'), 33.8, 42.44, 15)).toBe(true);
    expect(by.get('Ain al-Asad')?.precision).toBe('site');
    expect(near(by.get('al-Qaim'), 34.39, 40.99, 20)).toBe(true);
    expect(by.get('al-Qaim')?.country).toBe('IRQ');
    expect(near(by.get('Besmaya'), 33.18, 44.62, 20)).toBe(true);
    expect(by.get('Nineveh')).toMatchObject({ admin1: 'IQ-NI', precision: 'region' });
    expect(by.get('Salahuddin')).toMatchObject({ admin1: 'IQ-SD', precision: 'region' });
    expect(by.get('Anbar')).toMatchObject({ admin1: 'IQ-AN', precision: 'region' });
    expect(by.get('Erbil')).toMatchObject({ country: 'IRQ', precision: 'city', geonamesId: 95446 });
    expect(by.get('the Green Zone')).toMatchObject({ country: 'IRQ', admin1: 'IQ-BG', precision: 'district' });
  });

  it('reads a unit word after the name', () => {
    const text = 'Fighting resumed in Basra province on Tuesday.';
    const [basra] = resolve(text, ['Basra']);
    expect(basra?.precision).toBe('region');
    expect(basra?.reason).toContain('unit word');
  });

  it('explains its choice', () => {
    const text = 'Protesters gathered in Baghdad, the capital of Iraq.';
    const [baghdad] = resolve(text, ['Baghdad', 'Iraq']);
    expect(baghdad?.reason).toMatch(/capital of IRQ/);
    expect(baghdad?.reason).toMatch(/population 7\.2M/);
    expect(baghdad?.reason).toMatch(/co-mentioned Iraq/);
    expect(baghdad?.confidence).toBeGreaterThan(0.5);
  });
});

describe('resolvePlaces: ambiguous names', () => {
  it('takes a bare "Washington" as the US capital', () => {
    const text = 'Officials in Washington said talks would resume.';
    const [w] = resolve(text, ['Washington']);
    expect(w?.admin1).toBe('US-DC');
    expect(w?.precision).toBe('city');
  });

  it('takes "Washington state" and "Seattle, Washington" as the state', () => {
    const a = 'Wildfires spread across Washington state this week.';
    expect(resolve(a, ['Washington'])[0]?.admin1).toBe('US-WA');
    const b = 'The company moved from Seattle, Washington to Texas.';
    const [seattle, washington] = resolve(b, ['Seattle', 'Washington', 'Texas']);
    expect(seattle?.admin1).toBe('US-WA');
    expect(washington).toMatchObject({ admin1: 'US-WA', precision: 'region' });
  });

  it('uses a state written after a comma', () => {
    const text = 'A new fair opened in Alexandria, La., on Friday. Alexandria hopes for crowds.';
    const out = resolve(text, ['Alexandria', 'Alexandria']);
    expect(out.map((p) => p.admin1)).toEqual(['US-LA', 'US-LA']);
    expect(out[0]?.reason).toContain('in La.');
    const paris = resolve('Storms hit Paris, Texas overnight.', ['Paris'])[0];
    expect(paris?.admin1).toBe('US-TX');
  });

  it('prefers the famous place without context', () => {
    expect(resolve('Talks opened in Paris.', ['Paris'])[0]?.country).toBe('FRA');
    expect(resolve('Talks opened in Alexandria.', ['Alexandria'])[0]?.country).toBe('EGY');
  });

  it('follows the country the article is about', () => {
    const text = 'Police in Ohio said a man from Dublin was arrested in Columbus.';
    const out = resolve(text, ['Ohio', 'Dublin', 'Columbus']);
    expect(out[1]?.admin1).toBe('US-OH');
  });

  it('never gives a country point precision', () => {
    const text = 'Iran, Syria and Jordan signed the accord.';
    for (const p of resolve(text, ['Iran', 'Syria', 'Jordan'])) {
      expect(p.precision).toBe('country');
      expect(p.featureClass).toBe('A');
    }
  });

  it('lets a country beat a small town of the same name', () => {
    const text = 'Exports from Houston, Texas to China fell.';
    const out = resolve(text, ['Houston', 'Texas', 'China']);
    expect(out[2]?.country).toBe('CHN');
    expect(out[2]?.precision).toBe('country');
  });

  it('leaves an unknown name out, or places it at the main place when asked', () => {
    const text = 'A fire broke out on Qwertyuiop Street in Mosul.';
    const mentions = mentionsOf(text, [['Qwertyuiop Street', 'FAC'], 'Mosul']);
    expect(resolvePlaces(gazetteer, text, mentions).map((p) => p.name)).toEqual(['Mosul']);
    const placed = resolvePlaces(gazetteer, text, mentions, { placeUnknownAtFocus: true });
    expect(placed[0]).toMatchObject({ name: 'Mosul', confidence: 0.2 });
    expect(placed[0]?.reason).toContain('unknown name');
  });
});

describe('resolvePlaces: what the article says about its towns', () => {
  it('reads a state the article names as the home of its ambiguous towns', () => {
    const text = 'Scout troops in northeast Nebraska will collect food in Norfolk and Wayne on Saturday.';
    const out = resolve(text, ['Nebraska', 'Norfolk', 'Wayne']);
    expect(out.slice(1).map((p) => p.admin1)).toEqual(['US-NE', 'US-NE']);
    // Without the state, the bigger namesakes win.
    expect(resolve('Scouts will collect food in Norfolk on Saturday.', ['Norfolk'])[0]?.admin1).not.toBe('US-NE');
    expect(out[1]?.reason).toMatch(/co-mentioned Nebraska/);
  });

  it('takes "Georgia" among American places as the state', () => {
    const text = 'Police in Atlanta and Savannah said Georgia would review the case.';
    const georgia = resolve(text, ['Atlanta', 'Savannah', 'Georgia'])[2];
    expect(georgia).toMatchObject({ admin1: 'US-GA', precision: 'region' });
    expect(resolve('Georgia and Armenia signed a border deal.', ['Georgia', 'Armenia'])[0]?.country).toBe('GEO');
  });

  it('lets a well-known state beat a small town of the same name', () => {
    const text = 'Beekeepers in California and Florida reported losses.';
    const [california] = resolve(text, ['California', 'Florida']);
    expect(california).toMatchObject({ admin1: 'US-CA', precision: 'region' });
  });

  it('reads a bare county stem as the county', () => {
    const text = 'Flooding closed roads across Minnesota in Becker and Otter Tail counties.';
    const [, becker, otterTail] = resolve(text, ['Minnesota', 'Becker', 'Otter Tail']);
    expect(becker).toMatchObject({ admin1: 'US-MN' });
    expect(otterTail).toMatchObject({ admin1: 'US-MN', precision: 'region' });
  });

  it('places a body named after a country in its capital, and a street at the main place', () => {
    const text = 'Traders in Sydney and Melbourne watched the Bank of Japan. Shops on Collins Street in Melbourne closed.';
    const mentions = mentionsOf(text, ['Sydney', 'Melbourne', ['Bank of Japan', 'FAC'], ['Collins Street', 'FAC'], 'Melbourne']);
    const out = resolvePlaces(gazetteer, text, mentions, { placeUnknownAtFocus: true });
    const by = new Map(out.map((p) => [text.slice(p.start, p.end), p]));
    expect(near(by.get('Bank of Japan'), 35.69, 139.69, 30)).toBe(true);
    expect(by.get('Collins Street')).toMatchObject({ name: 'Melbourne', confidence: 0.2 });
  });
});

describe('classifyPlaceType', () => {
  it('tells GPE, LOC and FAC apart', () => {
    expect(classifyPlaceType(gazetteer, 'Iraq')).toBe('GPE');
    expect(classifyPlaceType(gazetteer, 'Kirkuk')).toBe('GPE');
    expect(classifyPlaceType(gazetteer, 'Anbar Province')).toBe('GPE');
    expect(classifyPlaceType(gazetteer, 'Strait of Hormuz')).toBe('LOC');
    expect(classifyPlaceType(gazetteer, 'Euphrates')).toBe('LOC');
    expect(classifyPlaceType(gazetteer, 'Middle East')).toBe('LOC');
    expect(classifyPlaceType(gazetteer, 'Ain al-Asad air base')).toBe('FAC');
    expect(classifyPlaceType(gazetteer, 'Camp Taji')).toBe('FAC');
    expect(classifyPlaceType(gazetteer, 'Zzyzxq')).toBeNull();
  });
});

describe('resolvePlaces: the outlet home as a prior', () => {
  const resolveAt = (text: string, names: readonly string[], outlet: string | null) =>
    resolvePlaces(gazetteer, text, mentionsOf(text, names), { home: outletHomePlace(gazetteer, outlet) });

  it('reads a bare town name as the one near a local paper', () => {
    const text = 'The council in Paris voted on Tuesday to repave two streets.';
    expect(near(resolveAt(text, ['Paris'], null)[0], 48.86, 2.35, 50)).toBe(true);
    expect(near(resolveAt(text, ['Paris'], 'theparisnews.com')[0], 33.66, -95.55, 30)).toBe(true);
    expect(near(resolveAt(text, ['Paris'], 'parispi.net')[0], 36.3, -88.33, 30)).toBe(true);
  });

  it("takes the paper's own town over the country it is named after", () => {
    const text = 'Palestine police said the road will reopen Monday.';
    expect(resolveAt(text, ['Palestine'], null)[0]?.country).toBe('PSE');
    const local = resolveAt(text, ['Palestine'], 'palestineherald.com')[0];
    expect(local?.admin1).toBe('US-TX');
    expect(local?.reason).toContain("outlet's home town");
  });

  it("reads a namesake of a country as the outlet's own state", () => {
    const text = 'Georgia lawmakers passed the budget late on Thursday.';
    expect(resolveAt(text, ['Georgia'], null)[0]?.country).toBe('GEO');
    expect(resolveAt(text, ['Georgia'], 'ajc.com')[0]?.admin1).toBe('US-GA');
  });

  it("places unknown names at a local outlet's home unless the article names a town", () => {
    const text = 'Volunteers met at Quillfeather Hall in Louisiana on Saturday.';
    const names = ['Quillfeather Hall', 'Louisiana'];
    const mentions = mentionsOf(text, names);
    const at = (outlet: string | null) =>
      resolvePlaces(gazetteer, text, mentions, { placeUnknownAtFocus: true, home: outletHomePlace(gazetteer, outlet) })[0];
    expect(at(null)?.admin1).toBe('US-LA');
    expect(at(null)?.precision).not.toBe('city');
    const local = at('thetowntalk.com');
    expect(near(local, 31.31, -92.45, 20)).toBe(true);
    expect(local?.reason).toContain("outlet's home");
  });

  it('yields to a container the text writes', () => {
    const text = 'She flew from Paris, France, to see her family.';
    expect(near(resolveAt(text, ['Paris'], 'theparisnews.com')[0], 48.86, 2.35, 50)).toBe(true);
  });
});
