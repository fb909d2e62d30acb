import { loadKnowledge } from '../../src/pipeline/load-knowledge.js';
import { createPipeline } from '../../src/pipeline/pipeline.js';
import { createStages } from '../../src/pipeline/stages.js';
import { createDocument } from '../../src/text/create-document.js';
import type { Document, EventAttrs, EventParticipant, Span } from '../../src/text/document.js';

let pipeline: ReturnType<typeof createPipeline> | null = null;

/** The whole pipeline (with events) on a text of our own, published on `published`: the body, with no headline before it. */
export function analyzeText(text: string, published = '2020-05-05'): Document {
  pipeline ??= createPipeline(createStages(loadKnowledge()));
  return pipeline.run(createDocument('events-test', text, { published, title: '', outlet: 'Example Wire' }));
}

export type Event = Span & EventAttrs;

export function eventsOf(doc: Document): readonly Event[] {
  return doc.layers.events ?? [];
}

/** The event whose trigger text is `word` (case-insensitive, whole trigger or its first word). */
export function eventAt(doc: Document, word: string): Event | undefined {
  return eventsOf(doc).find((e) => {
    const t = doc.text.slice(e.trigger.start, e.trigger.end).toLowerCase();
    return t === word.toLowerCase() || t.split(/\s+/)[0] === word.toLowerCase();
  });
}

export const codes = (ps: readonly EventParticipant[]): Array<string | null> => ps.map((p) => p.cameo);
export const names = (ps: readonly EventParticipant[]): string[] => ps.map((p) => p.name);

export function placeName(doc: Document, e: Event): string | null {
  return e.place ? (doc.layers.places?.[e.place.placeIndex]?.name ?? null) : null;
}
