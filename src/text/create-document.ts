import type { Document, DocumentMeta } from './document.js';
import { headlineText, withHeadline } from './headline.js';
import { normalize } from './normalize.js';

/**
 * A fresh Document for one article: the headline (meta.title) as the first paragraph, then
 * the normalized body, the map back to `raw`, no layers and no messages yet. The pipeline
 * adds layers; nothing changes this object in place.
 */
export function createDocument(id: string, raw: string, meta: Partial<DocumentMeta> = {}): Document {
  const fullMeta: DocumentMeta = Object.freeze({ published: null, title: '', outlet: null, ...meta });
  const { text, rawOffsets, bodyStart } = withHeadline(headlineText(fullMeta.title), normalize(raw));
  return Object.freeze({ id, meta: fullMeta, text, rawOffsets, bodyStart, layers: Object.freeze({}), messages: Object.freeze([]) });
}
