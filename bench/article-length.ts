/**
 * The cost of one article as it grows: milliseconds per stage of the full pipeline for one
 * generated article of 10 KB up to --max bytes (default 640 KB, doubling), and the ms per KB,
 * which stays flat where a stage is linear in the article's length.
 * Usage: npx tsx bench/article-length.ts [--max BYTES] [--stage-budget MS]
 *
 * The text is generated (fictional towns and people, sentences of news-like shape, paragraphs of
 * four sentences), so no corpus is needed. A stage that takes more than --stage-budget ms
 * (default 60000) at one size is not run at the next.
 */
import { parseArgs } from 'node:util';
import { loadKnowledge } from '../src/pipeline/load-knowledge.js';
import { createStages } from '../src/pipeline/stages.js';
import { createDocument } from '../src/text/create-document.js';
import type { Document, Layers } from '../src/text/document.js';

const { values } = parseArgs({ options: { max: { type: 'string', default: String(640 * 1024) }, 'stage-budget': { type: 'string', default: '60000' } } });
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

const stages = createStages(loadKnowledge());
const skipped = new Set<string>();
console.log(`size      ${stages.map((s) => s.name.padStart(10)).join(' ')}      total  ms/KB`);
for (let bytes = 10 * 1024; bytes <= max; bytes *= 2) {
  let doc: Document = createDocument('a_bench', newsText(bytes), { published: '2024-05-01', title: 'Bench', outlet: 'Example Wire' });
  const times: string[] = [];
  let total = 0;
  let complete = true;
  for (const stage of stages) {
    if (skipped.has(stage.name) || !complete) {
      times.push('-'.padStart(10));
      complete = false;
      continue;
    }
    const t = performance.now();
    const layer = stage.run(doc);
    const ms = performance.now() - t;
    doc = { ...doc, layers: { ...doc.layers, [stage.assigns]: layer } as Partial<Layers> };
    total += ms;
    times.push(ms.toFixed(0).padStart(10));
    if (ms > budget) skipped.add(stage.name);
  }
  console.log(`${`${bytes / 1024} KB`.padEnd(9)} ${times.join(' ')} ${complete ? total.toFixed(0).padStart(10) : '-'.padStart(10)} ${complete ? (total / (bytes / 1024)).toFixed(2).padStart(6) : ''}`);
}
