import type { Span } from '../text/document.js';
import { lowerBound } from '../text/lower-bound.js';

/**
 * The indexes of the tokens lying wholly inside one of the spans. The tokens are in text order
 * (a document view's sentences, one after another), so each span's tokens are found by
 * bisection: a pass over every token per span made a long article's cost grow as its square.
 */
export function tokensWithin(tokens: ReadonlyArray<Span & { readonly index: number }>, spans: readonly Span[]): Set<number> {
  const inside = new Set<number>();
  for (const span of spans) {
    const lo = lowerBound(tokens, (t) => t.start < span.start);
    // Tokens starting at or after the span's start; past its end none can lie inside it.
    for (let i = lo; i < tokens.length && tokens[i]!.start <= span.end; i++) if (tokens[i]!.end <= span.end) inside.add(tokens[i]!.index);
  }
  return inside;
}

/**
 * For each sentence (in text order, not overlapping), the indexes of the spans that overlap it,
 * in index order. Each span's sentences are found by bisection, so a per-sentence step reads its
 * own times or places instead of passing over the article's.
 */
export function spansBySentence(sentences: readonly Span[], spans: readonly Span[]): number[][] {
  const out: number[][] = sentences.map(() => []);
  spans.forEach((span, index) => {
    const lo = lowerBound(sentences, (s) => s.end <= span.start);
    for (let s = lo; s < sentences.length && sentences[s]!.start < span.end; s++) out[s]!.push(index);
  });
  return out;
}
