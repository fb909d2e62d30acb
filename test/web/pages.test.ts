import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NEEDS_CHROMIUM, type Harness, type PageProblems, ready, screenshot, startHarness, TOKEN } from './browser-harness.js';

interface Listing<T> {
  items: T[];
  total: number;
}

describe('the web app in chromium', NEEDS_CHROMIUM, () => {
  let h: Harness;
  const api = async <T>(path: string): Promise<T> => (await fetch(`${h.base}/api${path}`)).json() as Promise<T>;
  const clean = (p: PageProblems): void => expect(p).toEqual({ consoleErrors: [], pageErrors: [], failedRequests: [], dialogs: [] });
  const rows = (page: Page, selector: string): Promise<number> => page.locator(`${selector} tbody tr`).count();

  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('overview: counts, latest and most-reported event records, top actors and outlets from the store', async () => {
    const stats = await api<{ articles: number; events: number }>('/stats');
    const records = await api<Listing<{ id: string; mentions: unknown[] }>>('/records?sort=reports&limit=8');
    const { page, problems } = await h.open('/');
    await expect(page.locator('[data-testid=stats] li').first().textContent()).resolves.toContain(String(stats.articles));
    const wire = await api<Listing<unknown>>('/articles?outlet=Example%20Wire&limit=1');
    const row = page.locator('table.outlets tbody tr', { hasText: 'Example Wire' });
    await expect(row.locator('td').nth(1).textContent()).resolves.toBe(String(wire.total));
    expect(await rows(page, 'table.actors')).toBeGreaterThan(3);
    expect(await rows(page, 'table.latest-records')).toBe(Math.min(8, records.total));
    // The most-reported table opens the record with the most reports.
    await page.locator('table.most-reported tbody tr a.record-link').first().click();
    await ready(page, 'record');
    expect(decodeURIComponent(new URL(page.url()).pathname)).toBe(`/record/${records.items[0]!.id}`);
    await page.goBack();
    await ready(page, 'overview');
    await screenshot(page, 'overview');
    clean(problems);
  });

  it('articles: the outlet filter narrows the list and lives in the URL', async () => {
    const { page, problems } = await h.open('/articles');
    const all = await rows(page, '[data-testid=results]');
    await page.fill('form.filters input[name=outlet]', 'Northern Ledger');
    await page.click('form.filters button[type=submit]');
    await ready(page, 'articles');
    expect(new URL(page.url()).searchParams.get('outlet')).toBe('Northern Ledger');
    const some = await rows(page, '[data-testid=results]');
    expect(some).toBe((await api<Listing<unknown>>('/articles?outlet=Northern%20Ledger&limit=1')).total);
    expect(some).toBeLessThan(all);
    await screenshot(page, 'articles');
    clean(problems);
  });

  it('timeline: event records coloured by type, disputed ones ringed; the brush narrows the list; a click opens the record', async () => {
    const events = await api<Listing<{ id: string; date: string | null; disputed: boolean }>>('/records?limit=500');
    const { page, problems } = await h.open('/timeline');
    const dots = page.locator('svg.timeline-svg .item');
    expect(await dots.count()).toBeGreaterThan(0);
    const disputed = events.items.filter((e) => e.disputed && e.date !== null).map((e) => e.id);
    expect(disputed.length).toBeGreaterThan(0);
    expect(await page.locator('svg.timeline-svg .item.disputed').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')))).toEqual(expect.arrayContaining(disputed));
    await screenshot(page, 'timeline');
    // The brush: a drag over the left half of the plot.
    const box = (await page.locator('svg.timeline-svg').boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.06, box.y + box.height * 0.3);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.4, { steps: 5 });
    await page.mouse.up();
    await ready(page, 'timeline');
    const url = new URL(page.url());
    const from = url.searchParams.get('from');
    const to = url.searchParams.get('to');
    expect(from).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(to! > from!).toBe(true);
    if (events.total > 0) {
      const inRange = events.items.filter((e) => e.date !== null && e.date.slice(0, 10) >= from! && e.date.slice(0, 10) <= to!).length;
      expect(inRange).toBeLessThan(events.items.length);
      expect(inRange === 0 ? 0 : await rows(page, '[data-testid=timeline-list]')).toBe(inRange);
    }
    if (events.total > 0) {
      // The legend filters by PLOVER type: fewer events, all of that type, and the type in the URL.
      await page.goto(`${h.base}/timeline`);
      await ready(page, 'timeline');
      const all = await rows(page, '[data-testid=timeline-list]');
      await page.locator('.legend button.key', { hasText: 'ASSAULT' }).click();
      await ready(page, 'timeline');
      expect(new URL(page.url()).searchParams.get('plover')).toBe('ASSAULT');
      const types = await page.locator('[data-testid=timeline-list] tbody tr td:nth-child(2)').allTextContents();
      expect(types.length).toBeGreaterThan(0);
      expect(types.length).toBeLessThan(all);
      expect(new Set(types)).toEqual(new Set(['ASSAULT']));
    }
    const first = page.locator('svg.timeline-svg .item').first();
    const href = (await first.getAttribute('data-href'))!;
    const id = (await first.getAttribute('data-id'))!;
    await first.click();
    await ready(page, 'record');
    expect(new URL(page.url()).pathname).toBe(href);
    await expect(page.locator('.record-type .mono').textContent()).resolves.toBe(`CAMEO ${(await api<{ code: string }>(`/records/${id}`)).code}`);
    clean(problems);
  });

  it('map: towns as clustered markers, countries as areas, the filter narrows, a marker opens the place and its articles', async () => {
    const places = await api<Listing<{ id: string; name: string; precision: string }>>('/places?limit=500');
    const { page, problems } = await h.open('/map');
    await page.waitForSelector('svg.map-svg g.marker');
    const country = places.items.find((p) => p.precision === 'country')!;
    expect(country).toBeDefined();
    // A country is drawn as its shape, never as a pin.
    expect(await page.locator(`svg.map-svg path.area-country[data-place="${country.id}"]`).count()).toBe(1);
    expect(await page.locator(`svg.map-svg g.marker[data-places~="${country.id}"]`).count()).toBe(0);
    const markedPlaces = async (): Promise<number> =>
      (await Promise.all((await page.locator('svg.map-svg g.marker').all()).map((g) => g.getAttribute('data-places')))).join(' ').split(/\s+/).filter(Boolean).length;
    const before = await markedPlaces();
    expect(before).toBe(places.items.filter((p) => ['site', 'city', 'district'].includes(p.precision)).length);
    // The event records come after the places are drawn, and then are counted and listed by place.
    const records = await api<Listing<{ id: string; place: { id: string | null } | null }>>('/records?limit=500');
    await expect.poll(() => page.locator('[data-testid=map-counts]').textContent()).toContain(`; ${records.items.length} event records`);
    const recorded = places.items.find((p) => records.items.some((r) => r.place?.id === p.id))!;
    expect(recorded).toBeDefined();
    const marked = ['site', 'city', 'district'].includes(recorded.precision);
    await page.locator(marked ? `svg.map-svg g.marker[data-places~="${recorded.id}"]` : `svg.map-svg path.area[data-place="${recorded.id}"]`).dispatchEvent('click');
    expect(await page.locator(`[data-testid=map-panel] .place[data-place="${recorded.id}"] .place-events li`).count()).toBe(records.items.filter((r) => r.place?.id === recorded.id).length);
    await screenshot(page, 'map');

    await page.fill('form.filters input[name=name]', 'Erbil');
    await page.click('form.filters button[type=submit]');
    await ready(page, 'map');
    expect(new URL(page.url()).searchParams.get('name')).toBe('Erbil');
    expect(await markedPlaces()).toBe(1);
    const erbil = places.items.find((p) => p.name === 'Erbil')!;
    await page.locator(`svg.map-svg g.marker[data-places~="${erbil.id}"]`).click();
    await expect(page.locator('[data-testid=map-panel] h3').first().textContent()).resolves.toBe('Erbil');
    const article = page.locator('[data-testid=place-articles] a').first();
    await article.waitFor();
    const title = await article.textContent();
    await article.click();
    await ready(page, 'article');
    await expect(page.locator('[data-testid=article-title]').textContent()).resolves.toBe(title);
    await expect(page.locator('[data-testid=article-text]').textContent()).resolves.toContain('Erbil');
    clean(problems);
  });

  it('network: events between actors as edges; a click on a node opens the actor page', async () => {
    const net = await api<{ nodes: Array<{ id: string; name: string }>; edges: unknown[] }>('/network');
    const { page, problems } = await h.open('/network');
    await screenshot(page, 'network');
    if (net.nodes.length === 0) {
      // Until the events stage runs there is no edge to draw: the page says so.
      await expect(page.locator('.empty').textContent()).resolves.toMatch(/No event/);
    } else {
      expect(await page.locator('svg.network-svg g.node').count()).toBe(net.nodes.length);
      expect(await page.locator('svg.network-svg path.edge').count()).toBe(net.edges.length);
      const node = net.nodes[0]!;
      await page.locator(`svg.network-svg g.node[data-actor="${node.id}"]`).click();
      await ready(page, 'actor');
      await expect(page.locator('[data-testid=actor-name]').textContent()).resolves.toBe(node.name);
      const actor = await api<{ eventsAsSource: unknown[]; eventsAsTarget: unknown[] }>(`/actors/${encodeURIComponent(node.id)}`);
      expect(actor.eventsAsSource.length + actor.eventsAsTarget.length).toBeGreaterThan(0);
      expect((await rows(page, '[data-testid=events-source]')) + (await rows(page, '[data-testid=events-target]'))).toBe(actor.eventsAsSource.length + actor.eventsAsTarget.length);
      await screenshot(page, 'actor-from-network');
    }
    clean(problems);
  });

  it('actor page: from the top actors to the actor, its aliases and its mentions', async () => {
    const actors = await api<Listing<{ id: string; name: string; mentions: number }>>('/actors?limit=5');
    const top = actors.items[0]!;
    const { page, problems } = await h.open('/');
    await page.locator('table.actors tbody tr a').first().click();
    await ready(page, 'actor');
    expect(decodeURIComponent(new URL(page.url()).pathname)).toBe(`/actor/${top.id}`);
    await expect(page.locator('[data-testid=actor-name]').textContent()).resolves.toBe(top.name);
    expect(await rows(page, '[data-testid=mentions]')).toBe(top.mentions);
    await screenshot(page, 'actor');
    clean(problems);
  });

  it('article reader: annotations as spans with their reasons, provenance, and repeated passages linked', async () => {
    const list = await api<Listing<{ id: string; title: string }>>('/articles?limit=500');
    const rockets = list.items.find((a) => a.title === 'Rockets hit base near Baghdad airport')!;
    const followUp = list.items.find((a) => a.title === 'Iraq arrests suspects over Baghdad rocket attack')!;
    const detail = await api<{ places: Array<{ text: string; name: string; reason: string }>; times: unknown[]; entities: unknown[] }>(`/articles/${rockets.id}`);
    const { page, problems } = await h.open(`/article/${rockets.id}`);
    const text = page.locator('[data-testid=article-text]');
    await expect(text.textContent()).resolves.toContain('Three rockets struck a military base');
    expect(await text.locator('.m-place').count()).toBeGreaterThanOrEqual(detail.places.length > 0 ? 1 : 0);
    expect(await text.locator('.m-time').count()).toBeGreaterThan(0);
    expect(await text.locator('.m-entity').count()).toBeGreaterThan(0);
    const place = detail.places[0]!;
    const hover = await text.locator('.m-place').first().getAttribute('title');
    expect(hover).toContain(place.name);
    expect(hover).toContain(place.reason);
    await expect(page.locator('[data-testid=provenance]').textContent()).resolves.toContain('01-baghdad-rockets.txt');
    await screenshot(page, 'article');
    expect(await text.locator('.m-repeat').count()).toBeGreaterThan(0);
    await page.locator('ul.repeats a').first().click();
    await ready(page, 'article');
    await expect(page.locator('[data-testid=article-title]').textContent()).resolves.toBe(followUp.title);
    clean(problems);
  });

  it('event page: each field with its evidence span (when the events stage has run)', async () => {
    const events = await api<Listing<{ id: string; code: string; evidence: string }>>('/events?limit=5');
    if (events.total === 0) return;
    const e = events.items[0]!;
    const { page, problems } = await h.open(`/event/${e.id}`);
    await expect(page.locator('.evidence').textContent()).resolves.toBe(e.evidence);
    expect(await page.locator('.evidence .m-trigger').count()).toBeGreaterThan(0);
    await screenshot(page, 'event');
    await page.locator('[data-testid=event-article]').click();
    await ready(page, 'article');
    expect(await page.locator('.m-focus').count()).toBeGreaterThan(0);
    clean(problems);
  });

  it('search: articles by full text, actors and places; a narrower query gives fewer hits', async () => {
    const { page, problems } = await h.open('/search?q=Baghdad');
    const wide = await page.locator('[data-testid=article-hits] li').count();
    expect(wide).toBeGreaterThanOrEqual(3);
    await expect(page.locator('[data-testid=named-place]').first().textContent()).resolves.toContain('Baghdad');
    await screenshot(page, 'search');
    await page.fill('form.filters input[name=q]', 'Baghdad airport suspects');
    await page.click('form.filters button[type=submit]');
    await ready(page, 'search');
    const narrow = await page.locator('[data-testid=article-hits] li').count();
    expect(narrow).toBe(1);
    await page.locator('[data-testid=article-hits] a').first().click();
    await ready(page, 'article');
    await expect(page.locator('[data-testid=article-title]').textContent()).resolves.toBe('Iraq arrests suspects over Baghdad rocket attack');
    clean(problems);
  });

  it('review: corrections need the token (kept in sessionStorage), and apply and undo with it', async () => {
    const actors = await api<Listing<{ id: string; name: string }>>('/actors?name=Safadi');
    const safadi = actors.items[0]!;
    const { page, problems } = await h.open(`/review?actor=${encodeURIComponent(safadi.id)}`);
    await screenshot(page, 'review');
    const rename = page.locator('form[data-tool=rename]');
    await expect(rename.locator('input[name=actor]').inputValue()).resolves.toBe(safadi.id);
    await rename.locator('input[name=name]').fill('Ayman al-Safadi');
    await rename.locator('button').click();
    await page.locator('[data-testid=review-status]', { hasText: 'UNAUTHORIZED' }).waitFor();
    // That 401 was the point; nothing else may fail.
    expect(problems.failedRequests).toEqual([expect.stringMatching(/actors\/corrections: 401$/)]);
    problems.failedRequests.length = 0;
    problems.consoleErrors.length = 0;

    await page.fill('input[name=token]', TOKEN);
    await page.locator('form.token button').click();
    expect(await page.evaluate('sessionStorage.getItem("dossier.token")')).toBe(TOKEN);
    await rename.locator('button').click();
    await page.locator('[data-testid=review-status]', { hasText: 'rename: done' }).waitFor();
    expect((await api<{ name: string }>(`/actors/${encodeURIComponent(safadi.id)}`)).name).toBe('Ayman al-Safadi');
    await page.locator('button', { hasText: 'Undo last correction' }).click();
    await page.locator('[data-testid=review-status]', { hasText: 'undo last correction: done' }).waitFor();
    expect((await api<{ name: string }>(`/actors/${encodeURIComponent(safadi.id)}`)).name).toBe(safadi.name);
    // A review decision with the token: the accepted item leaves the queue; undo brings it back.
    const queue = await api<Listing<{ id: string }>>('/review');
    if (queue.total > 0) {
      const before = await rows(page, '[data-testid=queue]');
      await page.locator('[data-testid=queue] tbody tr').first().locator('button', { hasText: 'accept' }).click();
      await page.locator('[data-testid=review-status]', { hasText: 'done' }).waitFor();
      await expect.poll(() => rows(page, '[data-testid=queue]')).toBe(before - 1);
      expect((await api<Listing<{ id: string }>>('/review')).items.map((i) => i.id)).not.toContain(queue.items[0]!.id);
      await page.locator('button', { hasText: 'Undo last decision' }).click();
      await expect.poll(() => rows(page, '[data-testid=queue]')).toBe(before);
    }
    // The token never reached the built client.
    const bundle = await (await fetch(`${h.base}${(await page.locator('script[type=module]').getAttribute('src'))!}`)).text();
    expect(bundle).not.toContain(TOKEN);
    clean(problems);
  });

  it('records list: every record, a filter in the URL narrows it, a click opens the record page', async () => {
    const all = await api<Listing<{ id: string; disputed: boolean; independentOutlets: number }>>('/records?limit=50');
    const { page, problems } = await h.open('/records');
    expect(await rows(page, '[data-testid=records]')).toBe(Math.min(50, all.total));
    await page.selectOption('form.filters select[name=disputed]', 'true');
    await page.fill('form.filters input[name=minIndependent]', '2');
    await page.click('form.filters button[type=submit]');
    await ready(page, 'records');
    const url = new URL(page.url());
    expect([url.searchParams.get('disputed'), url.searchParams.get('minIndependent')]).toEqual(['true', '2']);
    const wanted = await api<Listing<{ id: string }>>('/records?disputed=true&minIndependent=2');
    expect(wanted.total).toBeGreaterThan(0);
    expect(wanted.total).toBeLessThan(all.total);
    expect(await rows(page, '[data-testid=records]')).toBe(wanted.total);
    await screenshot(page, 'records');
    await page.locator('[data-testid=records] a.record-link').first().click();
    await ready(page, 'record');
    expect(new URL(page.url()).pathname).toBe(`/record/${wanted.items[0]!.id}`);
    clean(problems);
  });

  it('record page: the witnesses side by side, the contradictions with their outlets, independence in words', async () => {
    const disputed = await api<Listing<{ id: string; outlets: string[] }>>('/records?disputed=true&minIndependent=2');
    const strike = disputed.items.find((r) => r.outlets.includes('Sample Daily'))!;
    const detail = await api<{ witnesses: Array<{ outlets: string[] }>; reports: Array<{ eventId: string; title: string; outlet: string; evidence: string }>; contradictions: Array<{ field: string }> }>(`/records/${strike.id}`);
    const { page, problems } = await h.open(`/record/${strike.id}`);
    await expect(page.locator('[data-testid=disputed]').textContent()).resolves.toBe('disputed');
    // The headline is a sentence that names each dispute instead of joining the versions, and it names the tab.
    const headline = (await page.locator('[data-testid=record-sentence]').textContent())!.replace(/disputed$/, '');
    for (const c of detail.contradictions.filter((x) => x.field === 'source' || x.field.startsWith('number:'))) {
      expect(headline).toContain(c.field === 'source' ? '(disputed)' : `${c.field.slice('number:'.length)} disputed: `);
    }
    expect(headline).not.toMatch(/^Event record/);
    await expect(page.locator('.record-type').textContent()).resolves.toMatch(/[a-z]{4,} .*CAMEO \d+$/);
    expect(await page.title()).toBe(`${headline} · Dossier`);
    // One column per independent witness; the wire and the ledger share one.
    expect(await page.locator('[data-testid=witnesses] > .witness').count()).toBe(detail.witnesses.length);
    await expect(page.locator('.witness', { hasText: 'Sample Daily' }).locator('h3').textContent()).resolves.toBe('Witness 2: Sample Daily');
    expect(await page.locator('.witness .report').count()).toBe(detail.reports.length);
    const independence = (await page.locator('[data-testid=independence]').textContent())!;
    // Three leads, and the three headlines that sum their articles up ("Three police killed at
    // post outside Tikrit" too: in one story, a killing and the rocket attack that did it are one act).
    expect(independence).toMatch(/^6 reports in 3 articles from 3 outlets; 2 independent witnesses: /);
    expect(independence).toContain('repeat the same passage');
    // Each disputed field with each version and who gives it.
    const killed = page.locator('.contradiction[data-field="number:killed"] tbody tr');
    expect(await killed.count()).toBe(2);
    await expect(killed.nth(1).textContent()).resolves.toContain('Sample Daily');
    expect(await page.locator('.contradiction').count()).toBe(detail.contradictions.length);
    // The Daily's report marks its toll as contradicted, and nothing else: the wire's dateline day
    // ("TIKRIT, Feb 12 -") is when it was filed, not a second date for Sunday's attack.
    const daily = page.locator(`.report[data-event="${detail.reports.find((m) => m.outlet === 'Sample Daily')!.eventId}"]`);
    expect(await daily.locator('dd.conflict').count()).toBe(1);
    expect(detail.contradictions.map((c) => c.field)).toEqual(['number:killed']);
    await screenshot(page, 'record');
    const report = detail.reports.find((m) => m.outlet === 'Sample Daily')!;
    await daily.locator('a.report-title').click();
    await ready(page, 'article');
    await expect(page.locator('[data-testid=article-title]').textContent()).resolves.toBe(report.title);
    await expect(page.locator('.m-focus').first().textContent()).resolves.toBeTruthy();
    clean(problems);
  });

  it('events read as sentences; what did not happen as told is set apart wherever events are listed', async () => {
    const events = await api<Listing<{ id: string; articleId: string; modality: string }>>('/events?limit=500');
    const apart = events.items.find((e) => ['planned', 'hypothetical', 'conditional', 'denied', 'negated'].includes(e.modality));
    const happened = events.items.find((e) => e.modality === 'asserted' || e.modality === 'reported');
    expect(apart, 'the web corpus has an event that did not happen as told').toBeDefined();
    const { page, problems } = await h.open(`/article/${apart!.articleId}`);
    const row = page.locator('table.events tbody tr', { has: page.locator(`a[href="/event/${apart!.id}"]`) });
    await expect(row.locator('.sentence').getAttribute('class')).resolves.toContain('not-happened');
    await expect(row.locator('[data-testid=modality]').textContent()).resolves.toBe(apart!.modality === 'negated' ? 'did not happen' : apart!.modality);
    await row.locator(`a[href="/event/${apart!.id}"]`).click();
    await ready(page, 'event');
    const sentence = (await page.locator('[data-testid=event-sentence] .sentence').textContent())!;
    expect(await page.title()).toBe(`${sentence} · Dossier`);
    await expect(page.locator('[data-testid=event-sentence] [data-testid=modality]').count()).resolves.toBe(1);
    await page.goto(`${h.base}/event/${happened!.id}`);
    await ready(page, 'event');
    await expect(page.locator('[data-testid=event-sentence] [data-testid=modality]').count()).resolves.toBe(0);
    await expect(page.locator('[data-testid=event-sentence] .sentence.not-happened').count()).resolves.toBe(0);
    clean(problems);
  });

  it('event page: links to the record that holds the event', async () => {
    const records = await api<Listing<{ id: string; mentions: Array<{ eventId: string }> }>>('/records?sort=reports&limit=1');
    const record = records.items[0]!;
    const { page, problems } = await h.open(`/event/${record.mentions[0]!.eventId}`);
    await page.locator('[data-testid=event-record]').click();
    await ready(page, 'record');
    expect(new URL(page.url()).pathname).toBe(`/record/${record.id}`);
    clean(problems);
  });

  it('an unknown path and an unknown record say so, without a console error', async () => {
    const { page, problems } = await h.open('/nowhere/at/all');
    await expect(page.locator('main h1').textContent()).resolves.toBe('No such page');
    await page.goto(`${h.base}/record/r_0000000000000000`);
    await ready(page);
    await expect(page.locator('[data-testid=not-found] h1').textContent()).resolves.toBe('No event record “r_0000000000000000”');
    // The app asks with missing=null: an unknown id is an answer, not a 404 the browser logs.
    clean(problems);
  });
});
