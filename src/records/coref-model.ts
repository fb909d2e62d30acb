import type { LemmaRules } from '../nlp/syntax/lemmatizer.js';
import { lemmaOfWord } from '../nlp/syntax/word-lemma.js';
import { averageLinkClusters } from './coref-cluster.js';
import { headWord } from './coref-head.js';
import { createEventLexicon, type EventLexicon } from './coref-lexicon.js';
import { cosine } from './term-vectors.js';

/**
 * Event coreference on given mentions, within one topic: documents are first grouped by
 * lexical similarity (articles about the same real event share their names and numbers),
 * then, inside each group, a logistic-regression pair scorer feeds average-link clustering.
 * Words are compared by lemma: the project's lemma rules (the syntax model's), read on words
 * seen alone (word-lemma.ts), since the mentions come as words without a parse.
 */

export interface CorefDocumentInput {
  readonly id: string;
  /** Every word of the article. */
  readonly words: readonly string[];
}

export interface CorefMentionInput {
  readonly id: string;
  readonly documentId: string;
  /** The trigger's words. */
  readonly trigger: readonly string[];
  /** The words of its sentence. */
  readonly sentence: readonly string[];
  /** Words of the participant, time and place mentions of its sentence. */
  readonly arguments: readonly string[];
  /** Of those, the words of the time and of the place mentions alone. */
  readonly times?: readonly string[];
  readonly places?: readonly string[];
  /** Up to three words either side of the trigger. */
  readonly window?: readonly string[];
  /** Index of its sentence in the article, 0 for the headline: leads tell the main event. */
  readonly sentenceIndex?: number;
}

export interface CorefModel {
  readonly features: readonly string[];
  /** Pair weights, for pairs across articles (and for all pairs when `sameDocumentWeights` is absent). */
  readonly weights: readonly number[];
  /** Pair weights for two mentions of one article, fitted on those pairs alone: a retelling in the same article is judged by other cues than a report elsewhere. */
  readonly sameDocumentWeights?: readonly number[];
  /** Minimum mean pair probability for two clusters to merge. */
  readonly threshold: number;
  /** Minimum mean cosine for two document groups to merge. */
  readonly documentThreshold: number;
  readonly lemmaStats: LemmaStats;
}

/**
 * How often trigger lemmas corefer in the training pairs: for one lemma with itself
 * ("say" rarely does, "earthquake" nearly always) and for two different lemmas
 * ("kill"/"death"). Counts are [coreferent pairs, pairs].
 */
export interface LemmaStats {
  readonly same: Readonly<Record<string, readonly number[]>>;
  readonly different: Readonly<Record<string, readonly number[]>>;
  /** Per lemma, over the pairs it forms with other lemmas: "it" and "incident" often corefer with another word, "say" seldom. */
  readonly linked?: Readonly<Record<string, readonly number[]>>;
  readonly sameRate: number;
  readonly differentRate: number;
}

export const EMPTY_LEMMA_STATS: LemmaStats = { same: {}, different: {}, sameRate: 0, differentRate: 0 };

/** Strength of the prior that smooths each lemma's rate towards the overall rate. */
const PRIOR_PAIRS = 20;

const smoothed = (counts: readonly number[] | undefined, base: number): number =>
  counts ? ((counts[0] ?? 0) + PRIOR_PAIRS * base) / ((counts[1] ?? 0) + PRIOR_PAIRS) : base;

export const lemmaPairKey = (a: string, b: string): string => (a < b ? `${a}|${b}` : `${b}|${a}`);

function lemmaFeatures(a: string, b: string, stats: LemmaStats): number[] {
  if (a === b) return [smoothed(stats.same[a], stats.sameRate), 0, 0, 0];
  const ra = smoothed(stats.linked?.[a], stats.differentRate);
  const rb = smoothed(stats.linked?.[b], stats.differentRate);
  return [0, smoothed(stats.different[lemmaPairKey(a, b)], stats.differentRate), Math.min(ra, rb), Math.max(ra, rb)];
}

const STOP = new Set(
  'a an the of to in on at by for with from and or but as is was were be been being are has have had do did does will would could should may might can it its he she they them his her their we our you your i me my this that these those there here which who whom whose what when where why how not no than then so if into over after before about up out said says say also just more most other some such only own same too very s t one two new'.split(
    ' ',
  ),
);

const contentLemmas = (words: readonly string[], rules: LemmaRules): string[] =>
  words
    .map((w) => w.toLowerCase())
    .filter((w) => /[a-z0-9]/.test(w) && !STOP.has(w))
    .map((w) => lemmaOfWord(rules, w));

interface Prepared {
  readonly input: CorefMentionInput;
  readonly lemma: string;
  readonly triggerLemmas: ReadonlySet<string>;
  readonly sentence: ReadonlySet<string>;
  readonly arguments: ReadonlySet<string>;
  readonly times: ReadonlySet<string>;
  readonly places: ReadonlySet<string>;
  readonly window: ReadonlySet<string>;
  /** Capitalised words inside the sentence (not its first word): who and where. */
  readonly names: ReadonlySet<string>;
  /** Numbers of the sentence: ages, tolls, distances, dates. */
  readonly numbers: ReadonlySet<string>;
}

function namesOf(sentence: readonly string[], trigger: ReadonlySet<string>, rules: LemmaRules): Set<string> {
  const out = new Set<string>();
  sentence.forEach((w, i) => {
    if (i === 0 || !/^[A-Z][a-z]/.test(w) || STOP.has(w.toLowerCase())) return;
    const key = w.toLowerCase();
    if (!trigger.has(lemmaOfWord(rules, key))) out.add(key);
  });
  return out;
}

const numbersOf = (sentence: readonly string[]): Set<string> => new Set(sentence.filter((w) => /\d/.test(w)).map((w) => w.replace(/[^0-9]/g, '')));

export const FEATURES: readonly string[] = [
  'bias',
  'lemma_equal',
  'prefix_equal',
  'head_trigram_dice',
  'trigger_dice',
  'argument_jaccard',
  'argument_shared',
  'sentence_jaccard',
  'same_document',
  'document_cosine',
  'lemma_equal_x_argument',
  'lemma_equal_x_sentence',
  'lemma_equal_x_same_document',
  'time_jaccard',
  'time_conflict',
  'place_jaccard',
  'place_conflict',
  'window_jaccard',
  'trigram_x_argument',
  'lemma_centrality',
  'different_lemma_x_argument',
  'name_shared',
  'name_conflict',
  'number_shared',
  'number_conflict',
  'lemma_equal_x_name_conflict',
  'lemma_equal_x_number_conflict',
  'different_lemma_x_name_shared',
  'both_lead',
  'different_lemma_x_both_lead',
  'one_lead',
  'lexicon_related',
  'event_anaphor',
  'same_lemma_rate',
  'lemma_pair_rate',
  'linking_rate_min',
  'linking_rate_max',
];

function trigrams(word: string): Set<string> {
  const padded = `#${word}#`;
  const out = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  return out;
}

function overlap<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): number {
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n;
}

const jaccard = <T>(a: ReadonlySet<T>, b: ReadonlySet<T>): number => {
  const n = overlap(a, b);
  return n === 0 ? 0 : n / (a.size + b.size - n);
};
const dice = <T>(a: ReadonlySet<T>, b: ReadonlySet<T>): number => (a.size + b.size === 0 ? 0 : (2 * overlap(a, b)) / (a.size + b.size));

/** The lemma of a trigger's head word. */
const triggerLemma = (trigger: readonly string[], rules: LemmaRules): string => lemmaOfWord(rules, headWord(trigger, rules));

function prepare(m: CorefMentionInput, rules: LemmaRules): Prepared {
  const triggerLemmas = new Set(contentLemmas(m.trigger, rules));
  return {
    input: m,
    lemma: triggerLemma(m.trigger, rules),
    triggerLemmas,
    sentence: new Set(contentLemmas(m.sentence, rules)),
    arguments: new Set(contentLemmas(m.arguments, rules)),
    times: new Set(contentLemmas(m.times ?? [], rules)),
    places: new Set(contentLemmas(m.places ?? [], rules)),
    window: new Set(contentLemmas(m.window ?? [], rules)),
    names: namesOf(m.sentence, triggerLemmas, rules),
    numbers: numbersOf(m.sentence),
  };
}

const sharedPrefix = (a: string, b: string): number => {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
};

interface GroupContext {
  /** Share of the group's documents that mention each head lemma. */
  readonly lemmaShare: ReadonlyMap<string, number>;
}

function groupContext(members: readonly Prepared[]): GroupContext {
  const docsOfLemma = new Map<string, Set<string>>();
  const documents = new Set<string>();
  const add = (map: Map<string, Set<string>>, key: string, doc: string): void => {
    const docs = map.get(key) ?? new Set<string>();
    docs.add(doc);
    map.set(key, docs);
  };
  for (const m of members) {
    documents.add(m.input.documentId);
    add(docsOfLemma, m.lemma, m.input.documentId);
  }
  const lemmaShare = new Map<string, number>();
  for (const [lemma, docs] of docsOfLemma) lemmaShare.set(lemma, docs.size / documents.size);
  return { lemmaShare };
}

const isLead = (m: Prepared): boolean => m.input.sentenceIndex !== undefined && m.input.sentenceIndex <= 1;

function pairFeatures(a: Prepared, b: Prepared, documentCosine: number, group: GroupContext, lexicon: EventLexicon): number[] {
  const lemmaEqual = a.lemma === b.lemma ? 1 : 0;
  // Lemmas that begin alike: "arrest"/"arrestee", "explode"/"explosion", "announce"/"announcement".
  const prefixEqual = sharedPrefix(a.lemma, b.lemma) >= 5 ? 1 : 0;
  const argument = jaccard(a.arguments, b.arguments);
  const sentence = jaccard(a.sentence, b.sentence);
  const sameDocument = a.input.documentId === b.input.documentId ? 1 : 0;
  const bothLead = isLead(a) && isLead(b) ? 1 : 0;
  const nameShared = overlap(a.names, b.names) > 0 ? 1 : 0;
  const nameConflict = a.names.size > 0 && b.names.size > 0 && !nameShared ? 1 : 0;
  const numberConflict = a.numbers.size > 0 && b.numbers.size > 0 && overlap(a.numbers, b.numbers) === 0 ? 1 : 0;
  return [
    1,
    lemmaEqual,
    prefixEqual,
    dice(trigrams(a.lemma), trigrams(b.lemma)),
    dice(a.triggerLemmas, b.triggerLemmas),
    argument,
    overlap(a.arguments, b.arguments) > 0 ? 1 : 0,
    sentence,
    sameDocument,
    documentCosine,
    lemmaEqual * argument,
    lemmaEqual * sentence,
    lemmaEqual * sameDocument,
    jaccard(a.times, b.times),
    a.times.size > 0 && b.times.size > 0 && overlap(a.times, b.times) === 0 ? 1 : 0,
    jaccard(a.places, b.places),
    a.places.size > 0 && b.places.size > 0 && overlap(a.places, b.places) === 0 ? 1 : 0,
    jaccard(a.window, b.window),
    dice(trigrams(a.lemma), trigrams(b.lemma)) * argument,
    Math.min(group.lemmaShare.get(a.lemma) ?? 0, group.lemmaShare.get(b.lemma) ?? 0),
    (1 - lemmaEqual) * argument,
    nameShared,
    nameConflict,
    overlap(a.numbers, b.numbers) > 0 ? 1 : 0,
    numberConflict,
    lemmaEqual * nameConflict,
    lemmaEqual * numberConflict,
    (1 - lemmaEqual) * nameShared,
    bothLead,
    (1 - lemmaEqual) * bothLead,
    isLead(a) !== isLead(b) ? 1 : 0,
    lemmaEqual ? 0 : lexicon.related([a.lemma, ...a.triggerLemmas], [b.lemma, ...b.triggerLemmas]) ? 1 : 0,
    !lemmaEqual && (lexicon.isAnaphor(a.lemma) || lexicon.isAnaphor(b.lemma)) ? 1 : 0,
  ];
}

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

export function pairProbability(weights: readonly number[], features: readonly number[]): number {
  let z = 0;
  for (let i = 0; i < features.length; i++) z += (weights[i] ?? 0) * (features[i] ?? 0);
  return sigmoid(z);
}

/** Tf-idf vectors (unit length) of the documents of one topic. */
function documentVectors(docs: readonly CorefDocumentInput[], rules: LemmaRules): Map<string, Map<string, number>> {
  const counts = docs.map((d) => {
    const c = new Map<string, number>();
    // names and numbers tell two real events of the same kind apart
    for (const w of d.words) {
      if (STOP.has(w.toLowerCase()) || !/[A-Za-z0-9]/.test(w)) continue;
      const key = lemmaOfWord(rules, w);
      c.set(key, (c.get(key) ?? 0) + (/^(?:[A-Z][a-z]|\d)/.test(w) ? 3 : 1));
    }
    return c;
  });
  const df = new Map<string, number>();
  for (const c of counts) for (const w of c.keys()) df.set(w, (df.get(w) ?? 0) + 1);
  const out = new Map<string, Map<string, number>>();
  docs.forEach((d, i) => {
    const v = new Map<string, number>();
    let norm = 0;
    for (const [w, n] of counts[i] ?? []) {
      const x = (1 + Math.log(n)) * Math.log((docs.length + 1) / (df.get(w) ?? 1));
      v.set(w, x);
      norm += x * x;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [w, x] of v) v.set(w, x / norm);
    out.set(d.id, v);
  });
  return out;
}

/** Groups smaller than this are strays of a bigger one more often than a story of their own. */
const MIN_GROUP = 3;

/** Moves each document of a group smaller than MIN_GROUP into the big group it is most similar to on average. */
function attachStragglers(groups: readonly number[][], similarity: (i: number, j: number) => number): number[][] {
  const big = groups.filter((g) => g.length >= MIN_GROUP).map((g) => [...g]);
  if (big.length === 0) return groups.map((g) => [...g]);
  const small = groups.filter((g) => g.length < MIN_GROUP);
  const snapshot = big.map((g) => [...g]);
  for (const g of small) {
    for (const d of g) {
      let best = 0;
      let bestMean = Number.NEGATIVE_INFINITY;
      snapshot.forEach((members, bi) => {
        const mean = members.reduce((sum, m) => sum + similarity(d, m), 0) / members.length;
        if (mean > bestMean) {
          bestMean = mean;
          best = bi;
        }
      });
      big[best]?.push(d);
    }
  }
  return big;
}

/** Group number of each document id: average-link over tf-idf cosine, strays attached to a big group. */
export function documentGroups(
  docs: readonly CorefDocumentInput[],
  documentThreshold: number,
  rules: LemmaRules,
  vectors: ReadonlyMap<string, ReadonlyMap<string, number>> = documentVectors(docs, rules),
): Map<string, number> {
  const similarity = (i: number, j: number): number => cosine(vectors.get(docs[i]?.id ?? ''), vectors.get(docs[j]?.id ?? ''));
  const groups = attachStragglers(averageLinkClusters(docs.length, similarity, documentThreshold), similarity);
  const groupOf = new Map<string, number>();
  groups.forEach((g, gi) => {
    for (const i of g) groupOf.set(docs[i]?.id ?? '', gi);
  });
  return groupOf;
}

export interface TopicPairs {
  /** Mentions in the order the pair indices use. */
  readonly mentions: readonly CorefMentionInput[];
  /** Groups of mention indices; pairs exist only inside a group. */
  readonly groups: readonly (readonly number[])[];
  /** Head lemma of each mention. */
  readonly lemmas: readonly string[];
  /** Lemma-independent feature vectors keyed by `i,j` with i < j in the same group. */
  readonly features: ReadonlyMap<string, readonly number[]>;
}

/** The full feature vector of pair i < j: the stored features and the lemma-rate ones. */
export function pairVector(pairs: TopicPairs, i: number, j: number, stats: LemmaStats): number[] | undefined {
  const base = pairs.features.get(`${i},${j}`);
  if (!base) return undefined;
  return [...base, ...lemmaFeatures(pairs.lemmas[i] ?? '', pairs.lemmas[j] ?? '', stats)];
}

/**
 * Groups a topic's documents (average-link over tf-idf cosine) and computes the pair
 * features of the mentions inside each group.
 */
export function topicPairs(docs: readonly CorefDocumentInput[], mentions: readonly CorefMentionInput[], documentThreshold: number, rules: LemmaRules): TopicPairs {
  const vectors = documentVectors(docs, rules);
  const groupOf = documentGroups(docs, documentThreshold, rules, vectors);
  const lexicon = createEventLexicon(rules);
  const prepared = mentions.map((m) => prepare(m, rules));
  const groups = new Map<number, number[]>();
  mentions.forEach((m, i) => {
    const g = groupOf.get(m.documentId) ?? -1 - i;
    const list = groups.get(g);
    if (list) list.push(i);
    else groups.set(g, [i]);
  });
  const features = new Map<string, number[]>();
  for (const group of groups.values()) {
    const context = groupContext(group.map((i) => prepared[i] as Prepared));
    for (let x = 0; x < group.length; x++) {
      for (let y = x + 1; y < group.length; y++) {
        const i = group[x] ?? 0;
        const j = group[y] ?? 0;
        const a = prepared[i] as Prepared;
        const b = prepared[j] as Prepared;
        const docCos = a.input.documentId === b.input.documentId ? 1 : cosine(vectors.get(a.input.documentId), vectors.get(b.input.documentId));
        features.set(`${i},${j}`, pairFeatures(a, b, docCos, context, lexicon));
      }
    }
  }
  return { mentions, groups: [...groups.values()], lemmas: prepared.map((p) => p.lemma), features };
}

/** Clusters a topic's pairs with the model's weights and threshold; returns clusters of mention ids. */
export type PairWeights = Pick<CorefModel, 'weights' | 'sameDocumentWeights'>;

const SAME_DOCUMENT = FEATURES.indexOf('same_document');

/** Probability that the pair with feature vector `features` corefers, with the weights for its kind of pair. */
export function scorePair(model: PairWeights, features: readonly number[]): number {
  const own = features[SAME_DOCUMENT] === 1 ? model.sameDocumentWeights : undefined;
  return pairProbability(own ?? model.weights, features);
}

export function clusterTopicPairs(pairs: TopicPairs, weights: PairWeights, threshold: number, stats: LemmaStats): string[][] {
  const out: string[][] = [];
  for (const group of pairs.groups) {
    const clusters = averageLinkClusters(
      group.length,
      (x, y) => {
        const i = Math.min(group[x] ?? 0, group[y] ?? 0);
        const j = Math.max(group[x] ?? 0, group[y] ?? 0);
        const f = pairVector(pairs, i, j, stats);
        return f ? scorePair(weights, f) : 0;
      },
      threshold,
    );
    for (const c of clusters) out.push(c.map((x) => pairs.mentions[group[x] ?? 0]?.id ?? ''));
  }
  return out;
}

/** Event coreference for one topic's documents and event mentions. */
export function clusterEventMentions(docs: readonly CorefDocumentInput[], mentions: readonly CorefMentionInput[], model: CorefModel, rules: LemmaRules): string[][] {
  return clusterTopicPairs(topicPairs(docs, mentions, model.documentThreshold, rules), model, model.threshold, model.lemmaStats);
}

/** The same-lemma baseline: mentions whose head lemma is equal form one cluster. */
export function sameLemmaClusters(mentions: readonly CorefMentionInput[], rules: LemmaRules): string[][] {
  const byLemma = new Map<string, string[]>();
  for (const m of mentions) {
    const lemma = triggerLemma(m.trigger, rules);
    const list = byLemma.get(lemma);
    if (list) list.push(m.id);
    else byLemma.set(lemma, [m.id]);
  }
  return [...byLemma.values()];
}

/** The same-lemma baseline inside each document group, as papers run it within subtopics. */
export function sameLemmaInGroups(docs: readonly CorefDocumentInput[], mentions: readonly CorefMentionInput[], documentThreshold: number, rules: LemmaRules): string[][] {
  const groupOf = documentGroups(docs, documentThreshold, rules);
  const groups = new Map<number, CorefMentionInput[]>();
  for (const m of mentions) {
    const g = groupOf.get(m.documentId) ?? -1;
    const list = groups.get(g);
    if (list) list.push(m);
    else groups.set(g, [m]);
  }
  return [...groups.values()].flatMap((g) => sameLemmaClusters(g, rules));
}
