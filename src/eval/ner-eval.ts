import { loadNerModel, tagSentences } from '../nlp/ner/recognize.js';
import { bioToSpans, readConll, type TokenSpan } from './conll.js';

/**
 * Scores Dossier's entity tagger on a CoNLL-2003 file the way conlleval does: an entity
 * counts only when its type and both token boundaries match the gold one exactly.
 */

export interface EntityScore {
  readonly type: string;
  readonly gold: number;
  readonly predicted: number;
  readonly correct: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

export interface EntityScores {
  /** Every type found in the gold or the predictions, CoNLL's four first. */
  readonly perType: readonly EntityScore[];
  /** Micro-average over the selected types ("micro"), and over every type ("all"). */
  readonly micro: EntityScore;
  readonly all: EntityScore;
}

export interface NerScores extends EntityScores {
  readonly types: readonly string[];
  readonly documents: number;
  readonly sentences: number;
  readonly words: number;
  /** Tagging time (features, scoring, decoding), model loading excluded. */
  readonly seconds: number;
  readonly loadSeconds: number;
}

export const CONLL_TYPES: readonly string[] = ['PER', 'LOC', 'ORG', 'MISC'];

function score(type: string, gold: number, predicted: number, correct: number): EntityScore {
  const precision = predicted === 0 ? 0 : correct / predicted;
  const recall = gold === 0 ? 0 : correct / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { type, gold, predicted, correct, precision, recall, f1 };
}

/**
 * Exact-match scores of predicted against gold entities, sentence by sentence (the two
 * arrays are parallel). `types` selects the types of the micro average.
 */
export function scoreEntities(
  gold: readonly (readonly TokenSpan[])[],
  predicted: readonly (readonly TokenSpan[])[],
  types: readonly string[] = CONLL_TYPES,
): EntityScores {
  if (gold.length !== predicted.length) throw new Error(`scoreEntities: ${gold.length} gold sentences, ${predicted.length} predicted`);
  const counts = new Map<string, { gold: number; predicted: number; correct: number }>();
  const count = (type: string) => {
    let c = counts.get(type);
    if (c === undefined) {
      c = { gold: 0, predicted: 0, correct: 0 };
      counts.set(type, c);
    }
    return c;
  };
  gold.forEach((goldSpans, s) => {
    const keys = new Set(goldSpans.map((e) => `${e.start}:${e.end}:${e.type}`));
    for (const e of goldSpans) count(e.type).gold++;
    for (const e of predicted[s]!) {
      const c = count(e.type);
      c.predicted++;
      if (keys.has(`${e.start}:${e.end}:${e.type}`)) c.correct++;
    }
  });
  const order = (t: string): number => (CONLL_TYPES.includes(t) ? CONLL_TYPES.indexOf(t) : CONLL_TYPES.length);
  const perType = [...counts.entries()]
    .sort(([a], [b]) => order(a) - order(b) || a.localeCompare(b))
    .map(([type, c]) => score(type, c.gold, c.predicted, c.correct));
  const sum = (name: string, selected: readonly EntityScore[]): EntityScore =>
    score(
      name,
      selected.reduce((n, e) => n + e.gold, 0),
      selected.reduce((n, e) => n + e.predicted, 0),
      selected.reduce((n, e) => n + e.correct, 0),
    );
  return {
    perType,
    micro: sum('micro', perType.filter((e) => types.includes(e.type))),
    all: sum('all', perType),
  };
}

export async function runNerEval(path: string, options: { types?: readonly string[] } = {}): Promise<NerScores> {
  const types = options.types ?? CONLL_TYPES;
  const documents = await readConll(path);
  const loadStarted = performance.now();
  const model = loadNerModel();
  const loadSeconds = (performance.now() - loadStarted) / 1000;
  const gold: TokenSpan[][] = [];
  const predicted: TokenSpan[][] = [];
  let words = 0;
  const started = performance.now();
  for (const doc of documents) {
    const tagged = tagSentences(
      model,
      doc.sentences.map((s) => s.words),
    );
    doc.sentences.forEach((sentence, s) => {
      words += sentence.words.length;
      gold.push([...sentence.entities]);
      predicted.push(bioToSpans(tagged[s]!.map((t) => t.label)));
    });
  }
  const seconds = (performance.now() - started) / 1000;
  return {
    ...scoreEntities(gold, predicted, types),
    types,
    documents: documents.length,
    sentences: gold.length,
    words,
    seconds,
    loadSeconds,
  };
}

const figure = (value: number): string => value.toFixed(4);
const pad = (text: string, width: number): string => text.padStart(width);

/** A table row per type, the two micro averages, throughput, then the summary line. */
export function formatNerEvalLines(scores: NerScores): string[] {
  const row = (e: EntityScore): string =>
    `${e.type.padEnd(6)} ${pad(String(e.gold), 6)} ${pad(String(e.predicted), 6)} ${pad(String(e.correct), 6)}` +
    `  ${figure(e.precision)}  ${figure(e.recall)}  ${figure(e.f1)}`;
  const rate = scores.seconds > 0 ? Math.round(scores.words / scores.seconds) : 0;
  return [
    `type     gold   pred   ok  precision  recall   f1`,
    ...scores.perType.map(row),
    row({ ...scores.micro, type: 'micro' }),
    row({ ...scores.all, type: 'all' }),
    `micro over ${scores.types.join(',')}; all over every type`,
    `${scores.documents} documents, ${scores.sentences} sentences, ${scores.words} words in ${scores.seconds.toFixed(2)} s` +
      ` (${rate} words/s); model loaded in ${scores.loadSeconds.toFixed(3)} s`,
    `eval ner f1=${figure(scores.micro.f1)} precision=${figure(scores.micro.precision)} recall=${figure(scores.micro.recall)}`,
  ];
}
