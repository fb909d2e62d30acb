import { type SyntaxTree, treeOf } from '../nlp/syntax/tree.js';
import type { Document, Span } from '../text/document.js';
import { type SpanBlocks, spanBlocks } from '../text/span-blocks.js';
import { spansBySentence } from './span-tokens.js';

/**
 * The layers the event stage reads, re-indexed by token: one sentence's tokens with their
 * tags, and which entity, place and time each token belongs to. Everything downstream works
 * in token indexes (global to the document), never in character offsets.
 */

export interface Token {
  readonly index: number;
  readonly start: number;
  readonly end: number;
  readonly norm: string;
  readonly tag: string;
  /** Index into the entities layer of the entity covering the token, or -1. */
  readonly entity: number;
}

export interface SentenceView {
  readonly index: number;
  readonly paragraph: number;
  readonly span: Span;
  readonly tokens: readonly Token[];
  /** Indexes of the times layer's mentions that overlap the sentence, in order. */
  readonly times: readonly number[];
  /** Indexes of the places layer's places that overlap the sentence, in order. */
  readonly places: readonly number[];
}

export interface DocumentView {
  readonly doc: Document;
  readonly sentences: readonly SentenceView[];
  /** Entity index → [first token, last token + 1] (global token indexes). */
  readonly entityTokens: ReadonlyMap<number, readonly [number, number]>;
  /** Entity index → place index, for entities the places layer resolved. */
  readonly placeOfEntity: ReadonlyMap<number, number>;
  /** Token index → token. */
  readonly token: (index: number) => Token | undefined;
  /** The dependency trees of the syntax layer, or null when the document has none in step with its tokens. */
  readonly tree: SyntaxTree | null;
  /** Entity indexes the actors layer links to an actor. */
  readonly linkedEntities: ReadonlySet<number>;
  /** Entity index → the indexes of the actors layer's links of it, in order. */
  readonly actorsOfEntity: ReadonlyMap<number, readonly number[]>;
  /** Entity indexes of places resolved to a whole country. */
  readonly countryEntities: ReadonlySet<number>;
  /** The quotes layer's contents filed by block, to find a quote around a word without a pass over all. */
  readonly quoteContents: SpanBlocks;
}

function coveringIndex(spans: ReadonlyArray<Span>, start: number, end: number): number {
  // Layers are sorted by start; a token lies in at most one entity.
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = spans[mid]!;
    if (s.end <= start) lo = mid + 1;
    else if (s.start >= end) hi = mid - 1;
    else return mid;
  }
  return -1;
}

export function buildDocumentView(doc: Document): DocumentView {
  const tokens = doc.layers.tokens ?? [];
  const pos = doc.layers.syntax ?? [];
  const entities = doc.layers.entities ?? [];
  const all: Token[] = tokens.map((t, i) => ({
    index: i,
    start: t.start,
    end: t.end,
    norm: t.norm,
    tag: pos[i]?.tag ?? 'NN',
    entity: coveringIndex(entities, t.start, t.end),
  }));
  const entityTokens = new Map<number, [number, number]>();
  for (const t of all) {
    if (t.entity < 0) continue;
    const range = entityTokens.get(t.entity);
    if (range) range[1] = t.index + 1;
    else entityTokens.set(t.entity, [t.index, t.index + 1]);
  }
  const placeOfEntity = new Map<number, number>();
  (doc.layers.places ?? []).forEach((p, i) => {
    if (p.entity !== null) placeOfEntity.set(p.entity, i);
  });
  const sentences: SentenceView[] = [];
  let t = 0;
  // Worked out once for the document: a pass over its times or places per sentence was quadratic.
  const layerSentences = doc.layers.sentences ?? [];
  const timesOf = spansBySentence(layerSentences, doc.layers.times ?? []);
  const placesOf = spansBySentence(layerSentences, doc.layers.places ?? []);
  layerSentences.forEach((s, index) => {
    while (t < all.length && all[t]!.end <= s.start) t++;
    const from = t;
    while (t < all.length && all[t]!.start < s.end) t++;
    sentences.push({ index, paragraph: s.paragraph, span: { start: s.start, end: s.end }, tokens: all.slice(from, t), times: timesOf[index]!, places: placesOf[index]! });
  });
  const tree = pos.length > 0 && pos.length === tokens.length ? treeOf(pos) : null;
  const linkedEntities = new Set((doc.layers.actors ?? []).map((a) => a.entity));
  const actorsOfEntity = new Map<number, number[]>();
  (doc.layers.actors ?? []).forEach((a, i) => {
    const links = actorsOfEntity.get(a.entity);
    if (links) links.push(i);
    else actorsOfEntity.set(a.entity, [i]);
  });
  const countryEntities = new Set((doc.layers.places ?? []).flatMap((p) => (p.entity !== null && p.precision === 'country' ? [p.entity] : [])));
  const quoteContents = spanBlocks((doc.layers.quotes ?? []).map((q) => q.content));
  return { doc, sentences, entityTokens, placeOfEntity, token: (i) => all[i], tree, linkedEntities, actorsOfEntity, countryEntities, quoteContents };
}

export const isVerbTag = (tag: string): boolean => tag.startsWith('VB') || tag === 'MD';
export const isNounTag = (tag: string): boolean => tag.startsWith('NN');
