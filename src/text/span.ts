import type { Document, Span } from './document.js';

export function spanText(doc: Pick<Document, 'text'>, span: Span): string {
  return doc.text.slice(span.start, span.end);
}

/** Offset in the reader's raw text of a normalized offset (end offsets map to ends). */
export function toRaw(doc: Pick<Document, 'rawOffsets'>, offset: number): number {
  const i = Math.max(0, Math.min(offset, doc.rawOffsets.length - 1));
  return doc.rawOffsets[i]!;
}
