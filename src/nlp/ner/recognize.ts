import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { textForModels } from '../../text/casing.js';
import type { Document, Span } from '../../text/document.js';
import { marginals, viterbi } from './decode.js';
import { sentenceFeaturePartsOf } from './features.js';
import { type NerType, toBio } from './labels.js';
import { decodeModel, type NerModel, partEmissionScores } from './model.js';
import { harmonizePersonNames } from './name-consistency.js';

export type { NerType } from './labels.js';
export type { NerModel } from './model.js';

/** The committed model, trained on CoNLL-2003 eng.train by scripts/train-ner.ts. */
export const MODEL_FILE = 'ner-conll.bin.gz';

export interface TaggedWord {
  readonly label: string;
  /** The label's marginal probability under the model's chain scores. */
  readonly confidence: number;
}

export type EntityMention = Span & { readonly type: NerType; readonly confidence: number };

let cached: NerModel | null = null;

/**
 * The committed model, loaded on first use and cached. Beside this module in the source
 * tree; from a build in dist/ it is read from the source tree next to it.
 */
export function loadNerModel(): NerModel {
  cached ??= loadNerModelFrom(modelPath());
  return cached;
}

export function loadNerModelFrom(path: string): NerModel {
  return decodeModel(readFileSync(path), path);
}

function modelPath(): string {
  const beside = fileURLToPath(new URL(`./model/${MODEL_FILE}`, import.meta.url));
  if (existsSync(beside)) return beside;
  return fileURLToPath(new URL(`../../../src/nlp/ner/model/${MODEL_FILE}`, import.meta.url));
}

/** BIO labels of one sentence, read without document context. */
export function tagWords(model: NerModel, words: readonly string[]): TaggedWord[] {
  return tagSentences(model, [words])[0] ?? [];
}

/**
 * BIO labels of every sentence of one document. Tag whole documents where possible: some
 * features read how a word is written elsewhere in the same document.
 */
export function tagSentences(model: NerModel, sentences: readonly (readonly string[])[]): TaggedWord[][] {
  // One sentence's features at a time: a long article's all at once were most of its memory.
  const featuresOf = sentenceFeaturePartsOf(sentences, model.resources);
  const n = model.labels.length;
  const bio = model.labels.map(toBio);
  const tagged = sentences.map((words, s) => {
    if (words.length === 0) return [];
    const parts = featuresOf(s);
    const chain = {
      emissions: partEmissionScores(model, parts),
      transitions: model.transitions,
      start: model.start,
      end: model.end,
      labels: n,
    };
    const best = viterbi(chain);
    const probability = marginals(chain, model.info.temperature);
    return Array.from(best, (y, t) => {
      // A BIO label's confidence sums the BILOU labels that read as it (B and U, I and L).
      const label = bio[y]!;
      let confidence = 0;
      for (let k = 0; k < n; k++) if (bio[k] === label) confidence += probability[t * n + k]!;
      return { label, confidence };
    });
  });
  return harmonizePersonNames(sentences, tagged);
}

/**
 * Entity mentions of a document from its tokens and sentences layers (built by the text
 * stages; nothing is re-tokenized). A mention's confidence is the mean of its tokens'.
 */
export function recognizeEntities(model: NerModel, doc: Document): EntityMention[] {
  const tokens = doc.layers.tokens;
  const sentences = doc.layers.sentences;
  if (tokens === undefined || sentences === undefined) {
    throw new Error(`recognizeEntities: document ${doc.id} lacks the tokens or sentences layer`);
  }
  const groups: Span[][] = [];
  let k = 0;
  for (const sentence of sentences) {
    while (k < tokens.length && tokens[k]!.start < sentence.start) k++;
    const group: Span[] = [];
    while (k < tokens.length && tokens[k]!.end <= sentence.end) group.push(tokens[k++]!);
    groups.push(group);
  }
  const text = textForModels(doc);
  const tagged = tagSentences(
    model,
    groups.map((group) => group.map((t) => text.slice(t.start, t.end))),
  );
  const out: EntityMention[] = [];
  groups.forEach((group, s) => {
    const labels = tagged[s]!;
    let t = 0;
    while (t < labels.length) {
      const label = labels[t]!.label;
      if (label === 'O') {
        t++;
        continue;
      }
      const type = label.slice(2) as NerType;
      let end = t + 1;
      while (end < labels.length && labels[end]!.label === `I-${type}`) end++;
      let sum = 0;
      for (let i = t; i < end; i++) sum += labels[i]!.confidence;
      out.push({ start: group[t]!.start, end: group[end - 1]!.end, type, confidence: sum / (end - t) });
      t = end;
    }
  });
  return out;
}
