/**
 * Ingest throughput on Reuters-21578: articles/s, MB/s and peak memory, then a second run
 * that must add nothing. Usage: npx tsx bench/ingest.ts [folder]
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expandInputs, ingestFiles } from '../src/pipeline/ingest-files.js';
import { openStore } from '../src/store/open-store.js';

const folder = process.argv[2] ?? join(import.meta.dirname, '../../shared/corpus/reuters21578');
let peak = 0;
const sample = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().rss);
}, 50);

const files = (await expandInputs([join(folder, '*.sgm')])).sort();
const store = await openStore(join(mkdtempSync(join(tmpdir(), 'dossier-bench-')), 'bench.db'));
const first = await ingestFiles(store, files);
const second = await ingestFiles(store, files);
clearInterval(sample);
peak = Math.max(peak, process.memoryUsage().rss);
await store.destroy();

const rows = [
  ['files', String(first.files)],
  ['articles stored', String(first.articlesNew)],
  ['records rejected', `${first.errors.length} (${first.errors.map((e) => e.message).join('; ')})`],
  ['seconds', first.seconds.toFixed(1)],
  ['articles/s', (first.articlesNew / first.seconds).toFixed(0)],
  ['MB/s', (first.bytes / 1e6 / first.seconds).toFixed(2)],
  ['peak RSS (MiB)', (peak / 2 ** 20).toFixed(0)],
  ['second run: new / known', `${second.articlesNew} / ${second.articlesKnown} in ${second.seconds.toFixed(1)} s`],
];
for (const [k, v] of rows) console.log(`${k!.padEnd(26)} ${v}`);
