import { describe, expect, it } from 'vitest';
import { FNV_OFFSET, hashCodeOn, hashFeature, hashOn } from '../../../src/nlp/ner/feature-hash.js';

describe('hashFeature', () => {
  it('is 32-bit FNV-1a over UTF-16 code units', () => {
    expect(hashFeature('')).toBe(0x811c9dc5);
    expect(hashFeature('a')).toBe(0xe40c292c);
    expect(hashFeature('foobar')).toBe(0xbf9cf968);
  });
});

describe('hashOn', () => {
  it.each([
    ['l-1=', 'the'],
    ['w=', 'Kata’ib'],
    ['k+1=', '512:none'],
    ['', 'Example Wire'],
    ['g=', ''],
  ])('hashes %s then %s as the joined name', (template, value) => {
    expect(hashOn(hashOn(FNV_OFFSET, template), value) >>> 0).toBe(hashFeature(template + value));
  });

  it('goes on one code unit at a time', () => {
    const h = hashCodeOn(hashOn(FNV_OFFSET, 'ss|ss+1=Xx'), 0x7c);
    expect(hashOn(h, 'x') >>> 0).toBe(hashFeature('ss|ss+1=Xx|x'));
  });
});
