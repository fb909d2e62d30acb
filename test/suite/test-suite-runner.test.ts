import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const RUNNER = resolve(import.meta.dirname, '../../scripts/test-suite.mjs');
const SERVICES = resolve(import.meta.dirname, '../../scripts/install-test-services.sh');

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

describe('npm test without chromium, on a machine that cannot install it', () => {
  it('stops before lint with the line naming what to install, and fails', () => {
    // A checkout with ../shared beside it, on a PATH that holds bash and an `id` that says
    // "not root", and no chromium, sudo or apt-get.
    const parent = mkdtempSync(join(tmpdir(), 'dossier-nochromium-'));
    const checkout = join(parent, 'dossier');
    mkdirSync(join(parent, 'shared'));
    mkdirSync(join(checkout, 'scripts'), { recursive: true });
    copyFileSync(RUNNER, join(checkout, 'scripts/test-suite.mjs'));
    copyFileSync(SERVICES, join(checkout, 'scripts/install-test-services.sh'));
    const bin = join(parent, 'bin');
    mkdirSync(bin);
    symlinkSync(spawnSync('bash', ['-c', 'command -v bash'], { encoding: 'utf8' }).stdout.trim(), join(bin, 'bash'));
    writeFileSync(join(bin, 'id'), '#!/bin/sh\necho 1000\n');
    chmodSync(join(bin, 'id'), 0o755);
    const env: NodeJS.ProcessEnv = {
      PATH: bin,
      DOSSIER_TEST_PG_URL: 'postgres://127.0.0.1:1/none',
      DOSSIER_TEST_REDIS_URL: 'redis://127.0.0.1:1',
    };
    const r = spawnSync(process.execPath, [join(checkout, 'scripts/test-suite.mjs')], { cwd: checkout, encoding: 'utf8', env });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('the tests need chromium from Debian: install with `sudo apt-get install chromium`, then run npm test again\n');
    // Nothing else ran (no lint, typecheck or build step): only the closing duration line.
    expect(r.stdout.split('\n').filter(Boolean)).toEqual([expect.stringMatching(/^npm test: total \d+ s$/)]);
  });
});
