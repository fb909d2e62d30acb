import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fitWeights, formatGeoCrossValidationLines, runGeoCrossValidation, spread } from '../../src/eval/geo-cross-validation.js';
import { DEFAULT_RESOLVER_WEIGHTS, type ResolverWeights } from '../../src/nlp/places/resolver-weights.js';

const fixtures = join(import.meta.dirname, '../fixtures/geo');

describe('fitWeights', () => {
  it('climbs to the grid values an objective prefers, one weight at a time', () => {
    const objective = (w: ResolverWeights) => -((w.nearness - 1.5) ** 2) - (w.homeNear - 0) ** 2 - (w.namedAdmin1 - 4.5) ** 2;
    const fitted = fitWeights(['nearness', 'homeNear', 'namedAdmin1'], objective);
    expect(fitted.weights).toEqual({ ...DEFAULT_RESOLVER_WEIGHTS, nearness: 1.5, homeNear: 0, namedAdmin1: 4.5 });
    expect(fitted.objective).toBeCloseTo(0, 12);
  });

  it('keeps the defaults when nothing beats them', () => {
    const fitted = fitWeights(['nearness', 'outsideFocus'], () => 1);
    expect(fitted.weights).toBe(DEFAULT_RESOLVER_WEIGHTS);
  });
});

describe('spread', () => {
  it('gives mean, extremes and the population standard deviation', () => {
    expect(spread([0.8, 0.9, 1])).toEqual({ mean: expect.closeTo(0.9, 10), min: 0.8, max: 1, sd: expect.closeTo(Math.sqrt(0.02 / 3), 10) });
  });
});

describe('runGeoCrossValidation', () => {
  it('holds each corpus out once and fits on the others', async () => {
    const cv = await runGeoCrossValidation(fixtures, { fit: ['nearness', 'outsideFocus'] });
    expect(cv.folds.map((f) => f.heldOut.name).sort()).toEqual(['GWN', 'GeoVirus', 'LGL', 'TR-News']);
    for (const fold of cv.folds) {
      expect(fold.fittedOn).toHaveLength(3);
      expect(fold.fittedOn).not.toContain(fold.heldOut.name);
      expect(fold.heldOut.acc161).toBeGreaterThanOrEqual(0);
      expect(fold.heldOut.acc161).toBeLessThanOrEqual(1);
      // Only the weights asked for may move.
      expect({ ...fold.weights, nearness: 0, outsideFocus: 0 }).toEqual({ ...DEFAULT_RESOLVER_WEIGHTS, nearness: 0, outsideFocus: 0 });
    }
    const lines = formatGeoCrossValidationLines(cv);
    expect(lines.filter((l) => l.startsWith('held out '))).toHaveLength(4);
    expect(lines.at(-1)).toMatch(/^eval geo-cv acc161_mean=\d\.\d{4} acc161_min=\d\.\d{4} acc161_max=\d\.\d{4} acc161_sd=\d\.\d{4} /);
  });

  it('names the path when there is only one corpus to hold out', async () => {
    await expect(runGeoCrossValidation(join(fixtures, 'lgl-mini.xml'))).rejects.toThrow(/lgl-mini\.xml: leave-one-corpus-out needs at least two corpora, found 1/);
  });
});
