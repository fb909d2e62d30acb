import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { getPriority } from 'node:os';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { ReadArgs, ReadName } from '../../src/api/read-queries.js';
import { errorReply } from '../../src/api/api-errors.js';
import { DEFAULT_READ_RUNNER, inlineReads, laneOf, threadedReads, withStatementTimeout } from '../../src/api/read-runner.js';
import { buildServer } from '../../src/api/server.js';
import { createAnalyzer } from '../../src/pipeline/analyze-article.js';
import { ingestFiles } from '../../src/pipeline/ingest-files.js';
import { loadKnowledge } from '../../src/pipeline/load-knowledge.js';
import { findArticles, getArticle, searchArticles, storeStats } from '../../src/store/articles-repository.js';
import { recordWithReports } from '../../src/records/record-detail-view.js';
import { countReviewQueue, findEvents, reviewQueue } from '../../src/store/events-queries.js';
import { countTimeline, getActor, timeline } from '../../src/store/mentions-queries.js';
import { openStore } from '../../src/store/open-store.js';
import { dialectUnderTest, freshSqliteTarget, freshStoreTarget } from '../support/test-store.js';

const DIGEST = [
  'Ferry resumes at the northern quay\nExample Wire – June 3, 2024\nThe ferry to Saltmere sailed from the northern quay on Monday. It stopped on May 28, 2024. Police arrested two men in Basra on June 2, 2024, a spokesman said.\n',
  'Grain exports rise\nExample Wire – June 4, 2024\nGrain exports from Saltmere rose in May, the port director Laila Nasser said on June 1, 2024.\n',
].join('');

const digestFile = (): string => {
  const file = join(mkdtempSync(join(tmpdir(), 'dossier-read-threads-')), 'digest.txt');
  writeFileSync(file, DIGEST);
  return file;
};
/** The full pipeline: the timeline's mentions are saved with the annotation layers. */
const analyzer = createAnalyzer(loadKnowledge());

describe('reads in threads of their own', () => {
  it('find what the store itself finds, and refuse what it refuses, as usage errors', async () => {
    const path = freshSqliteTarget('search-threads');
    const store = await openStore(path);
    const runner = threadedReads(path, { threads: 1, budgetMs: 60_000 });
    try {
      expect((await ingestFiles(store, [digestFile()], { analyzer })).articlesNew).toBe(2);
      for (const q of ['saltmere', '"northern quay"', 'grai* OR ferry', 'saltmere NOT grain']) {
        expect(await runner.search(q, 10), q).toEqual(await searchArticles(store, q, 10));
      }
      expect((await runner.search('saltmere', 10)).length).toBe(2);
      // The thread's refusal comes back by its code, not as a message to match.
      await expect(runner.search('a* OR b*', 10)).rejects.toMatchObject({ code: 'DOSSIER_SEARCH_BAD_QUERY' });
      await expect(runner.search('"unclosed', 10)).rejects.toMatchObject({ code: 'DOSSIER_SEARCH_BAD_QUERY', message: expect.stringContaining('unclosed quote') });
      // Two at once on one thread: the second waits its turn.
      const [a, b] = await Promise.all([runner.search('ferry', 10), runner.search('grain', 10)]);
      expect([a.length, b.length]).toEqual([1, 1]);
      // The lists too: a page of the timeline and its count, and the stats, as the store gives them.
      const all = await timeline(store);
      expect(all.length).toBeGreaterThan(3);
      expect(await runner.read('timeline', { limit: 2, offset: 1 })).toEqual({ items: all.slice(1, 3), total: all.length });
      expect(await runner.read('timeline', { from: '2024-06', limit: 50, offset: 0 })).toEqual({ items: await timeline(store, { from: '2024-06' }), total: await countTimeline(store, { from: '2024-06' }) });
      expect(await runner.read('stats', {})).toEqual(await storeStats(store));
    } finally {
      await runner.close();
      await store.destroy();
    }
  });

  it('answers past the budget with the limit named, and a fresh thread answers the next read', async () => {
    const path = freshSqliteTarget('read-budget');
    const store = await openStore(path);
    await ingestFiles(store, [digestFile()], { analyzer });
    // 1 ms: a thread cannot even start in that time, so the read is over its budget.
    const hurried = threadedReads(path, { threads: 1, budgetMs: 1 });
    try {
      await expect(hurried.read('timeline', { limit: 5, offset: 0 })).rejects.toMatchObject({ code: 'DOSSIER_READ_TIMEOUT', message: expect.stringContaining('budget of 1 ms') });
      await expect(hurried.search('saltmere', 5)).rejects.toMatchObject({ code: 'DOSSIER_SEARCH_TIMEOUT' });
    } finally {
      await hurried.close();
    }
    const patient = threadedReads(path, { threads: 1, budgetMs: 60_000 });
    try {
      expect(await patient.read('timeline', { limit: 3, offset: 0 })).toEqual({ items: await timeline(store, { limit: 3 }), total: await countTimeline(store) });
    } finally {
      await patient.close();
      await store.destroy();
    }
  });
});

/** Each list read with arguments as its route passes them: a first page, a second one, a filter. */
const LIST_READS: Array<{ [N in ReadName]: [N, ReadArgs<N>] }[ReadName]> = [
  ['articles', { limit: 1, offset: 0 }],
  ['articles', { limit: 1, offset: 1, sort: 'title' }],
  ['articles', { outlet: 'example', from: '2024-06-04', limit: 50, offset: 0 }],
  ['events', { limit: 50, offset: 0 }],
  ['events', { includeRejected: true, text: 'basra', limit: 1, offset: 0 }],
  ['quotes', { limit: 50, offset: 0 }],
  ['actors', { limit: 50, offset: 0 }],
  ['actors', { name: 'police', limit: 50, offset: 0 }],
  ['places', { limit: 1, offset: 0 }],
  ['repeats', { limit: 50, offset: 0 }],
  ['records', { limit: 50, offset: 0, sort: 'date' }],
  ['outlets', { brief: true, limit: 50, offset: 0 }],
  ['outlets', { brief: false, name: 'wire', limit: 50, offset: 0 }],
  ['network', {}],
  ['network', { actor: 'no-such-actor' }],
];

/** An article, event, record and actor the fixture's store holds, found through the lists. */
async function someIds(reads: ReturnType<typeof inlineReads>): Promise<{ article: string; event: string; record: string; actor: string }> {
  const [article] = (await reads.read('articles', { limit: 1, offset: 0 })).items;
  const [event] = (await reads.read('events', { limit: 1, offset: 0 })).items;
  const [record] = (await reads.read('records', { limit: 1, offset: 0, sort: 'date' })).items;
  const [actor] = (await reads.read('actors', { limit: 1, offset: 0 })).items;
  expect({ article, event, record, actor }).toEqual({ article: expect.anything(), event: expect.anything(), record: expect.anything(), actor: expect.anything() });
  return { article: article!.id, event: event!.id, record: record!.id, actor: actor!.id };
}

/** /api/find, the review queue and each look-up by id, as their routes pass them. */
async function byIdReads(reads: ReturnType<typeof inlineReads>): Promise<Array<{ [N in ReadName]: [N, ReadArgs<N>] }[ReadName]>> {
  const ids = await someIds(reads);
  return [
    ['find', { q: 'saltmere', limit: 50 }],
    ['find', { q: 'police', limit: 1 }],
    ['review', { threshold: 1, limit: 50, offset: 0 }],
    ['review', { threshold: 1, limit: 1, offset: 1 }],
    ['article', { id: ids.article }],
    ['article', { id: 'a_none' }],
    ['event', { id: ids.event }],
    ['event', { id: 'e_none' }],
    ['record', { id: ids.record }],
    ['actor', { id: ids.actor }],
    ['actor', { id: 'no-such-actor' }],
  ];
}

describe('list reads in threads of their own', () => {
  it('give the pages the store connection gives, and the routes answer the same from threads', async () => {
    const path = freshSqliteTarget('list-threads');
    const store = await openStore(path);
    const threads = threadedReads(path, { threads: 2, budgetMs: 60_000 });
    const inline = inlineReads(store);
    try {
      expect((await ingestFiles(store, [digestFile()], { analyzer })).articlesNew).toBe(2);
      // The fixture gives the lists something to hold: an event and its actors, places, records.
      expect((await inline.read('events', { limit: 50, offset: 0 })).total).toBeGreaterThan(0);
      expect((await inline.read('places', { limit: 50, offset: 0 })).total).toBeGreaterThan(0);
      for (const [name, args] of LIST_READS) {
        expect(await threads.read(name, args as never), `${name} ${JSON.stringify(args)}`).toEqual(await inline.read(name, args as never));
      }
      // /api/find, the review queue and the look-ups by id, with ids the store holds and one it does not.
      for (const [name, args] of await byIdReads(inline)) {
        expect(await threads.read(name, args as never), `${name} ${JSON.stringify(args)}`).toEqual(await inline.read(name, args as never));
      }
      // A page is a slice of the whole: the second article by title is the second of all.
      const all = await inline.read('articles', { sort: 'title', limit: 50, offset: 0 });
      expect(await threads.read('articles', { sort: 'title', limit: 1, offset: 1 })).toEqual({ items: all.items.slice(1, 2), total: 2 });
      expect(await threads.read('network', { actor: 'no-such-actor' })).toBeNull();
    } finally {
      await threads.close();
    }
    // The server given the file reads its lists in threads; without it, on its connection.
    // A budget that a thread's start from the sources (tsx) on a loaded machine stays within.
    const threaded = await buildServer({ store, storePath: path, reads: { threads: 2, budgetMs: 60_000 } });
    const plain = await buildServer({ store });
    try {
      const ids = await someIds(inline);
      const byId = [`/api/articles/${ids.article}`, `/api/events/${ids.event}`, `/api/records/${ids.record}`, `/api/actors/${ids.actor}`, '/api/articles/a_none?missing=null'];
      for (const url of ['/api/articles?sort=title&limit=1&offset=1', '/api/events', '/api/actors?name=police', '/api/places', '/api/repeats', '/api/records', '/api/outlets?brief=true', '/api/quotes', '/api/network', '/api/find?q=saltmere', '/api/find?q=police', '/api/review?threshold=1', ...byId]) {
        const [a, b] = [await threaded.inject(url), await plain.inject(url)];
        expect(a.statusCode, url).toBe(200);
        expect(a.json(), url).toEqual(b.json());
      }
      const unknown = await threaded.inject('/api/network?actor=no-such-actor');
      expect(unknown.statusCode).toBe(404);
      for (const url of ['/api/articles/a_none', '/api/events/e_none', '/api/records/r_none', '/api/actors/no-such-actor']) {
        expect((await threaded.inject(url)).statusCode, url).toBe(404);
      }
      // Search syntax the words break is told beside what the names found, from the thread too.
      const broken = (await threaded.inject('/api/find?q=%22unclosed%20saltmere')).json() as { articleSearchError: string | null };
      expect(broken.articleSearchError).toContain('unclosed quote');
    } finally {
      await threaded.close();
      await plain.close();
      await store.destroy();
    }
  });

  it('answer a repeated read from what they kept, until something is written to the file', async () => {
    const path = freshSqliteTarget('read-kept');
    const store = await openStore(path);
    const runner = threadedReads(path, { threads: 1, budgetMs: 60_000 });
    try {
      await ingestFiles(store, [digestFile()], { analyzer });
      const before = await runner.read('stats', {});
      expect(before.articles).toBe(2);
      expect(await runner.read('stats', {})).toEqual(before);
      // Another connection writes (as `dossier ingest` in another process would): the next read sees it.
      const other = join(mkdtempSync(join(tmpdir(), 'dossier-read-kept-')), 'more.txt');
      writeFileSync(other, 'Harbour reopens\nExample Wire – June 5, 2024\nThe harbour of Saltmere reopened on Wednesday, the port director said.\n');
      const writer = await openStore(path);
      try {
        expect((await ingestFiles(writer, [other], { analyzer })).articlesNew).toBe(1);
      } finally {
        await writer.destroy();
      }
      expect((await runner.read('stats', {})).articles).toBe(3);
      expect((await runner.read('articles', { limit: 10, offset: 0 })).total).toBe(3);
    } finally {
      await runner.close();
      await store.destroy();
    }
  });

  it('answer a read after the server\'s own write with what was written, not what was kept', async () => {
    const path = freshSqliteTarget('read-kept-server');
    const store = await openStore(path);
    await ingestFiles(store, [digestFile()], { analyzer });
    const token = 'kept-token-1';
    const app = await buildServer({ store, storePath: path, token, reads: { threads: 1, budgetMs: 60_000 } });
    try {
      const queue = async (): Promise<string[]> => ((await app.inject('/api/review?threshold=1')).json() as { items: Array<{ id: string }> }).items.map((i) => i.id);
      const first = await queue();
      expect(first.length).toBeGreaterThan(0);
      expect(await queue()).toEqual(first);
      const decided = await app.inject({ method: 'POST', url: `/api/review/${first[0]!}`, payload: { decision: 'reject' }, headers: { authorization: `Bearer ${token}` } });
      expect(decided.statusCode, decided.body).toBe(200);
      expect(await queue()).toEqual(first.slice(1));
    } finally {
      await app.close();
      await store.destroy();
    }
  });

  // Linux only (a thread's nice value is its own there); elsewhere the threads keep the process's.
  // The search threads run nicer than the server (a client can make a search expensive at will);
  // the list threads by their own option (0 by default: a bounded page, which at 10 nicer waited
  // for every other process on a loaded machine). Each thread renices itself when it starts.
  it('run the search threads nicer than the server and the list threads by their own setting', async () => {
    if (!existsSync('/proc/thread-self')) return;
    const path = freshSqliteTarget('read-nice');
    const store = await openStore(path);
    await store.destroy();
    // Field 19 of a task's stat is its nice value; the fields after the name's ')' start at 3.
    const niceOfTasks = (): number[] =>
      readdirSync('/proc/self/task').map((tid) => {
        const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
      });
    const base = getPriority();
    const at = (by: number): number => niceOfTasks().filter((n) => n === base + by).length;
    expect([at(2), at(3)]).toEqual([0, 0]);
    const runner = threadedReads(path, { threads: 1, searchThreads: 2, budgetMs: 60_000, niceBy: 2, searchNiceBy: 3 });
    try {
      await runner.read('stats', {});
      await runner.search('saltmere', 5);
      // One list thread 2 nicer and two search threads 3 nicer; the second search thread may still be starting.
      for (let waited = 0; (at(2) < 1 || at(3) < 2) && waited < 5_000; waited += 50) await new Promise((done) => setTimeout(done, 50));
      expect([at(2), at(3)]).toEqual([1, 2]);
    } finally {
      await runner.close();
    }
    // By default: the two list threads at the server's own priority, the one search thread 10 nicer.
    // (A budget for a loaded machine: a thread started from the sources takes seconds.)
    const defaults = threadedReads(path, { ...DEFAULT_READ_RUNNER, budgetMs: 60_000 });
    try {
      await defaults.read('stats', {});
      await defaults.read('articles', { limit: 1, offset: 0 });
      await defaults.search('saltmere', 5);
      // Nice values stop at 19 (a test run already 10 nicer would find the search thread there).
      const searchNice = (): number => niceOfTasks().filter((n) => n === Math.min(19, base + 10)).length;
      for (let waited = 0; searchNice() < 1 && waited < 5_000; waited += 50) await new Promise((done) => setTimeout(done, 50));
      expect(searchNice()).toBe(1);
    } finally {
      await defaults.close();
    }
  });

  it('keep the searches to threads of their own, so a client sending searches back to back never holds a list', () => {
    expect((['search', 'find'] as const).map(laneOf)).toEqual(['search', 'search']);
    expect((['articles', 'timeline', 'stats', 'events', 'records', 'review', 'article', 'actor'] as const).map(laneOf)).toEqual(Array(8).fill('list'));
  });

  it('answer a list past its budget with 503 naming the limit', async () => {
    const path = freshSqliteTarget('list-budget');
    const store = await openStore(path);
    await ingestFiles(store, [digestFile()], { analyzer });
    const hurried = threadedReads(path, { threads: 1, budgetMs: 1 });
    try {
      await expect(hurried.read('articles', { sort: 'title', limit: 5, offset: 0 })).rejects.toMatchObject({ code: 'DOSSIER_READ_TIMEOUT', message: expect.stringContaining('the articles took longer than its budget of 1 ms') });
    } finally {
      await hurried.close();
    }
    // /api/find, the review queue and the look-ups by id go through the read threads too: with a
    // budget no thread can keep, each is answered 503 naming it, not from the server's thread.
    const [article] = await findArticles(store, { limit: 1 });
    const app = await buildServer({ store, storePath: path, reads: { threads: 1, budgetMs: 1 } });
    try {
      for (const [url, code] of [
        ['/api/find?q=saltmere', 'DOSSIER_SEARCH_TIMEOUT'],
        ['/api/review', 'DOSSIER_READ_TIMEOUT'],
        [`/api/articles/${article!.id}`, 'DOSSIER_READ_TIMEOUT'],
        ['/api/events/e_none', 'DOSSIER_READ_TIMEOUT'],
        ['/api/records/r_none', 'DOSSIER_READ_TIMEOUT'],
        ['/api/actors/no-such-actor', 'DOSSIER_READ_TIMEOUT'],
      ]) {
        const res = await app.inject(url!);
        expect(res.statusCode, url).toBe(503);
        expect(res.json(), url).toMatchObject({ error: { code, message: expect.stringContaining('budget of 1 ms') } });
      }
    } finally {
      await app.close();
      await store.destroy();
    }
  });
});

describe('the queue of searches waiting for the search thread', () => {
  it('is bounded: one search more than the limit is answered 503 at once, naming it, and the lists go on', async () => {
    const path = freshSqliteTarget('search-queue');
    const store = await openStore(path);
    await ingestFiles(store, [digestFile()], { analyzer });
    const runner = threadedReads(path, { threads: 1, searchThreads: 1, budgetMs: 60_000, maxWaitingSearches: 2 });
    try {
      // Sent together: the first takes the thread, two wait for it, the fourth and fifth find the queue full.
      const answers = await Promise.allSettled(['ferry', 'grain', 'saltmere', 'quay', 'basra'].map((q) => runner.search(q, 10)));
      expect(answers.map((a) => a.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'rejected', 'rejected']);
      expect(answers.slice(0, 3).map((a) => (a.status === 'fulfilled' ? a.value.length : -1))).toEqual([1, 1, 2]);
      const refused = answers[3]!.status === 'rejected' ? (answers[3] as PromiseRejectedResult).reason : null;
      expect(refused).toMatchObject({ code: 'DOSSIER_SEARCH_BUSY', message: expect.stringContaining('the limit is 2') });
      expect(errorReply(refused).status).toBe(503);
      // The bound is on the searches only: a list read meanwhile is answered.
      const [list, ...searches] = await Promise.allSettled([runner.read('stats', {}), ...['a', 'b', 'c', 'd'].map((q) => runner.search(`${q}ferry`, 1))]);
      expect(list).toEqual({ status: 'fulfilled', value: await storeStats(store) });
      expect(searches.map((a) => a.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'rejected']);
      // Once the queue is gone the next search is served.
      expect(await runner.search('grain', 10)).toHaveLength(1);
    } finally {
      await runner.close();
      await store.destroy();
    }
  });

  it('lets go of a search past its budget: it no longer counts against the limit, and never runs', async () => {
    const path = freshSqliteTarget('search-queue-budget');
    const store = await openStore(path);
    await store.destroy();
    // 1 ms: every search is over its budget before the thread has started.
    const hurried = threadedReads(path, { threads: 1, searchThreads: 1, budgetMs: 1, maxWaitingSearches: 2 });
    try {
      const first = await Promise.allSettled(['ferry', 'grain', 'saltmere'].map((q) => hurried.search(q, 10)));
      expect(first.map((a) => (a.status === 'rejected' ? (a.reason as { code: string }).code : 'fulfilled'))).toEqual(Array(3).fill('DOSSIER_SEARCH_TIMEOUT'));
      // The two that waited left the queue with their 503: the next are timed out too, not refused as a full queue.
      const next = await Promise.allSettled(['quay', 'basra'].map((q) => hurried.search(q, 10)));
      expect(next.map((a) => (a.status === 'rejected' ? (a.reason as { code: string }).code : 'fulfilled'))).toEqual(Array(2).fill('DOSSIER_SEARCH_TIMEOUT'));
    } finally {
      await hurried.close();
    }
  });

  it('has the default `dossier serve --help` names', () => {
    const help = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '../support/run-cli.ts'), 'serve', '--help'], { encoding: 'utf8', timeout: 60_000 });
    expect(help.stdout).toMatch(new RegExp(`--max-waiting-searches <n>[\\s\\S]*?\\(default ${DEFAULT_READ_RUNNER.maxWaitingSearches}\\)`));
  });
});

describe('reads on the store connection', () => {
  it('give the same pages as the store functions', async () => {
    const store = await openStore(await freshStoreTarget('inline-reads'));
    try {
      await ingestFiles(store, [digestFile()], { analyzer });
      const reads = inlineReads(store);
      const all = await timeline(store);
      expect(await reads.read('timeline', { limit: 2, offset: 2 })).toEqual({ items: all.slice(2, 4), total: all.length });
      expect(await reads.read('stats', {})).toEqual(await storeStats(store));
      // /api/find, the review queue and the look-ups by id, as the store functions give them; on
      // PostgreSQL each in a transaction of its own with its statement timeout.
      const ids = await someIds(reads);
      expect(await reads.read('article', { id: ids.article })).toMatchObject({ ...(await getArticle(store, ids.article)), events: await findEvents(store, { articleId: ids.article, includeRejected: true }) });
      expect(await reads.read('event', { id: ids.event })).toEqual((await findEvents(store, { id: ids.event, includeRejected: true }))[0]);
      expect(await reads.read('record', { id: ids.record })).toEqual(await recordWithReports(store, ids.record));
      expect(await reads.read('actor', { id: ids.actor })).toMatchObject({ ...(await getActor(store, ids.actor)) });
      expect(await reads.read('article', { id: 'a_none' })).toBeNull();
      expect(await reads.read('review', { threshold: 1, limit: 2, offset: 0 })).toEqual({ items: await reviewQueue(store, 1, 2, 0), total: await countReviewQueue(store, 1) });
      const found = await reads.read('find', { q: 'saltmere', limit: 50 });
      expect(found.articles.items.map((a) => a.id).sort()).toEqual((await searchArticles(store, 'saltmere', 50)).map((a) => a.id).sort());
      expect(found.articles.total).toBe(2);
    } finally {
      await store.destroy();
    }
  });

  // Asserted on the PostgreSQL pass (vitest.config.ts runs this file on both engines); a skip would fail the SQLite pass.
  it('end a statement past the budget on PostgreSQL, naming the limit, for that read only', async () => {
    if (dialectUnderTest() !== 'postgres') return;
    const store = await openStore(await freshStoreTarget('statement-timeout'));
    try {
      await expect(withStatementTimeout(store, 'timeline', 50, (trx) => sql`SELECT pg_sleep(2)`.execute(trx))).rejects.toMatchObject({
        code: 'DOSSIER_READ_TIMEOUT',
        message: expect.stringContaining('budget of 50 ms'),
      });
      // SET LOCAL: the pool's connections keep no timeout once the read is over.
      const after = await sql<{ statement_timeout: string }>`SHOW statement_timeout`.execute(store);
      expect(after.rows[0]!.statement_timeout).toBe('0');
    } finally {
      await store.destroy();
    }
  });
});
