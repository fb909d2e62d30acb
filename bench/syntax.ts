/**
 * The syntax stage alone (tagger, lemmatizer, parser): model load time, and words per second
 * on one core on Reuters-21578 (through Dossier's own tokens and sentences, which are made
 * first and not timed) and on the UD English EWT dev file (its gold words), with peak memory.
 * Each figure is given by the clock and by the process's CPU time: on a machine shared with
 * other work the clock counts their time too, the CPU time does not.
 * Usage: npx tsx bench/syntax.ts [--limit N articles] [--reuters folder] [--conllu file]
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { readConllu } from '../src/eval/conllu.js';
import { loadInput } from '../src/ingest/load-input.js';
import { reutersReader } from '../src/ingest/reuters-reader.js';
import { analyzeWords } from '../src/nlp/syntax/analyze-words.js';
import { loadSyntaxModel } from '../src/nlp/syntax/syntax-model.js';
import { analyzeDocument } from '../src/nlp/syntax/syntax-stage.js';
import { createStages } from '../src/pipeline/stages.js';
import { createDocument } from '../src/text/create-document.js';
import type { Document, Layers } from '../src/text/document.js';

const shared = join(import.meta.dirname, '../../shared');
const { values } = parseArgs({
  options: {
    limit: { type: 'string', default: '100000' },
    reuters: { type: 'string', default: join(shared, 'corpus/reuters21578') },
    conllu: { type: 'string', default: join(shared, 'eval/ud-english-ewt/en_ewt-ud-dev.conllu') },
  },
});
const limit = Number(values.limit);
const mib = (n: number): string => (n / 2 ** 20).toFixed(0);
let peak = process.memoryUsage().rss;
const sample = (): void => {
  peak = Math.max(peak, process.memoryUsage().rss);
};

/** Milliseconds of CPU time this process has used. */
const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

let t = performance.now();
let c = cpuMs();
const model = loadSyntaxModel();
const loadMs = performance.now() - t;
sample();
console.log(`model load: ${loadMs.toFixed(0)} ms (CPU ${(cpuMs() - c).toFixed(0)} ms), RSS ${mib(process.memoryUsage().rss)} MiB`);

// EWT dev, gold words.
const sentences = readConllu(values.conllu).map((s) => s.words.map((w) => w.form));
const ewtWords = sentences.reduce((n, s) => n + s.length, 0);
for (const s of sentences.slice(0, 200)) analyzeWords(model, s); // warm-up
t = performance.now();
c = cpuMs();
for (const s of sentences) analyzeWords(model, s);
const ewtSeconds = (performance.now() - t) / 1000;
const ewtCpu = (cpuMs() - c) / 1000;
sample();
console.log(`EWT dev: ${ewtWords} words in ${ewtSeconds.toFixed(2)} s = ${Math.round(ewtWords / ewtSeconds)} words/s (CPU ${Math.round(ewtWords / ewtCpu)} words/s)`);

// Reuters-21578 through Dossier's tokens and sentences.
const textStages = createStages();
const docs: Document[] = [];
for (let i = 0; i <= 21 && docs.length < limit; i++) {
  const file = join(values.reuters, `reut2-${String(i).padStart(3, '0')}.sgm`);
  for (const a of reutersReader.read(loadInput(file)).articles) {
    if (docs.length >= limit) break;
    let doc = createDocument(String(docs.length), a.text, { title: a.title });
    for (const stage of textStages) doc = { ...doc, layers: { ...doc.layers, [stage.assigns]: stage.run(doc) } as Partial<Layers> };
    docs.push(doc);
  }
}
sample();
let words = 0;
// Words as bench/pipeline.ts counts them: word tokens, not punctuation.
for (const d of docs) words += (d.layers.tokens ?? []).filter((tok) => tok.kind === 'word').length;
t = performance.now();
c = cpuMs();
for (const d of docs) analyzeDocument(model, d);
const seconds = (performance.now() - t) / 1000;
const cpuSeconds = (cpuMs() - c) / 1000;
sample();
console.log(`Reuters-21578: ${docs.length} articles, ${words} words in ${seconds.toFixed(1)} s = ${Math.round(words / seconds)} words/s (CPU ${Math.round(words / cpuSeconds)} words/s)`);
console.log(`peak RSS ${mib(peak)} MiB (the Reuters documents' text layers included)`);
