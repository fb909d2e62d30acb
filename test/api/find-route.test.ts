import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FindResultSchema } from '../../src/api/response-schemas.js';
import { buildServer } from '../../src/api/server.js';
import { ingestFiles } from '../../src/pipeline/ingest-files.js';
import type { Store } from '../../src/store/open-store.js';
import { needsFiles } from '../support/prerequisites.js';
import { openTestStore } from '../support/test-store.js';

const SEED = join(__dirname, '../../../shared/corpus/seed-digest.txt');

/** /api/find: a name in any spelling finds the actor or place, and its articles, events, records and quotes. */
describe('search that knows the registry (/api/find)', needsFiles(SEED), () => {
  let store: Store;
  let app: FastifyInstance;
  const find = async (q: string) => {
    const res = await app.inject({ method: 'GET', url: `/api/find?q=${encodeURIComponent(q)}` });
    expect(res.statusCode, res.body).toBe(200);
    return FindResultSchema.parse(res.json());
  };
  const get = async <T>(url: string): Promise<T> => (await app.inject({ method: 'GET', url })).json() as T;

  beforeAll(async () => {
    store = await openTestStore('find-route');
    await ingestFiles(store, [SEED]);
    app = await buildServer({ store });
  }, 180_000);
  afterAll(async () => {
    await app?.close();
    await store?.destroy();
  });

  it('each registry spelling names the same actor and finds the same articles, events, records and quotes', async () => {
    const actor = await get<{ mentionList: Array<{ articleId: string }>; quotes: Array<{ id: string }> }>('/api/actors/irq-kh');
    const records = await get<{ items: Array<{ id: string }> }>('/api/records?actor=irq-kh');
    const ids = (r: { items: Array<{ id: string }> }) => r.items.map((x) => x.id).sort();
    const answers = await Promise.all(["Kata'ib Hezbollah", 'Kata’ib Hezbollah', 'Kataib Hizballah', 'KH', 'hezbollah brigades'].map(find));
    for (const a of answers) {
      expect(a.named.actors.map((x) => x.id)).toEqual(['irq-kh']);
      expect(ids(a.articles)).toEqual(expect.arrayContaining([...new Set(actor.mentionList.map((m) => m.articleId))]));
      expect(ids(a.records)).toEqual(expect.arrayContaining(ids(records)));
      expect(ids(a.quotes)).toEqual(actor.quotes.map((q) => q.id).sort());
      expect(ids(a.events)).toEqual(ids(answers[0]!.events));
    }
    // Found by the name as the article writes it, not by the query's words.
    const naming = answers[2]!.articles.items.find((x) => x.naming !== null)!;
    expect(naming.naming!.spelling).toMatch(/Kata.?ib Hezbollah/);
    expect(naming.snippet).toBeNull();
  });

  it('a place is named by its gazetteer name or by the news’ spelling, and brings the events that only say it in words', async () => {
    const unplaced = await get<{ items: Array<{ id: string }> }>('/api/events?text=Salahuddin');
    expect(unplaced.items.length).toBeGreaterThan(0);
    for (const q of ['Saladin', 'Salahuddin', 'saladin governorate']) {
      const a = await find(q);
      expect(a.named.places.map((p) => p.name)).toEqual(['Saladin Governorate']);
      expect(a.events.items.map((e) => e.id)).toEqual(expect.arrayContaining(unplaced.items.map((e) => e.id)));
    }
  });

  it('a query the engine cannot read keeps the names found and says what to change; a long one is refused with the limit', async () => {
    const a = await find('"Kataib Hizballah');
    expect(a.articleSearchError).toMatch(/unclosed quote: add the closing "/);
    expect(a.named.actors.map((x) => x.id)).toEqual(['irq-kh']);
    const long = await app.inject({ method: 'GET', url: `/api/find?q=${'a'.repeat(201)}` });
    expect(long.statusCode).toBe(400);
    expect(long.json().error.message).toMatch(/at most 200 characters/);
  });
});
