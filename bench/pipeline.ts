/**
 * The analysis pipeline so far (text layers, entities, actors, places, times) on
 * Reuters-21578, in memory with no store: words/s per core per stage and in all, the
 * memory taken by the loaded knowledge, and the CLI's start-up time. Each rate is given by
 * the process's CPU time and by the clock: on a machine shared with other work the clock
 * counts their time too, the CPU time does not.
 * Usage: npx tsx bench/pipeline.ts [folder] [--limit N]
 */
import { spawnSync } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { loadInput } from '../src/ingest/load-input.js';
import { reutersReader } from '../src/ingest/reuters-reader.js';
import { loadKnowledge } from '../src/pipeline/load-knowledge.js';
import { createStages } from '../src/pipeline/stages.js';
import { createDocument } from '../src/text/create-document.js';
import type { Document, Layers } from '../src/text/document.js';

const args = process.argv.slice(2);
const limitAt = args.indexOf('--limit');
const limit = limitAt >= 0 ? Number(args[limitAt + 1]) : Number.POSITIVE_INFINITY;
const folder = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--limit') ?? join(import.meta.dirname, '../../shared/corpus/reuters21578');

const mb = (n: number): string => (n / 2 ** 20).toFixed(0);
globalThis.gc?.();
const heap0 = process.memoryUsage().heapUsed;
const rss0 = process.memoryUsage().rss;
let t = performance.now();
const knowledge = loadKnowledge();
const loadMs = performance.now() - t;
globalThis.gc?.();
const heapKnowledge = process.memoryUsage().heapUsed - heap0;
const rssKnowledge = process.memoryUsage().rss - rss0;

const raws = [];
for (let i = 0; i <= 21; i++) {
  const file = join(folder, `reut2-${String(i).padStart(3, '0')}.sgm`);
  raws.push(...reutersReader.read(loadInput(file)).articles);
  if (raws.length >= limit) break;
}
const articles = raws.slice(0, limit);
const stages = createStages(knowledge);
const perStage = new Map<string, number>(stages.map((s) => [s.name, 0]));
/** Microseconds of this process's CPU time per stage. */
const cpuPerStage = new Map<string, number>(stages.map((s) => [s.name, 0]));
const cpuMicros = (usage: NodeJS.CpuUsage): number => usage.user + usage.system;
let words = 0;
const counts = { entities: 0, actors: 0, places: 0, times: 0 };
t = performance.now();
const cpu0 = process.cpuUsage();
for (const raw of articles) {
  let doc: Document = createDocument('b', raw.text, { published: raw.date?.value ?? null, title: raw.title, outlet: raw.outlet });
  for (const stage of stages) {
    const s0 = performance.now();
    const c0 = process.cpuUsage();
    const layer = stage.run(doc);
    cpuPerStage.set(stage.name, cpuPerStage.get(stage.name)! + cpuMicros(process.cpuUsage(c0)));
    perStage.set(stage.name, perStage.get(stage.name)! + performance.now() - s0);
    doc = { ...doc, layers: { ...doc.layers, [stage.assigns]: layer } as Partial<Layers> };
  }
  words += (doc.layers.tokens ?? []).filter((tok) => tok.kind === 'word').length;
  counts.entities += doc.layers.entities?.length ?? 0;
  counts.actors += doc.layers.actors?.length ?? 0;
  counts.places += doc.layers.places?.length ?? 0;
  counts.times += doc.layers.times?.length ?? 0;
}
const seconds = (performance.now() - t) / 1000;
const cpuSeconds = cpuMicros(process.cpuUsage(cpu0)) / 1e6;

const bin = join(import.meta.dirname, '../bin/dossier.js');
const starts: number[] = [];
for (let i = 0; i < 5; i++) {
  const s0 = performance.now();
  spawnSync(process.execPath, [bin, '--help'], { encoding: 'utf8' });
  starts.push(performance.now() - s0);
}
starts.sort((a, b) => a - b);

const rows: Array<[string, string]> = [
  ['articles', String(articles.length)],
  ['words', String(words)],
  ['seconds: CPU / clock', `${cpuSeconds.toFixed(1)} / ${seconds.toFixed(1)}`],
  ['words/s per core, all stages: CPU / clock', `${(words / cpuSeconds).toFixed(0)} / ${(words / seconds).toFixed(0)}`],
  ['articles/s per core: CPU / clock', `${(articles.length / cpuSeconds).toFixed(0)} / ${(articles.length / seconds).toFixed(0)}`],
  ...[...perStage].map(([name, ms]): [string, string] => [`  ${name}: words/s, CPU / clock`, `${(words / (cpuPerStage.get(name)! / 1e6)).toFixed(0)} / ${(words / (ms / 1000)).toFixed(0)}`]),
  ['mentions: entities/actors/places/times', `${counts.entities} / ${counts.actors} / ${counts.places} / ${counts.times}`],
  ['knowledge load (ms)', loadMs.toFixed(0)],
  ['knowledge heap (MiB)', globalThis.gc ? mb(heapKnowledge) : `${mb(heapKnowledge)} (run with --expose-gc for a clean figure)`],
  ['knowledge RSS growth (MiB)', mb(rssKnowledge)],
  ['peak RSS (MiB)', mb(process.memoryUsage().rss)],
  ['CLI start-up, dossier --help (ms, median of 5)', starts[2]!.toFixed(0)],
];
for (const [k, v] of rows) console.log(`${k.padEnd(46)} ${v}`);
console.log(`load average (1, 5, 15 min): ${loadavg().map((l) => l.toFixed(1)).join(', ')} on ${availableParallelism()} cores`);
