import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFeedStates } from '../../src/store/feeds-repository.js';
import { openStore } from '../../src/store/open-store.js';
import { runCli } from '../support/cli-in-process.js';
import { freshStoreTarget } from '../support/test-store.js';
import { conditionalFeed, type FeedServer, fixture, startFeedServer, status } from './feed-watch-server.js';

describe('dossier watch (CLI)', () => {
  let server: FeedServer;
  beforeAll(async () => {
    server = await startFeedServer();
    server.route('/gazette.rss', conditionalFeed(fixture('harbour-gazette.rss.xml'), '"g1"', 'Wed, 05 Mar 2025 07:00:00 GMT'));
    server.route('/bulletin.atom', conditionalFeed(fixture('northfield-bulletin.atom.xml'), '"b1"', 'Thu, 06 Mar 2025 12:00:00 GMT', 'application/atom+xml'));
    server.route('/down.rss', status(503));
  });
  afterAll(async () => {
    await server.close();
  });

  it('--once ingests every feed with the full analyzer, logs one line per poll, and exits 0', async () => {
    const db = await freshStoreTarget('watch-cli');
    const rss = `${server.base}/gazette.rss`;
    const atom = `${server.base}/bulletin.atom`;
    const first = await runCli(['--db', db, 'watch', rss, atom, '--once']);
    expect(first.stderr).toBe(`feed ${rss}: 3 new, 0 known\nfeed ${atom}: 2 new, 0 known\n`);
    expect(first.stdout).toBe('2 polls, 5 articles new, 0 already known, 0 failed\n');
    expect(first.status).toBe(0);
    const again = await runCli(['--db', db, 'watch', rss, '--once']);
    expect(again.stderr).toBe(`feed ${rss}: not modified\n`);
    const store = await openStore(db);
    try {
      // The full pipeline ran: entity layers are stored, not only the text.
      const layers = await store.selectFrom('article_layers').select('layer').distinct().execute();
      expect(layers.map((l) => l.layer)).toContain('entities');
      expect((await loadFeedStates(store, [rss]))[0]).toMatchObject({ etag: '"g1"', failures: 0 });
    } finally {
      await store.destroy();
    }
  });

  it('--once exits 1 when a feed failed, after ingesting the others', async () => {
    const db = await freshStoreTarget('watch-cli-fail');
    const down = `${server.base}/down.rss`;
    const r = await runCli(['--db', db, 'watch', down, `${server.base}/gazette.rss`, '--once', '--every', '5m']);
    expect(r.status).toBe(1);
    // Twice the interval, give or take the jitter of a tenth.
    expect(r.stderr).toMatch(new RegExp(`^feed ${down}: failed \\(HTTP 503 Service Unavailable\\), retry in (9|10|11)m$`, 'm'));
    expect(r.stdout).toMatch(/^2 polls, 3 articles new, 0 already known, 1 failed$/m);
  });

  it('refuses other schemes, non-URLs and bad durations with a usage error', async () => {
    const db = await freshStoreTarget('watch-cli-usage');
    const cases = [
      ['watch', 'file:///tmp/feed.xml'],
      ['watch', 'feeds/gazette.rss'],
      ['watch', 'ftp://example.org/feed.xml'],
      ['watch', `${server.base}/gazette.rss`, '--every', '10x'],
      ['watch', `${server.base}/gazette.rss`, '--every', '0s'],
      ['watch', `${server.base}/gazette.rss`, '--max-polls', '0'],
    ];
    for (const args of cases) {
      const r = await runCli(['--db', db, ...args]);
      expect(r.status, args.join(' ')).toBe(2);
    }
    expect((await runCli(['--db', db, 'watch', 'file:///tmp/feed.xml'])).stderr).toMatch(/only http and https feeds can be watched, not file:/);
  });

  it('stops cleanly on SIGTERM after the current save and exits 0', async () => {
    const db = await freshStoreTarget('watch-cli-signal');
    const rss = `${server.base}/gazette.rss`;
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/run-cli.ts', '--db', db, 'watch', rss, '--every', '1h'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
    });
    const polled = new Promise<void>((resolve) => {
      child.stderr.on('data', (d: Buffer) => {
        stderr += d.toString();
        if (stderr.includes(`feed ${rss}: 3 new`)) resolve();
      });
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      await Promise.race([polled, exited]);
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
    expect(stderr).toContain('watch: stopping after the current save');
    expect(stdout).toBe('1 poll, 3 articles new, 0 already known, 0 failed, stopped\n');
    const store = await openStore(db);
    try {
      expect((await store.selectFrom('articles').select('id').execute()).length).toBe(3);
    } finally {
      await store.destroy();
    }
  });
});
