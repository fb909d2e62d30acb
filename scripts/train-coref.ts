/**
 * Trains the event-coreference model on the ECB+ train topics (never the dev or test ones)
 * and writes src/records/model/coref-weights.json. Deterministic: the same data gives the
 * same file. The steps are in src/eval/coref-train.ts.
 *
 *   npx tsx scripts/train-coref.ts [../shared/eval/ecbplus] [--without feature,feature] [--out file]
 *
 * `--without` holds features at weight 0 (an ablation; then pass `--out` so the committed
 * model stays as it is).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ecbTopicInputs } from '../src/eval/coref-eval.js';
import { loadEcbPlus } from '../src/eval/ecbplus.js';
import { loadSyntaxModel } from '../src/nlp/syntax/syntax-model.js';
import { trainCorefModel } from '../src/eval/coref-train.js';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { without: { type: 'string' }, out: { type: 'string' } } });
const dir = positionals[0] ?? '../shared/eval/ecbplus';
const splits = (await readFile(join(dir, 'splits.csv'), 'utf8')).trim().split('\n').slice(1).map((l) => l.trim().split(','));
const trainTopics = splits.filter(([, s]) => s === 'train').map(([t]) => t ?? '');
if (trainTopics.length === 0) throw new Error(`${join(dir, 'splits.csv')} lists no train topic`);
const started = performance.now();
const topics = ecbTopicInputs(await loadEcbPlus(dir, { topics: trainTopics })).map((t) => ({
  ...t,
  subtopic: (documentId: string): string => (documentId.endsWith('ecbplus') ? 'ecbplus' : 'ecb'),
}));
const disable = values.without?.split(',').map((f) => f.trim()).filter(Boolean) ?? [];
const { model, report } = trainCorefModel(topics, loadSyntaxModel().lemmas, { disable });
process.stderr.write(
  `document threshold ${model.documentThreshold} (pairwise subtopic F1 ${report.documentF1.toFixed(4)}); ` +
    `${report.pairs} pairs, ${report.positives} coreferent; merge threshold ${model.threshold} ` +
    `(train CoNLL F1 ${report.trainConll.toFixed(4)}); ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
);
const out = values.out ?? new URL('../src/records/model/coref-weights.json', import.meta.url);
const trainedOn = `ECB+ train topics ${trainTopics.join(',')}${disable.length > 0 ? ` without ${disable.join(',')}` : ''}`;
await writeFile(out, `${JSON.stringify({ ...model, trainedOn })}\n`);
