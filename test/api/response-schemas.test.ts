import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { buildServer } from '../../src/api/server.js';
import {
  ActorDetailSchema,
  ActorSummarySchema,
  ArticleDetailSchema,
  ArticleSummarySchema,
  EventSchema,
  NetworkSchema,
  OutletSchema,
  PlaceSchema,
  QuoteSchema,
  RecordDetailSchema,
  RecordSchema,
  ReviewItemSchema,
  SearchHitSchema,
  StatsSchema,
  TimelineSchema,
} from '../../src/api/response-schemas.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import { runCli } from '../support/cli-in-process.js';
import { freshStoreTarget } from '../support/test-store.js';
import { needsFiles } from '../support/prerequisites.js';

/*
 * One schema per shape: the CLI's --json and the API's answers are read with the very zod
 * schemas the API serializes with (and the web app takes its types from). Parsing must keep
 * every field: a field the CLI prints that the schema does not know would be dropped by the
 * API, so the two would no longer tell the same thing.
 */

const SEED = join(__dirname, '../../../shared/corpus/seed-digest.txt');

/** Parses and insists nothing was dropped or changed on the way. */
function same<S extends z.ZodType>(schema: S, value: unknown, what: string): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new Error(`${what}: ${parsed.error.message}`);
  expect(parsed.data, what).toEqual(value);
  return parsed.data;
}

describe('the CLI --json and the API answers read with the same schemas', needsFiles(SEED), () => {
  let target: string;
  let store: Store;
  let app: FastifyInstance;
  // The CLI in-process (test/support/cli-in-process.ts): the same commands, without a Node start each.
  const cli = async (...args: string[]): Promise<unknown> => {
    const r = await runCli(['--db', target, ...args, '--json']);
    expect(r.status, r.stderr).toBe(0);
    return JSON.parse(r.stdout) as unknown;
  };
  const api = async (url: string): Promise<unknown> => {
    const res = await app.inject({ method: 'GET', url });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as unknown;
  };
  const items = (page: unknown): unknown[] => (page as { items: unknown[] }).items;

  beforeAll(async () => {
    target = await freshStoreTarget('schemas');
    const r = await runCli(['--db', target, 'ingest', SEED]);
    expect(r.status, r.stderr).toBe(0);
    store = await openStore(target);
    app = await buildServer({ store });
  }, 180_000);
  afterAll(async () => {
    await app?.close();
    await store?.destroy();
  });

  it('lists: articles, search hits, actors, places, timeline, events, quotes, review, records, outlets', async () => {
    const lists: Array<[string[], string, z.ZodType]> = [
      [['articles'], '/api/articles?limit=500', ArticleSummarySchema],
      [['search', 'Soleimani'], '/api/search?q=Soleimani', SearchHitSchema],
      [['actors'], '/api/actors?limit=500', ActorSummarySchema],
      [['places'], '/api/places?limit=500', PlaceSchema],
      [['timeline'], '/api/timeline?limit=500', TimelineSchema],
      [['events'], '/api/events?limit=500', EventSchema],
      [['quotes'], '/api/quotes?limit=500', QuoteSchema],
      [['review'], '/api/review?limit=500', ReviewItemSchema],
      [['records'], '/api/records?limit=500', RecordSchema],
      [['outlets'], '/api/outlets?limit=500', OutletSchema],
    ];
    for (const [args, url, schema] of lists) {
      const fromCli = (await cli(...args)) as unknown[];
      const fromApi = items(await api(url));
      expect(fromCli.length, args.join(' ')).toBeGreaterThan(0);
      for (const [i, row] of fromCli.entries()) same(schema, row, `dossier ${args.join(' ')} --json [${i}]`);
      for (const [i, row] of fromApi.entries()) same(schema, row, `${url} [${i}]`);
      // The same rows in the same order, told the same way by both.
      expect(fromApi.slice(0, 50), url).toEqual(fromCli.slice(0, 50));
    }
  });

  it('one of each: stats, article, actor, record; the network', async () => {
    same(StatsSchema, await cli('stats'), 'dossier stats --json');
    expect(same(StatsSchema, await api('/api/stats'), '/api/stats')).toEqual(await cli('stats'));

    const article = ((await cli('articles')) as Array<{ id: string }>)[0]!.id;
    same(ArticleDetailSchema, await cli('show', article), `dossier show ${article} --json`);
    same(ArticleDetailSchema, await api(`/api/articles/${article}`), `/api/articles/${article}`);

    // The CLI's actor leaves its events and quotes to `dossier events --actor` and `dossier quotes --speaker`.
    const actor = ((await cli('actors')) as Array<{ id: string }>)[0]!.id;
    same(ActorDetailSchema.omit({ eventsAsSource: true, eventsAsTarget: true, quotes: true }), await cli('actor', actor), `dossier actor ${actor} --json`);
    same(ActorDetailSchema, await api(`/api/actors/${encodeURIComponent(actor)}`), `/api/actors/${actor}`);

    const record = ((await cli('records')) as Array<{ id: string }>)[0]!.id;
    const fromCli = same(RecordDetailSchema, await cli('record', record), `dossier record ${record} --json`);
    const fromApi = same(RecordDetailSchema, await api(`/api/records/${encodeURIComponent(record)}`), `/api/records/${record}`);
    expect(fromApi).toEqual(fromCli);

    const net = same(NetworkSchema, await api('/api/network'), '/api/network');
    expect(net.nodes.length).toBeGreaterThan(0);
  });

  it('a schema rejects a shape that is not the API’s', async () => {
    const [row] = (await cli('events')) as Array<Record<string, unknown>>;
    expect(EventSchema.safeParse({ ...row, modality: 7 }).success).toBe(false);
    const { evidenceSpan: _gone, ...withoutSpan } = row!;
    expect(EventSchema.safeParse(withoutSpan).success).toBe(false);
  });
});
