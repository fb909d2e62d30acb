/**
 * Proves that a speed change changed no output: runs every analysis stage over the first N
 * Reuters-21578 articles and writes, per article and per layer, a digest of the layer's
 * JSON (`--write file`), or compares them with a file written before the change (`--check
 * file`) and shows the first items that differ. The digests hold no text of the articles;
 * keep the file outside the repository.
 * Usage: npx tsx bench/analysis-digest.ts (--write | --check) file [--limit N] [--reuters folder]
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadInput } from '../src/ingest/load-input.js';
import { reutersReader } from '../src/ingest/reuters-reader.js';
import { loadKnowledge } from '../src/pipeline/load-knowledge.js';
import { createStages } from '../src/pipeline/stages.js';
import { createDocument } from '../src/text/create-document.js';
import type { Document, Layers } from '../src/text/document.js';

const { values } = parseArgs({
  options: {
    write: { type: 'string' },
    check: { type: 'string' },
    limit: { type: 'string', default: '500' },
    reuters: { type: 'string', default: join(import.meta.dirname, '../../shared/corpus/reuters21578') },
  },
});
if ((values.write === undefined) === (values.check === undefined)) {
  console.error('usage: npx tsx bench/analysis-digest.ts (--write | --check) file [--limit N] [--reuters folder]');
  process.exit(2);
}
const limit = Number(values.limit);

/** Per article: its id and, per layer name, the digest of each item's JSON. */
interface ArticleDigest {
  readonly id: string;
  readonly layers: Record<string, string[]>;
}

const digest = (value: unknown): string => createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 12);
const itemDigests = (layer: unknown): string[] => (Array.isArray(layer) ? layer.map(digest) : [digest(layer)]);

const knowledge = loadKnowledge();
const stages = createStages(knowledge);
const digests: ArticleDigest[] = [];
/** The layers themselves, kept only to show what differs. */
const docs: Document[] = [];
for (let i = 0; i <= 21 && digests.length < limit; i++) {
  const file = join(values.reuters, `reut2-${String(i).padStart(3, '0')}.sgm`);
  for (const raw of reutersReader.read(loadInput(file)).articles) {
    if (digests.length >= limit) break;
    let doc: Document = createDocument(String(digests.length), raw.text, { published: raw.date?.value ?? null, title: raw.title, outlet: raw.outlet });
    for (const stage of stages) doc = { ...doc, layers: { ...doc.layers, [stage.assigns]: stage.run(doc) } as Partial<Layers> };
    const layers: Record<string, string[]> = {};
    for (const stage of stages) layers[stage.assigns] = itemDigests(doc.layers[stage.assigns]);
    digests.push({ id: doc.id, layers });
    if (values.check !== undefined) docs.push(doc);
  }
}

if (values.write !== undefined) {
  writeFileSync(values.write, `${JSON.stringify(digests)}\n`);
  console.log(`${digests.length} articles, ${stages.length} layers each: digests written to ${values.write}`);
} else {
  const before = JSON.parse(readFileSync(values.check!, 'utf8')) as ArticleDigest[];
  if (before.length !== digests.length) console.log(`article counts differ: ${before.length} before, ${digests.length} now`);
  const differing = new Map<string, number>();
  let shown = 0;
  for (let a = 0; a < Math.min(before.length, digests.length); a++) {
    for (const [layer, now] of Object.entries(digests[a]!.layers)) {
      const was = before[a]!.layers[layer] ?? [];
      let first = 0;
      while (first < now.length && now[first] === was[first]) first++;
      if (first === now.length && now.length === was.length) continue;
      differing.set(layer, (differing.get(layer) ?? 0) + 1);
      if (shown++ < 10) {
        const items = docs[a]!.layers[layer as keyof Layers];
        const item = Array.isArray(items) ? items[first] : items;
        console.log(`article ${a}, layer ${layer}: ${was.length} items before, ${now.length} now; item ${first} differs, now ${JSON.stringify(item)}`);
      }
    }
  }
  const layers = Object.keys(digests[0]?.layers ?? {});
  for (const layer of layers) console.log(`${layer.padEnd(12)} ${differing.has(layer) ? `${differing.get(layer)} articles differ` : 'same'}`);
  const same = differing.size === 0 && before.length === digests.length;
  console.log(same ? `same output on all ${digests.length} articles` : 'OUTPUT CHANGED');
  process.exit(same ? 0 : 1);
}
