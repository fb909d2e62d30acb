import type { LemmaRules } from '../nlp/syntax/lemmatizer.js';
import { loadSyntaxModel } from '../nlp/syntax/syntax-model.js';
import { type CorefDocumentInput, type CorefMentionInput, type CorefModel, clusterEventMentions, sameLemmaClusters, sameLemmaInGroups } from '../records/coref-model.js';
import model from '../records/model/coref-weights.json' with { type: 'json' };
import { type Clustering, type CorefScores, scoreCoref } from './coref-metrics.js';
import { type EcbDocument, loadEcbPlus } from './ecbplus.js';

/**
 * Event coreference on ECB+ with gold event mentions, in the usual "Cybulska setup": only the
 * event mentions of the validated sentences; within- and cross-document chains scored
 * together, as one clustering over all the topics evaluated; singletons kept in both key and
 * response (as Barhom et al. 2019 and Cattan et al. 2021 score ECB+), so CEAF-e and B³ count
 * them. Both systems cluster within one topic and never see the gold ecb/ecbplus split: ours
 * groups documents itself. The summary's lemma baseline runs over the whole topic; the one
 * papers quote (≈ 0.765) runs within subtopics, printed too, within our document groups.
 */

export interface CorefEvalScores extends CorefScores {
  /** The same-lemma baseline within each topic (the summary's lemma_conll_f1). */
  readonly lemma: CorefScores;
  /** The same-lemma baseline within each of our document groups (papers' "within subtopic" baseline). */
  readonly lemmaGrouped: CorefScores;
  readonly topics: readonly string[];
  readonly documents: number;
  readonly mentions: number;
  readonly goldClusters: number;
  /** Clustering time for our system (loading and scoring excluded). */
  readonly seconds: number;
}

export interface EcbTopicInput {
  readonly topic: string;
  readonly documents: readonly CorefDocumentInput[];
  readonly mentions: readonly CorefMentionInput[];
  /** Gold chain of each mention id. */
  readonly gold: ReadonlyMap<string, string>;
}

const words = (doc: EcbDocument, ids: readonly number[]): string[] =>
  ids.map((t) => doc.tokens[t - 1]?.text ?? '').filter((w) => w.trim() !== '');

/** Three words either side of a trigger, inside its sentence. */
function windowWords(doc: EcbDocument, ids: readonly number[]): string[] {
  const first = ids[0] ?? 1;
  const last = ids[ids.length - 1] ?? first;
  const sentence = doc.tokens[first - 1]?.sentence;
  const out: number[] = [];
  for (let t = first - 3; t <= last + 3; t++) {
    if ((t < first || t > last) && doc.tokens[t - 1]?.sentence === sentence) out.push(t);
  }
  return words(doc, out);
}

/** Turns loaded ECB+ documents into the coreference inputs of each topic (event mentions only). */
export function ecbTopicInputs(docs: readonly EcbDocument[]): EcbTopicInput[] {
  const topics = new Map<string, { documents: CorefDocumentInput[]; mentions: CorefMentionInput[]; gold: Map<string, string> }>();
  for (const doc of docs) {
    let t = topics.get(doc.topic);
    if (!t) {
      t = { documents: [], mentions: [], gold: new Map() };
      topics.set(doc.topic, t);
    }
    t.documents.push({ id: doc.name, words: doc.tokens.map((x) => x.text).filter((w) => w.trim() !== '') });
    const sentences = new Map<number, number[]>();
    for (const token of doc.tokens) {
      const list = sentences.get(token.sentence);
      if (list) list.push(token.id);
      else sentences.set(token.sentence, [token.id]);
    }
    const argumentsOf = new Map<string, number[]>();
    const add = (key: string, ids: readonly number[]): void => {
      const list = argumentsOf.get(key);
      if (list) list.push(...ids);
      else argumentsOf.set(key, [...ids]);
    };
    for (const m of doc.mentions) {
      if (m.event) continue;
      add(`${m.sentence}`, m.tokens);
      if (m.tag.startsWith('TIME_')) add(`${m.sentence}:time`, m.tokens);
      if (m.tag.startsWith('LOC_')) add(`${m.sentence}:place`, m.tokens);
    }
    for (const m of doc.mentions) {
      if (!m.event) continue;
      t.mentions.push({
        id: m.id,
        documentId: doc.name,
        trigger: words(doc, m.tokens),
        sentence: words(doc, sentences.get(m.sentence) ?? []),
        arguments: words(doc, argumentsOf.get(`${m.sentence}`) ?? []),
        times: words(doc, argumentsOf.get(`${m.sentence}:time`) ?? []),
        places: words(doc, argumentsOf.get(`${m.sentence}:place`) ?? []),
        window: windowWords(doc, m.tokens),
        // ecbplus documents open with the page's URL as sentence 0
        sentenceIndex: Math.max(0, m.sentence - (doc.kind === 'ecbplus' ? 1 : 0)),
      });
      t.gold.set(m.id, m.chain);
    }
  }
  return [...topics.entries()].map(([topic, t]) => ({ topic, ...t }));
}

export function goldClusters(topics: readonly EcbTopicInput[]): string[][] {
  const chains = new Map<string, string[]>();
  for (const t of topics) {
    for (const [id, chain] of t.gold) {
      const list = chains.get(chain);
      if (list) list.push(id);
      else chains.set(chain, [id]);
    }
  }
  return [...chains.values()];
}

export const corefModel: CorefModel = model;

/** Runs both systems over the loaded topics and scores them; `rules` are the syntax model's lemma rules. */
export function evaluateCoref(topics: readonly EcbTopicInput[], rules: LemmaRules, weights: CorefModel = corefModel): CorefEvalScores {
  const key = goldClusters(topics);
  const started = performance.now();
  const ours: Clustering = topics.flatMap((t) => clusterEventMentions(t.documents, t.mentions, weights, rules));
  const seconds = (performance.now() - started) / 1000;
  const lemma: Clustering = topics.flatMap((t) => sameLemmaClusters(t.mentions, rules));
  return {
    ...scoreCoref(key, ours),
    lemma: scoreCoref(key, lemma),
    lemmaGrouped: scoreCoref(key, topics.flatMap((t) => sameLemmaInGroups(t.documents, t.mentions, weights.documentThreshold, rules))),
    topics: topics.map((t) => t.topic),
    documents: topics.reduce((n, t) => n + t.documents.length, 0),
    mentions: topics.reduce((n, t) => n + t.mentions.length, 0),
    goldClusters: key.length,
    seconds,
  };
}

export interface CorefEvalOptions {
  /** Topic numbers to evaluate (e.g. the dev split 2,5,12,18,21,23,34,35); all when absent. */
  readonly topics?: readonly string[];
}

export async function runCorefEval(dir: string, options: CorefEvalOptions = {}): Promise<CorefEvalScores> {
  const docs = await loadEcbPlus(dir, options.topics ? { topics: options.topics } : {});
  return evaluateCoref(ecbTopicInputs(docs), loadSyntaxModel().lemmas);
}

const f = (x: number): string => x.toFixed(4);

export function formatCorefEvalLines(scores: CorefEvalScores): string[] {
  const row = (name: string, s: CorefScores): string =>
    `${name.padEnd(6)} MUC P/R/F ${f(s.muc.precision)}/${f(s.muc.recall)}/${f(s.muc.f1)}  B3 ${f(s.b3.precision)}/${f(s.b3.recall)}/${f(s.b3.f1)}  CEAF-e ${f(s.ceafe.precision)}/${f(s.ceafe.recall)}/${f(s.ceafe.f1)}  CoNLL ${f(s.conll)}`;
  return [
    `topics ${scores.topics.join(',')}: ${scores.documents} documents, ${scores.mentions} event mentions, ${scores.goldClusters} gold clusters (singletons included)`,
    row('ours', scores),
    row('lemma', scores.lemma),
    `${row('lemma', scores.lemmaGrouped)}  (within our document groups)`,
    `clustered in ${scores.seconds.toFixed(2)} s`,
    `eval coref conll_f1=${f(scores.conll)} muc=${f(scores.muc.f1)} b3=${f(scores.b3.f1)} ceafe=${f(scores.ceafe.f1)} lemma_conll_f1=${f(scores.lemma.conll)}`,
  ];
}
