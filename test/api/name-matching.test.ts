import { describe, expect, it } from 'vitest';
import { comparableName, namedBy } from '../../src/api/name-matching.js';

const militia = { id: 'kh', name: "Kata'ib Hezbollah", spellings: ['KH', 'Kataib Hizballah', 'Hezbollah Brigades'] };
const leader = { id: 'qk', name: 'Qais al-Khazali', spellings: ['Qais Khazali'] };
const league = { id: 'aah', name: "Asa'ib Ahl al-Haq", spellings: ['Khazali Network', 'AAH'] };
const region = { id: 'sd', name: 'Saladin Governorate', spellings: ['Salahuddin'] };

describe('which actors and places a query names', () => {
  it('folds case, accents, apostrophes and punctuation', () => {
    expect(comparableName('Kata’ib  Hezbollah')).toBe('kataib hezbollah');
    expect(comparableName("Kata'ib-Hezbollah")).toBe('kataib hezbollah');
    expect(comparableName('Pêşmerge')).toBe('pesmerge');
  });

  it('an alias names its actor; being a piece of other names does not', () => {
    expect(namedBy('KH', [league, leader, militia]).map((a) => a.id)).toEqual(['kh']);
    expect(namedBy('kataib hizballah', [militia, leader]).map((a) => a.id)).toEqual(['kh']);
    expect(namedBy('Kata’ib Hezbollah', [militia]).map((a) => a.id)).toEqual(['kh']);
  });

  it('a place is named without its unit word, and by a spelling of the news', () => {
    expect(namedBy('Saladin', [region]).map((p) => p.id)).toEqual(['sd']);
    expect(namedBy('salahuddin', [region]).map((p) => p.id)).toEqual(['sd']);
  });

  it('failing an exact name, whole words of a name: "Khazali" names the man, not the network named after him', () => {
    expect(namedBy('Khazali', [league, leader]).map((a) => a.id)).toEqual(['qk']);
    expect(namedBy('Khaz', [league, leader])).toEqual([]);
    expect(namedBy('  ', [leader])).toEqual([]);
  });
});
