import { describe, expect, it } from 'vitest';
import {
  BANDS,
  FINGERPRINT_VERSION,
  passageFingerprint,
  SIGNATURE_LENGTH,
  serializeSignature,
} from '../../../src/text/repeats/index.js';

const LIFTED = 'Ferry services on the Anselm river were suspended in March after two vessels ran aground near the port of Kessow.';

describe('passageFingerprint', () => {
  it('has one signature value per position and one band key per band', () => {
    const fingerprint = passageFingerprint(LIFTED);
    expect(fingerprint.signature).toHaveLength(SIGNATURE_LENGTH);
    expect(fingerprint.bandKeys).toHaveLength(BANDS);
    expect(fingerprint.bandKeys.map((key) => Number(key.split(':')[0]))).toEqual([...Array(BANDS).keys()]);
    for (const key of fingerprint.bandKeys) expect(key).toMatch(/^\d+:\d+$/);
    expect(fingerprint.wordCount).toBe(20);
    expect(fingerprint.shingleCount).toBe(19);
  });

  // Stored band keys are looked up by later runs on other machines: these values may only
  // change together with FINGERPRINT_VERSION (and a re-fingerprinting of the store).
  it('gives the same values on every machine and run', () => {
    const fingerprint = passageFingerprint(LIFTED);
    expect(FINGERPRINT_VERSION).toBe('repeats.v2.k2.m128.b32x4');
    expect(fingerprint.exactHash).toBe('148e6f084331534c');
    expect(fingerprint.bandKeys.slice(0, 3)).toEqual(['0:3038184461', '1:1517929877', '2:3678347191']);
    expect(Array.from(fingerprint.signature.slice(0, 4))).toEqual([2601027043, 2308308810, 2794519572, 2375831311]);
    expect(serializeSignature(fingerprint.signature).slice(0, 40)).toBe('44UIm0r/lYkU/JCmD0+cjSbAto1WAL2GiHUSgUoz');
  });

  it('is the same across calls, whatever was fingerprinted in between', () => {
    const first = passageFingerprint(LIFTED);
    passageFingerprint('Something else entirely, with other words in it.');
    expect(passageFingerprint(LIFTED)).toEqual(first);
  });

  it('keeps the figures for verification', () => {
    expect(passageFingerprint('Flooding killed 12 people on May 4, 2031, near pier 4.').figures).toBe('12 2031 4');
  });

  it('gives a text without words no band keys, so such texts never collide', () => {
    expect(passageFingerprint('').bandKeys).toEqual([]);
    expect(passageFingerprint(' — !! ').bandKeys).toEqual([]);
    expect(passageFingerprint(' — !! ').wordCount).toBe(0);
  });

  it('makes one shingle of a text shorter than a shingle', () => {
    expect(passageFingerprint('Kessow').shingleCount).toBe(1);
    expect(passageFingerprint('Kessow').bandKeys).toHaveLength(BANDS);
  });
});
