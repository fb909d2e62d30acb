import { createPipeline } from '../../src/pipeline/pipeline.js';
import { createStages } from '../../src/pipeline/stages.js';
import { createDocument } from '../../src/text/create-document.js';
import type { Document } from '../../src/text/document.js';

const pipeline = createPipeline(createStages());

/** A document for `raw` with the paragraph, token and sentence layers attached. */
export function runTextStages(raw: string, id = 'test'): Document {
  return pipeline.run(createDocument(id, raw));
}

/** The text of each sentence of `raw`. */
export function sentencesOf(raw: string): string[] {
  const doc = runTextStages(raw);
  return (doc.layers.sentences ?? []).map((s) => doc.text.slice(s.start, s.end));
}
