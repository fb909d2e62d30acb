import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initialFeedState } from '../../src/ingest/feed-schedule.js';
import { type FeedPollReport, pollAndIngest, type WatchOptions, watchFeeds } from '../../src/pipeline/feed-watch.js';
import { createAnalyzer } from '../../src/pipeline/analyze-article.js';
import { listFeedItems, loadFeedStates } from '../../src/store/feeds-repository.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import { freshStoreTarget, openTestStore } from '../support/test-store.js';
import { conditionalFeed, type FeedServer, fakeClock, fixture, hang, startFeedServer, status } from './feed-watch-server.js';

// The text stages alone: the watcher's logic does not depend on the models, and they load slowly.
const analyzer = createAnalyzer();
const TEN_MINUTES = 10 * 60_000;

const articleTitles = async (store: Store): Promise<string[]> =>
  (await store.selectFrom('articles').select('title').orderBy('title').execute()).map((r) => r.title);

describe('dossier watch against a local feed server', () => {
  let server: FeedServer;
  beforeAll(async () => {
    server = await startFeedServer();
  });
  afterAll(async () => {
    await server.close();
  });

  const options = (clock: ReturnType<typeof fakeClock>, extra: Partial<WatchOptions> = {}): WatchOptions => ({
    analyzer,
    everyMs: TEN_MINUTES,
    now: clock.now,
    sleep: clock.sleep,
    random: () => 0.5,
    timeoutMs: 400,
    ...extra,
  });

  it('ingests new items, sends validators back, takes a 304 as nothing new, and sees exactly one added item', async () => {
    const store = await openTestStore('watch-basic');
    try {
      const rss = `${server.base}/basic/gazette.rss`;
      const atom = `${server.base}/basic/bulletin.atom`;
      server.route('/basic/gazette.rss', conditionalFeed(fixture('harbour-gazette.rss.xml'), '"g1"', 'Wed, 05 Mar 2025 07:00:00 GMT'));
      server.route('/basic/bulletin.atom', conditionalFeed(fixture('northfield-bulletin.atom.xml'), '"b1"', 'Thu, 06 Mar 2025 12:00:00 GMT', 'application/atom+xml'));
      const clock = fakeClock('2025-03-10T08:00:00Z');
      const lines: string[] = [];

      const first = await watchFeeds(store, [rss, atom], options(clock, { once: true, log: (l) => lines.push(l) }));
      expect(first).toMatchObject({ polls: 2, fresh: 5, known: 0, failedPolls: 0 });
      expect(lines).toEqual([`feed ${rss}: 3 new, 0 known`, `feed ${atom}: 2 new, 0 known`]);
      expect(await articleTitles(store)).toContain('Lighthouse keeper retires after forty years');
      const [rssState] = await loadFeedStates(store, [rss]);
      expect(rssState).toMatchObject({ etag: '"g1"', lastModified: 'Wed, 05 Mar 2025 07:00:00 GMT', failures: 0, itemsSeen: 3 });

      // Second poll: the validators go back and the server answers 304.
      server.requests.length = 0;
      lines.length = 0;
      const second = await watchFeeds(store, [rss, atom], options(clock, { once: true, log: (l) => lines.push(l) }));
      expect(second).toMatchObject({ polls: 2, fresh: 0, failedPolls: 0 });
      expect(lines).toEqual([`feed ${rss}: not modified`, `feed ${atom}: not modified`]);
      const sent = server.requests.find((r) => r.path === '/basic/gazette.rss')!;
      expect(sent.headers['if-none-match']).toBe('"g1"');
      expect(sent.headers['if-modified-since']).toBe('Wed, 05 Mar 2025 07:00:00 GMT');
      expect(sent.headers['user-agent']).toMatch(/Dossier/);

      // The feed gains one item and re-sends an old one with an edited sentence (same guid).
      server.route('/basic/gazette.rss', conditionalFeed(fixture('harbour-gazette-updated.rss.xml'), '"g2"', 'Thu, 06 Mar 2025 18:00:00 GMT'));
      lines.length = 0;
      const third = await watchFeeds(store, [rss], options(clock, { once: true, log: (l) => lines.push(l) }));
      expect(third).toMatchObject({ polls: 1, fresh: 1, known: 3 });
      expect(lines).toEqual([`feed ${rss}: 1 new, 3 known`]);
      const titles = await articleTitles(store);
      expect(titles).toHaveLength(6);
      expect(titles.filter((t) => t === 'Ferry timetable changes in Saltmere')).toHaveLength(1);
      expect((await listFeedItems(store, rss)).map((i) => i.key).sort()).toEqual(['id:hg-1001', 'id:hg-1002', 'id:hg-1003', 'id:hg-1004']);
      expect((await loadFeedStates(store, [rss]))[0]).toMatchObject({ etag: '"g2"', itemsSeen: 4 });
    } finally {
      await store.destroy();
    }
  });

  it('recognises an item another feed or a file already stored, without keeping a second copy', async () => {
    const store = await openTestStore('watch-mirror');
    try {
      server.route('/mirror/a.rss', conditionalFeed(fixture('harbour-gazette.rss.xml'), '"a"', 'Wed, 05 Mar 2025 07:00:00 GMT'));
      server.route('/mirror/b.rss', conditionalFeed(fixture('harbour-gazette.rss.xml'), '"b"', 'Wed, 05 Mar 2025 07:00:00 GMT'));
      const clock = fakeClock('2025-03-10T08:00:00Z');
      const s = await watchFeeds(store, [`${server.base}/mirror/a.rss`, `${server.base}/mirror/b.rss`], options(clock, { once: true }));
      expect(s).toMatchObject({ fresh: 3, known: 3 });
      expect(await articleTitles(store)).toHaveLength(3);
      // The mirror remembers its items too, so they are not looked up again.
      expect(await listFeedItems(store, `${server.base}/mirror/b.rss`)).toHaveLength(3);
    } finally {
      await store.destroy();
    }
  });

  it('backs a failing feed off (500, malformed XML, timeout) while another feed goes on, resets on recovery, and keeps it all across a reopen', async () => {
    const target = await freshStoreTarget('watch-flaky');
    const store = await openStore(target);
    const flaky = `${server.base}/flaky/gazette.rss`;
    const healthy = `${server.base}/flaky/bulletin.atom`;
    let reopened: Store | null = null;
    try {
      const behaviours = [status(500), conditionalFeed(fixture('broken.rss.xml'), '"x"', 'Mon, 10 Mar 2025 00:00:00 GMT'), hang];
      let calls = 0;
      server.route('/flaky/gazette.rss', (req, res) => {
        const next = behaviours[calls++] ?? conditionalFeed(fixture('harbour-gazette.rss.xml'), '"ok"', 'Wed, 05 Mar 2025 07:00:00 GMT');
        next(req, res);
      });
      server.route('/flaky/bulletin.atom', conditionalFeed(fixture('northfield-bulletin.atom.xml'), '"b1"', 'Thu, 06 Mar 2025 12:00:00 GMT', 'application/atom+xml'));
      const clock = fakeClock('2025-03-10T08:00:00Z');
      const lines: string[] = [];
      const flakyReports: FeedPollReport[] = [];
      const healthyReports: FeedPollReport[] = [];
      const stop = new AbortController();
      const summary = await watchFeeds(
        store,
        [flaky, healthy],
        options(clock, {
          log: (l) => lines.push(l),
          signal: stop.signal,
          maxPolls: 60,
          onPoll: (r) => {
            (r.url === flaky ? flakyReports : healthyReports).push(r);
            if (r.url === flaky && r.kind === 'ok') stop.abort();
          },
        }),
      );

      expect(flakyReports.map((r) => r.kind)).toEqual(['failed', 'failed', 'failed', 'ok']);
      expect(flakyReports.map((r) => r.state.failures)).toEqual([1, 2, 3, 0]);
      // Each failure waits longer than the last: every × 2^failures.
      const waits = flakyReports.slice(0, 3).map((r) => Date.parse(r.state.nextPollAt!) - Date.parse(r.state.lastPolledAt!));
      expect(waits).toEqual([2 * TEN_MINUTES, 4 * TEN_MINUTES, 8 * TEN_MINUTES]);
      expect(flakyReports[1]!.error!.location.line).toBe(7);
      const flakyLines = lines.filter((l) => l.startsWith(`feed ${flaky}`));
      expect(flakyLines[0]).toBe(`feed ${flaky}: failed (HTTP 500 Internal Server Error), retry in 20m`);
      expect(flakyLines[1]).toMatch(/: failed \(line 7: not well-formed XML.*\), retry in 40m$/);
      expect(flakyLines[2]).toMatch(/: failed \(no complete answer within 0\.4 s\), retry in 1h20m$/);
      expect(flakyLines[3]).toBe(`feed ${flaky}: 3 new, 0 known`);

      // The healthy feed was ingested in the same run and polled on its own schedule meanwhile.
      expect(healthyReports[0]).toMatchObject({ kind: 'ok', fresh: 2 });
      expect(healthyReports.length).toBeGreaterThan(flakyReports.length);
      expect(healthyReports.slice(1).every((r) => r.kind === 'not-modified')).toBe(true);
      expect(summary).toMatchObject({ stopped: true, failedPolls: 3, fresh: 5, failingFeeds: [] });

      const recovered = flakyReports[3]!.state;
      expect(recovered).toMatchObject({ failures: 0, lastError: null, etag: '"ok"' });
      expect(Date.parse(recovered.nextPollAt!) - Date.parse(recovered.lastPolledAt!)).toBe(TEN_MINUTES);

      await store.destroy();
      reopened = await openStore(target);
      const [flakyState, healthyState] = await loadFeedStates(reopened, [flaky, healthy]);
      expect(flakyState).toEqual(recovered);
      expect(healthyState).toEqual(healthyReports.at(-1)!.state);
      // A restarted watcher sends the stored validators and gets a 304.
      server.requests.length = 0;
      clock.advance(TEN_MINUTES);
      const again = await pollAndIngest(reopened, healthyState!, options(clock));
      expect(again?.kind).toBe('not-modified');
      expect(server.requests[0]?.headers['if-none-match']).toBe('"b1"');
    } finally {
      if (reopened) await reopened.destroy();
      else await store.destroy();
    }
  });

  it('honours Retry-After on 503 and 429, and keeps failures across runs', async () => {
    const store = await openTestStore('watch-retry');
    try {
      server.route('/retry/503', status(503, { 'retry-after': '7200' }));
      server.route('/retry/429', status(429, { 'retry-after': 'Mon, 10 Mar 2025 11:00:00 GMT' }));
      const clock = fakeClock('2025-03-10T08:00:00Z');
      const reports: FeedPollReport[] = [];
      const lines: string[] = [];
      const urls = [`${server.base}/retry/503`, `${server.base}/retry/429`];
      const s = await watchFeeds(store, urls, options(clock, { once: true, onPoll: (r) => reports.push(r), log: (l) => lines.push(l) }));
      expect(s.failingFeeds.sort()).toEqual([...urls].sort());
      expect(reports.map((r) => r.state.nextPollAt)).toEqual(['2025-03-10T10:00:00.000Z', '2025-03-10T11:00:00.000Z']);
      expect(lines[0]).toBe(`feed ${urls[0]}: failed (HTTP 503 Service Unavailable), retry in 2h`);
      const again = await watchFeeds(store, [urls[0]!], options(clock, { once: true, onPoll: (r) => reports.push(r) }));
      expect(again.failedPolls).toBe(1);
      expect(reports[2]!.state.failures).toBe(2);
      expect(reports[2]!.state.lastError).toContain(urls[0]);
    } finally {
      await store.destroy();
    }
  });

  it('waits for a backing-off feed instead of polling it early', async () => {
    const store = await openTestStore('watch-due');
    try {
      let polls = 0;
      server.route('/due/down', (req, res) => {
        polls++;
        status(502)(req, res);
      });
      const url = `${server.base}/due/down`;
      const clock = fakeClock('2025-03-10T08:00:00Z');
      const stored = { ...initialFeedState(url), failures: 4, nextPollAt: '2025-03-10T09:00:00.000Z' };
      const { saveFeedState } = await import('../../src/store/feeds-repository.js');
      await saveFeedState(store, stored);
      const started = clock.now().getTime();
      const s = await watchFeeds(store, [url], options(clock, { maxPolls: 1 }));
      expect(s.polls).toBe(1);
      expect(polls).toBe(1);
      // The watcher slept until the stored next poll, not before.
      expect(clock.now().getTime() - started).toBe(3600_000);
      expect((await loadFeedStates(store, [url]))[0]!.failures).toBe(5);
    } finally {
      await store.destroy();
    }
  });
});
