import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pollFeed } from '../../src/ingest/feed-poll.js';
import { initialFeedState } from '../../src/ingest/feed-schedule.js';
import { conditionalFeed, type FeedServer, fixture, hang, startFeedServer, status } from './feed-watch-server.js';

describe('one conditional GET of a feed', () => {
  let server: FeedServer;
  beforeAll(async () => {
    server = await startFeedServer();
    server.route('/rss', conditionalFeed(fixture('harbour-gazette.rss.xml'), '"v1"', 'Wed, 05 Mar 2025 07:00:00 GMT'));
    server.route('/atom', conditionalFeed(fixture('northfield-bulletin.atom.xml'), '"a1"', 'Thu, 06 Mar 2025 12:00:00 GMT', 'application/atom+xml'));
    server.route('/moved', (_req, res) => res.writeHead(301, { location: '/rss' }).end());
    server.route('/page', (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html>\n<html><body><p>Not a feed.</p></body></html>'));
    server.route('/huge', (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(`<rss>${' '.repeat(5000)}</rss>`));
    server.route('/huge-chunked', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      for (let i = 0; i < 20; i++) res.write(`<!-- ${'x'.repeat(500)} -->\n`);
      res.end('<rss version="2.0"><channel></channel></rss>');
    });
    server.route('/broken', conditionalFeed(fixture('broken.rss.xml'), '"b"', 'Mon, 10 Mar 2025 00:00:00 GMT'));
    server.route('/gone', status(410));
    server.route('/slow', hang);
    server.route('/empty-feed', (_req, res) => res.writeHead(200).end('<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Quiet Wire</title></channel></rss>\n'));
  });
  afterAll(async () => {
    await server.close();
  });

  const state = (path: string) => initialFeedState(`${server.base}${path}`);

  it('reads RSS and Atom, with the validators the server gave and provenance naming the URL', async () => {
    const rss = await pollFeed(state('/rss'));
    expect(rss).toMatchObject({ kind: 'ok', status: 200, etag: '"v1"', lastModified: 'Wed, 05 Mar 2025 07:00:00 GMT' });
    if (rss.kind !== 'ok') throw new Error('unreachable');
    expect(rss.articles.map((a) => a.extra.guid)).toEqual(['hg-1001', 'hg-1002', 'hg-1003']);
    expect(rss.articles[0]!.provenance).toMatchObject({ file: `${server.base}/rss`, startLine: 7, reader: 'rss' });
    const atom = await pollFeed(state('/atom'));
    expect(atom.kind === 'ok' && atom.articles.map((a) => a.outlet)).toEqual(['Northfield Bulletin', 'Northfield Bulletin']);
  });

  it('sends the saved validators and a User-Agent naming Dossier, and takes 304 as not modified', async () => {
    server.requests.length = 0;
    const again = await pollFeed({ ...state('/rss'), etag: '"v1"', lastModified: 'Wed, 05 Mar 2025 07:00:00 GMT' });
    expect(again.kind).toBe('not-modified');
    expect(server.requests[0]!.headers).toMatchObject({ 'if-none-match': '"v1"', 'if-modified-since': 'Wed, 05 Mar 2025 07:00:00 GMT' });
    expect(server.requests[0]!.headers['user-agent']).toMatch(/^Dossier\//);
    const stale = await pollFeed({ ...state('/rss'), etag: '"v0"' });
    expect(stale.kind).toBe('ok');
  });

  it('follows redirects', async () => {
    const moved = await pollFeed(state('/moved'));
    expect(moved.kind === 'ok' && moved.articles).toHaveLength(3);
  });

  it('takes a feed with no items as a success with nothing in it', async () => {
    const quiet = await pollFeed(state('/empty-feed'));
    expect(quiet.kind === 'ok' && quiet.articles).toEqual([]);
  });

  it('fails with the URL and the reason: HTTP status, XML line, not a feed, too large, timeout, refused', async () => {
    const outcomes = {
      gone: await pollFeed(state('/gone')),
      broken: await pollFeed(state('/broken')),
      page: await pollFeed(state('/page')),
      huge: await pollFeed(state('/huge'), { maxBytes: 1000 }),
      hugeChunked: await pollFeed(state('/huge-chunked'), { maxBytes: 1000 }),
      slow: await pollFeed(state('/slow'), { timeoutMs: 300 }),
    };
    for (const [name, outcome] of Object.entries(outcomes)) {
      expect(outcome.kind, name).toBe('failed');
      if (outcome.kind === 'failed') expect(outcome.error.message, name).toContain(server.base);
    }
    const reason = (o: (typeof outcomes)[keyof typeof outcomes]): string => (o.kind === 'failed' ? o.error.message : '');
    expect(outcomes.gone).toMatchObject({ status: 410, retryAfterMs: null });
    expect(reason(outcomes.gone)).toMatch(/HTTP 410 Gone$/);
    expect(reason(outcomes.broken)).toMatch(/\/broken:7: not well-formed XML/);
    expect(reason(outcomes.page)).toMatch(/not an RSS or Atom feed: the root element is <html>/);
    expect(reason(outcomes.huge)).toMatch(/larger than 1000 bytes/);
    expect(reason(outcomes.hugeChunked)).toMatch(/larger than 1000 bytes/);
    expect(reason(outcomes.slow)).toMatch(/no complete answer within 0\.3 s/);

    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const refused = await pollFeed(initialFeedState(`http://127.0.0.1:${port}/rss`));
    expect(refused.kind === 'failed' && refused.error.message).toMatch(/cannot fetch \(ECONNREFUSED/);
  });

  it('drops the request when asked to stop', async () => {
    const stop = new AbortController();
    const pending = pollFeed(state('/slow'), { signal: stop.signal, timeoutMs: 60_000 });
    stop.abort();
    const outcome = await pending;
    expect(outcome.kind === 'failed' && outcome.error.reason).toBe('stopped before the feed was read');
  });
});
