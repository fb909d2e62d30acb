import type { Document, DocumentMeta } from './document.js';
import { normalize } from './normalize.js';

/**
 * A fresh Document for one article body: normalized text, the map back to `raw`, no layers
 * and no messages yet. The pipeline adds layers; nothing changes this object in place.
 */
export function createDocument(id: string, raw: string, meta: Partial<DocumentMeta> = {}): Document {
  const { text, rawOffsets } = normalize(raw);
  const fullMeta: DocumentMeta = Object.freeze({ published: null, title: '', outlet: null, ...meta });
  return Object.freeze({ id, meta: fullMeta, text, rawOffsets, layers: Object.freeze({}), messages: Object.freeze([]) });
}
