import { describe, expect, it } from 'vitest';
import { editDistance, foldKey, nameKey, nameWords } from '../../../src/knowledge/actors/actor-names.js';

describe('nameKey', () => {
  it('drops case, diacritics, apostrophes, the Arabic article and "the"', () => {
    expect(nameKey("Hashd al-Sha'abi")).toBe('hashd shaabi');
    expect(nameKey('al-Hashd al-Shaabi')).toBe('hashd shaabi');
    expect(nameKey('Asa’ib Ahl al-Haq')).toBe(nameKey('Asaib Ahl al Haq'));
    expect(nameKey('Kataʾib Hezbollah')).toBe('kataib hezbollah');
    expect(nameKey('the Pentagon')).toBe('pentagon');
    expect(nameKey('Recep Tayyip Erdoğan')).toBe('recep tayyip erdogan');
    expect(nameKey('Izz ad-Din al-Qassam')).toBe('izz din qassam');
  });

  it('keeps short English words that only look like the article when they stand alone', () => {
    expect(nameKey('Dawlat as Sham')).toBe('dawlat as sham');
    expect(nameKey('ash-Sham')).toBe('sham');
  });

  it('reads "U.S." as "us" with the shape of an acronym, and a possessive as nothing', () => {
    const [us] = nameWords('U.S.');
    expect(us).toMatchObject({ key: 'us', shape: 'upper' });
    expect(nameWords('us')[0]?.shape).toBe('lower');
    expect(nameKey("Iraq's")).toBe('iraq');
  });

  it('strips the article from Arabic-script names', () => {
    expect(nameKey('الحشد الشعبي')).toBe(nameKey('حشد شعبي'));
  });
});

describe('foldKey', () => {
  const same: Array<[string, string]> = [
    ['Hizballah', 'Hezbollah'],
    ['Qassim', 'Qassem'],
    ['Deash', 'Daesh'],
    ['Ziayadi', 'Ziyadi'],
    ['Muhandis', 'Mohandes'],
    ['Soleimani', 'Suleimani'],
    ['Abdulmahdi', 'Abdul-Mahdi'],
    ['Khaz’ali', 'Khazaali'],
    ['Kadhimi', 'Kazimi'],
    ['Awliya', 'Oliya'],
  ];
  it.each(same)('folds %s and %s together', (a, b) => {
    expect(foldKey(a)).toBe(foldKey(b));
  });

  it('keeps names apart that differ in more than spelling', () => {
    expect(foldKey('Ziyadi')).not.toBe(foldKey('Zaidi'));
    expect(foldKey('Iran')).not.toBe(foldKey('Iraq'));
    expect(foldKey('Hamas')).not.toBe(foldKey('Amal'));
  });
});

describe('editDistance', () => {
  it('counts a transposition as one edit and stops past the limit', () => {
    expect(editDistance('kahzali', 'khazali', 2)).toBe(1);
    expect(editDistance('khazali', 'khazali', 1)).toBe(0);
    expect(editDistance('abcdef', 'ghijkl', 2)).toBe(3);
    expect(editDistance('short', 'much longer', 1)).toBe(2);
  });
});
