/**
 * A bounded load test of the read routes with hostile searches in flight: how long /api/health
 * and the list routes take while one client keeps sending the most expensive search it can.
 *
 * Usage: npx tsx bench/search-load.ts [--db FILE] [--corpus FOLDER] [--seconds N] [--clients N] [--cli-root DIR] [--profile DIR]
 *   [--phases flood,in-flight] [--in-flight 1,4] [--runs N] [--built]
 * (--cli-root: the checkout whose `dossier serve` to run, to compare a version before a change;
 * --profile: the server writes a V8 CPU profile there when it stops, to see what holds its thread).
 *
 * Two kinds of phase. `flood`: one client sends each hostile query back to back; a refused one
 * comes back at once, so that is hundreds of requests a second. `in-flight`: exactly N of the most
 * expensive searches the bounds accept are in flight all the time (each client sends the next when
 * its one answers), for each N of --in-flight, while the list clients run (the list routes only:
 * one more client sends the ordinary searches, reported apart); each run begins with a
 * phase without them, and --runs repeats the whole, so that the list routes' p99 with the hostile
 * searches is compared with runs beside it on the same machine, the load average printed with each.
 *
 * Without --db, or with a --db that does not exist yet, it first builds a large store from the
 * Reuters-21578 SGML files with the text stages only (articles and the full-text index: search
 * and the article list read nothing else), then reads the files again for their time mentions
 * (the times stage needs no models; the timeline reads nothing else), and keeps it at that path.
 * Build it once (`nice -n 10`, about 40 minutes on 2 busy cores) and pass it again with --db.
 * The server runs in a child process, as `dossier serve` does; this process only sends requests.
 *
 * It prints /api/health's p50 and p99 alone and with each hostile query in flight, and each list
 * route's p99 under --clients concurrent clients, with and without the hostile query.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { articleId } from '../src/ingest/article-id.js';
import { createAnalyzer } from '../src/pipeline/analyze-article.js';
import { expandInputs, ingestFiles, readInputFile } from '../src/pipeline/ingest-files.js';
import { createPipeline } from '../src/pipeline/pipeline.js';
import { createStages } from '../src/pipeline/stages.js';
import { saveMentions } from '../src/store/mentions-repository.js';
import { openStore, type Store } from '../src/store/open-store.js';
import { createDocument } from '../src/text/create-document.js';
import { createTimesStage } from '../src/time/times-stage.js';

const ROOT = join(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    db: { type: 'string' },
    corpus: { type: 'string', default: join(ROOT, '../shared/corpus/reuters21578') },
    seconds: { type: 'string', default: '10' },
    clients: { type: 'string', default: '4' },
    'cli-root': { type: 'string', default: ROOT },
    profile: { type: 'string' },
    phases: { type: 'string', default: 'flood,in-flight' },
    'in-flight': { type: 'string', default: '1,4' },
    runs: { type: 'string', default: '3' },
    built: { type: 'boolean', default: false },
  },
});
const db = values.db ?? join(mkdtempSync(join(tmpdir(), 'dossier-load-')), 'load.db');
const seconds = Number(values.seconds);
const clients = Number(values.clients);
const phases = new Set(values.phases.split(','));
const inFlightCounts = values['in-flight'].split(',').map(Number);
const runs = Number(values.runs);

/**
 * The time mentions of every article of the files, saved as the full pipeline saves them: the
 * text-only ingest saves no annotation layer, and the timeline lists nothing else.
 */
async function addTimeMentions(store: Store, files: readonly string[]): Promise<number> {
  const pipeline = createPipeline([...createStages(), createTimesStage()]);
  const context = {
    corrections: [],
    describeActor: () => {
      throw new Error('this pass saves no entity');
    },
  };
  let mentions = 0;
  for (const file of files) {
    const { articles } = await readInputFile(file);
    const docs = articles.map((raw) => pipeline.run(createDocument(articleId(raw), raw.text, { published: raw.date?.value ?? null, title: raw.title, outlet: raw.outlet })));
    await store.transaction().execute(async (trx) => {
      for (const doc of docs) await saveMentions(trx, doc.id, doc, context, []);
    });
    mentions += docs.reduce((n, d) => n + (d.layers.times?.length ?? 0), 0);
  }
  return mentions;
}

if (!existsSync(db)) {
  const files = (await expandInputs([join(values.corpus, '*.sgm')])).sort();
  const store = await openStore(db);
  const built = await ingestFiles(store, files, { analyzer: createAnalyzer() });
  console.log(`built ${db}: ${built.articlesNew} articles in ${built.seconds.toFixed(0)} s`);
  await store.destroy();
}
{
  const store = await openStore(db);
  const { n } = await store.selectFrom('time_mentions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  if (Number(n) === 0) {
    const started = performance.now();
    const files = (await expandInputs([join(values.corpus, '*.sgm')])).sort();
    console.log(`added ${await addTimeMentions(store, files)} time mentions in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
  await store.destroy();
}

/** The searches a hostile client sends: each the worst of its kind the route accepts or refuses. */
const HOSTILE: Record<string, string> = {
  'prefix OR chain': Array.from({ length: 80 }, () => 'a*').join(' OR '),
  'NEAR group': `NEAR(${Array.from({ length: 40 }, (_, i) => `${String.fromCharCode(97 + (i % 26))}*`).join(' ')}, 1000)`,
  'two-letter prefixes': Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(97 + i)}e*`).join(' OR '),
  'many common words': ['the', 'of', 'to', 'and', 'in', 'said', 'a', 'for', 'it', 'on', 'is', 'by', 'that', 'at', 'from', 'with'].join(' OR '),
};
/**
 * The most expensive search the bounds accept that we found on the Reuters store: the four prefix
 * terms allowed, each of three letters and beginning hundreds of words, and twelve very common
 * words, every term in an OR (0.4–0.5 s of a quiet core on the 21k-article store; the 16 common
 * words alone about 0.3 s).
 */
const EXPENSIVE = ['con*', 'pro*', 'com*', 'sta*', 'the', 'of', 'to', 'and', 'in', 'said', 'a', 'for', 'it', 'on', 'is', 'by'].join(' OR ');
const LIST_ROUTES = [
  '/api/articles?limit=50',
  '/api/articles?limit=50&sort=title',
  '/api/search?q=oil&limit=20',
  '/api/search?q=%22interest%20rates%22&limit=20',
  '/api/stats',
  '/api/timeline?limit=50',
  '/api/timeline?limit=50&offset=20000',
  '/api/timeline?from=1987-03&to=1987-03&limit=50',
];

function startServer(): Promise<{ child: ChildProcess; base: string }> {
  const profile = values.profile ? ['--cpu-prof', `--cpu-prof-dir=${values.profile}`] : [];
  // --built: the CLI as installed (dist/, `npm run build` first), whose read threads start without compiling the sources.
  const cli = values.built ? ['bin/dossier.js'] : ['--import', 'tsx', 'test/support/run-cli.ts'];
  const child = spawn(process.execPath, [...profile, ...cli, '--db', db, 'serve', '--port', '0'], { cwd: values['cli-root'], stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    const read = (chunk: Buffer): void => {
      out += chunk.toString();
      const url = /(http:\/\/\S+?)\/?\s/.exec(out)?.[1];
      if (url) resolve({ child, base: url });
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => reject(new Error(`serve exited ${code}: ${out}`)));
  });
}

async function timed(url: string): Promise<{ ms: number; status: number }> {
  const started = performance.now();
  const res = await fetch(url);
  await res.arrayBuffer();
  return { ms: performance.now() - started, status: res.status };
}

const quantile = (xs: number[], q: number): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
};

/** Milliseconds of each request, by route. */
type RouteTimes = Map<string, number[]>;
const allOf = (times: RouteTimes): number[] => [...times.values()].flat();
/** The searches among the clients' routes: they share the search thread with a hostile search. */
const isSearchRoute = (route: string): boolean => route.startsWith('/api/search');

/** Clients each sending list-route requests back to back until the time is up. */
async function listLoad(base: string, until: number, routes: readonly string[] = LIST_ROUTES, count = clients): Promise<RouteTimes> {
  const times: RouteTimes = new Map(routes.map((r) => [r, []]));
  const statuses = new Set<number>();
  await Promise.all(
    Array.from({ length: count }, async (_, c) => {
      for (let i = c; performance.now() < until; i++) {
        const route = routes[i % routes.length]!;
        const t = await timed(`${base}${route}`);
        statuses.add(t.status);
        times.get(route)!.push(t.ms);
      }
    }),
  );
  if ([...statuses].some((s) => s !== 200)) console.log(`  (list routes answered ${[...statuses].join('/')})`);
  return times;
}

/** Each route's p99 on a line of its own. */
function printRoutes(times: RouteTimes): void {
  for (const [route, ms] of times) console.log(`    ${route.padEnd(48)} p50 ${quantile(ms, 0.5).toFixed(1).padStart(7)} ms  p99 ${quantile(ms, 0.99).toFixed(1).padStart(7)} ms  (n=${ms.length})`);
}

/** One client sending a hostile search again and again, and /api/health polled every 25 ms meanwhile (a p99 needs a few hundred answers). */
async function underHostile(base: string, query: string, until: number): Promise<{ hostile: Array<{ ms: number; status: number }>; health: number[] }> {
  const hostile: Array<{ ms: number; status: number }> = [];
  const health: number[] = [];
  const attacker = (async () => {
    while (performance.now() < until) hostile.push(await timed(`${base}/api/search?q=${encodeURIComponent(query)}&limit=50`));
  })();
  const poller = (async () => {
    while (performance.now() < until) {
      health.push((await timed(`${base}/api/health`)).ms);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  })();
  await Promise.all([attacker, poller]);
  return { hostile, health };
}

/**
 * `count` clients each keeping one expensive search in flight (the next sent when it answers), and
 * /api/health polled every 25 ms meanwhile.
 */
async function inFlight(base: string, count: number, until: number): Promise<{ hostile: Array<{ ms: number; status: number }>; health: number[] }> {
  const hostile: Array<{ ms: number; status: number }> = [];
  const health: number[] = [];
  const attackers = Array.from({ length: count }, async () => {
    while (performance.now() < until) hostile.push(await timed(`${base}/api/search?q=${encodeURIComponent(EXPENSIVE)}&limit=50`));
  });
  const poller = (async () => {
    while (performance.now() < until) {
      health.push((await timed(`${base}/api/health`)).ms);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  })();
  await Promise.all([...attackers, poller]);
  return { hostile, health };
}

/** One line of the in-flight summary. */
interface InFlightRow {
  readonly run: number;
  readonly hostile: number;
  readonly lists: number[];
  readonly searches: number[];
  readonly health: number[];
  readonly hostileMs: number[];
  readonly hostileStatuses: string;
  readonly load: [number, number];
}

/** The in-flight phases: per run, the list clients alone, then with each count of expensive searches in flight. */
async function inFlightPhases(base: string): Promise<InFlightRow[]> {
  const rows: InFlightRow[] = [];
  for (let run = 1; run <= runs; run++) {
    for (const count of [0, ...inFlightCounts]) {
      const loadBefore = loadavg()[0]!;
      const until = performance.now() + seconds * 1000;
      // The list clients send the list routes only; one client of its own sends the ordinary
      // searches, which share the search thread with the hostile ones (and wait behind them).
      const [list, searches, hostile] = await Promise.all([listLoad(base, until, LIST_ROUTES.filter((r) => !isSearchRoute(r))), listLoad(base, until, LIST_ROUTES.filter(isSearchRoute), 1), inFlight(base, count, until)]);
      rows.push({
        run,
        hostile: count,
        lists: allOf(list),
        searches: allOf(searches),
        health: hostile.health,
        hostileMs: hostile.hostile.map((h) => h.ms),
        hostileStatuses: [...new Set(hostile.hostile.map((h) => h.status))].join('/'),
        load: [loadBefore, loadavg()[0]!],
      });
      const r = rows.at(-1)!;
      const p = (xs: number[], q: number): string => (xs.length ? quantile(xs, q).toFixed(0) : '-');
      console.log(
        `run ${run}, ${count} expensive search${count === 1 ? '' : 'es'} in flight: lists p50 ${p(r.lists, 0.5)} / p99 ${p(r.lists, 0.99)} ms (n=${r.lists.length}), ` +
          `ordinary searches (1 client) p99 ${p(r.searches, 0.99)} ms (n=${r.searches.length}), /api/health p50 ${p(r.health, 0.5)} / p99 ${p(r.health, 0.99)} ms, ` +
          `hostile ${r.hostileStatuses || '-'} p50 ${p(r.hostileMs, 0.5)} ms (n=${r.hostileMs.length}), load ${r.load[0].toFixed(1)} → ${r.load[1].toFixed(1)}`,
      );
      if (count === 0 || run === runs) printRoutes(new Map([...list, ...searches]));
    }
  }
  return rows;
}

const { child, base } = await startServer();
try {
  await timed(`${base}/api/health`);
  const fmt = (xs: number[]): string => `p50 ${quantile(xs, 0.5).toFixed(1)} ms, p99 ${quantile(xs, 0.99).toFixed(1)} ms, max ${Math.max(...xs).toFixed(1)} ms (n=${xs.length})`;
  const idle: number[] = [];
  for (const end = performance.now() + Math.min(seconds, 5) * 1000; performance.now() < end; ) {
    idle.push((await timed(`${base}/api/health`)).ms);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  console.log(`/api/health alone: ${fmt(idle)}`);
  if (phases.has('in-flight')) {
    console.log(`expensive in-bounds search (${EXPENSIVE.length} chars): ${EXPENSIVE}`);
    const rows = await inFlightPhases(base);
    console.log('summary (p99 ms; the median of the runs, then each run):');
    for (const count of [0, ...inFlightCounts]) {
      const mine = rows.filter((r) => r.hostile === count);
      const col = (pick: (r: InFlightRow) => number[]): string => {
        const each = mine.map((r) => quantile(pick(r), 0.99));
        return `${quantile(each, 0.5).toFixed(0)} (${each.map((x) => x.toFixed(0)).join(', ')})`;
      };
      console.log(`  ${count} in flight: lists ${col((r) => r.lists)}; searches ${col((r) => r.searches)}; /api/health ${col((r) => r.health)}; load ${mine.map((r) => r.load[0].toFixed(1)).join(', ')}`);
    }
  }
  if (phases.has('flood')) await floodPhases(base, fmt);
} finally {
  child.kill('SIGTERM');
}

/** The flood phases: each hostile query sent back to back by one client, with and without the list clients. */
async function floodPhases(base: string, fmt: (xs: number[]) => string): Promise<void> {
  const quiet = await listLoad(base, performance.now() + seconds * 1000);
  console.log(`list routes, ${clients} clients, no hostile query:  ${fmt(allOf(quiet))}`);
  printRoutes(quiet);
  for (const [name, query] of Object.entries(HOSTILE)) {
    // Health alone while the hostile client runs: what a load balancer's probe sees.
    const alone = await underHostile(base, query, performance.now() + seconds * 1000);
    const statuses = [...new Set(alone.hostile.map((h) => h.status))].join('/');
    console.log(`hostile ${name} (${query.length} chars): answered ${statuses} in ${fmt(alone.hostile.map((h) => h.ms))}`);
    console.log(`  /api/health meanwhile: ${fmt(alone.health)}`);
    const until = performance.now() + seconds * 1000;
    const [list, withList] = await Promise.all([listLoad(base, until), underHostile(base, query, until)]);
    console.log(`  list routes meanwhile (${clients} clients): ${fmt(allOf(list))}`);
    printRoutes(list);
    console.log(`  /api/health meanwhile, list load too: ${fmt(withList.health)}`);
  }
}
