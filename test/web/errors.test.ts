import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NEEDS_CHROMIUM, type Harness, type PageProblems, ready, screenshot, startHarness } from './browser-harness.js';

interface Listing<T> {
  items: T[];
  total: number;
}

/** Item 7 of issue 15: errors a person understands, with the form kept and a way back, and nothing logged as an error. */
describe('errors in the web app, as a person meets them', NEEDS_CHROMIUM, () => {
  let h: Harness;
  const api = async <T>(path: string): Promise<T> => (await fetch(`${h.base}/api${path}`)).json() as Promise<T>;
  const clean = (p: PageProblems): void => expect(p).toEqual({ consoleErrors: [], pageErrors: [], failedRequests: [], dialogs: [] });
  const fieldError = (page: Page, name: string) => page.locator(`form.filters label:has([name="${name}"]) .field-error`);

  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('a bad date in the URL marks its field, keeps its text, and the page loads with the other filters', async () => {
    const baghdad = await api<Listing<{ id: string }>>('/records?place=Baghdad&limit=500');
    expect(baghdad.total).toBeGreaterThan(0);
    const { page, problems } = await h.open('/records?from=2020-13-45&place=Baghdad');
    await ready(page, 'records');
    const from = page.locator('form.filters input[name=from]');
    await expect(from.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(from.inputValue()).resolves.toBe('2020-13-45');
    await expect(fieldError(page, 'from').textContent()).resolves.toMatch(/not a day of the calendar; not applied/);
    await expect(page.locator('form.filters input[name=place]').inputValue()).resolves.toBe('Baghdad');
    expect(await page.locator('table.records tbody tr').count()).toBe(Math.min(baghdad.total, 50));
    await screenshot(page, 'error-bad-date');
    clean(problems);
  });

  it('a bad value typed in the form is marked where it was typed, and nothing is sent', async () => {
    const { page, problems } = await h.open('/records?place=Baghdad');
    await page.fill('form.filters input[name=to]', 'last spring');
    await page.fill('form.filters input[name=minIndependent]', 'two');
    await page.click('form.filters button[type=submit]');
    await expect(fieldError(page, 'to').textContent()).resolves.toMatch(/expected a date as YYYY, YYYY-MM or YYYY-MM-DD/);
    await expect(fieldError(page, 'minIndependent').textContent()).resolves.toMatch(/expected a whole number from 1/);
    expect(new URL(page.url()).search).toBe('?place=Baghdad');
    // The first wrong field of the form has the focus, and the typed text stays to be corrected.
    await expect(page.evaluate('document.activeElement.name')).resolves.toBe('minIndependent');
    await expect(page.locator('form.filters input[name=to]').inputValue()).resolves.toBe('last spring');
    // Corrected, the form is sent and the marks go.
    await page.fill('form.filters input[name=to]', '2020-01');
    await page.fill('form.filters input[name=minIndependent]', '');
    await page.click('form.filters button[type=submit]');
    await ready(page, 'records');
    expect(new URL(page.url()).searchParams.get('to')).toBe('2020-01');
    expect(await page.locator('form.filters .field-error').count()).toBe(0);
    clean(problems);
  });

  it('a value only the server can judge is marked the same way, and the page still loads', async () => {
    const { page } = await h.open('/articles?sort=sideways&outlet=Example%20Wire');
    await ready(page, 'articles');
    await expect(fieldError(page, 'sort').textContent()).resolves.toMatch(/not applied/);
    expect(await page.locator('[data-testid=results] tbody tr').count()).toBeGreaterThan(0);
  });

  it('an unknown id gives a page that says what is missing, with a way back, and no error in the console', async () => {
    for (const [path, what] of [
      ['/actor/no-such-actor', 'actor'],
      ['/record/no-such-record', 'event record'],
      ['/event/no-such-event', 'event'],
      ['/article/no-such-article', 'article'],
    ] as const) {
      const { page, problems } = await h.open(path);
      await expect(page.locator('[data-testid=not-found] h1').textContent()).resolves.toBe(`No ${what} “${path.split('/')[2]}”`);
      await expect(page.title()).resolves.toBe('Not found · Dossier');
      await page.locator('[data-testid=way-back] a', { hasText: 'Overview' }).click();
      await ready(page, 'overview');
      clean(problems);
      await page.close();
    }
    // The API answers the app's missing=null with a 200 and null; any other client still gets its 404.
    const asked = await fetch(`${h.base}/api/actors/no-such-actor?missing=null`);
    expect([asked.status, await asked.json()]).toEqual([200, null]);
    expect((await fetch(`${h.base}/api/actors/no-such-actor`)).status).toBe(404);
  });

  it('a path of no page and an address that cannot be decoded give a page with a way back', async () => {
    const none = await h.open('/no/such/page');
    await expect(none.page.locator('[data-testid=not-found] h1').textContent()).resolves.toBe('No such page');
    clean(none.problems);
    const bad = await h.open('/actor/%E0%A4%A');
    expect(new URL(bad.page.url()).pathname).toBe('/malformed-address');
    await expect(bad.page.locator('[data-testid=not-found] h1').textContent()).resolves.toBe('This address cannot be read');
    await expect(bad.page.locator('[data-testid=not-found] p').first().textContent()).resolves.toContain('/actor/%E0%A4%A');
    await bad.page.locator('[data-testid=way-back] a', { hasText: 'Search' }).click();
    await ready(bad.page, 'search');
    clean(bad.problems);
    // A client of the API gets the contract's JSON error, not Fastify's own shape.
    const res = await fetch(`${h.base}/api/actors/%E0%A4%A`);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('DOSSIER_USAGE');
  });

  it('a query too long to search is marked on the search field, kept, and says how long it may be', async () => {
    const { page, problems } = await h.open('/');
    const long = 'rocket attack '.repeat(20).trim();
    await page.fill('#quick-search input[name=q]', long);
    await page.press('#quick-search input[name=q]', 'Enter');
    await ready(page, 'search');
    await expect(fieldError(page, 'q').textContent()).resolves.toMatch(new RegExp(`at most 200 characters \\(this is ${long.length}\\)`));
    await expect(page.locator('form.filters input[name=q]').inputValue()).resolves.toBe(long);
    clean(problems);
  });
});
