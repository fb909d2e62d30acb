import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { needsWhen } from '../support/prerequisites.js';
import { main } from '../../src/cli/main.js';
import { openStore } from '../../src/store/open-store.js';
import { freshStoreTarget } from '../support/test-store.js';
import { dumpStore } from './store-dump.js';
import { type CliProcess, redisAvailable, spawnCli, stopWorker, testRedis, waitUntilDrained } from './worker-process.js';

const FIXTURES = join(__dirname, '../fixtures/queue');

// Every wait below is for an event (a line from a worker, the batch drained in the store), never
// for a span of time, so a busy machine makes these tests slower, not failing. The timeout is only
// there to end a hang: several worker processes each loading the models take minutes when the
// machine is loaded.
const HANG = 600_000;

describe('dossier worker on Redis', { ...needsWhen(redisAvailable() || Boolean(process.env.CI), 'redis-server absent (apt-get install redis-server)'), timeout: HANG }, () => {
  let redis: { url: string; stop(): Promise<void> };
  let single: Record<string, string[]>;
  const workers: CliProcess[] = [];

  beforeAll(async () => {
    redis = await testRedis();
    const target = await freshStoreTarget('queue-single');
    expect(await main(['--db', target, 'ingest', FIXTURES])).toBe(0);
    single = await dumpStore(target);
  });

  afterAll(async () => {
    for (const w of workers) w.child.kill('SIGKILL');
    await redis?.stop();
  });

  /** A fresh queue on the test Redis and a fresh, migrated store (migrated before any worker opens it). */
  async function freshRun(label: string): Promise<{ queue: string; target: string }> {
    const target = await freshStoreTarget(label);
    await (await openStore(target)).destroy();
    return { queue: `${redis.url}/0?queue=${label}-${randomUUID().slice(0, 8)}`, target };
  }

  const worker = (target: string, queue: string, ...extra: string[]): CliProcess => {
    const w = spawnCli(['--db', target, 'worker', '--queue', queue, ...extra]);
    workers.push(w);
    return w;
  };

  async function enqueue(target: string, queue: string): Promise<string> {
    const p = spawnCli(['--db', target, 'ingest', '--queue', queue, FIXTURES]);
    const line = await p.waitFor(/articles enqueued as batch/);
    expect(await p.exited).toBe(0);
    return /as batch (\S+)/.exec(line)![1]!;
  }

  it('loses nothing when a worker is killed mid-job: the job is retried and the store equals a single-process ingest', async () => {
    const { queue, target } = await freshRun('kill');
    // The first worker holds each job for a second (a test aid), so the kill lands mid-job. A
    // short lock gets the killed job retried within seconds; not shorter, for a worker busy
    // analysing on a loaded machine renews its lock late, and a lock lost that way is a retry too.
    const lock = ['--lock-duration', '5000', '--stalled-interval', '1000'];
    const doomed = worker(target, queue, ...lock, '--concurrency', '2', '--job-delay-ms', '1000');
    const survivor = worker(target, queue, ...lock, '--job-delay-ms', '100');
    await Promise.all([doomed.waitFor(/^worker ready/), survivor.waitFor(/^worker ready/)]);
    const batch = await enqueue(target, queue);

    const started = await doomed.waitFor(/^job \S+ started/);
    doomed.child.kill('SIGKILL');
    expect(await doomed.exited).toBe('SIGKILL');
    const killedJob = /^job (\S+) started/.exec(started)![1]!;
    expect(doomed.lines).not.toContain(`job ${killedJob} done`);
    const replacement = worker(target, queue, ...lock);

    await waitUntilDrained(target, queue, batch, [survivor, replacement]);
    await replacement.waitFor(/^worker ready/);
    // The killed job ran again, on another worker, as a later attempt.
    const retried = [...survivor.lines, ...replacement.lines].find((l) => l.startsWith(`job ${killedJob} started (attempt `));
    expect(retried).toBeDefined();
    expect(Number(/attempt (\d+)/.exec(retried!)![1])).toBeGreaterThanOrEqual(2);

    // SIGTERM is graceful: the worker finishes what it holds and exits 0.
    for (const w of [survivor, replacement]) {
      expect(await stopWorker(w)).toBe(0);
      expect(w.lines).toContain('worker closed');
      expect(w.lines.filter((l) => /^wrote \S+ \S+ failed/.test(l))).toEqual([]);
    }
    const queued = await dumpStore(target);
    expect(Object.keys(queued).sort()).toEqual(Object.keys(single).sort());
    for (const table of Object.keys(single)) expect(queued[table], table).toEqual(single[table]);
  });

  it('three workers of concurrency 2 make no duplicate records and lose no link', async () => {
    const { queue, target } = await freshRun('three');
    const three = [1, 2, 3].map(() => worker(target, queue, '--concurrency', '2'));
    await Promise.all(three.map((w) => w.waitFor(/^worker ready/)));
    const batch = await enqueue(target, queue);
    await waitUntilDrained(target, queue, batch, three);
    for (const w of three) expect(await stopWorker(w)).toBe(0);
    const written = three.flatMap((w) => w.lines.filter((l) => l.startsWith('wrote ')));
    // Every article written exactly once, in enqueue order, whichever worker wrote it.
    const indexes = written.map((l) => Number(/#(\d+) /.exec(l)![1]));
    expect(indexes.sort((a, b) => a - b)).toEqual([...indexes.keys()]);
    const queued = await dumpStore(target);
    for (const table of Object.keys(single)) expect(queued[table], table).toEqual(single[table]);
  });

  it('enqueue names each input that failed and exits 1; a bad queue URL is a usage error', async () => {
    const { queue, target } = await freshRun('errors');
    const missing = join(FIXTURES, 'no-such-digest.txt');
    const p = spawnCli(['--db', target, 'ingest', '--queue', queue, join(FIXTURES, 'wire-digest.txt'), missing]);
    expect(await p.exited).toBe(1);
    expect(p.lines.some((l) => l.startsWith('error:') && l.includes('no-such-digest.txt') && l.includes('DOSSIER_INPUT_UNREADABLE'))).toBe(true);
    expect(p.lines.some((l) => /^2 files, 6 articles enqueued as batch/.test(l))).toBe(true);
    expect(await main(['--db', target, 'ingest', '--queue', 'http://127.0.0.1:1', FIXTURES])).toBe(2);
    expect(await main(['--db', target, 'worker'])).toBe(2);
  });
});
