/**
 * Trains Dossier's tagger, lemmatizer and dependency parser on the UD English Web Treebank
 * and writes the model file:
 *   npx tsx scripts/train-syntax.ts [--train path] [--dev path] [--out path]
 *     [--tagger-epochs n] [--parser-epochs n] [--folds n] [--seed n] [--news-weight w]
 *     [--tags-cache file] [--jackknifed-from file] [--tagger-trial]
 * Defaults: ../shared/eval/ud-english-ewt/en_ewt-ud-train.conllu, the dev file beside it
 * (scored after every epoch, never trained on), src/nlp/syntax/model/syntax-ewt.bin.
 * Word clusters come from the entity tagger's model; the tag ambiguity classes also read
 * the Penn tags of CoNLL-2003's training file when present (newswire vocabulary), and the
 * tagger learns from its sentences too, each mistake there counting `--news-weight` of one on
 * the treebank (those tags were assigned by a tagger, and follow other conventions). The parser
 * trains on tags predicted by taggers that did not see the sentence (jackknifing), so it
 * learns to live with the tagger's mistakes. Deterministic for fixed options and inputs.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gunzipSync, gzipSync } from 'node:zlib';
import { type ConlluSentence, readConllu } from '../src/eval/conllu.js';
import { irregularVerbs, verbForms } from '../src/knowledge/events/inflection.js';
import { loadNerModel } from '../src/nlp/ner/recognize.js';
import { clusterTable, clusterWords } from '../src/nlp/ner/word-clusters.js';
import { foldWord } from '../src/nlp/ner/word-form.js';
import { prependRoot } from '../src/nlp/syntax/analyze-words.js';
import { trainLemmatizer } from '../src/nlp/syntax/lemmatizer.js';
import { type ParserExample, type ParserInput, type ParserModel, parse, projectivize, trainParser } from '../src/nlp/syntax/parser.js';
import { assembleSyntaxModel, encodeSyntaxModel, SYNTAX_MODEL_FILE } from '../src/nlp/syntax/syntax-model.js';
import { decodeLinearModel, encodeLinearModel, type LinearModel } from '../src/nlp/syntax/linear-model.js';
import { type TaggerExample, type TaggerModel, tagClasses, trainTagPass } from '../src/nlp/syntax/tagger.js';
import { encodeWords, type WordCodes, type WordLexicon, wordKey } from '../src/nlp/syntax/word-codes.js';
import { unlabelledSentences } from './unlabelled-news.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const ewt = join(root, '../shared/eval/ud-english-ewt');
const { values } = parseArgs({
  options: {
    train: { type: 'string', default: join(ewt, 'en_ewt-ud-train.conllu') },
    dev: { type: 'string', default: join(ewt, 'en_ewt-ud-dev.conllu') },
    conll: { type: 'string', default: join(root, '../shared/eval/conll2003/eng.train') },
    out: { type: 'string', default: join(root, 'src/nlp/syntax/model', SYNTAX_MODEL_FILE) },
    'tagger-epochs': { type: 'string', default: '5' },
    'parser-epochs': { type: 'string', default: '12' },
    folds: { type: 'string', default: '4' },
    seed: { type: 'string', default: '2015' },
    'tagger-bits': { type: 'string', default: '19' },
    'transition-bits': { type: 'string', default: '20' },
    'label-bits': { type: 'string', default: '18' },
    explore: { type: 'string', default: '0.9' },
    // A second labeller over the finished tree (yes/no).
    relabel: { type: 'string', default: 'no' },
    'tags-cache': { type: 'string' },
    // A tags cache from an earlier run whose jackknifed tags stand in for new ones: the taggers
    // are trained anew on every sentence, but without the folds (a third of the time). The
    // second pass then reads those tags as its first-pass input, and the parser trains on them.
    'jackknifed-from': { type: 'string' },
    clusters: { type: 'string', default: 'ner' },
    'news-tags': { type: 'string', default: 'yes' },
    // CoNLL-2003's Penn tags were assigned by a tagger, not by hand: a mistake on them moves
    // the weights less than one on the treebank.
    'news-weight': { type: 'string', default: '1' },
    // Trains the tagger's first pass on every training sentence, scores it on dev after each
    // epoch and stops: a quick measure of tagger features and options.
    'tagger-trial': { type: 'boolean', default: false },
    reuters: { type: 'string', default: join(root, '../shared/corpus/reuters21578') },
  },
});
const seed = Number(values.seed);
const started = performance.now();
const elapsed = (): string => `${((performance.now() - started) / 1000).toFixed(1)} s`;

const train = readConllu(values.train);
const dev = existsSync(values.dev) ? readConllu(values.dev) : [];
console.log(`train: ${train.length} sentences; dev: ${dev.length} (${elapsed()})`);

// The lexicon: clusters from the entity model, ambiguity classes from the treebank (+ CoNLL).
const tagSets = new Map<string, Map<string, number>>();
const see = (word: string, tag: string): void => {
  const key = wordKey(word);
  const tags = tagSets.get(key) ?? new Map<string, number>();
  tags.set(tag, (tags.get(tag) ?? 0) + 1);
  tagSets.set(key, tags);
};
for (const s of train) for (const w of s.words) see(w.form, w.xpos);
if (existsSync(values.conll)) {
  for (const line of readFileSync(values.conll, 'utf8').split('\n')) {
    const cols = line.split(' ');
    if (cols.length >= 4 && cols[0] !== '-DOCSTART-' && /^[A-Z$(),.:'"#`-]+$/.test(cols[1]!)) see(cols[0]!, cols[1] === '"' ? "''" : cols[1]!);
  }
}
const classNames = new Map<string, number>();
const ambiguity = new Map<string, number>();
for (const key of [...tagSets.keys()].sort()) {
  const tags = tagSets.get(key)!;
  let total = 0;
  for (const c of tags.values()) total += c;
  // Rare words keep no class: at test time most words of that kind are unseen.
  if (total < 2) continue;
  const name = [...tags]
    .filter(([, c]) => c / total >= 0.01)
    .map(([t]) => t)
    .sort()
    .join('|');
  if (!classNames.has(name)) classNames.set(name, classNames.size);
  ambiguity.set(key, classNames.get(name)!);
}
// Clusters: the entity model's (CoNLL + Reuters), or computed here from the treebank's words as
// well, so web and conversational words the news corpora lack get a class too.
function ownClusters(): ReadonlyMap<string, readonly number[]> {
  const conllWords: string[][] = [];
  if (existsSync(values.conll)) {
    let sentence: string[] = [];
    for (const line of readFileSync(values.conll, 'utf8').split('\n')) {
      const word = line.split(' ')[0] ?? '';
      if (word === '' || word === '-DOCSTART-') {
        if (sentence.length > 0) conllWords.push(sentence);
        sentence = [];
      } else sentence.push(foldWord(word));
    }
  }
  const sentences = [...unlabelledSentences(values.reuters), ...conllWords, ...train.map((s) => s.words.map((w) => foldWord(w.form)))];
  return clusterTable(clusterWords(sentences, { minCount: 5, contexts: 1000, sizes: [64, 512], iterations: 8, seed }));
}
// Tags need no scoring for frequent words that take one tag 99.5% of the time or more.
const tagCounts = new Map<string, number>();
for (const s of train) for (const w of s.words) tagCounts.set(`${w.upos} ${w.xpos}`, (tagCounts.get(`${w.upos} ${w.xpos}`) ?? 0) + 1);
const tagLabels = [...tagCounts.keys()].sort();
const tagIndex = new Map(tagLabels.map((t, i) => [t, i]));
const formTags = new Map<string, Map<number, number>>();
for (const s of train) {
  for (const w of s.words) {
    const form = foldWord(w.form);
    const tags = formTags.get(form) ?? new Map<number, number>();
    const tag = tagIndex.get(`${w.upos} ${w.xpos}`)!;
    tags.set(tag, (tags.get(tag) ?? 0) + 1);
    formTags.set(form, tags);
  }
}
const fixedTags = new Map<string, number>();
for (const form of [...formTags.keys()].sort()) {
  const tags = [...formTags.get(form)!].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const total = tags.reduce((n, [, c]) => n + c, 0);
  if (total >= 20 && tags[0]![1] / total >= 0.995) fixedTags.set(form, tags[0]![0]);
}
const lexicon: WordLexicon = {
  clusters: values.clusters === 'ner' ? clusterTable(loadNerModel().lexicon.clusters) : ownClusters(),
  ambiguity,
  fixedTags,
};
console.log(`lexicon: ${lexicon.clusters.size} clustered words, ${ambiguity.size} words in ${classNames.size} ambiguity classes, ${fixedTags.size} words of one tag (${elapsed()})`);

// Tags: one joint "UPOS XPOS" class each (counted above).
const relations = [...new Set(train.flatMap((s) => s.words.map((w) => w.deprel)))].sort();
const relationIndex = new Map(relations.map((r, i) => [r, i]));
console.log(`${tagLabels.length} tags, ${relations.length} relations`);

const encode = (s: ConlluSentence): WordCodes =>
  encodeWords(
    s.words.map((w) => w.form),
    lexicon,
  );
const trainCodes = train.map(encode);
const devCodes = dev.map(encode);
// Newswire for the tagger: CoNLL-2003's Penn tags ("Gunmen fired rockets" is news English a
// web treebank seldom writes). Its UPOS is the treebank's most frequent for the word and tag,
// else for the tag; a sentence with a tag the treebank lacks is left out.
const uposOfWordTag = new Map<string, Map<string, number>>();
const uposOfTag = new Map<string, Map<string, number>>();
for (const s of train) {
  for (const w of s.words) {
    for (const [table, key] of [[uposOfWordTag, `${w.xpos}\t${w.form.toLowerCase()}`], [uposOfTag, w.xpos]] as const) {
      const counts = table.get(key) ?? new Map<string, number>();
      counts.set(w.upos, (counts.get(w.upos) ?? 0) + 1);
      table.set(key, counts);
    }
  }
}
const commonest = (counts: ReadonlyMap<string, number> | undefined): string | undefined =>
  counts ? [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0] : undefined;
const CONLL_TAGS: Record<string, string> = { '"': "''", '(': '-LRB-', ')': '-RRB-' };
const newsExamples: TaggerExample[] = [];
const newsWeight = Number(values['news-weight']);
if (values['news-tags'] === 'yes' && existsSync(values.conll)) {
  let words: string[] = [];
  let gold: number[] = [];
  let usable = true;
  const flush = (): void => {
    if (words.length > 0 && usable) newsExamples.push({ words: encodeWords(words, lexicon), gold: Int32Array.from(gold), weight: newsWeight });
    words = [];
    gold = [];
    usable = true;
  };
  for (const line of readFileSync(values.conll, 'utf8').split('\n')) {
    const cols = line.split(' ');
    if (cols.length < 4 || cols[0] === '-DOCSTART-') {
      flush();
      continue;
    }
    const word = cols[0]!;
    const xpos = CONLL_TAGS[cols[1]!] ?? cols[1]!;
    const upos = commonest(uposOfWordTag.get(`${xpos}\t${word.toLowerCase()}`)) ?? commonest(uposOfTag.get(xpos));
    const tag = upos === undefined ? undefined : tagIndex.get(`${upos} ${xpos}`);
    if (tag === undefined) usable = false;
    words.push(word);
    gold.push(tag ?? 0);
  }
  flush();
}
console.log(`news tagging sentences (CoNLL-2003 Penn tags): ${newsExamples.length}`);

const taggerExamples = (indices: readonly number[]): TaggerExample[] =>
  indices.map((i) => ({ words: trainCodes[i]!, gold: Int32Array.from(train[i]!.words, (w) => tagIndex.get(`${w.upos} ${w.xpos}`)!) }));

function tagAccuracy(tagger: TaggerModel): string {
  let upos = 0;
  let xpos = 0;
  let total = 0;
  dev.forEach((s, i) => {
    const tags = tagClasses(tagger, devCodes[i]!);
    s.words.forEach((w, k) => {
      const [u, x] = tagLabels[tags[k]!]!.split(' ');
      if (u === w.upos) upos++;
      if (x === w.xpos) xpos++;
      total++;
    });
  });
  return `upos ${(upos / total).toFixed(4)} xpos ${(xpos / total).toFixed(4)}`;
}

const ALL = Number.POSITIVE_INFINITY;
const uposOf = (figure: string): number => Number(/upos ([\d.]+)/.exec(figure)?.[1] ?? 0);
const taggerOptions = { labels: tagLabels, epochs: Number(values['tagger-epochs']), seed, bits: Number(values['tagger-bits']) };
const all = train.map((_, i) => i);
if (values['tagger-trial']) {
  // Newswire too: CoNLL-2003's dev file (its Penn tags, from a tagger, are a rough guide).
  const newsDev = join(values.conll, '../eng.testa');
  const newsSentences: Array<{ codes: WordCodes; tags: string[] }> = [];
  if (existsSync(newsDev)) {
    let words: string[] = [];
    let tags: string[] = [];
    for (const line of readFileSync(newsDev, 'utf8').split('\n')) {
      const cols = line.split(' ');
      if (cols.length < 4 || cols[0] === '-DOCSTART-') {
        if (words.length > 0) newsSentences.push({ codes: encodeWords(words, lexicon), tags });
        words = [];
        tags = [];
      } else {
        words.push(cols[0]!);
        tags.push(CONLL_TAGS[cols[1]!] ?? cols[1]!);
      }
    }
  }
  const newsAccuracy = (weights: LinearModel): string => {
    let right = 0;
    let total = 0;
    for (const s of newsSentences) {
      const tags = tagClasses({ labels: tagLabels, weights, second: null, recheckBelow: ALL }, s.codes);
      s.tags.forEach((t, k) => {
        total++;
        if (tagLabels[tags[k]!]!.split(' ')[1] === t) right++;
      });
    }
    return (right / Math.max(1, total)).toFixed(4);
  };
  trainTagPass([...taggerExamples(all), ...newsExamples], {
    ...taggerOptions,
    onEpoch: (e, w) => console.log(`tagger trial epoch ${e}: dev ${tagAccuracy({ labels: tagLabels, weights: w, second: null, recheckBelow: ALL })} news xpos ${newsAccuracy(w)} (${elapsed()})`),
  });
  process.exit(0);
}
const report = (pass: string) => (epoch: number, weights: LinearModel, second: LinearModel | null) =>
  console.log(`tagger ${pass} epoch ${epoch}: dev ${tagAccuracy({ labels: tagLabels, weights, second, recheckBelow: ALL })} (${elapsed()})`);

// Two passes, each jackknifed: first-pass tags for the second pass's training sentences, and
// final tags for the parser's, come from taggers that did not see the sentence. With
// --tags-cache, a tagger trained by an earlier run with the same options is reused, so
// parser experiments need not retrain it.
/** News sentences with first-pass tags from a model that saw them (they are never held out). */
function withNewsFirstPass(model: TaggerModel): TaggerExample[] {
  return newsExamples.map((e) => ({ ...e, firstPass: tagClasses(model, e.words) }));
}

function trainTaggers(): { first: LinearModel; second: LinearModel; predictedTags: Int32Array[] } {
  const folds = Math.max(2, Number(values.folds));
  const firstPass: Int32Array[] = new Array(train.length);
  const predictedTags: Int32Array[] = new Array(train.length);
  const withFirstPass = (indices: readonly number[]): TaggerExample[] => taggerExamples(indices).map((e, k) => ({ ...e, firstPass: firstPass[indices[k]!]! }));
  const heldOut = (f: number): number[] => all.filter((i) => i % folds === f);
  const kept = (f: number): number[] => all.filter((i) => i % folds !== f);
  const foldFirst: LinearModel[] = [];
  for (let f = 0; f < folds; f++) {
    const weights = trainTagPass([...taggerExamples(kept(f)), ...newsExamples], taggerOptions);
    foldFirst.push(weights);
    for (const i of heldOut(f)) firstPass[i] = tagClasses({ labels: tagLabels, weights, second: null, recheckBelow: ALL }, trainCodes[i]!);
    console.log(`first pass, fold ${f + 1}/${folds} (${elapsed()})`);
  }
  for (let f = 0; f < folds; f++) {
    const news = withNewsFirstPass({ labels: tagLabels, weights: foldFirst[f]!, second: null, recheckBelow: ALL });
    const second = trainTagPass([...withFirstPass(kept(f)), ...news], taggerOptions);
    for (const i of heldOut(f)) predictedTags[i] = tagClasses({ labels: tagLabels, weights: foldFirst[f]!, second, recheckBelow: ALL }, trainCodes[i]!);
    console.log(`second pass, fold ${f + 1}/${folds} (${elapsed()})`);
  }
  const first = trainTagPass([...taggerExamples(all), ...newsExamples], { ...taggerOptions, onEpoch: (e, w) => report('first')(e, w, null) });
  const news = withNewsFirstPass({ labels: tagLabels, weights: first, second: null, recheckBelow: ALL });
  const second = trainTagPass([...withFirstPass(all), ...news], { ...taggerOptions, onEpoch: (e, w) => report('second')(e, first, w) });
  return { first, second, predictedTags };
}

function readTagsCache(path: string): ReturnType<typeof trainTaggers> {
  const buffer = gunzipSync(readFileSync(path));
  const first = decodeLinearModel(buffer, 0);
  const second = decodeLinearModel(buffer, first.next);
  const predictedTags: Int32Array[] = [];
  let offset = second.next;
  for (const s of train) {
    predictedTags.push(Int32Array.from(buffer.subarray(offset, offset + s.words.length)));
    offset += s.words.length;
  }
  return { first: first.model, second: second.model, predictedTags };
}

/** Both passes trained on every sentence, the second reading jackknifed tags of an earlier run. */
function trainTaggersOnEarlierTags(path: string): ReturnType<typeof trainTaggers> {
  const { predictedTags } = readTagsCache(path);
  console.log(`jackknifed tags from ${relative(root, path)}`);
  const first = trainTagPass([...taggerExamples(all), ...newsExamples], { ...taggerOptions, onEpoch: (e, w) => report('first')(e, w, null) });
  const news = withNewsFirstPass({ labels: tagLabels, weights: first, second: null, recheckBelow: ALL });
  const withEarlier = taggerExamples(all).map((e, i) => ({ ...e, firstPass: predictedTags[i]! }));
  const second = trainTagPass([...withEarlier, ...news], { ...taggerOptions, onEpoch: (e, w) => report('second')(e, first, w) });
  return { first, second, predictedTags };
}

const cachePath = values['tags-cache'];
let trained: ReturnType<typeof trainTaggers>;
if (cachePath && existsSync(cachePath)) {
  trained = readTagsCache(cachePath);
  console.log(`tagger and jackknifed tags from ${relative(root, cachePath)}: dev ${tagAccuracy({ labels: tagLabels, weights: trained.first, second: trained.second, recheckBelow: ALL })}`);
} else if (values['jackknifed-from']) {
  trained = trainTaggersOnEarlierTags(values['jackknifed-from']);
  if (cachePath) writeFileSync(cachePath, gzipSync(Buffer.concat([encodeLinearModel(trained.first), encodeLinearModel(trained.second), ...trained.predictedTags.map((t) => Buffer.from(Uint8Array.from(t)))])));
} else {
  trained = trainTaggers();
  if (cachePath) writeFileSync(cachePath, gzipSync(Buffer.concat([encodeLinearModel(trained.first), encodeLinearModel(trained.second), ...trained.predictedTags.map((t) => Buffer.from(Uint8Array.from(t)))])));
}
const { first, second, predictedTags } = trained;
// The second pass re-reads only words the first was unsure of: the smallest margin that
// keeps the dev figure within 0.0005 of re-reading every word.
const ALL_READ = tagAccuracy({ labels: tagLabels, weights: first, second, recheckBelow: ALL });
let recheckBelow = ALL;
for (const margin of [2, 4, 6, 8, 12, 16, 24, 32]) {
  const figure = tagAccuracy({ labels: tagLabels, weights: first, second, recheckBelow: margin });
  console.log(`second pass below margin ${margin}: dev ${figure}`);
  if (uposOf(figure) >= uposOf(ALL_READ) - 0.0005) {
    recheckBelow = margin;
    break;
  }
}
const tagger: TaggerModel = { labels: tagLabels, weights: first, second, recheckBelow };

const parserInput = (codes: WordCodes, tags: Int32Array): ParserInput => ({
  n: codes.length,
  word: prependRoot(codes.lower, 0x2f00),
  tag: prependRoot(tags, 0x2f01),
  fine: prependRoot(codes.fine, 0x2f02),
  coarse: prependRoot(codes.coarse, 0x2f03),
});
const parserExamples: ParserExample[] = train.map((s, i) => ({
  input: parserInput(trainCodes[i]!, predictedTags[i]!),
  heads: projectivize(Int32Array.from([0, ...s.words.map((w) => w.head)])),
  relations: Int32Array.from([0, ...s.words.map((w) => relationIndex.get(w.deprel)!)]),
}));
const devTags = devCodes.map((codes) => tagClasses(tagger, codes));

/** Dev attachment scores; with a finished-tree labeller, also the LAS of the arc-time labels alone. */
function attachment(parser: ParserModel): string {
  let uas = 0;
  let las = 0;
  let arcTimeLas = 0;
  let total = 0;
  const arcTime = parser.relabel === null ? null : { ...parser, relabel: null };
  const sameRelation = (id: number, gold: string): boolean => relations[id]?.split(':')[0] === gold.split(':')[0];
  dev.forEach((s, i) => {
    const input = parserInput(devCodes[i]!, devTags[i]!);
    const tree = parse(parser, input);
    const plain = arcTime === null ? null : parse(arcTime, input);
    s.words.forEach((w, k) => {
      total++;
      if (tree.heads[k + 1] === w.head) {
        uas++;
        if (sameRelation(tree.relations[k + 1]!, w.deprel)) las++;
        if (plain !== null && sameRelation(plain.relations[k + 1]!, w.deprel)) arcTimeLas++;
      }
    });
  });
  const figure = `uas ${(uas / total).toFixed(4)} las ${(las / total).toFixed(4)}`;
  return arcTime === null ? figure : `${figure} (arc-time labels: las ${(arcTimeLas / total).toFixed(4)})`;
}

const parser = trainParser(parserExamples, {
  relations,
  epochs: Number(values['parser-epochs']),
  seed,
  transitionBits: Number(values['transition-bits']),
  labelBits: Number(values['label-bits']),
  explore: Number(values.explore),
  relabel: values.relabel === 'yes',
  onEpoch: (epoch, model) => console.log(`parser epoch ${epoch}: dev ${attachment(model)} (${elapsed()})`),
});

// The lemmatizer also learns the forms of the event dictionary's verbs and of the irregular
// verbs ("fled", "blamed", "shelled"): news verbs a web treebank may lack, from their lemmas.
const dictionary = JSON.parse(readFileSync(join(root, 'src/knowledge/events/event-dictionary.json'), 'utf8')) as { entries: Array<{ verbs?: string[] }> };
const newsVerbs = [...new Set([...dictionary.entries.flatMap((e) => (e.verbs ?? []).flatMap((v) => v.split(' ')[0]!.split('|'))), ...irregularVerbs()])].sort();
const verbExamples = newsVerbs.flatMap((lemma) =>
  verbForms(lemma).flatMap((form) => {
    if (form === lemma) return [{ form, tag: 'VB', lemma }, { form, tag: 'VBP', lemma }];
    if (form.endsWith('ing')) return [{ form, tag: 'VBG', lemma }];
    if (/^(?:s|es)$/.test(form.slice(lemma.length)) || form === `${lemma.slice(0, -1)}ies`) return [{ form, tag: 'VBZ', lemma }];
    return [{ form, tag: 'VBD', lemma }, { form, tag: 'VBN', lemma }];
  }),
);
const lemmas = trainLemmatizer([...train.flatMap((s) => s.words.map((w) => ({ form: w.form, tag: w.xpos, lemma: w.lemma }))), ...verbExamples]);
console.log(`lemmatizer: ${Object.keys(lemmas.rules).length} rules, ${Object.keys(lemmas.exceptions).length} exceptions, ${newsVerbs.length} news verbs`);

const model = assembleSyntaxModel(
  {
    trainedOn: 'UD English EWT train (UD_English-EWT 15d613d, CC BY-SA 4.0)',
    licence: 'Weights trained on the UD English Web Treebank, CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/)',
    taggerEpochs: taggerOptions.epochs,
    parserEpochs: Number(values['parser-epochs']),
    seed,
  },
  lexicon,
  tagger,
  lemmas,
  parser,
);
const bytes = encodeSyntaxModel(model);
writeFileSync(values.out, bytes);
console.log(`wrote ${relative(root, values.out)}: ${(bytes.length / 1e6).toFixed(1)} MB (${elapsed()})`);
