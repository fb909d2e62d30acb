import { quoteKnowledgeOf } from '../claims/quote-knowledge.js';
import { createQuotesStage, QUOTES_STAGE } from '../claims/quotes-stage.js';
import { createEventsStage, EVENTS_STAGE } from '../events/events-stage.js';
import type { Knowledge } from '../knowledge/knowledge.js';
import { ACTORS_STAGE, createActorsStage } from '../nlp/actors/resolve-actors.js';
import { createEntitiesStage, ENTITIES_STAGE } from '../nlp/entities/entities-stage.js';
import { createPlacesStage, PLACES_STAGE } from '../nlp/places/places-stage.js';
import { createSyntaxStage, SYNTAX_STAGE } from '../nlp/syntax/syntax-stage.js';
import { createParagraphsStage } from '../text/paragraphs-stage.js';
import { CASING_STAGE, createCasingStage } from '../text/casing.js';
import { createSentencesStage } from '../text/sentences-stage.js';
import { createTokensStage } from '../text/tokens-stage.js';
import { createTimesStage } from '../time/times-stage.js';
import { deferStage, type Stage } from './stage.js';

/**
 * Every analysis stage, in the order it runs. Order matters: each stage reads only layers
 * assigned above it, and createPipeline checks that when it is built. Without knowledge
 * only the text stages run (they need none); append new stages here. Knowledge given as a
 * function is asked for at the first article a stage runs on, not here: the pipeline's order
 * and stage versions are known without it.
 */
export function createStages(knowledge?: Knowledge | (() => Knowledge)): readonly Stage[] {
  const text: Stage[] = [
    createParagraphsStage(), // src/text/paragraphs-stage.ts
    createTokensStage(), // src/text/tokens-stage.ts
    createSentencesStage(), // src/text/sentences-stage.ts
  ];
  if (!knowledge) return Object.freeze(text);
  const k = typeof knowledge === 'function' ? knowledge : () => knowledge;
  return Object.freeze([
    ...text,
    deferStage(CASING_STAGE, () => createCasingStage(k().casing)), // src/text/casing.ts
    deferStage(SYNTAX_STAGE, () => createSyntaxStage(k().syntax)), // src/nlp/syntax/syntax-stage.ts
    deferStage(ENTITIES_STAGE, () => createEntitiesStage(k().entities)), // src/nlp/entities/entities-stage.ts
    deferStage(ACTORS_STAGE, () => createActorsStage(k().actors)), // src/nlp/actors/resolve-actors.ts
    deferStage(PLACES_STAGE, () => createPlacesStage(k().gazetteer)), // src/nlp/places/places-stage.ts
    createTimesStage(), // src/time/times-stage.ts
    deferStage(QUOTES_STAGE, () => createQuotesStage(quoteKnowledgeOf(k()))), // src/claims/quotes-stage.ts (quotes helper)
    deferStage(EVENTS_STAGE, () => createEventsStage(k().events)), // src/events/events-stage.ts (events helper)
  ]);
}
