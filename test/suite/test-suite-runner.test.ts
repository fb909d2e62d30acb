import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const RUNNER = resolve(import.meta.dirname, '../../scripts/test-suite.mjs');

describe('npm test without ../shared', () => {
  it('stops at once with one line saying what is missing, and fails', () => {
    // A checkout with nothing beside it: the runner finds ../shared from where it lies.
    const checkout = join(mkdtempSync(join(tmpdir(), 'dossier-lone-')), 'dossier');
    mkdirSync(join(checkout, 'scripts'), { recursive: true });
    copyFileSync(RUNNER, join(checkout, 'scripts/test-suite.mjs'));
    const env = { ...process.env };
    delete env.DOSSIER_TEST_ALLOW_SKIPS;
    const r = spawnSync(process.execPath, [join(checkout, 'scripts/test-suite.mjs')], { cwd: checkout, encoding: 'utf8', env });
    expect(r.status).toBe(1);
    const lines = r.stdout.split('\n').filter(Boolean);
    expect(lines[0]).toBe(
      'npm test: ../shared (the development data the corpus and evaluation tests read) is not beside this checkout: put it there, or run with DOSSIER_TEST_ALLOW_SKIPS=1 to skip those tests',
    );
    // Nothing else ran: only the closing duration line follows.
    expect(lines.slice(1)).toHaveLength(1);
    expect(lines[1]).toMatch(/^npm test: total \d+ s$/);
  });
});
