// `npm test`: everything a change must pass, in one command that says what it did and how long
// it took. Lint, typecheck and build, then the tests on SQLite, then again on PostgreSQL the test
// files whose result can depend on the store engine (vitest.config.ts picks them). The PostgreSQL
// pass runs even when the SQLite one failed, so one run reports both. A missing prerequisite
// stops the run in one line (or is installed: scripts/install-test-services.sh), and a skipped
// test fails it: a green run is a run where everything ran. DOSSIER_TEST_ALLOW_SKIPS=1 lets a
// machine without ../shared or the services run what it can; the skips are still listed.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const started = Date.now();
const allowSkips = process.env.DOSSIER_TEST_ALLOW_SKIPS === '1';
const vitest = resolve(root, 'node_modules/vitest/vitest.mjs');
const scratch = mkdtempSync(join(tmpdir(), 'dossier-test-suite-'));

/** "42 s", "3 min 05 s" */
function duration(ms) {
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
}

const timings = [];

/** Runs one step with the terminal attached; records its duration; true when it passed. */
function step(label, command, args, env = {}) {
  const t0 = Date.now();
  process.stdout.write(`\n== ${label}\n`);
  const r = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  timings.push(`${label} ${duration(Date.now() - t0)}`);
  return r.status === 0;
}

function finish(code, lines = []) {
  rmSync(scratch, { recursive: true, force: true });
  for (const line of lines) process.stdout.write(`${line}\n`);
  process.stdout.write(`npm test: ${timings.join(', ')}${timings.length ? '; ' : ''}total ${duration(Date.now() - started)}\n`);
  process.exit(code);
}

// ../shared: development data beside the checkout, read by the tests on real corpora and gold sets.
if (!existsSync(resolve(root, '../shared'))) {
  const line = 'npm test: ../shared (the development data the corpus and evaluation tests read) is not beside this checkout';
  if (!allowSkips) finish(1, [`${line}: put it there, or run with DOSSIER_TEST_ALLOW_SKIPS=1 to skip those tests`]);
  process.stdout.write(`${line}; DOSSIER_TEST_ALLOW_SKIPS=1: those tests will be skipped\n`);
}

// chromium, postgresql, redis-server: installed from Debian when missing, or one line saying what to install.
const services = spawnSync('bash', [resolve(root, 'scripts/install-test-services.sh')], { cwd: root, stdio: 'inherit' });
if (services.status !== 0 && !allowSkips) finish(1);
if (!process.env.CHROMIUM_PATH) {
  const found = spawnSync('bash', ['-c', 'command -v chromium'], { encoding: 'utf8' }).stdout.trim();
  if (found) process.env.CHROMIUM_PATH = found;
}

/**
 * Steps that share no output run side by side, each writing to its own buffer, printed in order
 * once all have ended: lint, typecheck and build each mostly wait on one single-threaded process,
 * so on two cores together they take about as long as the longest. True when all passed.
 */
async function sideBySide(steps) {
  const t0 = Date.now();
  const runs = steps.map(
    ([label, command, args]) =>
      new Promise((resolveRun) => {
        const started = Date.now();
        const child = spawn(command, args, { cwd: root, env: process.env });
        const output = [];
        child.stdout.on('data', (d) => output.push(d));
        child.stderr.on('data', (d) => output.push(d));
        child.on('close', (code) => resolveRun({ label, ok: code === 0, output: Buffer.concat(output), ms: Date.now() - started }));
      }),
  );
  const results = await Promise.all(runs);
  for (const r of results) {
    process.stdout.write(`\n== ${r.label} (${duration(r.ms)})\n`);
    process.stdout.write(r.output);
  }
  timings.push(`${results.map((r) => `${r.label} ${duration(r.ms)}`).join(' | ')} (side by side: ${duration(Date.now() - t0)})`);
  return results.every((r) => r.ok);
}

const checks = [
  ['lint', 'npm', ['run', '--silent', 'lint']],
  ['typecheck', 'npm', ['run', '--silent', 'typecheck']],
  ['build', 'npm', ['run', '--silent', 'build']],
];
if (!(await sideBySide(checks))) finish(1);

/** One vitest pass; what it skipped, from the skipped-tests reporter (test/support/skipped-tests-reporter.ts). */
function pass(label, dialect) {
  const skipsFile = join(scratch, `${dialect}-skips.json`);
  const ok = step(label, process.execPath, [vitest, 'run'], { DOSSIER_TEST_DIALECT: dialect, DOSSIER_TEST_SKIPS_FILE: skipsFile });
  const report = existsSync(skipsFile) ? JSON.parse(readFileSync(skipsFile, 'utf8')) : { total: 0, skipped: [] };
  return { label, ok, total: report.total, skipped: report.skipped };
}

const passes = [pass('tests on SQLite', 'sqlite'), pass('tests on PostgreSQL (the engine-dependent files)', 'postgres')];

const lines = [''];
for (const p of passes) {
  lines.push(`${p.label}: ${p.ok ? 'passed' : 'FAILED'}, ${p.total} tests, ${p.skipped.length} skipped`);
  // Grouped by reason: 131 lines for one absent folder would hide the one line that matters.
  const byReason = new Map();
  for (const s of p.skipped) byReason.set(s.reason, [...(byReason.get(s.reason) ?? []), s]);
  for (const [reason, tests] of byReason) {
    const files = [...new Set(tests.map((t) => t.file))];
    lines.push(`  ${tests.length} skipped because ${reason}: ${files.join(', ')}`);
  }
}
const skipped = passes.reduce((n, p) => n + p.skipped.length, 0);
const failed = passes.some((p) => !p.ok);
if (skipped > 0 && !allowSkips) lines.push(`npm test: FAILED, ${skipped} tests skipped: a run that counts runs everything (see above for why)`);
else if (failed) lines.push('npm test: FAILED');
else lines.push(skipped > 0 ? `npm test: passed, ${skipped} tests skipped (DOSSIER_TEST_ALLOW_SKIPS=1)` : 'npm test: passed, nothing skipped');
finish(failed || (skipped > 0 && !allowSkips) ? 1 : 0, lines);
