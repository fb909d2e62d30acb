import { describe, expect, it } from 'vitest';
import {
  deserializeSignature,
  passageFingerprint,
  SIGNATURE_LENGTH,
  serializeSignature,
} from '../../../src/text/repeats/index.js';

describe('signature serialization', () => {
  const signature = passageFingerprint('The port authority in Kessow blamed low water for the two groundings.').signature;

  it('round-trips a signature through a base64 string', () => {
    const text = serializeSignature(signature);
    expect(text).toHaveLength(Math.ceil((SIGNATURE_LENGTH * 4) / 3) * 4);
    expect(deserializeSignature(text)).toEqual(signature);
  });

  it('writes little-endian whatever the machine', () => {
    const one = new Uint32Array(SIGNATURE_LENGTH);
    one[0] = 1;
    expect(serializeSignature(one).slice(0, 8)).toBe('AQAAAAAA');
  });

  it.each([
    ['a signature of another length', Buffer.alloc(64 * 4).toString('base64')],
    ['text that is not base64', '!'.repeat(684)],
    ['an empty string', ''],
  ])('rejects %s', (_name, text) => {
    expect(() => deserializeSignature(text)).toThrow(RangeError);
  });
});
