import { type SyntaxTree, treeOf } from '../nlp/syntax/tree.js';
import type { ActorLinkAttrs, Document, EntityAttrs, Span } from '../text/document.js';
import { findQuotedSpans, type QuotedSpan } from '../text/quote-marks.js';
import { type LinkedEntities, linkedEntities } from './linked-entities.js';

/** One token with everything the quote finder asks of it, precomputed once per document. */
export interface ClaimToken extends Span {
  readonly norm: string;
  readonly kind: 'word' | 'number' | 'punct' | 'symbol';
  readonly tag: string;
  /** Lemma from the syntax layer ("said" → "say"); the lower-cased word when the document has none. */
  readonly lemma: string;
  /** Index into the entities layer of the mention covering the token, or -1. */
  readonly entity: number;
  /** Index into `quoted` when the token is quoted content, or -1. */
  readonly quote: number;
  /** A quotation mark that opens or closes a quoted span. */
  readonly mark: boolean;
  /** Index into `quoted` of the span covering the token, marks included, or -1. */
  readonly within: number;
  readonly sentence: number;
  readonly paragraph: number;
}

export interface ClaimText {
  readonly doc: Document;
  readonly tokens: readonly ClaimToken[];
  readonly quoted: readonly QuotedSpan[];
  readonly entities: ReadonlyArray<Span & EntityAttrs>;
  /** The actor link of an entity, by entity index. */
  readonly links: ReadonlyMap<number, Span & ActorLinkAttrs>;
  /** The same links, found by where their entities lie. */
  readonly linked: LinkedEntities<Span & ActorLinkAttrs>;
  readonly sentences: ReadonlyArray<Span & { readonly paragraph: number }>;
  /** Token index range [first, end) of each sentence. */
  readonly sentenceTokens: ReadonlyArray<readonly [number, number]>;
  readonly headingParagraphs: ReadonlySet<number>;
  /** The dependency trees of the syntax layer, or null when the document has none (old heuristics only). */
  readonly tree: SyntaxTree | null;
}

export function buildClaimText(doc: Document): ClaimText {
  const tokens = doc.layers.tokens ?? [];
  const pos = doc.layers.syntax ?? [];
  const sentences = doc.layers.sentences ?? [];
  const paragraphs = doc.layers.paragraphs ?? [];
  const entities = doc.layers.entities ?? [];
  const links = new Map<number, Span & ActorLinkAttrs>();
  for (const l of doc.layers.actors ?? []) if (!links.has(l.entity)) links.set(l.entity, l);
  const quoted = findQuotedSpans(doc.text, paragraphs);

  const out: ClaimToken[] = [];
  const sentenceTokens: Array<[number, number]> = sentences.map(() => [0, 0]);
  let e = 0;
  let q = 0;
  let s = 0;
  for (const [i, t] of tokens.entries()) {
    while (e < entities.length && entities[e]!.end <= t.start) e++;
    while (q < quoted.length && quoted[q]!.end <= t.start) q++;
    while (s < sentences.length - 1 && sentences[s]!.end <= t.start) s++;
    const ent = entities[e];
    const quote = quoted[q];
    const inQuote = quote !== undefined && t.start >= quote.content.start && t.end <= quote.content.end;
    const isMark = quote !== undefined && (t.start === quote.start || (quote.closed && t.end === quote.end));
    out.push({
      start: t.start,
      end: t.end,
      norm: t.norm,
      kind: t.kind,
      tag: pos[i]?.tag ?? '',
      lemma: pos[i]?.lemma ?? t.norm,
      entity: ent && t.start >= ent.start && t.end <= ent.end ? e : -1,
      quote: inQuote ? q : -1,
      mark: isMark,
      within: quote !== undefined && t.start >= quote.start && t.end <= quote.end ? q : -1,
      sentence: s,
      paragraph: sentences[s]?.paragraph ?? 0,
    });
    const range = sentenceTokens[s];
    if (range) {
      if (range[1] === 0) range[0] = i;
      range[1] = i + 1;
    }
  }
  const headingParagraphs = new Set<number>();
  for (const [i, p] of paragraphs.entries()) if (p.kind === 'heading') headingParagraphs.add(i);
  // A layer out of step with the tokens (a test's hand-made document) is no tree to trust.
  const tree = pos.length > 0 && pos.length === tokens.length ? treeOf(pos) : null;
  return { doc, tokens: out, quoted, entities, links, linked: linkedEntities(entities, links), sentences, sentenceTokens, headingParagraphs, tree };
}

/** The text of tokens [from, to). */
export function tokensText(ct: ClaimText, from: number, to: number): string {
  const a = ct.tokens[from];
  const b = ct.tokens[to - 1];
  return a && b ? ct.doc.text.slice(a.start, b.end) : '';
}
