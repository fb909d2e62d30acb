/**
 * Linking cost per article as the store grows (issue 14 item 8): Reuters-21578 goes into a
 * fresh SQLite store through the product's save path (saveRawArticles: analysis, layers, then
 * linkArticle per article), and the time each linkArticle call takes is read through the save
 * path's onLinked hook, apart from analysis. At each checkpoint it prints the mean and p95 ms
 * per article over the articles linked just before it, the records and stories stored, and how many
 * stories the ±7-day window of those articles holds (what each article is compared with): a cost
 * that follows the window, not the store, is bounded.
 *
 * Usage: npx tsx bench/linking.ts [folder-or-file...] [--limit N] [--at 1000,5000,21578] [--window 300]
 *                                 [--keep FILE] [--relink FILE]
 *   folder-or-file  a folder's *.sgm files, or one news file, in the order given (default: the
 *                   Reuters-21578 folder); e.g. the Reuters folder and then the seed digest
 *   --keep FILE    ingest into FILE (which must not exist) and leave it there
 *   --resume FILE  go on ingesting into FILE (one --keep left, or a run stopped): the articles
 *                  it holds already are skipped, and the checkpoints count them
 *   --relink FILE  no ingest: drop FILE's stories and records and link its articles again, in
 *                  the order they were stored, timing each linkArticle call; the store is then
 *                  as a fresh ingest of the same articles leaves it, so this measures the same
 *                  linking work without the minutes of analysis (to compare two versions)
 */
import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import type { RawArticle } from '../src/ingest/raw-article.js';
import { loadKnowledge } from '../src/pipeline/load-knowledge.js';
import { articleId } from '../src/ingest/article-id.js';
import { linkArticle } from '../src/records/link-article.js';
import { StoryMemo } from '../src/records/story-memo.js';
import { dayNumber, STORY_WINDOW_DAYS } from '../src/records/stories.js';
import { createAnalyzer } from '../src/pipeline/analyze-article.js';
import { expandInputs, readInputFile, saveRawArticles } from '../src/pipeline/ingest-files.js';
import { linkingKnowledge } from '../src/pipeline/save-and-link.js';
import { lockRecordLinking } from '../src/store/dialect.js';
import { openStore, type Store } from '../src/store/open-store.js';
import { clearRecords, countRecords } from '../src/store/records-repository.js';
import { clearStories, storyStampsNear } from '../src/store/stories-repository.js';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const valued = new Set(['--limit', '--at', '--window', '--keep', '--relink', '--resume']);
const named = args.filter((a, i) => !a.startsWith('--') && !valued.has(args[i - 1] ?? ''));
const inputs = named.length > 0 ? named : [join(import.meta.dirname, '../../shared/corpus/reuters21578')];
const limit = Number(option('--limit') ?? Number.POSITIVE_INFINITY);
const window = Number(option('--window') ?? 300);
const keep = option('--keep');
const relink = option('--relink');
const resume = option('--resume');
const wanted = (option('--at') ?? '1000,5000,21578').split(',').map(Number);
if (wanted.some((n) => !Number.isInteger(n) || n <= 0)) throw new Error('--at takes article counts: --at 1000,5000,21578');
if (keep && existsSync(keep)) throw new Error('--keep names a store that must not exist yet');

interface Checkpoint {
  articles: number;
  linked: number;
  meanMs: number;
  p95Ms: number;
  cpuMs: number;
  records: number;
  stories: number;
  /** Mean stories in the ±7-day window of the articles measured, as the store holds them at the checkpoint. */
  windowStories: number;
  seconds: number;
}

const started = performance.now();
/** Milliseconds of each linkArticle call, in linking order, and the CPU milliseconds in them. */
const linkMs: number[] = [];
const linkCpuMs: number[] = [];
const linkIds: string[] = [];
const timed = (id: string, ms: number, cpuMs: number): void => {
  linkIds.push(id);
  linkMs.push(ms);
  linkCpuMs.push(cpuMs);
};
const checkpoints: Checkpoint[] = [];

async function checkpoint(store: Store, articles: number): Promise<void> {
  const tail = linkMs.slice(-window);
  const sorted = [...tail].sort((a, b) => a - b);
  const [{ n: stories } = { n: 0 }] = await store.selectFrom('stories').select((eb) => eb.fn.countAll<number>().as('n')).execute();
  const tailIds = linkIds.slice(-window);
  const days = new Map<number | null, number>();
  for (let i = 0; i < tailIds.length; i += 500) {
    for (const r of await store.selectFrom('articles').select('date').where('id', 'in', tailIds.slice(i, i + 500)).execute()) {
      const day = dayNumber(r.date);
      days.set(day, (days.get(day) ?? 0) + 1);
    }
  }
  let inWindow = 0;
  for (const [day, n] of days) inWindow += n * (await storyStampsNear(store, day, STORY_WINDOW_DAYS)).length;
  const point: Checkpoint = {
    articles,
    linked: tail.length,
    meanMs: tail.reduce((s, x) => s + x, 0) / Math.max(1, tail.length),
    p95Ms: sorted[Math.min(sorted.length - 1, Math.floor(0.95 * sorted.length))] ?? 0,
    cpuMs: linkCpuMs.slice(-window).reduce((s, x) => s + x, 0) / Math.max(1, tail.length),
    records: await countRecords(store),
    stories: Number(stories),
    windowStories: inWindow / Math.max(1, [...days.values()].reduce((a, b) => a + b, 0)),
    seconds: (performance.now() - started) / 1000,
  };
  checkpoints.push(point);
  console.error(`${articles} articles: ${point.meanMs.toFixed(1)} ms mean, ${point.p95Ms.toFixed(1)} ms p95, ${point.cpuMs.toFixed(1)} CPU ms, ${point.records} records, ${point.stories} stories, ${point.windowStories.toFixed(0)} in the window (${point.seconds.toFixed(0)} s)`);
}

/** Every article through the product's save path, in file order, cut at each checkpoint. */
async function ingest(store: Store): Promise<number> {
  const raws: RawArticle[] = [];
  for (const input of inputs) {
    const files = statSync(input).isDirectory() ? (await expandInputs([join(input, '*.sgm')])).sort() : [input];
    for (const file of files) {
      if (raws.length >= limit) break;
      raws.push(...(await readInputFile(file)).articles);
    }
  }
  const total = Math.min(raws.length, limit);
  const analyzer = createAnalyzer(loadKnowledge());
  // One for the run, as ingest makes one: a story window is read again only where a story changed.
  const stories = new StoryMemo();
  const stops = [...new Set([...wanted.filter((n) => n < total), total])].sort((a, b) => a - b);
  let done = 0;
  if (resume) {
    // The run goes on after the last article the store holds: ingest stores them in file order.
    const stored = new Set((await store.selectFrom('articles').select('id').execute()).map((r) => r.id));
    raws.forEach((raw, i) => {
      if (stored.has(articleId(raw))) done = i + 1;
    });
    console.error(`resuming after ${done} articles`);
  }
  for (const stop of stops.filter((n) => n > done)) {
    // Chunks of 100: one transaction each, as a file is one in ingest, without holding a whole file's analysis.
    while (done < stop) {
      const chunk = raws.slice(done, Math.min(stop, done + 100));
      await saveRawArticles(store, chunk, { analyzer, onLinked: timed, stories });
      done += chunk.length;
    }
    await checkpoint(store, done);
  }
  return total;
}

/** The stored articles linked again from zero, each timed as ingest would time it. */
async function relinkStored(store: Store): Promise<number> {
  const k = linkingKnowledge(loadKnowledge());
  // The order they were stored in: the order ingest linked them, events or not (SQLite rowid).
  const ids = (await store.selectFrom('articles').select('id').orderBy(sql`rowid`).execute()).map((r) => r.id).slice(0, limit);
  await store.transaction().execute(async (trx) => {
    await clearRecords(trx);
    await clearStories(trx);
  });
  const stops = [...new Set([...wanted.filter((n) => n < ids.length), ids.length])].sort((a, b) => a - b);
  let done = 0;
  const stories = new StoryMemo();
  for (const stop of stops) {
    while (done < stop) {
      const chunk = ids.slice(done, Math.min(stop, done + 100));
      await store.transaction().execute(async (trx) => {
        await lockRecordLinking(trx);
        for (const id of chunk) {
          const t = performance.now();
          const cpu = process.cpuUsage();
          await linkArticle(trx, id, k, stories);
          const used = process.cpuUsage(cpu);
          timed(id, performance.now() - t, (used.user + used.system) / 1000);
        }
      });
      done += chunk.length;
    }
    await checkpoint(store, done);
  }
  return ids.length;
}

const target = relink ?? resume ?? keep ?? join(mkdtempSync(join(tmpdir(), 'dossier-bench-')), 'bench.db');
const store = await openStore(target);
const articles = relink ? await relinkStored(store) : await ingest(store);
await store.destroy();

const how = relink ? 'relink of a stored' : resume ? 'ingest resumed into a' : 'ingest into a fresh';
console.log(`${how} SQLite store: ${articles} articles, ${linkMs.length} linked in this run, in ${((performance.now() - started) / 1000).toFixed(0)} s`);
console.log(`linkArticle in all: ${(linkMs.reduce((s, x) => s + x, 0) / 1000).toFixed(1)} s; per-article figures over the last ${window} articles linked before each checkpoint`);
// CPU ms: the process's CPU time in linkArticle, which a busy machine inflates less than the wall time.
console.log(`${'articles'.padStart(8)} ${'mean ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'CPU ms'.padStart(8)} ${'records'.padStart(8)} ${'stories'.padStart(8)} ${'window'.padStart(8)}`);
for (const c of checkpoints) {
  const cells = [String(c.articles), c.meanMs.toFixed(1), c.p95Ms.toFixed(1), c.cpuMs.toFixed(1), String(c.records), String(c.stories), c.windowStories.toFixed(0)];
  console.log(cells.map((x) => x.padStart(8)).join(' '));
}
// The kernel's high-water mark: a sampling timer would miss peaks inside synchronous analysis.
console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
