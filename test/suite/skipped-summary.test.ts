import { describe, expect, it } from 'vitest';
import { needsFiles, needsWhen } from '../support/prerequisites.js';
import { skippedSummary } from '../support/skipped-tests-reporter.js';

describe('the skipped-tests line', () => {
  it('says none were skipped, out of how many', () => {
    expect(skippedSummary([], 12)).toBe('skipped: none (of 12 tests)');
  });

  it('counts the skipped tests by reason, the most frequent reason first', () => {
    const skipped = [
      { file: 'test/web/pages.test.ts', name: 'a', reason: '/usr/bin/chromium absent' },
      { file: 'test/cli/seed-digest.test.ts', name: 'b', reason: '../shared/corpus/seed-digest.txt absent' },
      { file: 'test/web/pages.test.ts', name: 'c', reason: '/usr/bin/chromium absent' },
    ];
    expect(skippedSummary(skipped, 40)).toBe(
      'skipped 3 of 40 tests: 2 because /usr/bin/chromium absent; 1 because ../shared/corpus/seed-digest.txt absent',
    );
  });
});

describe('what a group of tests needs', () => {
  it('skips with the missing paths named as the repository names them, and runs when all are there', () => {
    const here = import.meta.filename;
    const missing = `${import.meta.dirname}/../../../shared/no-such-set`;
    expect(needsFiles(here)).toEqual({ skip: false, meta: {} });
    expect(needsFiles(here, missing)).toEqual({ skip: true, meta: { needs: '../shared/no-such-set absent' } });
  });

  it('skips on a failed condition with the reason given', () => {
    expect(needsWhen(false, 'redis-server absent')).toEqual({ skip: true, meta: { needs: 'redis-server absent' } });
    expect(needsWhen(true, 'redis-server absent')).toEqual({ skip: false, meta: {} });
  });
});
