import { quoteKnowledgeOf } from '../claims/quote-knowledge.js';
import { createQuotesStage } from '../claims/quotes-stage.js';
import { createEventsStage } from '../events/events-stage.js';
import type { Knowledge } from '../knowledge/knowledge.js';
import { createActorsStage } from '../nlp/actors/resolve-actors.js';
import { createEntitiesStage } from '../nlp/entities/entities-stage.js';
import { createPlacesStage } from '../nlp/places/places-stage.js';
import { createSyntaxStage } from '../nlp/syntax/syntax-stage.js';
import { createParagraphsStage } from '../text/paragraphs-stage.js';
import { createSentencesStage } from '../text/sentences-stage.js';
import { createTokensStage } from '../text/tokens-stage.js';
import { createTimesStage } from '../time/times-stage.js';
import type { Stage } from './stage.js';

/**
 * Every analysis stage, in the order it runs. Order matters: each stage reads only layers
 * assigned above it, and createPipeline checks that when it is built. Without knowledge
 * only the text stages run (they need none); append new stages here.
 */
export function createStages(knowledge?: Knowledge): readonly Stage[] {
  const text: Stage[] = [
    createParagraphsStage(), // src/text/paragraphs-stage.ts
    createTokensStage(), // src/text/tokens-stage.ts
    createSentencesStage(), // src/text/sentences-stage.ts
  ];
  if (!knowledge) return Object.freeze(text);
  return Object.freeze([
    ...text,
    createSyntaxStage(knowledge.syntax), // src/nlp/syntax/syntax-stage.ts
    createEntitiesStage(knowledge.entities), // src/nlp/entities/entities-stage.ts
    createActorsStage(knowledge.actors), // src/nlp/actors/resolve-actors.ts
    createPlacesStage(knowledge.gazetteer), // src/nlp/places/places-stage.ts
    createTimesStage(), // src/time/times-stage.ts
    createQuotesStage(quoteKnowledgeOf(knowledge)), // src/claims/quotes-stage.ts (quotes helper)
    createEventsStage(knowledge.events), // src/events/events-stage.ts (events helper)
  ]);
}
