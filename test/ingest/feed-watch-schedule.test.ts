import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BACKOFF_CAP_MS,
  backoffDelay,
  formatDuration,
  initialFeedState,
  isDue,
  nextFeedState,
  parseDuration,
  parseRetryAfter,
  RETRY_AFTER_CAP_MS,
} from '../../src/ingest/feed-schedule.js';
import { feedItemKey } from '../../src/pipeline/feed-watch.js';
import type { RawArticle } from '../../src/ingest/raw-article.js';

const MIN = 60_000;
const NOW = new Date('2025-03-10T08:00:00Z');
const calm = { everyMs: 10 * MIN, random: () => 0.5 };

describe('backoff', () => {
  it('doubles with each failure from twice the interval, up to the cap', () => {
    expect([1, 2, 3, 4, 5].map((n) => backoffDelay(n, calm) / MIN)).toEqual([20, 40, 80, 160, 320]);
    expect(backoffDelay(6, calm)).toBe(BACKOFF_CAP_MS);
    expect(backoffDelay(1000, calm)).toBe(BACKOFF_CAP_MS);
  });

  it('jitters by at most a tenth, never past the cap, and each wait is longer than the one before', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.double({ min: 0, max: 0.999999, noNaN: true }), fc.double({ min: 0, max: 0.999999, noNaN: true }), (n, a, b) => {
        const d = backoffDelay(n, { everyMs: 10 * MIN, random: () => a });
        const base = Math.min(BACKOFF_CAP_MS, 10 * MIN * 2 ** n);
        expect(d).toBeGreaterThanOrEqual(Math.floor(base * 0.9));
        expect(d).toBeLessThanOrEqual(Math.min(BACKOFF_CAP_MS, Math.ceil(base * 1.1)));
        const later = backoffDelay(n + 1, { everyMs: 10 * MIN, random: () => b });
        if (base < BACKOFF_CAP_MS / 2) expect(later).toBeGreaterThan(d);
      }),
    );
  });
});

describe('the next state of a feed', () => {
  const start = initialFeedState('https://gazette.example.org/rss');

  it('counts failures, keeps the validators, and pushes the next poll out', () => {
    const failed = nextFeedState({ ...start, etag: '"e"' }, { kind: 'failed', message: 'HTTP 500', retryAfterMs: null }, NOW, calm);
    expect(failed).toMatchObject({ failures: 1, etag: '"e"', lastError: 'HTTP 500', lastOkAt: null, lastPolledAt: NOW.toISOString() });
    expect(failed.nextPollAt).toBe('2025-03-10T08:20:00.000Z');
    expect(isDue(failed, NOW)).toBe(false);
    expect(isDue(failed, new Date('2025-03-10T08:20:00Z'))).toBe(true);
  });

  it('resets on success and takes the new validators and item count', () => {
    const failing = { ...start, failures: 3, lastError: 'timeout', etag: '"old"', itemsSeen: 4 };
    const ok = nextFeedState(failing, { kind: 'ok', etag: '"new"', lastModified: 'Mon, 10 Mar 2025 07:00:00 GMT', itemsSeen: 2 }, NOW, calm);
    expect(ok).toMatchObject({ failures: 0, lastError: null, etag: '"new"', itemsSeen: 6, lastOkAt: NOW.toISOString(), nextPollAt: '2025-03-10T08:10:00.000Z' });
    const same = nextFeedState(failing, { kind: 'not-modified' }, NOW, calm);
    expect(same).toMatchObject({ failures: 0, etag: '"old"', itemsSeen: 4 });
  });

  it('waits as long as Retry-After asks when that is longer than the backoff, up to a day', () => {
    const asked = nextFeedState(start, { kind: 'failed', message: 'HTTP 429', retryAfterMs: 3 * 3600_000 }, NOW, calm);
    expect(asked.nextPollAt).toBe('2025-03-10T11:00:00.000Z');
    const short = nextFeedState(start, { kind: 'failed', message: 'HTTP 503', retryAfterMs: 5_000 }, NOW, calm);
    expect(short.nextPollAt).toBe('2025-03-10T08:20:00.000Z');
    const absurd = nextFeedState(start, { kind: 'failed', message: 'HTTP 503', retryAfterMs: 30 * 24 * 3600_000 }, NOW, calm);
    expect(Date.parse(absurd.nextPollAt!) - NOW.getTime()).toBe(RETRY_AFTER_CAP_MS);
  });
});

describe('header and argument readings', () => {
  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(parseRetryAfter('120', NOW)).toBe(120_000);
    expect(parseRetryAfter('Mon, 10 Mar 2025 09:30:00 GMT', NOW)).toBe(90 * MIN);
    expect(parseRetryAfter('Mon, 10 Mar 2025 07:00:00 GMT', NOW)).toBe(0);
    expect(parseRetryAfter('soon', NOW)).toBeNull();
    expect(parseRetryAfter(null, NOW)).toBeNull();
  });

  it('reads durations and refuses anything else', () => {
    expect(parseDuration('30s')).toBe(30_000);
    expect(parseDuration('10m')).toBe(10 * MIN);
    expect(parseDuration('1h')).toBe(60 * MIN);
    expect(parseDuration('1h30m')).toBe(90 * MIN);
    for (const bad of ['', '10', 'm', '0s', '-5m', '10 minutes', '1.5h', '10m1h']) expect(parseDuration(bad), bad).toBeNull();
  });

  it('prints waits as a person reads them', () => {
    expect([45_000, 20 * MIN, 80 * MIN, 6 * 60 * MIN, 20 * MIN + 29_000].map(formatDuration)).toEqual(['45s', '20m', '1h20m', '6h', '20m']);
  });
});

describe('feed item keys', () => {
  const item = (over: Partial<RawArticle>): RawArticle => ({
    title: 'Ferry timetable changes',
    outlet: 'Harbour Gazette',
    author: null,
    date: null,
    url: 'https://gazette.example.org/ferry',
    text: 'The early crossing leaves twenty minutes later.',
    authorBio: null,
    provenance: { file: 'https://gazette.example.org/rss', startLine: 1, endLine: 2, startByte: 0, endByte: 10, reader: 'rss' },
    sourceRuns: [],
    extra: {},
    ...over,
  });

  it('takes the guid or Atom id first, then the link, and the content only when there is neither', () => {
    expect(feedItemKey(item({ extra: { guid: ' hg-1 ' } }))).toBe('id:hg-1');
    expect(feedItemKey(item({ extra: { id: 'urn:x:1' } }))).toBe('id:urn:x:1');
    expect(feedItemKey(item({}))).toBe('url:https://gazette.example.org/ferry');
    const bare = item({ url: null });
    const edited = item({ url: null, text: 'The early crossing leaves twenty-five minutes later.' });
    expect(feedItemKey(bare)).toMatch(/^article:a_/);
    expect(feedItemKey(edited)).not.toBe(feedItemKey(bare));
    expect(feedItemKey(item({ extra: { guid: 'hg-1' }, text: 'edited' }))).toBe(feedItemKey(item({ extra: { guid: 'hg-1' } })));
  });
});
