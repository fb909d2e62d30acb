import { describe, expect, it } from 'vitest';
import { b3, ceafe, maxAssignment, muc, scoreCoref } from '../../src/eval/coref-metrics.js';

// The Bagga & Baldwin (1998) example: two key chains wrongly merged by the response.
const key = [['1', '2', '3', '4', '5'], ['6', '7'], ['8', '9', '10', '11', '12']];
const response = [['1', '2', '3', '4', '5'], ['6', '7', '8', '9', '10', '11', '12']];

describe('coreference metrics', () => {
  it('MUC counts the links needed (Vilain et al. example: one chain split in two)', () => {
    const s = muc([['a', 'b', 'c', 'd']], [['a', 'b'], ['c', 'd']]);
    expect(s.recall).toBeCloseTo(2 / 3, 10);
    expect(s.precision).toBe(1);
    expect(s.f1).toBeCloseTo(0.8, 10);
  });

  it('MUC on the merge example: full recall, 9 of 10 response links right', () => {
    const s = muc(key, response);
    expect(s.recall).toBe(1);
    expect(s.precision).toBeCloseTo(0.9, 10);
  });

  it('B³ on the merge example', () => {
    const s = b3(key, response);
    expect(s.recall).toBe(1);
    expect(s.precision).toBeCloseTo(16 / 21, 10);
  });

  it('CEAF-e aligns each key chain with at most one response chain', () => {
    const s = ceafe(key, response);
    // best alignment: {1..5}↔{1..5} (φ4 = 1) and {8..12}↔{6..12} (φ4 = 10/12)
    expect(s.recall).toBeCloseTo(11 / 18, 10);
    expect(s.precision).toBeCloseTo(11 / 12, 10);
  });

  it('CoNLL F1 is the mean of the three F1, and 1 for a perfect response', () => {
    const s = scoreCoref(key, response);
    expect(s.conll).toBeCloseTo((s.muc.f1 + s.b3.f1 + s.ceafe.f1) / 3, 12);
    expect(scoreCoref(key, [...key].reverse()).conll).toBe(1);
  });

  it('swapping key and response swaps precision and recall', () => {
    const a = scoreCoref(key, response);
    const b = scoreCoref(response, key);
    for (const m of ['muc', 'b3', 'ceafe'] as const) {
      expect(b[m].precision).toBeCloseTo(a[m].recall, 12);
      expect(b[m].recall).toBeCloseTo(a[m].precision, 12);
    }
  });

  it('all singletons: MUC is 0, B³ precision is 1', () => {
    const s = scoreCoref([['a', 'b', 'c']], [['a'], ['b'], ['c']]);
    expect(s.muc.f1).toBe(0);
    expect(s.b3.precision).toBe(1);
    expect(s.b3.recall).toBeCloseTo(1 / 3, 10);
    expect(s.ceafe.recall).toBeCloseTo(0.5, 10); // φ4({a,b,c},{a}) = 2/4
  });

  it('maxAssignment finds the best one-to-one matching, square or not', () => {
    expect(maxAssignment([[1, 2], [3, 4]])).toBe(5);
    expect(maxAssignment([[5, 1, 1], [1, 1, 9]])).toBe(14);
    expect(maxAssignment([[1], [7], [3]])).toBe(7);
    expect(maxAssignment([])).toBe(0);
  });
});
