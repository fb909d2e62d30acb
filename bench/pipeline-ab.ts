/**
 * Two versions of the analysis pipeline in one process, on the same Reuters-21578 articles:
 * this checkout's and another's (`--base`, e.g. a worktree of main), taking turns chunk by
 * chunk and in alternating order, with each stage's CPU time summed per version. On a machine
 * shared with other work, two runs one after the other do not see the same load, and even
 * CPU time moves with it (caches, the other hyperthread); taking turns shares the load out
 * evenly, so the ratios hold where the absolute rates do not.
 * Usage: npx tsx bench/pipeline-ab.ts --base ../main [--limit N] [--chunk N] [--reuters folder]
 */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadInput } from '../src/ingest/load-input.js';
import { reutersReader } from '../src/ingest/reuters-reader.js';
import type { RawArticle } from '../src/ingest/raw-article.js';
import type * as LoadKnowledge from '../src/pipeline/load-knowledge.js';
import type { Stage } from '../src/pipeline/stage.js';
import type * as Stages from '../src/pipeline/stages.js';
import type * as CreateDocument from '../src/text/create-document.js';
import type { Document, Layers } from '../src/text/document.js';

const { values } = parseArgs({
  options: {
    base: { type: 'string' },
    limit: { type: 'string', default: '1000' },
    chunk: { type: 'string', default: '50' },
    reuters: { type: 'string', default: join(import.meta.dirname, '../../shared/corpus/reuters21578') },
  },
});
if (values.base === undefined) {
  console.error('usage: npx tsx bench/pipeline-ab.ts --base <other checkout> [--limit N] [--chunk N] [--reuters folder]');
  process.exit(2);
}

interface Version {
  readonly name: string;
  readonly stages: readonly Stage[];
  readonly createDocument: typeof CreateDocument.createDocument;
  /** Microseconds of CPU time per stage. */
  readonly cpu: Map<string, number>;
}

async function load(name: string, root: string): Promise<Version> {
  const src = (file: string): string => join(resolve(root), 'src', file);
  const { loadKnowledge } = (await import(src('pipeline/load-knowledge.ts'))) as typeof LoadKnowledge;
  const { createStages } = (await import(src('pipeline/stages.ts'))) as typeof Stages;
  const { createDocument } = (await import(src('text/create-document.ts'))) as typeof CreateDocument;
  return { name, stages: createStages(loadKnowledge()), createDocument, cpu: new Map() };
}

const base = await load('base', values.base);
const head = await load('this', join(import.meta.dirname, '..'));

const limit = Number(values.limit);
const articles: RawArticle[] = [];
for (let i = 0; i <= 21 && articles.length < limit; i++) {
  const file = join(values.reuters, `reut2-${String(i).padStart(3, '0')}.sgm`);
  articles.push(...reutersReader.read(loadInput(file)).articles.slice(0, limit - articles.length));
}

/** Runs every stage of one version on one article; returns its word count. */
function analyze(version: Version, raw: RawArticle, timed: boolean): number {
  let doc: Document = version.createDocument('b', raw.text, { published: raw.date?.value ?? null, title: raw.title, outlet: raw.outlet });
  for (const stage of version.stages) {
    const c0 = process.cpuUsage();
    const layer = stage.run(doc);
    const used = process.cpuUsage(c0);
    if (timed) version.cpu.set(stage.name, (version.cpu.get(stage.name) ?? 0) + used.user + used.system);
    doc = { ...doc, layers: { ...doc.layers, [stage.assigns]: layer } as Partial<Layers> };
  }
  return (doc.layers.tokens ?? []).filter((t) => t.kind === 'word').length;
}

// Warm-up: the first articles pay for compiling the code and building the lazy indexes.
for (const version of [base, head]) for (const raw of articles.slice(0, 30)) analyze(version, raw, false);
const chunk = Number(values.chunk);
let words = 0;
for (let c = 0; c < articles.length; c += chunk) {
  const turn = (c / chunk) % 2 === 0 ? [base, head] : [head, base];
  for (const version of turn) for (const raw of articles.slice(c, c + chunk)) {
    const n = analyze(version, raw, true);
    if (version === base) words += n;
  }
}

const rate = (micros: number): string => (words / (micros / 1e6)).toFixed(0).padStart(9);
const total = (v: Version): number => [...v.cpu.values()].reduce((a, b) => a + b, 0);
console.log(`${articles.length} articles, ${words} words; words per CPU-second, base (${values.base}) and this checkout:`);
for (const [stage, micros] of base.cpu) {
  const mine = head.cpu.get(stage) ?? 0;
  console.log(`  ${stage.padEnd(11)} ${rate(micros)} ${rate(mine)}   ×${(micros / mine).toFixed(2)}`);
}
console.log(`  ${'all stages'.padEnd(11)} ${rate(total(base))} ${rate(total(head))}   ×${(total(base) / total(head)).toFixed(2)}`);
