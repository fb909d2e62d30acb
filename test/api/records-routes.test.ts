import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildServer } from '../../src/api/server.js';
import { main } from '../../src/cli/main.js';
import { loadKnowledge } from '../../src/pipeline/load-knowledge.js';
import { createAnalyzer } from '../../src/pipeline/analyze-article.js';
import { expandInputs, ingestFiles } from '../../src/pipeline/ingest-files.js';
import { refreshRecordsOfEvents } from '../../src/records/record-upkeep.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import { recordDecision, undoLastDecision } from '../../src/store/review-repository.js';
import { freshStoreTarget } from '../support/test-store.js';

/*
 * The web corpus holds three invented reports of one rocket attack near Tikrit: Example Wire
 * and Northern Ledger share a paragraph (one witness), Sample Daily names another perpetrator
 * and another death toll. The other articles give single-report records.
 */
const CORPUS = join(__dirname, '../fixtures/web-corpus');

interface Actor {
  id: string | null;
  name: string;
}
interface RecordItem {
  id: string;
  code: string;
  plover: string | null;
  date: string | null;
  place: { name: string } | null;
  source: Actor[];
  mentions: Array<{ eventId: string; articleId: string; outlet: string | null }>;
  outlets: string[];
  independentOutlets: number;
  disputed: boolean;
  contradictions: Array<{ field: string; values: Array<{ value: string; outlets: string[] }> }>;
}
interface Listing<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

let target: string;
let store: Store;
let app: FastifyInstance;

const get = async <T>(url: string): Promise<{ status: number; body: T }> => {
  const res = await app.inject({ method: 'GET', url });
  return { status: res.statusCode, body: res.json() as T };
};

/** What `dossier records --json` prints for these options, on the same store. */
async function cliRecords(options: readonly string[]): Promise<unknown[]> {
  const written: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  });
  try {
    expect(await main(['--db', target, 'records', '--json', ...options])).toBe(0);
  } finally {
    spy.mockRestore();
  }
  return JSON.parse(written.join('')) as unknown[];
}

const tikrit = (items: readonly RecordItem[]): RecordItem | undefined => items.find((r) => r.place?.name.startsWith('Tikr') && r.outlets.length === 3);

beforeAll(async () => {
  target = await freshStoreTarget('records-routes');
  store = await openStore(target);
  const summary = await ingestFiles(store, await expandInputs([CORPUS]), { analyzer: createAnalyzer(loadKnowledge()) });
  expect(summary.errors).toEqual([]);
  app = await buildServer({ store });
}, 120_000);

afterAll(async () => {
  await app?.close();
  await store?.destroy();
});

describe('GET /api/records', () => {
  it('lists every record, latest first, with a total, and pages through them', async () => {
    const all = await get<Listing<RecordItem>>('/api/records?limit=500');
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(all.body.items.length);
    expect(all.body.total).toBeGreaterThan(5);
    const dated = all.body.items.filter((r) => r.date !== null).map((r) => r.date!);
    expect(dated).toEqual([...dated].sort().reverse());
    // Undated records come after every dated one.
    const firstUndated = all.body.items.findIndex((r) => r.date === null);
    if (firstUndated >= 0) expect(all.body.items.slice(firstUndated).every((r) => r.date === null)).toBe(true);

    const page = await get<Listing<RecordItem>>('/api/records?limit=3&offset=2');
    expect(page.body).toMatchObject({ total: all.body.total, limit: 3, offset: 2 });
    expect(page.body.items.map((r) => r.id)).toEqual(all.body.items.slice(2, 5).map((r) => r.id));
  });

  it('sort=reports puts the most reported record first', async () => {
    const { body } = await get<Listing<RecordItem>>('/api/records?sort=reports&limit=500');
    const counts = body.items.map((r) => r.mentions.length);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    // The Tikrit attack (three reports) comes before every record with fewer.
    const strike = tikrit(body.items)!;
    expect(body.items.indexOf(strike)).toBeLessThan(counts.filter((n) => n >= strike.mentions.length).length);
  });

  it('disputed and minIndependent keep only the Tikrit attack, with its contradictions', async () => {
    const disputed = await get<Listing<RecordItem>>('/api/records?disputed=true');
    expect(disputed.body.items.length).toBeGreaterThan(0);
    expect(disputed.body.items.every((r) => r.disputed)).toBe(true);
    const strike = tikrit(disputed.body.items)!;
    expect(strike).toBeDefined();
    expect(strike.independentOutlets).toBe(2);
    const killed = strike.contradictions.find((c) => c.field === 'number:killed')!;
    expect(killed.values.map((v) => [v.value, [...v.outlets].sort()])).toEqual([
      ['3', ['Example Wire', 'Northern Ledger']],
      ['5', ['Sample Daily']],
    ]);
    const two = await get<Listing<RecordItem>>('/api/records?minIndependent=2');
    expect(two.body.items.every((r) => r.independentOutlets >= 2)).toBe(true);
    expect(two.body.items.map((r) => r.id)).toContain(strike.id);
    expect(two.body.total).toBe(two.body.items.length);
    const three = await get<Listing<RecordItem>>('/api/records?minIndependent=3');
    expect(three.body.items.map((r) => r.id)).not.toContain(strike.id);
  });

  it('filters by actor, outlet, code, PLOVER type, place, dates and event, each narrowing the list', async () => {
    const all = (await get<Listing<RecordItem>>('/api/records?limit=500')).body;
    const strike = tikrit(all.items)!;
    const narrow = async (q: string): Promise<RecordItem[]> => {
      const { status, body } = await get<Listing<RecordItem>>(`/api/records?limit=500&${q}`);
      expect(status).toBe(200);
      expect(body.total).toBeLessThan(all.total);
      return body.items;
    };
    const byActor = await narrow('actor=islamic%20state');
    expect(byActor.map((r) => r.id)).toContain(strike.id);
    expect((await narrow('outlet=sample%20daily')).every((r) => r.outlets.some((o) => o === 'Sample Daily'))).toBe(true);
    expect((await narrow('code=19')).every((r) => r.code.startsWith('19'))).toBe(true);
    expect((await narrow('plover=assault')).every((r) => r.plover === 'ASSAULT')).toBe(true);
    expect((await narrow('place=tikr')).map((r) => r.id)).toContain(strike.id);
    const feb = await narrow('from=2024-02-01&to=2024-02-29');
    expect(feb.every((r) => r.date !== null && r.date >= '2024-02-01' && r.date < '2024-03')).toBe(true);
    const byEvent = await narrow(`event=${strike.mentions[0]!.eventId}`);
    expect(byEvent.map((r) => r.id)).toEqual([strike.id]);
    expect((await get<Listing<RecordItem>>('/api/records?outlet=no%20such%20outlet')).body).toMatchObject({ items: [], total: 0 });
  });

  it('lists what `dossier records` lists for the same filters, in the same order', async () => {
    for (const [options, query] of [
      [[], 'limit=500'],
      [['--actor', 'islamic state'], 'limit=500&actor=islamic%20state'],
      [['--outlet', 'sample daily'], 'limit=500&outlet=sample%20daily'],
      [['--code', '19', '--limit', '2'], 'limit=2&code=19'],
      [['--place', 'tikr', '--disputed'], 'limit=500&place=tikr&disputed=true'],
      [['--min-independent', '2', '--from', '2024-02-01'], 'limit=500&minIndependent=2&from=2024-02-01'],
    ] as const) {
      const api = (await get<Listing<RecordItem>>(`/api/records?${query}`)).body;
      expect(api.items.length, query).toBeGreaterThan(0);
      expect(await cliRecords(options), query).toEqual(api.items);
    }
  });

  it('leaves out of a page and its total a record whose every report a review rejects', async () => {
    const all = (await get<Listing<RecordItem>>('/api/records?limit=500')).body;
    const hidden = all.items.find((r) => r.mentions.length === 1)!;
    await recordDecision(store, { kind: 'event', itemId: hidden.mentions[0]!.eventId, decision: 'reject' }, refreshRecordsOfEvents);
    try {
      const left = all.items.map((r) => r.id).filter((id) => id !== hidden.id);
      const after = (await get<Listing<RecordItem>>('/api/records?limit=500')).body;
      expect(after.total).toBe(all.total - 1);
      expect(after.items.map((r) => r.id)).toEqual(left);
      // A page still holds as many records as asked for: the hidden one takes no place in it.
      const page = (await get<Listing<RecordItem>>(`/api/records?limit=${left.length}`)).body;
      expect(page.items.map((r) => r.id)).toEqual(left);
      expect(((await cliRecords(['--limit', String(left.length)])) as RecordItem[]).map((r) => r.id)).toEqual(left);
    } finally {
      await undoLastDecision(store, refreshRecordsOfEvents);
    }
    expect((await get<Listing<RecordItem>>('/api/records?limit=500')).body.total).toBe(all.total);
  });

  it('answers bad input with 400 and a message naming the parameter', async () => {
    for (const [q, name] of [
      ['limit=5000', 'limit'],
      ['minIndependent=0', 'minIndependent'],
      ['code=abc', 'code'],
      ['from=2024-13-01', 'from'],
      ['sort=random', 'sort'],
      ['disputed=maybe', 'disputed'],
    ] as const) {
      const { status, body } = await get<{ error: { code: string; message: string } }>(`/api/records?${q}`);
      expect(status, q).toBe(400);
      expect(body.error.code).toBe('DOSSIER_USAGE');
      expect(body.error.message).toContain(`"${name}"`);
    }
  });
});

describe('GET /api/records/:id', () => {
  it('gives the reports with titles and evidence, the witness groups with their reasons, and the contradictions', async () => {
    const strike = tikrit((await get<Listing<RecordItem>>('/api/records?limit=500')).body.items)!;
    const { status, body } = await get<
      RecordItem & {
        reports: Array<{ eventId: string; articleId: string; title: string | null; outlet: string | null; evidence: string; evidenceSpan: { start: number; end: number } | null; magnitudes: Array<{ kind: string; value: number | null }> }>;
        witnesses: Array<{ outlets: string[]; reasons: string[]; articleIds: string[] }>;
        firstReported: string | null;
        lastReported: string | null;
      }
    >(`/api/records/${strike.id}`);
    expect(status).toBe(200);
    expect(body.id).toBe(strike.id);
    expect(body.reports.map((m) => m.eventId).sort()).toEqual(strike.mentions.map((m) => m.eventId).sort());
    const daily = body.reports.find((m) => m.outlet === 'Sample Daily')!;
    expect(daily.title).toBe('Islamic State claims deadly strike on Tikrit police');
    expect(daily.evidence).toContain('killing five policemen');
    expect(daily.magnitudes.find((x) => x.kind === 'killed')?.value).toBe(5);
    // The evidence offsets point into the article text.
    const article = (await get<{ text: string }>(`/api/articles/${daily.articleId}`)).body;
    expect(article.text.slice(daily.evidenceSpan!.start, daily.evidenceSpan!.end)).toBe(daily.evidence);
    const copied = body.witnesses.find((g) => g.reasons.includes('shared passage'))!;
    expect([...copied.outlets].sort()).toEqual(['Example Wire', 'Northern Ledger']);
    expect(body.witnesses).toHaveLength(2);
    expect(body.contradictions.map((c) => c.field)).toContain('number:killed');
    // "Gunmen" say not who fired: no perpetrator dispute with "Islamic State militants".
    expect(body.contradictions.map((c) => c.field)).not.toContain('source');
    expect(body.firstReported).toBe('2024-02-12');
    expect(body.lastReported).toBe('2024-02-13');
  });

  it('answers an unknown id with a 404 JSON body', async () => {
    const { status, body } = await get<{ error: { code: string; message: string } }>('/api/records/r_0000000000000000');
    expect(status).toBe(404);
    expect(body.error).toEqual({ code: 'DOSSIER_NOT_FOUND', message: 'no event record with id "r_0000000000000000"' });
  });
});

describe('GET /api/outlets', () => {
  it('lists outlets with article counts, most articles first, and filters by name', async () => {
    const { status, body } = await get<Listing<{ name: string; articles: number; firstDate: string | null; topEventTypes: Array<{ type: string }> }>>('/api/outlets');
    expect(status).toBe(200);
    const counts = body.items.map((o) => o.articles);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    const wire = body.items.find((o) => o.name === 'Example Wire')!;
    const articles = (await get<Listing<unknown>>('/api/articles?outlet=Example%20Wire&limit=1')).body.total;
    expect(wire.articles).toBe(articles);
    const one = await get<Listing<{ name: string }>>('/api/outlets?name=daily&limit=1');
    expect(one.body.items.map((o) => o.name)).toEqual(['Sample Daily']);
    expect((await get<unknown>('/api/outlets?limit=-1')).status).toBe(400);
  });
});

describe('the OpenAPI document', () => {
  it('describes the records and outlets routes with their parameters', async () => {
    const { body } = await get<{ paths: Record<string, { get?: { parameters?: Array<{ name: string }> } }> }>('/api/openapi.json');
    expect(Object.keys(body.paths)).toEqual(expect.arrayContaining(['/api/records', '/api/records/{id}', '/api/outlets']));
    const names = body.paths['/api/records']!.get!.parameters!.map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(['actor', 'code', 'from', 'to', 'place', 'outlet', 'disputed', 'minIndependent', 'limit', 'offset']));
  });
});
