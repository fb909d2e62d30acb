import type { Span } from '../text/document.js';
import { lowerBound } from '../text/lower-bound.js';

/** The entities that have an actor link, found by where they lie in the text. */
export interface LinkedEntities<L> {
  /** The links of the entities lying wholly inside `span`, in the links' own order. */
  within(span: Span): L[];
}

interface Filed<L> extends Span {
  readonly link: L;
  /** Position of the link in the map: the order `within` answers in. */
  readonly rank: number;
}

/**
 * The linked entities filed by start offset, so that the actors named in a quote's content are
 * found by bisection: a pass over every link of the article for each quote made a long
 * article's quotes grow as the square of its length.
 */
export function linkedEntities<L>(entities: readonly Span[], links: ReadonlyMap<number, L>): LinkedEntities<L> {
  const filed: Filed<L>[] = [];
  let rank = 0;
  for (const [e, link] of links) {
    const entity = entities[e];
    if (entity) filed.push({ start: entity.start, end: entity.end, link, rank });
    rank++;
  }
  filed.sort((a, b) => a.start - b.start);
  return {
    within(span) {
      const found: Filed<L>[] = [];
      // Entities starting inside the span (an empty one at its very end included); those ending past it are not inside.
      for (let i = lowerBound(filed, (f) => f.start < span.start); i < filed.length && filed[i]!.start <= span.end; i++) {
        if (filed[i]!.end <= span.end) found.push(filed[i]!);
      }
      return found.sort((a, b) => a.rank - b.rank).map((f) => f.link);
    },
  };
}
