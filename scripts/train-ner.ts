/**
 * Trains Dossier's entity tagger on CoNLL-2003 and writes the model file:
 *   npx tsx scripts/train-ner.ts [--train path] [--dev path] [--out path] [--epochs n]
 *     [--seed n] [--min-count n] [--city-population n] [--corpus dir] [--clusters 64,512]
 *     [--augment share]
 * Defaults: ../shared/eval/conll2003/eng.train, eng.testa beside it (scored after every
 * epoch when present), src/nlp/ner/model/ner-conll.bin.gz. Word clusters are computed from
 * the training file's words plus, when present, the unlabelled Reuters-21578 bodies in
 * ../shared/corpus/reuters21578. Deterministic for fixed options and inputs.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { bioToSpans, type ConllDocument, readConll, type TokenSpan } from '../src/eval/conll.js';
import { scoreEntities } from '../src/eval/ner-eval.js';
import { arabicNameVariant } from '../src/nlp/ner/augment.js';
import { documentFeatures } from '../src/nlp/ner/features.js';
import { packageGazetteerLists } from '../src/nlp/ner/gazetteer-source.js';
import { LABELS, spansToLabels } from '../src/nlp/ner/labels.js';
import { marginals } from '../src/nlp/ner/decode.js';
import { emissionScores, encodeModel, lexiconResources, type NerLexicon, type NerModel } from '../src/nlp/ner/model.js';
import { type TrainingSentence, trainPerceptron } from '../src/nlp/ner/perceptron.js';
import { MODEL_FILE, tagSentences } from '../src/nlp/ner/recognize.js';
import { clusterWords } from '../src/nlp/ner/word-clusters.js';
import { seededRandom } from '../src/nlp/seeded-random.js';
import { unlabelledSentences } from './unlabelled-news.js';
import { foldWord } from '../src/nlp/ner/word-form.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: {
    train: { type: 'string', default: join(root, '../shared/eval/conll2003/eng.train') },
    dev: { type: 'string' },
    out: { type: 'string', default: join(root, 'src/nlp/ner/model', MODEL_FILE) },
    epochs: { type: 'string', default: '10' },
    seed: { type: 'string', default: '2003' },
    'min-count': { type: 'string', default: '2' },
    'prune-below': { type: 'string', default: '0.001' },
    'city-population': { type: 'string', default: '50000' },
    corpus: { type: 'string', default: join(root, '../shared/corpus/reuters21578') },
    clusters: { type: 'string', default: '64,512' },
    augment: { type: 'string', default: '0.3' },
  },
});
const trainPath = values.train;
const devPath = values.dev ?? join(dirname(trainPath), 'eng.testa');
const started = performance.now();
const elapsed = (): string => `${((performance.now() - started) / 1000).toFixed(1)} s`;

const gazetteerLists = packageGazetteerLists({ minCityPopulation: Number(values['city-population']) });
console.log(
  `gazetteer: ${Object.entries(gazetteerLists)
    .map(([category, names]) => `${category} ${names.length}`)
    .join(', ')} (${elapsed()})`,
);

const labelIndex = new Map(LABELS.map((label, i) => [label, i]));
function trainingSentences(documents: readonly ConllDocument[]): TrainingSentence[] {
  return documents.flatMap((doc) => {
    const features = documentFeatures(
      doc.sentences.map((s) => s.words),
      resources,
    );
    return doc.sentences.map((s, i) => ({
      features: features[i]!,
      gold: Int32Array.from(spansToLabels(s.entities, s.words.length), (label) => labelIndex.get(label) ?? 0),
    }));
  });
}

const train = await readConll(trainPath);

const unlabelled = unlabelledSentences(values.corpus);
const clusters = clusterWords(
  [...unlabelled, ...train.flatMap((doc) => doc.sentences.map((s) => s.words.map(foldWord)))],
  { minCount: 5, contexts: 1000, sizes: values.clusters.split(',').map(Number), iterations: 8, seed: Number(values.seed) },
);
const lexicon: NerLexicon = { gazetteer: gazetteerLists, clusters };
const resources = lexiconResources(lexicon);
console.log(
  `clusters: ${clusters.words.length} words in ${clusters.sizes.join(' and ')} clusters, from ${unlabelled.length} unlabelled paragraphs (${elapsed()})`,
);
/**
 * Copies of some training documents whose names carry Arabic particles (see augment.ts),
 * added to the originals; which documents and names is fixed by the seed.
 */
function augmented(documents: readonly ConllDocument[], share: number, seed: number): ConllDocument[] {
  const random = seededRandom(seed);
  const rates = { article: 0.3, abu: 0.15, bin: 0.15 };
  return documents
    .filter(() => random() < share)
    .map((doc) => ({
      line: doc.line,
      sentences: doc.sentences.map((s) => {
        const variant = arabicNameVariant(s, rates, random);
        return { ...variant, tags: [], line: s.line };
      }),
    }));
}

const extra = augmented(train, Number(values.augment), Number(values.seed));
const sentences = trainingSentences([...train, ...extra]);
console.log(
  `train: ${train.length} documents + ${extra.length} with Arabic name particles, ${sentences.length} sentences from ${trainPath} (${elapsed()})`,
);
const dev = existsSync(devPath) ? await readConll(devPath) : null;

function devScores(model: NerModel): { ner: number; all: number; line: string } | null {
  if (dev === null) return null;
  const gold: TokenSpan[][] = [];
  const predicted: TokenSpan[][] = [];
  for (const doc of dev) {
    const tagged = tagSentences(
      model,
      doc.sentences.map((s) => s.words),
    );
    doc.sentences.forEach((s, i) => {
      gold.push([...s.entities]);
      predicted.push(bioToSpans(tagged[i]!.map((t) => t.label)));
    });
  }
  const scores = scoreEntities(gold, predicted, ['PER', 'LOC', 'ORG']);
  const line = scores.perType.map((e) => `${e.type} ${e.f1.toFixed(4)}`).join(' ');
  return { ner: scores.micro.f1, all: scores.all.f1, line };
}

/**
 * The temperature whose token marginals give the dev gold labels the highest likelihood;
 * 1 without a dev file.
 */
function calibrateTemperature(model: NerModel): number {
  if (dev === null) return 1;
  const chains = dev.flatMap((doc) => {
    const features = documentFeatures(
      doc.sentences.map((s) => s.words),
      model.resources,
    );
    return doc.sentences.map((s, i) => ({
      gold: spansToLabels(s.entities, s.words.length).map((label) => labelIndex.get(label) ?? 0),
      chain: {
        emissions: emissionScores(model, features[i]!),
        transitions: model.transitions,
        start: model.start,
        end: model.end,
        labels: LABELS.length,
      },
    }));
  });
  let best = { temperature: 1, loss: Number.POSITIVE_INFINITY };
  for (const temperature of [0.5, 1, 1.5, 2, 3, 4, 6, 8, 12, 16, 24, 32]) {
    let loss = 0;
    for (const { gold, chain } of chains) {
      const p = marginals(chain, temperature);
      gold.forEach((y, t) => {
        loss -= Math.log(Math.max(p[t * LABELS.length + y]!, 1e-12));
      });
    }
    if (loss < best.loss) best = { temperature, loss };
  }
  return best.temperature;
}

let devF1: number | null = null;
const model = trainPerceptron(sentences, {
  labels: LABELS,
  lexicon,
  trainedOn: relative(root, trainPath),
  epochs: Number(values.epochs),
  seed: Number(values.seed),
  minCount: Number(values['min-count']),
  pruneBelow: Number(values['prune-below']),
  onEpoch: (epoch, current) => {
    const scores = devScores(current);
    devF1 = scores?.ner ?? null;
    const report = scores === null ? 'no dev file' : `dev f1 PER/LOC/ORG ${scores.ner.toFixed(4)} all ${scores.all.toFixed(4)} (${scores.line})`;
    console.log(`epoch ${epoch}: ${current.info.features} features, ${report} (${elapsed()})`);
  },
});
const temperature = calibrateTemperature(model);
console.log(`confidence temperature ${temperature} (${elapsed()})`);
const bytes = encodeModel({ ...model, info: { ...model.info, devF1, temperature } });
writeFileSync(values.out, bytes);
console.log(`wrote ${values.out}: ${(bytes.length / 1e6).toFixed(2)} MB, ${model.info.features} features (${elapsed()})`);
