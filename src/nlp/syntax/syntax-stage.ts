import type { Stage, StageHead } from '../../pipeline/stage.js';
import { textForModels } from '../../text/casing.js';
import type { Document, Layers } from '../../text/document.js';
import { analyzeSentences } from './analyze-words.js';
import type { SyntaxModel } from './syntax-model.js';
import { tokenAnalyses, type UdWords, udWords } from './ud-words.js';

/**
 * A sentence longer than this is parsed in pieces: no real sentence is, and a text with no
 * sentence breaks (a table, a dump) must cost time in proportion to its length.
 */
const MAX_WORDS = 300;

/** Sentences analysed together: enough to keep each model's weights in the caches a while. */
const BATCH = 512;

type SyntaxEntry = Layers['syntax'][number];

/** Tags, lemmas and dependency trees for every sentence of the document, one entry per token. */
export function analyzeDocument(model: SyntaxModel, doc: Document): Layers['syntax'] {
  const tokens = doc.layers.tokens ?? [];
  const sentences = doc.layers.sentences ?? [];
  const text = textForModels(doc);
  const out: SyntaxEntry[] = [];
  let runs: Run[] = [];
  // Many sentences at once (see analyzeSentences), but a batch at a time: a 10 MB article's
  // words, codes and trees all held at once took hundreds of MiB beyond its layers.
  const analyzeRuns = (): void => {
    const analyses = analyzeSentences(
      model,
      runs.map((r) => r.words.words),
    );
    runs.forEach((run, k) => {
      const folded = tokenAnalyses(text, run.slice.length, run.words, analyses[k]!);
      for (let i = 0; i < folded.length; i++) {
        const a = folded[i]!;
        const token = run.slice[i]!;
        out.push({ start: token.start, end: token.end, upos: a.upos, tag: a.tag, lemma: a.lemma, head: a.head === -1 ? -1 : run.from + a.head, rel: a.rel });
      }
    });
    runs = [];
  };
  const add = (from: number, to: number): void => {
    for (let start = from; start < to; start += MAX_WORDS) {
      const end = Math.min(to, start + MAX_WORDS);
      const slice = tokens.slice(start, end);
      runs.push({ from: start, slice, words: udWords(text, slice) });
      if (runs.length >= BATCH) analyzeRuns();
    }
  };
  let t = 0;
  for (const s of sentences) {
    const from = t;
    while (t < tokens.length && tokens[t]!.start < s.end) t++;
    add(from, t);
  }
  add(t, tokens.length);
  analyzeRuns();
  return out;
}

/** A sentence (or a piece of a long one): its first token's index, its tokens, their UD words. */
interface Run {
  readonly from: number;
  readonly slice: NonNullable<Document['layers']['tokens']>;
  readonly words: UdWords;
}

export const SYNTAX_STAGE: StageHead<'syntax'> = { name: 'syntax', version: '6', requires: ['tokens', 'sentences', 'casing'], assigns: 'syntax' };

export function createSyntaxStage(model: SyntaxModel): Stage<'syntax'> {
  return { ...SYNTAX_STAGE, run: (doc) => analyzeDocument(model, doc) };
}
