import { describe, expect, it } from 'vitest';
import { loadGazetteer } from '../../../src/knowledge/gazetteer/gazetteer.js';
import { type PlaceMention, resolvePlaces } from '../../../src/nlp/places/resolve-places.js';

const gazetteer = loadGazetteer();

function mentionsOf(text: string, names: readonly string[]): PlaceMention[] {
  let from = 0;
  return names.map((name) => {
    const start = text.indexOf(name, from);
    if (start < 0) throw new Error(`${name} not in text`);
    from = start + name.length;
    return { start, end: start + name.length, type: 'GPE' };
  });
}

function resolvedByName(text: string, names: readonly string[]) {
  const out = resolvePlaces(gazetteer, text, mentionsOf(text, names));
  return new Map(out.map((p) => [text.slice(p.start, p.end), p]));
}

describe('resolvePlaces: the document focus', () => {
  const text =
    'Iraqi forces swept Wadi Houran, Husayniyyat, Al-Kara and Rutba in Anbar, near the border with Syria, a commander said in Ramadi.';

  it('leaves a name unresolved rather than put it in a country the article is not about', () => {
    const byName = resolvedByName(text, ['Husayniyyat', 'Al-Kara', 'Rutba', 'Anbar', 'Syria', 'Ramadi']);
    // Togo has a Kara Region and a town of Kara; Iraq's Al-Kara is in no gazetteer we ship.
    expect(byName.get('Al-Kara')?.country ?? null).not.toBe('TGO');
    expect(byName.get('Ramadi')?.country).toBe('IRQ');
    expect(byName.get('Anbar')?.country).toBe('IRQ');
  });

  it('without the Iraqi context the same name goes to Togo', () => {
    const alone = 'The convoy reached Al-Kara at dawn.';
    expect(resolvedByName(alone, ['Al-Kara']).get('Al-Kara')?.country).toBe('TGO');
  });

  it('keeps a famous place outside the focus: capitals need no more evidence than their name', () => {
    const byName = resolvedByName('Officials in Ramadi, Fallujah and Baghdad said talks in Paris had stalled.', [
      'Ramadi',
      'Fallujah',
      'Baghdad',
      'Paris',
    ]);
    expect(byName.get('Paris')?.country).toBe('FRA');
  });
});

describe('resolvePlaces: regions are areas with a box', () => {
  it('gives a curated region its box, and a qualified unit the part of its box the word names', () => {
    const text = 'Troops moved through western Anbar toward Haditha, Iraq, as tension rose across the Middle East.';
    const byName = resolvedByName(text, ['western Anbar', 'Haditha', 'Iraq', 'Middle East']);
    const middleEast = byName.get('Middle East');
    expect(middleEast?.precision).toBe('area');
    const [w, s, e, n] = middleEast!.bbox!;
    expect(w).toBeLessThan(e);
    expect(s).toBeLessThan(n);
    // The box holds Baghdad and Riyadh, not Rome.
    expect(w < 44.4 && 44.4 < e && s < 33.3 && 33.3 < n).toBe(true);
    expect(w < 46.7 && 46.7 < e && s < 24.7 && 24.7 < n).toBe(true);
    expect(w < 12.5 && 12.5 < e).toBe(false);

    const west = byName.get('western Anbar');
    const anbar = resolvedByName('Anbar, Iraq', ['Anbar', 'Iraq']).get('Anbar');
    expect(west?.precision).toBe('area');
    expect(west?.admin1).toBe('IQ-AN');
    expect(anbar?.bbox).toBeDefined();
    const [aw, as, ae, an] = anbar!.bbox!;
    const [ww, ws, we, wn] = west!.bbox!;
    expect([ww, ws, wn]).toEqual([aw, as, an]);
    expect(we).toBeCloseTo((aw + ae) / 2, 6);
    expect(west!.lon).toBeLessThan((aw + ae) / 2);
    expect(west!.placeId).not.toBe(anbar!.placeId);
  });

  it('leaves points as points', () => {
    const byName = resolvedByName('Rockets hit Baghdad.', ['Baghdad']);
    expect(byName.get('Baghdad')?.bbox).toBeUndefined();
  });
});

describe('resolvePlaces: names as people write them', () => {
  it('resolves transliterations and governorate forms of Iraqi places', () => {
    const text = 'Fighting spread from Fallouja and Tekrit to Kerkuk, Salah al-Din, Salahuddin Governorate and al-Anbar in Iraq.';
    const names = ['Fallouja', 'Tekrit', 'Kerkuk', 'Salah al-Din', 'Salahuddin Governorate', 'al-Anbar', 'Iraq'];
    const byName = resolvedByName(text, names);
    for (const name of names) expect(byName.get(name)?.country, name).toBe('IRQ');
    expect(byName.get('Fallouja')?.name).toMatch(/Fall[uū]jah/);
    expect(byName.get('Salah al-Din')?.admin1).toBe(byName.get('Salahuddin Governorate')?.admin1);
    expect(byName.get('Kerkuk')?.reason).toMatch(/Kirkuk|admin-1|city/);
  });

  it('does not let a loose spelling reach an unrelated small place', () => {
    // "Hume" meets "Home" (a hamlet) only by the looser key: not evidence enough.
    const byName = resolvedByName('Visitors came to Hume.', ['Hume']);
    expect(byName.get('Hume')?.name ?? null).not.toBe('Home');
  });
});

describe('resolvePlaces: a bare name is not a county named by its stem', () => {
  it('keeps "the Gulf" the Persian Gulf in an article written from Washington', () => {
    const text = 'Officials in Washington and Virginia said destroyers shelled a platform in the central Gulf, and tankers in the Gulf were escorted.';
    // The entity tagger calls a sea a location (LOC), a state or city GPE.
    const mentions = mentionsOf(text, ['Washington', 'Virginia', 'central Gulf', 'Gulf']).map((m, i) => (i >= 2 ? { ...m, type: 'LOC' } : m));
    const out = resolvePlaces(gazetteer, text, mentions);
    const gulf = out.filter((p) => /Gulf/.test(text.slice(p.start, p.end)));
    expect(gulf.map((p) => p.name)).toEqual(['central Persian Gulf', 'Persian Gulf']);
    expect(gulf.every((p) => p.country === null)).toBe(true);
  });
});

describe('resolvePlaces: a town beside another place the article names', () => {
  it('takes the town that shares a country’s name when it lies a few kilometres from that place', () => {
    const text = 'The school board in Jordan met on Monday; parents drove in from Shakopee.';
    const byName = resolvedByName(text, ['Jordan', 'Shakopee']);
    expect(byName.get('Jordan')?.country).toBe('USA');
    expect(byName.get('Jordan')?.admin1).toBe('US-MN');
  });

  it('keeps the country when only other country names are near its namesake towns', () => {
    const text = 'Refugees crossed from Syria into Jordan and Lebanon.';
    const byName = resolvedByName(text, ['Syria', 'Jordan', 'Lebanon']);
    expect(byName.get('Jordan')?.country).toBe('JOR');
    expect(byName.get('Lebanon')?.country).toBe('LBN');
  });

  it('keeps the country when nothing named is near a town of its name', () => {
    const text = 'The minister flew to Jordan after a stop in Vienna.';
    expect(resolvedByName(text, ['Jordan', 'Vienna']).get('Jordan')?.country).toBe('JOR');
  });
});
