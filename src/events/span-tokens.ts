import type { Span } from '../text/document.js';

/**
 * The indexes of the tokens lying wholly inside one of the spans. The tokens are in text order
 * (a document view's sentences, one after another), so each span's tokens are found by
 * bisection: a pass over every token per span made a long article's cost grow as its square.
 */
export function tokensWithin(tokens: ReadonlyArray<Span & { readonly index: number }>, spans: readonly Span[]): Set<number> {
  const inside = new Set<number>();
  for (const span of spans) {
    let lo = 0;
    let hi = tokens.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tokens[mid]!.start < span.start) lo = mid + 1;
      else hi = mid;
    }
    // Tokens starting at or after the span's start; past its end none can lie inside it.
    for (let i = lo; i < tokens.length && tokens[i]!.start <= span.end; i++) if (tokens[i]!.end <= span.end) inside.add(tokens[i]!.index);
  }
  return inside;
}
