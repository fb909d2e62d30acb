import { describe, expect, it } from 'vitest';
import { foldName, placeKey, splitUnitSuffix, variantKey } from '../../../src/knowledge/gazetteer/place-name.js';

describe('placeKey', () => {
  it('joins the Arabic article and apostrophe variants of one name', () => {
    const keys = ['Al-Qaim', "al-Qa'im", 'Qaim', 'al Qa’im', 'AL-QAIM'].map(placeKey);
    expect(new Set(keys)).toEqual(new Set(['qaim']));
    expect(placeKey('Jurf as-Sakhar')).toBe(placeKey('Jurf al-Sakhar'));
    expect(placeKey('Deir ez-Zor')).toBe(placeKey('Deir al-Zor'));
  });

  it('folds diacritics, ayn marks and a leading "the"', () => {
    expect(foldName('Şanlıurfa')).toBe('sanliurfa');
    expect(placeKey('Ḥalab')).toBe('halab');
    expect(placeKey('Sanʿaʾ')).toBe('sana');
    expect(placeKey('the Green Zone')).toBe('green zone');
  });

  it('meets abbreviated and full forms of saint, mount and fort', () => {
    expect(placeKey('Saint Louis')).toBe(placeKey('St. Louis'));
    expect(placeKey('Mount Sinjar')).toBe(placeKey('Mt. Sinjar'));
  });

  it('folds plain ASCII names as the full Unicode path does', () => {
    // The second spelling of each pair leaves the ASCII fast path.
    expect(foldName("O'Fallon & Sons")).toBe('ofallon and sons');
    expect(foldName("O’Fallon & Sons")).toBe(foldName("O'Fallon & Sons"));
    expect(placeKey('Saint')).toBe('st');
    expect(placeKey('Sáint')).toBe(placeKey('Saint'));
    expect(placeKey('  Fort   Worth  ')).toBe(placeKey('Fórt Worth'));
  });

  it('keeps a name made only of particles', () => {
    expect(placeKey('As')).toBe('as');
  });
});

describe('splitUnitSuffix', () => {
  it('recognizes a trailing unit word', () => {
    expect(splitUnitSuffix('anbar province')).toEqual({ base: 'anbar', unit: 'admin1' });
    expect(splitUnitSuffix('polk county')).toEqual({ base: 'polk', unit: 'admin2' });
    expect(splitUnitSuffix('anbar')).toBeNull();
  });
});

describe('variantKey', () => {
  const same = (a: string, b: string) => expect(variantKey(placeKey(a)), `${a} / ${b}`).toBe(variantKey(placeKey(b)));
  const differ = (a: string, b: string) => expect(variantKey(placeKey(a)), `${a} / ${b}`).not.toBe(variantKey(placeKey(b)));

  it('meets transliterations: vowels, doubled letters, a final h, q and k', () => {
    same('Falluja', 'Fallujah');
    same('Fallouja', 'Fallujah');
    same('Kerkuk', 'Kirkuk');
    same('Mossul', 'Mosul');
    same('Tekrit', 'Tikrit');
    same('Baqouba', 'Baqubah');
    same('Irak', 'Iraq');
  });

  it('joins words and drops an article assimilated inside a word', () => {
    same('Salahuddin', 'Salah al-Din');
    same('Salaheddine', 'Salah ad-Din');
  });

  it('drops a unit word', () => {
    same('Salahuddin Governorate', 'Salah al-Din');
    same('Anbar Province', 'al-Anbar');
  });

  it('keeps different consonants apart', () => {
    differ('Kirkuk', 'Karak');
    differ('Samarra', 'Sumar');
    differ('Mosul', 'Basra');
  });
});
