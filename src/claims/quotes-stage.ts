import type { Stage, StageHead } from '../pipeline/stage.js';
import type { Layers } from '../text/document.js';
import { findQuotes } from './find-quotes.js';
import type { QuoteKnowledge } from './quote-knowledge.js';

/**
 * The quotes layer: direct quotes, indirect speech, statements and posts, each with its
 * speaker resolved to an actor where the text allows. Without knowledge, speakers still
 * resolve through the actor links, but sectors (media outlets, armed groups) are unknown.
 */
export const QUOTES_STAGE: StageHead<'quotes'> = {
  name: 'quotes',
  version: '4',
  requires: ['tokens', 'sentences', 'paragraphs', 'syntax', 'entities', 'actors'],
  assigns: 'quotes',
};

export function createQuotesStage(k?: QuoteKnowledge): Stage<'quotes'> {
  return {
    ...QUOTES_STAGE,
    run: (doc): Layers['quotes'] => findQuotes(doc, k),
  };
}
