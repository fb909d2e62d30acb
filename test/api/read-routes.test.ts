import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from './api-fixture.js';

interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}
type Json = Record<string, unknown>;

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api?.close();
});

async function get<T = Json>(url: string, status = 200): Promise<T> {
  const res = await api.app.inject({ method: 'GET', url });
  expect(res.statusCode, `${url}: ${res.body}`).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  return res.json() as T;
}

async function page<T = Json>(url: string): Promise<Page<T>> {
  const body = await get<Page<T>>(url);
  expect(body).toEqual({ items: expect.any(Array), total: expect.any(Number), limit: expect.any(Number), offset: expect.any(Number) });
  return body;
}

async function badRequest(url: string, parameter: string, code = 'DOSSIER_USAGE'): Promise<string> {
  const body = await get<{ error: { code: string; message: string } }>(url, 400);
  expect(body.error.code).toBe(code);
  expect(body.error.message).toContain(parameter);
  expect(JSON.stringify(body)).not.toMatch(/at \w+ \(|node_modules|\.ts:\d+/);
  return body.error.message;
}

/** Walks a list with a small page size and checks the pages add up to the whole list. */
async function checkPagination(base: string): Promise<void> {
  const sep = base.includes('?') ? '&' : '?';
  const all = await page<{ id?: string; value?: string }>(`${base}${sep}limit=500`);
  expect(all.total).toBe(all.items.length);
  expect(all.total).toBeGreaterThan(2);
  const first = await page(`${base}${sep}limit=2`);
  const second = await page(`${base}${sep}limit=2&offset=2`);
  expect(first).toMatchObject({ limit: 2, offset: 0, total: all.total });
  expect(second).toMatchObject({ limit: 2, offset: 2, total: all.total });
  expect([...first.items, ...second.items]).toEqual(all.items.slice(0, 4));
  const past = await page(`${base}${sep}offset=${all.total}`);
  expect(past.items).toEqual([]);
  expect(past.total).toBe(all.total);
  expect((await page(`${base}`)).limit).toBe(50);
}

describe('GET /api/health and /api/stats', () => {
  it('reports ok and the package version', async () => {
    const body = await get('/api/health');
    expect(body).toEqual({ ok: true, version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
  });

  it('counts what the store holds', async () => {
    const s = await get<Json>('/api/stats');
    expect(s.articles).toBe(5);
    expect(s.events).toBe(6);
    expect(s.quotes).toBe(3);
    expect(s.byReader).toMatchObject({ text: 3, html: 1, rss: 1 });
    expect(s.firstDate).toBe('2020-05-05');
  });
});

describe('GET /api/articles', () => {
  it('lists article summaries with provenance', async () => {
    const { items, total } = await page<Json>('/api/articles');
    expect(total).toBe(5);
    for (const a of items) expect(Object.keys(a).sort()).toEqual(['author', 'date', 'dateReason', 'datePrecision', 'id', 'outlet', 'source', 'title', 'url'].sort());
    expect(items.map((a) => a.date)).toEqual([...items.map((a) => a.date)].sort().reverse());
  });

  it('narrows by outlet, author, from, to, and sorts', async () => {
    const wire = await page<{ outlet: string }>('/api/articles?outlet=example%20wire');
    expect(wire.total).toBe(4);
    expect(wire.items.every((a) => a.outlet === 'Example Wire')).toBe(true);
    expect((await page('/api/articles?author=quill')).total).toBe(3);
    const may = await page<{ date: string }>('/api/articles?from=2020-05&to=2020-05-05');
    expect(may.items.map((a) => a.date)).toEqual(['2020-05-05']);
    const titles = (await page<{ title: string }>('/api/articles?sort=title')).items.map((a) => a.title);
    expect(titles).toEqual([...titles].sort());
  });

  it('pages', async () => {
    await checkPagination('/api/articles');
  });

  it('refuses bad input with a message naming the parameter', async () => {
    await badRequest('/api/articles?from=2020-13-01', 'from');
    await badRequest('/api/articles?to=yesterday', 'to');
    await badRequest('/api/articles?limit=501', 'limit');
    await badRequest('/api/articles?limit=-1', 'limit');
    await badRequest('/api/articles?offset=abc', 'offset');
    await badRequest('/api/articles?sort=random', 'sort');
  });
});

describe('GET /api/articles/:id', () => {
  it('returns the article with its annotations, events and quotes', async () => {
    const [summary] = (await page<{ id: string }>('/api/articles?outlet=northern')).items;
    const a = await get<Json & { events: Array<{ articleId: string }>; quotes: unknown[]; places: Array<{ text: string }>; entities: unknown[]; times: unknown[] }>(`/api/articles/${summary!.id}`);
    expect(a).toMatchObject({ id: summary!.id, outlet: 'Northern Ledger', text: expect.stringContaining('Hashd'), paragraphs: expect.any(Array), repeatedPassages: expect.any(Array) });
    expect(a.places.map((p) => p.text)).toContain('Beirut');
    expect(a.entities.length).toBeGreaterThan(3);
    expect(a.times.length).toBeGreaterThan(0);
    expect(a.events).toHaveLength(3);
    expect(a.events.every((e) => e.articleId === summary!.id)).toBe(true);
    expect(a.quotes).toHaveLength(2);
  });

  it('holds the headline before the body, and every span cuts the words it names out of that text', async () => {
    type Spanned = { start: number; end: number; text: string };
    const [summary] = (await page<{ id: string; title: string }>('/api/articles?outlet=northern')).items;
    const a = await get<{
      title: string;
      text: string;
      bodyStart: number;
      paragraphs: string[];
      entities: Spanned[];
      places: Spanned[];
      times: Spanned[];
      events: Array<{ evidence: string; evidenceSpan: { start: number; end: number }; trigger: string; fields: { trigger: { start: number; end: number } } }>;
      quotes: Array<{ text: string; span: { start: number; end: number } }>;
    }>(`/api/articles/${summary!.id}`);
    expect(a.title).toBe('Hashd denies firing at the Green Zone');
    expect(a.text.startsWith(`${a.title}\n\n`)).toBe(true);
    expect(a.bodyStart).toBe(a.title.length + 2);
    expect(a.paragraphs[0]).toBe(a.title);
    // "Hashd" in the headline is a mention of its own, at the start of the text.
    expect(a.entities.find((e) => e.start === 0)?.text).toBe('Hashd');
    for (const m of [...a.entities, ...a.places, ...a.times]) expect(a.text.slice(m.start, m.end)).toBe(m.text);
    for (const e of a.events) {
      expect(a.text.slice(e.evidenceSpan.start, e.evidenceSpan.end)).toBe(e.evidence);
      expect(a.text.slice(e.fields.trigger.start, e.fields.trigger.end)).toBe(e.trigger);
    }
    expect(a.events.length).toBeGreaterThan(0);
    for (const q of a.quotes) expect(a.text.slice(q.span.start, q.span.end)).toContain(q.text);
  });

  it('is 404 for an unknown id', async () => {
    const body = await get<{ error: { code: string; message: string } }>('/api/articles/a_nope', 404);
    expect(body.error).toEqual({ code: 'DOSSIER_NOT_FOUND', message: expect.stringContaining('a_nope') });
  });
});

describe('GET /api/search', () => {
  it('ranks hits with snippets, and its limit cuts the list', async () => {
    const hits = await page<{ title: string; snippet: string; score: number }>('/api/search?q=rockets');
    expect(hits.total).toBe(2);
    expect(hits.items.every((h) => /rocket/i.test(h.title + h.snippet))).toBe(true);
    expect((await page('/api/search?q=rockets&limit=1')).items).toHaveLength(1);
    expect((await page('/api/search?q=Beirut')).total).toBe(1);
  });

  it('needs q and a sane query', async () => {
    await badRequest('/api/search', 'q');
    await badRequest('/api/search?q=%20', 'q');
    await badRequest('/api/search?q=rockets&limit=100000', 'limit');
    const msg = await badRequest('/api/search?q=%22unclosed', 'search', 'DOSSIER_SEARCH_BAD_QUERY');
    expect(msg).toContain('unclosed');
  });
});

describe('GET /api/actors and /api/actors/:id', () => {
  it('lists actors with counts and narrows by name, type and country', async () => {
    const all = await page<{ id: string; name: string; type: string; country: string | null; aliases: string[]; mentions: number }>('/api/actors?limit=500');
    expect(all.items.map((a) => a.id)).toContain('irq-pmu');
    const pmu = all.items.find((a) => a.id === 'irq-pmu')!;
    // Five in the bodies, one in the headline "Hashd denies firing at the Green Zone".
    expect(pmu.mentions).toBe(6);
    expect(pmu.aliases).toContain('PMU');
    const byName = await page<{ id: string }>('/api/actors?name=mobilization');
    expect(byName.items.map((a) => a.id)).toEqual(['irq-pmu']);
    const people = await page<{ type: string }>('/api/actors?type=person&limit=500');
    expect(people.total).toBeGreaterThan(0);
    expect(people.total).toBeLessThan(all.total);
    expect(people.items.every((a) => a.type === 'person')).toBe(true);
    const usa = await page<{ country: string }>('/api/actors?country=usa');
    expect(usa.total).toBeGreaterThan(0);
    expect(usa.items.every((a) => a.country === 'USA')).toBe(true);
    await checkPagination('/api/actors');
    await badRequest('/api/actors?country=Iraq', 'country');
  });

  it('brief lists the same actors and counts with the registry aliases only, not the spellings read in the news', async () => {
    type A = { id: string; aliases: string[]; mentions: number; articles: number };
    const full = await page<A>('/api/actors?limit=500');
    const brief = await page<A>('/api/actors?limit=500&brief=true');
    expect(brief.total).toBe(full.total);
    expect(brief.items.map(({ id, mentions, articles }) => ({ id, mentions, articles }))).toEqual(full.items.map(({ id, mentions, articles }) => ({ id, mentions, articles })));
    const fullAliases = new Map(full.items.map((a) => [a.id, a.aliases]));
    for (const a of brief.items) for (const alias of a.aliases) expect(fullAliases.get(a.id)).toContain(alias);
    // Some actor is written in the news in a way its registry entry does not list: only the full list has it.
    expect(brief.items.some((a) => a.aliases.length < fullAliases.get(a.id)!.length)).toBe(true);
    // A name filter still matches the news' spellings.
    expect((await page<A>('/api/actors?name=mobilization&brief=true')).items.map((a) => a.id)).toEqual(['irq-pmu']);
  });

  it('shows one actor with its events as source and target and its quotes', async () => {
    const pmu = await get<Json & { eventsAsSource: Array<{ code: string }>; eventsAsTarget: unknown[]; quotes: Array<{ speaker: { id: string } }>; mentionList: unknown[] }>('/api/actors/irq-pmu');
    expect(pmu).toMatchObject({ id: 'irq-pmu', name: expect.any(String), roles: expect.any(Array), members: expect.any(Array) });
    expect(pmu.mentionList).toHaveLength(6);
    expect(pmu.eventsAsSource.map((e) => e.code).sort()).toEqual(['138', '190']);
    expect(pmu.quotes.map((q) => q.speaker.id)).toEqual(['irq-pmu']);
    const usa = await get<{ eventsAsSource: Array<{ code: string }>; eventsAsTarget: Array<{ code: string }> }>('/api/actors/usa-gov');
    expect(usa.eventsAsSource.map((e) => e.code)).toEqual(['112']);
    expect(usa.eventsAsTarget.map((e) => e.code)).toEqual(['1056']);
    await get('/api/actors/nobody-at-all', 404);
  });
});

describe('GET /api/places and /api/timeline', () => {
  it('lists places and narrows by name, country and precision', async () => {
    const all = await page<{ name: string; country: string; precision: string; lat: number; lon: number }>('/api/places?limit=500');
    expect(all.items.every((p) => typeof p.lat === 'number' && typeof p.lon === 'number')).toBe(true);
    const irq = await page<{ country: string }>('/api/places?country=IRQ&limit=500');
    expect(irq.total).toBeGreaterThan(0);
    expect(irq.total).toBeLessThan(all.total);
    expect(irq.items.every((p) => p.country === 'IRQ')).toBe(true);
    expect((await page<{ name: string }>('/api/places?name=beir')).items.map((p) => p.name)).toEqual(['Beirut']);
    const countries = await page<{ precision: string }>('/api/places?precision=country');
    expect(countries.total).toBeGreaterThan(0);
    expect(countries.items.every((p) => p.precision === 'country')).toBe(true);
    await checkPagination('/api/places');
    await badRequest('/api/places?precision=planet', 'precision');
  });

  it('lists dated mentions in order and narrows by date', async () => {
    const all = await page<{ value: string; context: string }>('/api/timeline?limit=500');
    expect(all.items.map((t) => t.value)).toEqual([...all.items.map((t) => t.value)].sort());
    const may = await page<{ value: string }>('/api/timeline?from=2020-05-05&to=2020-05');
    expect(may.total).toBeGreaterThan(0);
    expect(may.total).toBeLessThan(all.total);
    expect(may.items.every((t) => t.value >= '2020-05-05' && t.value.startsWith('2020-05'))).toBe(true);
    await checkPagination('/api/timeline');
    await badRequest('/api/timeline?from=2020-02-30', 'from');
  });
});

describe('GET /api/events and /api/events/:id', () => {
  type Ev = { id: string; code: string; plover: string; modality: string; confidence: number; outlet: string; date: string | null; place: { name: string; lat: number; lon: number } | null; source: Array<{ id: string | null }>; target: Array<{ id: string | null }> };

  it('lists events and each filter narrows them', async () => {
    const all = await page<Ev>('/api/events');
    expect(all.total).toBe(6);
    const narrowed: Array<[string, (e: Ev) => boolean]> = [
      ['actor=irq-pmu', (e) => [...e.source, ...e.target].some((p) => p.id === 'irq-pmu')],
      ['actor=kadhimi', (e) => e.code === '042'],
      ['code=1', (e) => e.code.startsWith('1')],
      ['plover=assault', (e) => e.plover === 'ASSAULT'],
      ['place=erbil', (e) => e.place?.name === 'Erbil'],
      ['bbox=35,33,36,34', (e) => e.place !== null && e.place.lon >= 35 && e.place.lon <= 36],
      ['from=2020-05-06', (e) => e.date !== null && e.date >= '2020-05-06'],
      ['to=2020-05-05', (e) => e.date !== null && e.date <= '2020-05-05'],
      ['outlet=northern', (e) => e.outlet === 'Northern Ledger'],
      ['modality=reported', (e) => e.modality === 'reported'],
      ['minConfidence=0.6', (e) => e.confidence >= 0.6],
    ];
    for (const [query, holds] of narrowed) {
      const got = await page<Ev>(`/api/events?${query}`);
      expect(got.total, query).toBeGreaterThan(0);
      expect(got.total, query).toBeLessThan(all.total);
      expect(got.items.every(holds), query).toBe(true);
      expect(got.total, query).toBe(all.items.filter(holds).length);
    }
    await checkPagination('/api/events');
  });

  it('refuses bad filters', async () => {
    await badRequest('/api/events?modality=rumoured', 'modality');
    await badRequest('/api/events?bbox=10,20,30', 'bbox');
    await badRequest('/api/events?bbox=50,0,40,10', 'bbox');
    await badRequest('/api/events?bbox=0,-100,10,10', 'bbox');
    await badRequest('/api/events?from=2020-5-1', 'from');
    await badRequest('/api/events?code=ab', 'code');
    await badRequest('/api/events?minConfidence=2', 'minConfidence');
    await badRequest('/api/events?all=maybe', 'all');
    await badRequest('/api/events?limit=1000', 'limit');
  });

  it('shows one event, 404 for an unknown one', async () => {
    const [first] = (await page<Ev>('/api/events?code=112')).items;
    expect(await get<Ev>(`/api/events/${first!.id}`)).toEqual(first);
    await get('/api/events/e_0000', 404);
  });
});

describe('GET /api/quotes', () => {
  type Q = { id: string; speaker: { id: string | null; name: string | null }; outlet: string; confidence: number; text: string; direct: boolean };
  it('lists quotes and narrows by speaker, outlet and confidence', async () => {
    const all = await page<Q>('/api/quotes');
    expect(all.total).toBe(3);
    expect(all.items.every((q) => typeof q.text === 'string' && typeof q.direct === 'boolean')).toBe(true);
    const qassem = await page<Q>('/api/quotes?speaker=per-naim-qassem');
    expect(qassem.items.map((q) => q.speaker.id)).toEqual(['per-naim-qassem']);
    expect((await page<Q>('/api/quotes?speaker=umran')).total).toBe(1);
    const ledger = await page<Q>('/api/quotes?outlet=northern');
    expect(ledger.total).toBe(2);
    expect(ledger.items.every((q) => q.outlet === 'Northern Ledger')).toBe(true);
    const sure = await page<Q>('/api/quotes?minConfidence=0.5');
    expect(sure.items.every((q) => q.confidence >= 0.5)).toBe(true);
    expect(sure.total).toBe(1);
    expect((await page('/api/quotes?about=irq-pmu')).total).toBe(0);
    expect((await page('/api/quotes?limit=1&offset=1')).items).toEqual(all.items.slice(1, 2));
    await badRequest('/api/quotes?minConfidence=high', 'minConfidence');
  });
});

describe('GET /api/network', () => {
  type Net = { nodes: Array<{ id: string; name: string; type: string; country: string | null; events: number }>; edges: Array<{ source: string; target: string; plover: string; code: string; count: number; eventIds: string[] }> };
  it('builds directed edges between resolved actors, filtered by date, type and confidence', async () => {
    const net = await get<Net>('/api/network');
    expect(net.edges.map((e) => `${e.source}>${e.target}:${e.code}`).sort()).toEqual(['irq-pmu>usa-mil:138', 'new:person:haidar-umran>usa-gov:1056', 'usa-gov>irn-gov:112']);
    for (const e of net.edges) expect(e.count).toBe(e.eventIds.length);
    const ids = new Set(net.nodes.map((n) => n.id));
    for (const e of net.edges) expect(ids.has(e.source) && ids.has(e.target)).toBe(true);
    expect(net.nodes.find((n) => n.id === 'usa-gov')).toMatchObject({ events: 2, country: 'USA' });
    expect((await get<Net>('/api/network?plover=ACCUSE')).edges.map((e) => e.code)).toEqual(['112']);
    expect((await get<Net>('/api/network?from=2020-05-06')).edges.map((e) => e.code)).toEqual(['1056']);
    expect((await get<Net>('/api/network?minConfidence=0.5')).edges).toHaveLength(2);
    await badRequest('/api/network?to=soon', 'to');
  });

  it('around an actor keeps its edges and names it with its kin; an unknown actor is 404, or null when asked so', async () => {
    type Centre = { id: string; name: string; members: Array<{ id: string; name: string }>; memberOf: string[] };
    const net = await get<Net & { centre?: Centre }>('/api/network?actor=irq-pmu');
    expect(net.edges.map((e) => `${e.source}>${e.target}:${e.code}`)).toEqual(['irq-pmu>usa-mil:138']);
    // The same kin as the actor's own page gives, without its mentions, events and quotes.
    const actor = await get<Centre>('/api/actors/irq-pmu');
    expect(net.centre).toEqual({ id: 'irq-pmu', name: 'Popular Mobilization Units', members: actor.members, memberOf: actor.memberOf });
    expect(net.centre!.members.map((m) => m.id)).toEqual(['irq-kh']);
    expect((await get<Net & { centre?: Centre }>('/api/network')).centre).toBeUndefined();
    await get('/api/network?actor=no-such-actor', 404);
    expect(await get('/api/network?actor=no-such-actor&missing=null')).toBeNull();
  });
});

describe('GET /api/review', () => {
  it('lists undecided low-confidence items, least sure first, by threshold', async () => {
    const queue = await page<{ kind: string; confidence: number; summary: string }>('/api/review');
    expect(queue.items.map((i) => i.confidence)).toEqual([0.3, 0.35, 0.4, 0.45]);
    expect(queue.items.every((i) => i.confidence < 0.5)).toBe(true);
    expect((await page('/api/review?threshold=0.4')).total).toBe(2);
    expect((await page('/api/review?threshold=1')).total).toBe(9);
    expect((await page('/api/review?limit=1&offset=1')).items).toEqual(queue.items.slice(1, 2));
    await badRequest('/api/review?threshold=-0.1', 'threshold');
  });
});

describe('unknown routes', () => {
  it('answer 404 JSON under /api', async () => {
    const body = await get<{ error: { code: string } }>('/api/nothing-here', 404);
    expect(body.error.code).toBe('DOSSIER_NOT_FOUND');
  });
});
