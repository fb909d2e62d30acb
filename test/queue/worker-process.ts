import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { inject } from 'vitest';
import { batchProgress } from '../../src/queue/ordered-writes.js';
import { parseQueueUrl } from '../../src/queue/queue-url.js';
import { openStore } from '../../src/store/open-store.js';
import { REDIS_SERVER, redisServerInstalled, startRedis } from '../services/redis-service.js';

const ROOT = join(__dirname, '../..');

/** A `dossier` CLI child process whose output lines are kept for the test to read. */
export interface CliProcess {
  readonly child: ChildProcess;
  readonly lines: string[];
  /**
   * Resolves with the first output line matching, waiting for it as long as the process runs;
   * rejects, with the output, once the process has exited without printing it. No clock: a
   * slow machine makes it wait longer, never fail (the test's own timeout catches a hang).
   */
  waitFor(pattern: RegExp): Promise<string>;
  /** Resolves with the exit code (or the signal's name). */
  readonly exited: Promise<number | string>;
}

export function spawnCli(args: readonly string[]): CliProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/run-cli.ts', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const waiters: Array<{ pattern: RegExp; resolve: (line: string) => void; reject: (error: Error) => void }> = [];
  const onLine = (line: string): void => {
    lines.push(line);
    for (const w of [...waiters]) {
      if (w.pattern.test(line)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(line);
      }
    }
  };
  for (const stream of [child.stdout, child.stderr]) {
    let pending = '';
    stream?.on('data', (chunk: Buffer) => {
      pending += chunk.toString();
      const parts = pending.split('\n');
      pending = parts.pop() ?? '';
      parts.forEach(onLine);
    });
  }
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  let closed = false;
  const noSuchLine = (pattern: RegExp): Error => new Error(`the process exited with no line matching ${pattern}; output:\n${lines.join('\n')}`);
  // 'close' comes after the last output has been read: no line can still arrive.
  child.once('close', () => {
    closed = true;
    for (const w of waiters.splice(0)) w.reject(noSuchLine(w.pattern));
  });
  return {
    child,
    lines,
    exited,
    waitFor: (pattern) => {
      const seen = lines.find((l) => pattern.test(l));
      if (seen) return Promise.resolve(seen);
      if (closed) return Promise.reject(noSuchLine(pattern));
      return new Promise((resolve, reject) => waiters.push({ pattern, resolve, reject }));
    },
  };
}

/** Stops a worker the graceful way and returns its exit code. */
export async function stopWorker(p: CliProcess): Promise<number | string> {
  if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGTERM');
  return p.exited;
}

/**
 * Waits until every article of the batch is written and the queue holds no job in hand, however
 * long the workers take on a busy machine (no deadline: the test's timeout catches a hang); fails
 * as soon as every worker has exited with the batch unfinished.
 */
export async function waitUntilDrained(target: string, queueUrl: string, batch: string, workers: readonly CliProcess[]): Promise<void> {
  const q = parseQueueUrl(queueUrl);
  const queue = new Queue(q.name, { connection: q.connection });
  const store = await openStore(target);
  const running = (): boolean => workers.some((w) => w.child.exitCode === null && w.child.signalCode === null);
  try {
    for (;;) {
      const progress = await batchProgress(store, batch);
      const counts = await queue.getJobCounts('active', 'wait', 'delayed', 'prioritized');
      const inHand = Object.values(counts).reduce((a, b) => a + b, 0);
      if (progress && progress.applied === progress.total && inHand === 0) return;
      if (!running()) throw new Error(`every worker exited with batch ${batch} unfinished: ${JSON.stringify({ progress, counts })}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  } finally {
    await queue.close();
    await store.destroy();
  }
}

/**
 * The Redis the queue tests use: $DOSSIER_TEST_REDIS_URL (the suite's global setup), else a
 * throwaway redis-server started here. On CI a missing redis-server is a failure, not a skip.
 */
const givenRedis = (): string => process.env.DOSSIER_TEST_REDIS_URL || inject('dossierTestRedisUrl') || '';

export const redisAvailable = (): boolean => Boolean(givenRedis()) || redisServerInstalled();

export async function testRedis(): Promise<{ url: string; stop(): Promise<void> }> {
  const given = givenRedis();
  if (given) return { url: given, stop: async () => {} };
  if (!redisServerInstalled()) throw new Error(`${REDIS_SERVER} is not installed (apt-get install redis-server)`);
  return startRedis();
}
