import { describe, expect, it } from 'vitest';
import { lookupActorName } from '../../../src/knowledge/actors/alias-index.js';
import { demonymCountry } from '../../../src/knowledge/actors/country-actors.js';
import { loadActorRegistry } from '../../../src/knowledge/actors/load-registry.js';

const registry = loadActorRegistry();

function best(name: string): string | undefined {
  return lookupActorName(registry, name)[0]?.actorId;
}

describe('lookupActorName resolves each spelling group to one actor', () => {
  const groups: Record<string, string[]> = {
    'irq-pmu': ['PMU', 'Popular Mobilization Units', 'Popular Mobilization Forces', "Hashd al-Sha'abi", 'al-Hashd al-Shaabi', 'Hashd al-Sha’abi'],
    'lbn-hezbollah': ['Hizballah', 'Hezbollah', 'Hizbollah', 'Lebanese Hizballah'],
    'per-naim-qassem': ['Naim Qassem', 'Naim Qassim', 'Naim Kassem'],
    'per-qasem-soleimani': ['Qassem Soleimani', 'Qassim Soleimani', 'Qasem Suleimani'],
    'arm-isis': ['Deash', 'Daesh', 'ISIS', 'ISIL', 'Islamic State', 'Islamic State of Iraq and the Levant'],
    'per-badr-al-ziyadi': ['Badr al-Ziyadi', 'Badr al-Ziayadi'],
    'irq-aah': ['Asa’ib Ahl al-Haq', "Asa'ib Ahl al-Haq", 'Asaib Ahl al-Haq', 'Asaib', 'AAH'],
    'per-abu-mahdi-al-muhandis': ['Abu Mahdi al-Muhandis', 'Abu Mahdi al-Mohandes', 'Muhandis', 'Mohandes'],
    'irn-irgc': ['IRGC', 'Islamic Revolution Guards Corps', 'Iranian Revolutionary Guards Corps'],
    'irq-kh': ['Kataib Hezbollah', "Kata'ib Hizballah"],
  };
  for (const [id, names] of Object.entries(groups))
    it.each(names)(`'%s' → ${id}`, (name) => {
      expect(best(name)).toBe(id);
    });
});

describe('lookupActorName scoring', () => {
  it('scores an exact alias above a transliteration variant, and says why', () => {
    const [exact] = lookupActorName(registry, 'Hezbollah');
    const [variant] = lookupActorName(registry, 'Hezballah');
    expect(exact).toMatchObject({ actorId: 'lbn-hezbollah', score: 1 });
    expect(variant?.actorId).toBe('lbn-hezbollah');
    expect(variant!.score).toBeLessThan(1);
    expect(variant!.reason).toContain('spelling variant');
  });

  it('finds a person by surname, with reason "surname"', () => {
    const [hit] = lookupActorName(registry, 'Khazali');
    expect(hit).toMatchObject({ actorId: 'per-qais-al-khazali' });
    expect(hit!.reason).toMatch(/^surname/);
    expect(best('Ziayadi')).toBe('per-badr-al-ziyadi');
  });

  it('falls back to edit distance for a typo no fold explains', () => {
    const [hit] = lookupActorName(registry, 'Netanyhu');
    expect(hit?.actorId).toBe('per-benjamin-netanyahu');
    const [typo] = lookupActorName(registry, 'Kamenei');
    expect(typo?.actorId).toBe('per-ali-khamenei');
    expect(typo!.reason).toMatch(/edit/);
  });

  it('returns several actors for an ambiguous name, best first', () => {
    const hits = lookupActorName(registry, 'Lebanese Forces');
    expect(hits.map((h) => h.actorId).sort()).toEqual(['lbn-lf', 'lbn-mil']);
  });

  it('takes an acronym only by its exact alias: its vowels are letters, not a transliteration', () => {
    // "OSCE" folds as "ISCI" does; both are known, each by its own letters.
    expect(best('OSCE')).toBe('igo-osce');
    expect(best('ISCI')).toBe('irq-isci');
    // An acronym nobody listed is nobody: "ISCA" is one vowel from "ISCI".
    expect(lookupActorName(registry, 'ISCA')).toEqual([]);
    // Written as a word, a name still has its spelling variants.
    expect(best('Hizbolah')).toBe('lbn-hezbollah');
  });

  it('returns nothing for names it does not know', () => {
    expect(lookupActorName(registry, 'Zorblax Quuxington')).toEqual([]);
    expect(lookupActorName(registry, '')).toEqual([]);
  });
});

describe('demonymCountry', () => {
  it('maps demonyms and their plurals to ISO3 codes', () => {
    expect(demonymCountry('Iraqi')).toBe('IRQ');
    expect(demonymCountry('Israeli')).toBe('ISR');
    expect(demonymCountry('Iraqis')).toBe('IRQ');
    expect(demonymCountry('Saudi')).toBe('SAU');
    expect(demonymCountry('American')).toBe('USA');
    expect(demonymCountry('French')).toBe('FRA');
  });

  it('leaves out demonyms two states share, and non-demonyms', () => {
    expect(demonymCountry('Congolese')).toBeNull();
    expect(demonymCountry('Shiite')).toBeNull();
  });
});
