import { findQuotes } from '../../src/claims/find-quotes.js';
import { quoteKnowledgeOf } from '../../src/claims/quote-knowledge.js';
import type { Knowledge } from '../../src/knowledge/knowledge.js';
import { loadKnowledge } from '../../src/pipeline/load-knowledge.js';
import { createPipeline, type Pipeline } from '../../src/pipeline/pipeline.js';
import { createStages } from '../../src/pipeline/stages.js';
import { createDocument } from '../../src/text/create-document.js';
import type { Document, QuoteAttrs, QuoteKind, Span } from '../../src/text/document.js';

/** A quote as tests read it: the words of each field rather than offsets. */
export interface QuoteView {
  readonly kind: QuoteKind;
  readonly content: string;
  readonly cue: string | null;
  readonly speaker: string | null;
  readonly speakerName: string | null;
  readonly speakerActorId: string | null;
  readonly role: string | null;
  readonly via: string | null;
  readonly viaActorId: string | null;
  readonly topics: readonly string[];
  readonly confidence: number;
  readonly reason: string;
}

let loaded: { knowledge: Knowledge; pipeline: Pipeline } | null = null;

/** The knowledge and the analysis stages, loaded once per test file. */
function setup(): { knowledge: Knowledge; pipeline: Pipeline } {
  if (!loaded) {
    const knowledge = loadKnowledge();
    loaded = { knowledge, pipeline: createPipeline(createStages(knowledge)) };
  }
  return loaded;
}

/** The pipeline on a text of our own: the body, with no headline before it. */
export function analyzeText(text: string): Document {
  return setup().pipeline.run(createDocument('test', text, { published: '2020-05-05', title: '', outlet: 'Example Wire' }));
}

export function viewQuotes(doc: Document, quotes: ReadonlyArray<Span & QuoteAttrs>): QuoteView[] {
  const words = (s: Span | null) => (s ? doc.text.slice(s.start, s.end) : null);
  return quotes.map((q) => ({
    kind: q.kind,
    content: doc.text.slice(q.content.start, q.content.end),
    cue: words(q.cue),
    speaker: words(q.speaker),
    speakerName: q.speakerName,
    speakerActorId: q.speakerActorId,
    role: q.speakerRole,
    via: q.via?.name ?? null,
    viaActorId: q.via?.actorId ?? null,
    topics: q.topicActorIds,
    confidence: q.confidence,
    reason: q.reason,
  }));
}

/** The quotes the finder makes of `text`, after the full analysis pipeline. */
export function quotesOf(text: string): QuoteView[] {
  const doc = analyzeText(text);
  return viewQuotes(doc, findQuotes(doc, quoteKnowledgeOf(setup().knowledge)));
}
