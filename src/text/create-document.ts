import type { Document } from './document.js';
import { normalize } from './normalize.js';

/**
 * A fresh Document for one article body: normalized text, the map back to `raw`, no layers
 * and no messages yet. The pipeline adds layers; nothing changes this object in place.
 */
export function createDocument(id: string, raw: string): Document {
  const { text, rawOffsets } = normalize(raw);
  return Object.freeze({ id, text, rawOffsets, layers: Object.freeze({}), messages: Object.freeze([]) });
}
