/**
 * End-to-end ingest throughput: one `dossier ingest` process against `ingest --queue` plus N
 * `dossier worker` processes on Redis, over the same inputs, each into its own empty store.
 * Prints articles/s, words/s per core and the peak RSS of every process; asserts nothing.
 *
 *   npx tsx bench/workers.ts ../shared/corpus/seed-digest.txt
 *   npx tsx bench/workers.ts ../shared/corpus/reuters21578 --db postgres://user@host/dossier --workers 2
 *
 * --db: a SQLite path (two files are made beside it, -single and -workers) or a PostgreSQL URL
 * (two fresh databases are created on that server); default: temporary SQLite files.
 * --redis: an existing Redis; default: a throwaway redis-server on 127.0.0.1.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import nlp from 'compromise';
import pg from 'pg';
import { batchProgress } from '../src/queue/ordered-writes.js';
import { isPostgresTarget } from '../src/store/dialect.js';
import { openStore } from '../src/store/open-store.js';
import { startRedis } from '../test/services/redis-service.js';

const ROOT = join(import.meta.dirname, '..');
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { db: { type: 'string' }, redis: { type: 'string' }, workers: { type: 'string', default: '2' } },
});
if (positionals.length === 0) {
  process.stderr.write('usage: npx tsx bench/workers.ts <paths...> [--db target] [--redis url] [--workers n]\n');
  process.exit(2);
}
const workerCount = Number(values.workers);

/** Two empty stores: SQLite files beside the given path, or fresh databases on the given server. */
async function storeTargets(base: string | undefined): Promise<[string, string]> {
  if (!base) {
    const dir = mkdtempSync(join(tmpdir(), 'dossier-bench-workers-'));
    return [join(dir, 'single.db'), join(dir, 'workers.db')];
  }
  if (!isPostgresTarget(base)) return [base.replace(/(\.db)?$/, '-single.db'), base.replace(/(\.db)?$/, '-workers.db')];
  const suffix = randomBytes(4).toString('hex');
  const client = new pg.Client({ connectionString: base });
  await client.connect();
  const urls: string[] = [];
  try {
    for (const kind of ['single', 'workers']) {
      const url = new URL(base);
      const name = `${url.pathname.slice(1) || 'dossier'}_bench_${kind}_${suffix}`;
      await client.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'`);
      url.pathname = `/${name}`;
      urls.push(url.toString());
    }
  } finally {
    await client.end();
  }
  return [urls[0]!, urls[1]!];
}

interface Run {
  readonly label: string;
  readonly child: ChildProcess;
  readonly output: string[];
  peakRss: number;
  /** CPU seconds (user + system, its reaped children included), last sampled while it lived. */
  cpuSeconds: number;
  readonly exited: Promise<number | string>;
}

/** utime + stime + cutime + cstime of a /proc/<pid>/stat line, in seconds (clock ticks of 1/100 s on Linux). */
function cpuSecondsOf(stat: string): number {
  // The command name (field 2) may hold spaces and parentheses: count fields after its last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // fields[0] is field 3 (state), so utime (field 14) is fields[11].
  return [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i] ?? 0), 0) / 100;
}

/** Peak RSS from /proc (VmHWM) and CPU time from /proc/<pid>/stat, sampled every 100 ms while the process lives. */
function run(label: string, command: string, args: readonly string[]): Run {
  const child = spawn(command, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const r: Run = {
    label,
    child,
    output: [],
    peakRss: 0,
    cpuSeconds: 0,
    exited: new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? -1))),
  };
  child.stdout?.on('data', (b: Buffer) => r.output.push(b.toString()));
  child.stderr?.on('data', (b: Buffer) => r.output.push(b.toString()));
  const sample = setInterval(() => {
    try {
      const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      if (hwm) r.peakRss = Math.max(r.peakRss, Number(hwm[1]) * 1024);
      r.cpuSeconds = Math.max(r.cpuSeconds, cpuSecondsOf(readFileSync(`/proc/${child.pid}/stat`, 'utf8')));
    } catch {
      // Gone between two samples.
    }
  }, 100);
  void r.exited.then(() => clearInterval(sample));
  return r;
}

const cli = (label: string, ...args: string[]): Run => run(label, process.execPath, ['--import', 'tsx', 'test/support/run-cli.ts', ...args]);

async function storeFigures(target: string): Promise<{ articles: number; words: number; rows: Record<string, number> }> {
  const store = await openStore(target);
  try {
    let words = 0;
    const texts = await store.selectFrom('articles').select('text').execute();
    for (const { text } of texts) words += (text.match(/\S+/g) ?? []).length;
    const rows: Record<string, number> = {};
    for (const table of ['articles', 'passages', 'repeats', 'entity_mentions', 'events', 'event_records', 'record_mentions'] as const) {
      rows[table] = Number((await store.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    }
    return { articles: texts.length, words, rows };
  } finally {
    await store.destroy();
  }
}

async function waitForLine(r: Run, pattern: RegExp): Promise<string> {
  for (;;) {
    const line = r.output.join('').split('\n').find((l) => pattern.test(l));
    if (line) return line;
    if (r.child.exitCode !== null) throw new Error(`${r.label} exited: ${r.output.join('')}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const [singleTarget, workersTarget] = await storeTargets(values.db);
const redis = values.redis ? null : await startRedis();
const queueUrl = `${values.redis ?? redis!.url}/0?queue=bench-${randomBytes(4).toString('hex')}`;
// Migrated before any worker opens it, so no two processes migrate at once.
await (await openStore(workersTarget)).destroy();

/** The 1-minute load average, sampled every 5 s from now until stop(): its lowest and highest. */
function watchLoad(): { stop: () => string } {
  const seen = [loadavg()[0]!];
  const timer = setInterval(() => seen.push(loadavg()[0]!), 5000);
  return {
    stop: () => {
      clearInterval(timer);
      seen.push(loadavg()[0]!);
      return `${Math.min(...seen).toFixed(1)}–${Math.max(...seen).toFixed(1)}`;
    },
  };
}

// 1. One process.
let t0 = performance.now();
let load = watchLoad();
const single = cli('ingest (one process)', '--db', singleTarget, 'ingest', ...positionals);
await single.exited;
const singleSeconds = (performance.now() - t0) / 1000;
const singleLoad = load.stop();

// 2. Enqueue and N workers, started together; done when the batch is written.
t0 = performance.now();
load = watchLoad();
const workers = Array.from({ length: workerCount }, (_, i) => cli(`worker ${i + 1}`, '--db', workersTarget, 'worker', '--queue', queueUrl, '--quiet'));
const enqueuer = cli('ingest --queue', '--db', workersTarget, 'ingest', '--queue', queueUrl, ...positionals);
const batch = /as batch (\S+)/.exec(await waitForLine(enqueuer, /articles enqueued/))?.[1];
await enqueuer.exited;
const watch = await openStore(workersTarget);
for (;;) {
  const p = batch ? await batchProgress(watch, batch) : undefined;
  if (!batch || (p && p.applied >= p.total)) break;
  await new Promise((resolve) => setTimeout(resolve, 250));
}
await watch.destroy();
const workersSeconds = (performance.now() - t0) / 1000;
const workersLoad = load.stop();
for (const w of workers) w.child.kill('SIGTERM');
await Promise.all(workers.map((w) => w.exited));
await redis?.stop();

/**
 * compromise's people, places and organizations over the same stored texts, in this process:
 * the JavaScript baseline an analyst would otherwise reach for, timed on the same words.
 */
async function compromiseFigures(target: string): Promise<{ words: number; seconds: number; entities: number }> {
  const store = await openStore(target);
  const texts = (await store.selectFrom('articles').select('text').orderBy('id').execute()).map((r) => r.text);
  await store.destroy();
  let words = 0;
  let entities = 0;
  const t = performance.now();
  for (const text of texts) {
    words += (text.match(/\S+/g) ?? []).length;
    const doc = nlp(text);
    entities += doc.people().length + doc.places().length + doc.organizations().length;
  }
  return { words, seconds: (performance.now() - t) / 1000, entities };
}

const a = await storeFigures(singleTarget);
const b = await storeFigures(workersTarget);
const cores = cpus().length;
const mib = (n: number): string => (n / 2 ** 20).toFixed(0);
const singleCpu = single.cpuSeconds;
const workersCpu = [enqueuer, ...workers].reduce((sum, r) => sum + r.cpuSeconds, 0);
const rows: string[][] = [
  ['', 'one process', `${workerCount} workers on Redis`],
  ['articles stored', String(a.articles), String(b.articles)],
  ['words', String(a.words), String(b.words)],
  ['wall seconds (incl. start-up)', singleSeconds.toFixed(1), workersSeconds.toFixed(1)],
  ['articles/s', (a.articles / singleSeconds).toFixed(1), (b.articles / workersSeconds).toFixed(1)],
  ['CPU seconds', singleCpu.toFixed(0), `${workersCpu.toFixed(0)} (${[enqueuer, ...workers].map((r) => `${r.label} ${r.cpuSeconds.toFixed(0)}`).join(', ')})`],
  ['articles per CPU second', (a.articles / singleCpu).toFixed(2), (b.articles / workersCpu).toFixed(2)],
  ['load average (1 min) during', singleLoad, workersLoad],
  ['words/s per core', (a.words / singleSeconds).toFixed(0), (b.words / workersSeconds / Math.min(workerCount, cores)).toFixed(0)],
  ['peak RSS MiB', `${mib(single.peakRss)}`, [enqueuer, ...workers].map((r) => `${r.label} ${mib(r.peakRss)}`).join(', ')],
  ['same row counts', '', JSON.stringify(a.rows) === JSON.stringify(b.rows) ? 'yes' : `no: ${JSON.stringify(a.rows)} vs ${JSON.stringify(b.rows)}`],
];
const c = await compromiseFigures(singleTarget);
const compromiseRate = c.words / c.seconds;
const singleRate = a.words / singleSeconds;
rows.push(
  ['compromise words/s (1 core)', compromiseRate.toFixed(0), `${c.entities} people/places/organizations`],
  ['Dossier / compromise', (singleRate / compromiseRate).toFixed(2), `${(b.words / workersSeconds / Math.min(workerCount, cores) / compromiseRate).toFixed(2)} per core`],
);
process.stdout.write(`inputs: ${positionals.join(' ')}; stores: ${isPostgresTarget(singleTarget) ? 'PostgreSQL' : 'SQLite'}; ${cores} cores\n`);
for (const r of rows) process.stdout.write(`${r[0]!.padEnd(30)} ${r[1]!.padEnd(14)} ${r[2]}\n`);
