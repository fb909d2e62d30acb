import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * scripts/install-test-services.sh on a machine without chromium, run with a PATH of stubs only:
 * `id` says who runs it, `apt-get` (when present) writes down what it was asked and installs
 * nothing. PostgreSQL and Redis are taken as given (their URL variables), so chromium is the one
 * thing missing. What npm test does with the script's answer: test-suite-runner.test.ts.
 */

const SCRIPT = resolve(import.meta.dirname, '../../scripts/install-test-services.sh');
const BASH = spawnSync('bash', ['-c', 'command -v bash'], { encoding: 'utf8' }).stdout.trim();

interface Run {
  readonly status: number | null;
  readonly stderr: string;
  /** What the stub apt-get was asked, one call a line; null when there was no apt-get. */
  readonly aptCalls: string[] | null;
}

function runWithout(options: { uid: number; aptGet: boolean }): Run {
  const bin = mkdtempSync(join(tmpdir(), 'dossier-services-'));
  const aptLog = join(bin, 'apt-get.log');
  const stub = (name: string, body: string): void => {
    writeFileSync(join(bin, name), `#!/bin/sh\n${body}\n`);
    chmodSync(join(bin, name), 0o755);
  };
  stub('id', `echo ${options.uid}`);
  if (options.aptGet) stub('apt-get', `echo "$*" >> '${aptLog}'`);
  const env: NodeJS.ProcessEnv = {
    PATH: bin,
    DOSSIER_TEST_PG_URL: 'postgres://127.0.0.1:1/none',
    DOSSIER_TEST_REDIS_URL: 'redis://127.0.0.1:1',
  };
  const r = spawnSync(BASH, [SCRIPT], { encoding: 'utf8', env });
  const aptCalls = existsSync(aptLog) ? readFileSync(aptLog, 'utf8').split('\n').filter(Boolean) : null;
  return { status: r.status, stderr: r.stderr, aptCalls };
}

describe('install-test-services.sh with chromium missing', () => {
  it('stops with one line naming what to install when it cannot install (not root, no sudo)', () => {
    const r = runWithout({ uid: 1000, aptGet: true });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('the tests need chromium from Debian: install with `sudo apt-get install chromium`, then run npm test again\n');
    expect(r.aptCalls).toBeNull();
  });

  it('installs chromium with apt-get when it runs as root', () => {
    const r = runWithout({ uid: 0, aptGet: true });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('installing chromium from Debian for the tests\n');
    expect(r.aptCalls).toEqual(['update -qq', 'install -y -qq --no-install-recommends chromium']);
  });

  it('stops with one line when root has no apt-get', () => {
    const r = runWithout({ uid: 0, aptGet: false });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('the tests need chromium (Debian packages; no apt-get here to install them): install them, then run npm test again\n');
  });

  it('finds nothing to do when CHROMIUM_PATH names a chromium that is there', () => {
    const bin = mkdtempSync(join(tmpdir(), 'dossier-services-'));
    symlinkSync(BASH, join(bin, 'my-chromium'));
    const env = { PATH: bin, CHROMIUM_PATH: 'my-chromium', DOSSIER_TEST_PG_URL: 'postgres://127.0.0.1:1/none', DOSSIER_TEST_REDIS_URL: 'redis://127.0.0.1:1' };
    const r = spawnSync(BASH, [SCRIPT], { encoding: 'utf8', env });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
  });
});
