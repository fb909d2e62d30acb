/**
 * How long each page of the web app takes to be ready in Chromium over a given store (issue 15:
 * no page over 1 s on the 21k-article store, none scrolling sideways at 390 px).
 *
 * Usage: npx tsx bench/web-pages.ts --db FILE [--runs N] [--widths 1440,390] [--query WORD] [--only a,b]
 *                                    [--cli-root DIR] [--chromium PATH]
 *   --db        the store to serve (`dossier serve --db FILE --port 0` on 127.0.0.1, a child process,
 *               stopped at the end; the app is the checkout's dist/web, so `npm run build` first)
 *   --runs      loads of each page at each width (default 3); the table gives the median and the worst
 *   --query     the word the search page looks for (default "oil")
 *   --only      only these pages, by the names in the table
 *   --cli-root  the checkout whose `dossier serve` and dist/web to use (to compare a version before a change)
 *
 * The app has no page of its own for the lists of events, actors and outlets (the overview shows
 * the top actors and outlets; events are reached through records, articles and search), so those
 * are not loaded here; `curl` the API's list routes for them.
 *
 * A page is ready when the router marks it so (body[data-state=ready], as the browser tests wait
 * for it): from the navigation's start to that mark, each load in a fresh tab of one browser
 * context (the app's script and styles cached after the first). For each page it also gives the
 * slowest API request the page waited for (finished before it was ready; the server's share: request sent to last byte, from
 * Playwright's resource timing), so a slow page says whether the server or the browser is slow;
 * "after api" is the median time from the last API answer the page waited for to its ready mark
 * (the page's own clock: building and laying out what the data says), "reqs" how many it waited for.
 * "page ms" is the median of the same loads by the page's own clock (navigation start to the ready
 * mark): "median ms" adds the harness's share (opening the tab, Playwright's round trips), which
 * on a loaded machine is 50-400 ms of its own.
 * Sideways scrolling at a width: the document wider than the window once the page is ready and its
 * requests have settled.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type BrowserContext, chromium } from 'playwright-core';

const ROOT = join(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    runs: { type: 'string', default: '3' },
    widths: { type: 'string', default: '1440,390' },
    query: { type: 'string', default: 'oil' },
    only: { type: 'string' },
    'cli-root': { type: 'string', default: ROOT },
    chromium: { type: 'string', default: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
  },
});
if (!values.db || !existsSync(values.db)) throw new Error('--db names the store to serve, which must exist');
const db = resolve(values.db);
const runs = Number(values.runs);
const widths = values.widths.split(',').map(Number);
if (!Number.isInteger(runs) || runs < 1 || widths.some((w) => !Number.isInteger(w) || w < 200)) throw new Error('--runs takes a count, --widths pixel widths: --runs 3 --widths 1440,390');
const cliRoot = resolve(values['cli-root']);
if (!existsSync(join(cliRoot, 'dist/web/index.html'))) throw new Error(`${cliRoot}/dist/web is not built: npm run build there first`);

function startServer(): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(process.execPath, [join(cliRoot, 'bin/dossier.js'), 'serve', '--db', db, '--host', '127.0.0.1', '--port', '0'], {
    cwd: cliRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolvePromise, reject) => {
    let out = '';
    const read = (chunk: Buffer): void => {
      out += chunk.toString();
      const url = /serving (http:\/\/\S+?)\/?\s/.exec(out)?.[1];
      if (url) resolvePromise({ child, base: url });
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => reject(new Error(`serve exited ${code}: ${out}`)));
  });
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill('SIGTERM');
  await exited;
}

interface Listing {
  items: Array<Record<string, unknown>>;
}

/** The pages to load, with the ids of one article, event, record, actor and outlet of this store. */
async function pagesOf(base: string): Promise<Array<[name: string, path: string]>> {
  const first = async (path: string, key: string): Promise<string> => {
    const res = await fetch(`${base}/api${path}`);
    if (!res.ok) throw new Error(`${path}: ${res.status}`);
    const value = ((await res.json()) as Listing).items[0]?.[key];
    if (typeof value !== 'string') throw new Error(`${path}: no ${key} in the first item`);
    return encodeURIComponent(value);
  };
  // The most reported record, the most mentioned actor and the outlet with the most articles: the heaviest of each.
  const [article, event, record, actor, outlet] = await Promise.all([
    first('/articles?limit=1', 'id'),
    first('/events?limit=1', 'id'),
    first('/records?sort=reports&limit=1', 'id'),
    first('/actors?limit=1', 'id'),
    first('/outlets?limit=1', 'name'),
  ]);
  return [
    ['overview', '/'],
    ['articles', '/articles'],
    ['article', `/article/${article}`],
    ['event', `/event/${event}`],
    ['records', '/records'],
    ['record', `/record/${record}`],
    ['actor', `/actor/${actor}`],
    ['network', '/network'],
    ['network-actor', `/network?actor=${actor}`],
    ['map', '/map'],
    ['timeline', '/timeline'],
    ['quotes', '/quotes'],
    ['repeats', '/repeats'],
    ['outlet', `/outlet/${outlet}`],
    ['search', `/search?q=${encodeURIComponent(values.query)}`],
    ['review', '/review'],
  ];
}

interface Load {
  ms: number;
  /** The page's own clock: from its navigation's start to the ready mark (without the harness's opening of the tab and its polling). */
  pageMs: number;
  /** From the last API answer the page waited for to its ready mark: the browser's share after the data came. */
  afterApiMs: number;
  /** How many API requests the page waited for. */
  requests: number;
  state: string;
  slowestApiMs: number;
  slowestApi: string;
  docWidth: number;
  consoleErrors: number;
}

async function load(context: BrowserContext, base: string, path: string): Promise<Load> {
  const page = await context.newPage();
  const api: Array<{ url: string; ms: number; endedAt: number }> = [];
  let consoleErrors = 0;
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors++;
  });
  page.on('requestfinished', (req) => {
    if (!req.url().includes('/api/')) return;
    const t = req.timing();
    api.push({ url: req.url().slice(base.length), ms: t.responseEnd - Math.max(0, t.requestStart), endedAt: t.startTime + t.responseEnd });
  });
  // The page's own clock: when the router marked it ready, against its resource timings.
  await page.addInitScript(`new MutationObserver(() => {
    if (window.__readyAt === undefined && document.body?.dataset.state === 'ready') window.__readyAt = performance.now();
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-state'] });`);
  const started = performance.now();
  await page.goto(`${base}${path}`, { waitUntil: 'commit' });
  await page.waitForSelector('body[data-state="ready"], body[data-state="error"]', { timeout: 60_000 });
  const ms = performance.now() - started;
  const readyAt = Date.now();
  const state = (await page.getAttribute('body', 'data-state')) ?? '?';
  const timing = (await page.evaluate(`(() => {
    const readyAt = window.__readyAt ?? performance.now();
    const ends = performance.getEntriesByType('resource').filter((e) => e.name.includes('/api/') && e.responseEnd <= readyAt).map((e) => e.responseEnd);
    return { readyAt, lastApiEnd: ends.length > 0 ? Math.max(...ends) : 0, requests: ends.length };
  })()`)) as { readyAt: number; lastApiEnd: number; requests: number };
  // What the page draws after it is ready (the rest of a timeline, map tiles) counts for the width too.
  await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => undefined);
  const docWidth = Number(await page.evaluate('document.documentElement.scrollWidth'));
  // The requests that ended before the page was ready: what it waited for (a timeline's later pages come after).
  const slowest = api.filter((r) => r.endedAt <= readyAt).reduce((a, b) => (b.ms > a.ms ? b : a), { url: '-', ms: 0, endedAt: 0 });
  await page.close();
  return { ms, pageMs: timing.readyAt, afterApiMs: timing.readyAt - timing.lastApiEnd, requests: timing.requests, state, slowestApiMs: slowest.ms, slowestApi: slowest.url, docWidth, consoleErrors };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)] ?? Number.NaN;
};

const { child, base } = await startServer();
const browser = await chromium.launch({
  executablePath: values.chromium,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const over: string[] = [];
const sideways: string[] = [];
try {
  const only = values.only ? new Set(values.only.split(',')) : null;
  const pages = (await pagesOf(base)).filter(([name]) => !only || only.has(name));
  console.log(`store ${db}; server ${base}; ${runs} loads of each page at each width`);
  for (const width of widths) {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    // One load to fill the cache with the app's script and styles, as a reader's second page would find it.
    await load(context, base, '/');
    console.log(`\n${width} px`);
    console.log(`${'page'.padEnd(14)} ${'median ms'.padStart(9)} ${'worst ms'.padStart(9)} ${'page ms'.padStart(8)} ${'api ms'.padStart(7)} ${'after api'.padStart(9)} ${'reqs'.padStart(4)}  ${'doc px'.padStart(6)}  slowest API request`);
    for (const [name, path] of pages) {
      const loads: Load[] = [];
      for (let i = 0; i < runs; i++) loads.push(await load(context, base, path));
      const worst = loads.reduce((a, b) => (b.ms > a.ms ? b : a));
      const docWidth = Math.max(...loads.map((l) => l.docWidth));
      const states = [...new Set(loads.map((l) => l.state))].join('/');
      const errors = loads.reduce((s, l) => s + l.consoleErrors, 0);
      const notes = [states === 'ready' ? '' : `state ${states}`, errors > 0 ? `${errors} console errors` : '', docWidth > width ? 'SCROLLS SIDEWAYS' : ''].filter(Boolean).join(', ');
      console.log(
        `${name.padEnd(14)} ${median(loads.map((l) => l.ms)).toFixed(0).padStart(9)} ${worst.ms.toFixed(0).padStart(9)} ${median(loads.map((l) => l.pageMs)).toFixed(0).padStart(8)} ${worst.slowestApiMs.toFixed(0).padStart(7)} ${median(loads.map((l) => l.afterApiMs)).toFixed(0).padStart(9)} ${String(worst.requests).padStart(4)}  ${String(docWidth).padStart(6)}  ${worst.slowestApi}${notes ? `  (${notes})` : ''}`,
      );
      if (median(loads.map((l) => l.ms)) > 1000) over.push(`${name}@${width}`);
      if (docWidth > width) sideways.push(`${name}@${width} (${docWidth} px)`);
    }
    await context.close();
  }
} finally {
  await browser.close();
  await stopServer(child);
}
console.log(`\nover 1 s (median): ${over.length > 0 ? over.join(', ') : 'none'}`);
console.log(`scrolls sideways: ${sideways.length > 0 ? sideways.join(', ') : 'none'}`);
