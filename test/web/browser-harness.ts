/**
 * The web app in a real browser: the app built by Vite once per run (web-build.ts), the real API
 * server on a store filled from the fixture corpus, and Debian's chromium driven by
 * playwright-core. Every page opened through `open` records console errors, page errors,
 * failed requests and dialogs, so a test can insist there were none.
 */
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { type Browser, chromium, type Page } from 'playwright-core';
import { buildServer } from '../../src/api/server.js';
import { expandInputs, ingestFiles } from '../../src/pipeline/ingest-files.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import { needsWhen } from '../support/prerequisites.js';
import { freshStoreTarget } from '../support/test-store.js';
import { builtWebApp } from './web-build.js';

export const ROOT = resolve(__dirname, '../..');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** The browser tests run only with a chromium; without one they are skipped, saying so. */
export const NEEDS_CHROMIUM = needsWhen(existsSync(CHROMIUM), `${CHROMIUM} absent (apt-get install chromium, or set CHROMIUM_PATH)`);
export const SCREENSHOTS = join(ROOT, 'test-output/screenshots');
export const TOKEN = 'web-test-token';

/** The invented corpus, the reader's hostile HTML page, and the API helper's hostile files when present. */
export function corpusFiles(): string[] {
  const hostileDir = join(ROOT, 'test/fixtures/hostile');
  return [
    join(ROOT, 'test/fixtures/web-corpus'),
    join(ROOT, 'test/fixtures/html/hostile-page.html'),
    ...(existsSync(hostileDir) ? readdirSync(hostileDir).map((f) => join(hostileDir, f)) : []),
  ];
}

export interface PageProblems {
  consoleErrors: string[];
  pageErrors: string[];
  failedRequests: string[];
  dialogs: string[];
}

export interface Harness {
  readonly base: string;
  readonly store: Store;
  readonly browser: Browser;
  open(path: string): Promise<{ page: Page; problems: PageProblems }>;
  close(): Promise<void>;
}

/** The web app over a store of `files` (the invented corpus by default), in chromium. */
export async function startHarness(files: readonly string[] = corpusFiles(), viewport = { width: 1360, height: 900 }): Promise<Harness> {
  const webRoot = await builtWebApp(ROOT);
  const store = await openStore(await freshStoreTarget('web'));
  const summary = await ingestFiles(store, await expandInputs([...files]));
  if (summary.articlesNew === 0) throw new Error('the web corpus gave no article');
  const app: FastifyInstance = await buildServer({ store, token: TOKEN, webRoot });
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  mkdirSync(SCREENSHOTS, { recursive: true });
  const context = await browser.newContext({ viewport });
  return {
    base: address,
    store,
    browser,
    async open(path) {
      const page = await context.newPage();
      const problems: PageProblems = { consoleErrors: [], pageErrors: [], failedRequests: [], dialogs: [] };
      page.on('console', (m) => {
        if (m.type() === 'error') problems.consoleErrors.push(m.text());
      });
      page.on('pageerror', (e) => problems.pageErrors.push(e.message));
      page.on('requestfailed', (r) => problems.failedRequests.push(`${r.method()} ${r.url()}: ${r.failure()?.errorText ?? '?'}`));
      page.on('response', (r) => {
        if (r.status() >= 400) problems.failedRequests.push(`${r.request().method()} ${r.url()}: ${r.status()}`);
      });
      page.on('dialog', (d) => {
        problems.dialogs.push(d.message());
        void d.dismiss();
      });
      await page.goto(`${address}${path}`);
      await ready(page);
      return { page, problems };
    },
    async close() {
      await browser.close();
      await app.close();
      await store.destroy();
    },
  };
}

/** Waits for the router to finish rendering the current page (or to show its error). */
export async function ready(page: Page, name?: string): Promise<void> {
  await page.waitForSelector(name ? `body[data-state="ready"][data-page="${name}"]` : 'body[data-state="ready"], body[data-state="error"]');
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
