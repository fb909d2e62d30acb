import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NEEDS_CHROMIUM, type Harness, screenshot, startHarness } from './browser-harness.js';

interface Listing<T> {
  items: T[];
  total: number;
}

/**
 * Hostile articles (script tags, event handlers, javascript: links in the title, outlet, author
 * and text) are shown as text on every page that shows them: nothing runs, nothing loads.
 */
describe('hostile ingested text in the web app', NEEDS_CHROMIUM, () => {
  let h: Harness;
  let hostile: Array<{ id: string; title: string }>;

  beforeAll(async () => {
    h = await startHarness();
    const list = (await (await fetch(`${h.base}/api/articles?limit=500`)).json()) as Listing<{ id: string; title: string; outlet: string | null }>;
    hostile = list.items.filter((a) => /<|Council meeting/.test(a.title) || /</.test(a.outlet ?? ''));
  });
  afterAll(async () => {
    await h?.close();
  });

  it('finds the hostile fixtures in the store', () => {
    expect(hostile.length).toBeGreaterThanOrEqual(2);
  });

  for (const route of ['/', '/articles', '/search?q=council', '/search?q=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E', '/timeline', '/map', '/records']) {
    it(`${route} stays inert`, async () => {
      const { page, problems } = await h.open(route);
      await page.waitForTimeout(200);
      expect(await page.evaluate('window.__pwned')).toBeUndefined();
      expect(problems.dialogs).toEqual([]);
      expect(problems.pageErrors).toEqual([]);
      expect(problems.consoleErrors).toEqual([]);
      // No element came from ingested text: no img, iframe, object or script in the page body.
      expect(await page.locator('main img, main iframe, main object, main embed, main script, main [onerror], main [onclick]').count()).toBe(0);
      expect(await page.locator('a[href^="javascript:" i]').count()).toBe(0);
      await page.close();
    });
  }

  it('the record pages of events the hostile articles report stay inert', async () => {
    const records = (await (await fetch(`${h.base}/api/records?limit=500`)).json()) as { items: Array<{ id: string; mentions: Array<{ articleId: string }> }> };
    const ids = new Set(hostile.map((a) => a.id));
    const touched = records.items.filter((r) => r.mentions.some((m) => ids.has(m.articleId)));
    expect(touched.length).toBeGreaterThan(0);
    for (const r of touched) {
      const { page, problems } = await h.open(`/record/${r.id}`);
      await page.waitForTimeout(100);
      expect(await page.evaluate('window.__pwned')).toBeUndefined();
      expect(problems).toEqual({ consoleErrors: [], pageErrors: [], failedRequests: [], dialogs: [] });
      expect(await page.locator('main img, main iframe, main script, main [onerror], main [onload], main [onmouseover]').count()).toBe(0);
      expect(await page.locator('a[href^="javascript:" i]').count()).toBe(0);
      await page.close();
    }
  });

  it('the hostile articles render their markup as visible text, and a javascript: URL is not a link', async () => {
    for (const a of hostile) {
      const { page, problems } = await h.open(`/article/${a.id}`);
      await expect(page.locator('[data-testid=article-title]').textContent()).resolves.toBe(a.title);
      // Hovering and clicking every highlighted span runs nothing either.
      for (const span of (await page.locator('[data-testid=article-text] .m').all()).slice(0, 10)) await span.hover();
      await page.locator('[data-testid=article-text]').click();
      expect(await page.evaluate('window.__pwned')).toBeUndefined();
      expect(problems).toEqual({ consoleErrors: [], pageErrors: [], failedRequests: [], dialogs: [] });
      expect(await page.locator('main img, main iframe, main script, main svg, main [onerror], main [onload], main [onmouseover]').count()).toBe(0);
      expect(await page.locator('a[href^="javascript:" i]').count()).toBe(0);
      if (a.title.includes('window.__pwned=2')) {
        await expect(page.locator('[data-testid=article-text]').textContent()).resolves.toContain("<script>window.__pwned = 6; alert('script')</script>");
        await expect(page.locator('.byline').textContent()).resolves.toContain('<b onmouseover=');
        await screenshot(page, 'hostile');
      }
      await page.close();
    }
  });
});
