import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { linkedEntities } from '../../src/claims/linked-entities.js';
import type { Span } from '../../src/text/document.js';

const spanArb = fc.tuple(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 60 })).map(([start, length]): Span => ({ start, end: start + length }));

// Entities in text order without overlaps, as the entities stage leaves them.
const entitiesArb = fc.array(fc.tuple(fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 12 })), { maxLength: 40 }).map((parts) => {
  let at = 0;
  return parts.map(([gap, length]): Span => {
    const start = at + gap;
    at = start + length;
    return { start, end: at };
  });
});

/** Links by entity index, in an order of their own (the actors layer's), some naming no entity. */
const linksArb = (count: number) =>
  fc.uniqueArray(fc.integer({ min: 0, max: count + 2 }), { maxLength: count + 3 }).map((order) => new Map(order.map((e) => [e, `actor-${e % 5}-${e}`] as const)));

/** Before the links were filed: a pass over every link for each span. */
function everyLink(entities: readonly Span[], links: ReadonlyMap<number, string>, span: Span): string[] {
  const out: string[] = [];
  for (const [e, link] of links) {
    const ent = entities[e];
    if (!ent || ent.start < span.start || ent.end > span.end) continue;
    out.push(link);
  }
  return out;
}

describe('linked entities within a span', () => {
  it('are the links a pass over every link finds, in the links order', () => {
    fc.assert(
      fc.property(
        entitiesArb.chain((entities) => fc.tuple(fc.constant(entities), linksArb(entities.length), fc.array(spanArb, { maxLength: 15 }))),
        ([entities, links, spans]) => {
          const linked = linkedEntities(entities, links);
          for (const span of spans) expect(linked.within(span)).toEqual(everyLink(entities, links, span));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('leave out an entity that reaches past the span', () => {
    // "Example Front" (10–23) inside a quote of 5–30; "Port Avalon" (28–39) runs past its end.
    const entities = [
      { start: 10, end: 23 },
      { start: 28, end: 39 },
    ];
    const linked = linkedEntities(entities, new Map([[1, 'gpe-avalon'], [0, 'org-front']]));
    expect(linked.within({ start: 5, end: 30 })).toEqual(['org-front']);
    expect(linked.within({ start: 5, end: 40 })).toEqual(['gpe-avalon', 'org-front']);
  });
});
