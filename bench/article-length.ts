/**
 * The cost of one article as it grows: CPU milliseconds per stage of the full pipeline for one
 * generated article of 10 KB up to --max bytes (default 10 MB, doubling), the total wall time,
 * the CPU ms per KB, which stays flat where every stage is linear in the article's length, and
 * the peak resident memory. CPU time (process.cpuUsage, the collector's threads included) is
 * shown per stage because the development machine is shared: wall time there measures the
 * other processes as much as this one.
 * Usage: npx tsx bench/article-length.ts [--max BYTES] [--stage-budget MS]
 *
 * Each size runs in a process of its own, so its peak RSS (the kernel's high-water mark, read
 * after each stage) is that size's alone: the knowledge (models, gazetteer, registry) is most of
 * it. The text is generated (fictional towns and people, sentences of news-like shape,
 * paragraphs of four sentences), so no corpus is needed. A stage that takes more than
 * --stage-budget ms (default 60000) at one size is not run at the next.
 */
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { loadKnowledge } from '../src/pipeline/load-knowledge.js';
import { createStages } from '../src/pipeline/stages.js';
import { createDocument } from '../src/text/create-document.js';
import type { Document, Layers } from '../src/text/document.js';

const { values } = parseArgs({
  options: {
    max: { type: 'string', default: String(10 * 1024 * 1024) },
    'stage-budget': { type: 'string', default: '60000' },
    skip: { type: 'string', default: '' },
    one: { type: 'string' },
  },
});
const max = Number(values.max);
const budget = Number(values['stage-budget']);

const TOWNS = ['Northfield', 'Eastport', 'Lakeview', 'Hillcrest', 'Riverside', 'Stonebridge', 'Oakdale', 'Millbrook'];
const PEOPLE = ['Mayor Ana Duarte', 'Minister Karl Brenner', 'the police chief', 'a council spokesman', 'Governor Lena Ortiz'];
const DEEDS = ['said the bridge would reopen on Monday', 'announced a new budget for the port', 'met union leaders in the town hall', 'condemned the attack on the depot'];

/** About `bytes` of ASCII news-like text. */
export function newsText(bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const s = `${PEOPLE[i % PEOPLE.length]} ${DEEDS[(i * 7) % DEEDS.length]} in ${TOWNS[(i * 3) % TOWNS.length]} on May ${1 + (i % 28)}, 2024.`;
    parts.push(s, i % 4 === 3 ? '\n\n' : ' ');
    size += s.length + 1;
  }
  return parts.join('');
}

/** One size, in this process: ms per stage and the peak RSS in MiB after it, as one JSON line. */
function measureOne(bytes: number, skip: ReadonlySet<string>): void {
  const stages = createStages(loadKnowledge());
  const mib = (): number => process.resourceUsage().maxRSS / 1024;
  // Parts of the knowledge load at their first use (the gazetteer at the first place name): one
  // small article first, so that loading is not billed to the stage that happens to ask first.
  let warm: Document = createDocument('a_warm', newsText(2048), { published: '2024-05-01', title: 'Warm', outlet: 'Example Wire' });
  for (const stage of stages) warm = { ...warm, layers: { ...warm.layers, [stage.assigns]: stage.run(warm) } as Partial<Layers> };
  const loaded = mib();
  let doc: Document = createDocument('a_bench', newsText(bytes), { published: '2024-05-01', title: 'Bench', outlet: 'Example Wire' });
  const rows: Array<{ stage: string; ms: number | null; cpuMs: number | null; peakMiB: number }> = [];
  let complete = true;
  for (const stage of stages) {
    if (skip.has(stage.name) || !complete) {
      rows.push({ stage: stage.name, ms: null, cpuMs: null, peakMiB: mib() });
      complete = false;
      continue;
    }
    const t = performance.now();
    const cpu = process.cpuUsage();
    const layer = stage.run(doc);
    const used = process.cpuUsage(cpu);
    rows.push({ stage: stage.name, ms: performance.now() - t, cpuMs: (used.user + used.system) / 1000, peakMiB: mib() });
    doc = { ...doc, layers: { ...doc.layers, [stage.assigns]: layer } as Partial<Layers> };
  }
  console.log(JSON.stringify({ bytes, loadedMiB: loaded, rows }));
}

if (values.one !== undefined) {
  measureOne(Number(values.one), new Set(values.skip.split(',').filter(Boolean)));
} else {
  const skipped = new Set<string>();
  let header = false;
  for (let bytes = 10 * 1024; bytes <= max; bytes *= 2) {
    const child = spawnSync(process.execPath, ['--import', 'tsx', import.meta.filename, '--one', String(bytes), '--skip', [...skipped].join(',')], { encoding: 'utf8', maxBuffer: 1 << 24 });
    const line = child.stdout.trim().split('\n').at(-1) ?? '';
    if (child.status !== 0 || !line.startsWith('{')) {
      console.log(`${bytes / 1024} KB: the run failed (exit ${child.status}): ${child.stderr.trim().split('\n').at(-1)}`);
      break;
    }
    const { loadedMiB, rows } = JSON.parse(line) as { loadedMiB: number; rows: Array<{ stage: string; ms: number | null; cpuMs: number | null; peakMiB: number }> };
    if (!header) {
      console.log(`CPU ms per stage; total CPU and wall ms\nsize      ${rows.map((r) => r.stage.padStart(10)).join(' ')}        cpu       wall  cpu/KB  peak MiB (after loading)`);
      header = true;
    }
    const complete = rows.every((r) => r.ms !== null);
    const cpu = rows.reduce((n, r) => n + (r.cpuMs ?? 0), 0);
    const wall = rows.reduce((n, r) => n + (r.ms ?? 0), 0);
    const peak = Math.max(...rows.map((r) => r.peakMiB));
    const cell = (v: number, complete: boolean, width: number, digits = 0): string => (complete ? v.toFixed(digits) : '-').padStart(width);
    console.log(
      `${`${bytes / 1024} KB`.padEnd(9)} ${rows.map((r) => cell(r.cpuMs ?? 0, r.cpuMs !== null, 10)).join(' ')} ${cell(cpu, complete, 10)} ${cell(wall, complete, 10)} ${cell(cpu / (bytes / 1024), complete, 7, 2)}  ${peak.toFixed(0).padStart(5)} (${loadedMiB.toFixed(0)})`,
    );
    for (const r of rows) if (r.ms !== null && r.ms > budget) skipped.add(r.stage);
  }
}
