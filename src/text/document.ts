/**
 * The Document: one normalized text and stand-off layers of spans into it. Spans never
 * copy text; `spanText` in span.ts turns a span into text, `toRaw` maps an offset back to
 * the reader's raw text, and the article's SourceRuns map raw offsets to source bytes.
 */

export interface Span {
  readonly start: number;
  readonly end: number;
}

export type Layer<T = object> = ReadonlyArray<Span & Readonly<T>>;

export type ParagraphKind = 'body' | 'heading' | 'bio';

export interface TokenAttrs {
  /** Lower-cased, quotes/dashes unified: for lookups, never for display. */
  readonly norm: string;
  /** Coarse shape class used by later stages: word, number, punct, symbol. */
  readonly kind: 'word' | 'number' | 'punct' | 'symbol';
}

/** Layers known to Dossier, each owned by exactly one stage. */
export interface Layers {
  readonly paragraphs: Layer<{ readonly kind: ParagraphKind }>;
  readonly tokens: Layer<TokenAttrs>;
  readonly sentences: Layer<{ readonly paragraph: number }>;
}

export type LayerName = keyof Layers;

/** A non-fatal observation with a place and a reason (vfile-style), never printed by stages. */
export interface DocumentMessage {
  readonly span: Span | null;
  readonly stage: string;
  readonly ruleId: string;
  readonly reason: string;
}

export interface NormalizedText {
  readonly text: string;
  /** rawOffsets[i] = offset in the raw text of normalized char i; length text.length + 1. */
  readonly rawOffsets: Int32Array;
}

export interface Document {
  readonly id: string;
  readonly text: string;
  readonly rawOffsets: Int32Array;
  readonly layers: Partial<Layers>;
  readonly messages: readonly DocumentMessage[];
}
