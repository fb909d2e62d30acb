import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type ExtractScores, formatExtractEvalLine, readArticleBodies, runExtractEval } from '../../src/eval/extract-eval.js';

const FIXTURE = join(import.meta.dirname, '../fixtures/html/benchmark');
const BENCHMARK = join(import.meta.dirname, '../../../shared/eval/article-extraction');

describe('runExtractEval', () => {
  it('runs the HTML reader on every page, plain or gzipped, and scores it', async () => {
    const scores = await runExtractEval(FIXTURE);
    expect(scores.pages).toBe(2);
    expect(scores.perPage.map((page) => page.id)).toEqual(['ferry-fares', 'school-roof']);
    expect(scores.perPage.map((page) => page.exact)).toEqual([true, true]);
    expect(scores).toMatchObject({ f1: 1, precision: 1, recall: 1, accuracy: 1 });
    expect(scores.perPage[0]?.url).toBe('https://wire.example/ferry-fares');
  });

  it('beats Readability.js (0.950) and trafilatura (0.963) on the benchmark’s dev pages', async (ctx) => {
    if (!existsSync(BENCHMARK)) ctx.skip(`the benchmark folder ${BENCHMARK} is absent (it ships with ../shared)`);
    const scores = await runExtractEval(BENCHMARK);
    expect(scores.pages).toBe(91);
    expect(scores.f1).toBeGreaterThanOrEqual(0.975);
    expect(scores.precision).toBeGreaterThan(0.94);
    expect(scores.recall).toBeGreaterThan(0.982);
  });
});

describe('formatExtractEvalLine', () => {
  it('prints four decimals, pages, then accuracy', () => {
    const scores: ExtractScores = { f1: 0.97, precision: 0.96, recall: 0.98, accuracy: 0.30219, pages: 91, perPage: [], seconds: 2 };
    expect(formatExtractEvalLine(scores)).toBe('eval extract f1=0.9700 precision=0.9600 recall=0.9800 pages=91 accuracy=0.3022');
  });
});

describe('readArticleBodies', () => {
  it('reads the wrapped and the legacy prediction formats', () => {
    const wrapped = { version: '1', output: { p1: { articleBody: 'Text one' } } };
    const legacy = { p1: { articleBody: 'Text one', url: 'https://wire.example/1' } };
    expect(readArticleBodies(wrapped)).toEqual(new Map([['p1', 'Text one']]));
    expect(readArticleBodies(legacy)).toEqual(new Map([['p1', 'Text one']]));
    expect(() => readArticleBodies({ p1: { body: 'x' } })).toThrow();
  });
});
