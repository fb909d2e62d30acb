import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readArticleBodies } from '../../src/eval/extract-eval.js';
import { comparePage, corpusScores, scoreExtraction, shingles, tokenize } from '../../src/eval/extract-metric.js';

const BENCHMARK = join(import.meta.dirname, '../../../shared/eval/article-extraction');
const ABSENT = `the benchmark folder ${BENCHMARK} is absent (it ships with ../shared)`;

describe('tokenize', () => {
  it('takes runs of Unicode letters, digits and underscores', () => {
    expect(tokenize('Café — naïve_x 3.5 «Ünï» 東京タワー, ok')).toEqual(['Café', 'naïve_x', '3', '5', 'Ünï', '東京タワー', 'ok']);
    expect(tokenize(' —, ')).toEqual([]);
  });
});

describe('shingles', () => {
  it('counts token 4-grams', () => {
    expect(shingles(tokenize('a b c d e'))).toEqual(new Map([['a b c d', 1], ['b c d e', 1]]));
    expect(shingles(tokenize('a b c d a b c d')).get('a b c d')).toBe(2);
  });

  it('makes one shorter shingle of a short text, and none of an empty one', () => {
    expect(shingles(['a', 'b'])).toEqual(new Map([['a b', 1]]));
    expect(shingles([]).size).toBe(0);
  });
});

describe('comparePage', () => {
  it('scales TP, FP and FN to sum to one', () => {
    // truth shingles {abcd, bcde}, predicted {abcd, bcdx}: one of each kind.
    const page = comparePage('a b c d e', 'a b c d x');
    expect(page.tp).toBeCloseTo(1 / 3);
    expect(page.fp).toBeCloseTo(1 / 3);
    expect(page.fn).toBeCloseTo(1 / 3);
    expect(page.precision).toBeCloseTo(0.5);
    expect(page.recall).toBeCloseTo(0.5);
    expect(page.exact).toBe(false);
  });

  it('calls token-equal texts exact, whatever the punctuation and spacing', () => {
    const page = comparePage('Ferries run, at night.\n\nFares rise.', 'Ferries run at night Fares rise');
    expect(page).toMatchObject({ precision: 1, recall: 1, exact: true });
  });

  it('scores an empty prediction 0 and an empty pair 1', () => {
    expect(comparePage('a b c d', '')).toMatchObject({ precision: 0, recall: 0, exact: false });
    expect(comparePage('', '')).toMatchObject({ precision: 1, recall: 1, exact: true });
  });
});

describe('corpusScores', () => {
  it('takes F1 from the mean precision and mean recall', () => {
    const pages = [comparePage('a b c d e', 'a b c d'), comparePage('a b c d', 'a b c d e')];
    const scores = corpusScores(pages);
    expect(scores.precision).toBeCloseTo(0.75);
    expect(scores.recall).toBeCloseTo(0.75);
    expect(scores.f1).toBeCloseTo(0.75); // the mean of per-page F1 would be 2/3
    expect(scores.accuracy).toBe(0);
    expect(scores.pages).toBe(2);
  });

  it('leaves pages with nothing predicted out of the precision mean only', () => {
    const scores = corpusScores([comparePage('a b c d', ''), comparePage('a b c d', 'a b c d')]);
    expect(scores.precision).toBe(1);
    expect(scores.recall).toBe(0.5);
  });
});

describe('scoreExtraction', () => {
  it('refuses predictions whose pages differ from the truth', () => {
    const truth = new Map([['p1', 'a b c d']]);
    expect(() => scoreExtraction(truth, new Map())).toThrow('1 missing, 0 unexpected');
    expect(() => scoreExtraction(truth, new Map([['p1', 'x'], ['p2', 'y']]))).toThrow('0 missing, 1 unexpected');
  });

  const baselines = [
    { name: 'readability_js', expected: { f1: 0.95, precision: 0.92, recall: 0.982, accuracy: 0.231 } },
    { name: 'trafilatura', expected: { f1: 0.963, precision: 0.94, recall: 0.987, accuracy: 0.275 } },
  ];
  for (const { name, expected } of baselines) {
    it(`reproduces the README figures for baselines/${name}.json`, (ctx) => {
      if (!existsSync(BENCHMARK)) ctx.skip(ABSENT);
      const read = (path: string): unknown => JSON.parse(readFileSync(join(BENCHMARK, path), 'utf8'));
      const scores = scoreExtraction(readArticleBodies(read('ground-truth.json')), readArticleBodies(read(`baselines/${name}.json`)));
      expect(scores.pages).toBe(91);
      expect(scores.f1).toBeCloseTo(expected.f1, 3);
      expect(scores.precision).toBeCloseTo(expected.precision, 3);
      expect(scores.recall).toBeCloseTo(expected.recall, 3);
      expect(scores.accuracy).toBeCloseTo(expected.accuracy, 3);
    });
  }
});
