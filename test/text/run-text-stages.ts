import { createPipeline } from '../../src/pipeline/pipeline.js';
import { createStages } from '../../src/pipeline/stages.js';
import { createDocument } from '../../src/text/create-document.js';
import type { Document, EntityType } from '../../src/text/document.js';

const pipeline = createPipeline(createStages());

/** A document for `raw` with the paragraph, token and sentence layers attached. */
export function runTextStages(raw: string, id = 'test'): Document {
  return pipeline.run(createDocument(id, raw));
}

/** The same for an article: its headline (`title`) and its body `raw`. */
export function runTextStagesOn(raw: string, title: string, id = 'test'): Document {
  return pipeline.run(createDocument(id, raw, { title }));
}

/** The text of each sentence of `raw`. */
export function sentencesOf(raw: string): string[] {
  const doc = runTextStages(raw);
  return (doc.layers.sentences ?? []).map((s) => doc.text.slice(s.start, s.end));
}

/** Text layers from the real stages; entities placed by hand at each listed surface, in order. */
export function withEntities(text: string, marks: ReadonlyArray<readonly [string, EntityType]>): Document {
  const doc = runTextStages(text);
  let from = 0;
  const entities = marks.map(([surface, type]) => {
    const start = doc.text.indexOf(surface, from);
    if (start < 0) throw new Error(`no "${surface}" after ${from}`);
    from = start + surface.length;
    return { start, end: start + surface.length, type, confidence: 0.9, source: 'model' as const };
  });
  return { ...doc, layers: { ...doc.layers, entities } };
}
