import type { Stage } from '../../pipeline/stage.js';
import type { Document, Layers } from '../../text/document.js';
import { analyzeWords } from './analyze-words.js';
import type { SyntaxModel } from './syntax-model.js';
import { tokenAnalyses, udWords } from './ud-words.js';

/**
 * A sentence longer than this is parsed in pieces: no real sentence is, and a text with no
 * sentence breaks (a table, a dump) must cost time in proportion to its length.
 */
const MAX_WORDS = 300;

type SyntaxEntry = Layers['syntax'][number];

/** Tags, lemmas and dependency trees for every sentence of the document, one entry per token. */
export function analyzeDocument(model: SyntaxModel, doc: Document): Layers['syntax'] {
  const tokens = doc.layers.tokens ?? [];
  const sentences = doc.layers.sentences ?? [];
  const out: SyntaxEntry[] = [];
  let t = 0;
  const run = (from: number, to: number): void => {
    for (let start = from; start < to; start += MAX_WORDS) analyzeRun(model, doc, tokens, start, Math.min(to, start + MAX_WORDS), out);
  };
  for (const s of sentences) {
    const from = t;
    while (t < tokens.length && tokens[t]!.start < s.end) t++;
    run(from, t);
  }
  run(t, tokens.length);
  return out;
}

function analyzeRun(model: SyntaxModel, doc: Document, tokens: NonNullable<Document['layers']['tokens']>, from: number, to: number, out: SyntaxEntry[]): void {
  if (to <= from) return;
  const slice = tokens.slice(from, to);
  const words = udWords(doc.text, slice);
  const analysis = analyzeWords(model, words.words);
  const folded = tokenAnalyses(doc.text, slice.length, words, analysis);
  folded.forEach((a, i) => {
    const token = slice[i]!;
    out.push({ start: token.start, end: token.end, upos: a.upos, tag: a.tag, lemma: a.lemma, head: a.head === -1 ? -1 : from + a.head, rel: a.rel });
  });
}

export function createSyntaxStage(model: SyntaxModel): Stage<'syntax'> {
  return { name: 'syntax', version: '1', requires: ['tokens', 'sentences'], assigns: 'syntax', run: (doc) => analyzeDocument(model, doc) };
}
