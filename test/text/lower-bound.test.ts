import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lowerBound } from '../../src/text/lower-bound.js';

describe('lowerBound', () => {
  it('gives the first index at which the predicate stops holding, as a scan would', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 })), fc.integer({ min: -5, max: 55 }), (values, at) => {
        const sorted = [...values].sort((a, b) => a - b);
        const scan = sorted.findIndex((v) => !(v < at));
        expect(lowerBound(sorted, (v) => v < at)).toBe(scan === -1 ? sorted.length : scan);
      }),
    );
  });
});
