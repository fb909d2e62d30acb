import { createParagraphsStage } from '../text/paragraphs-stage.js';
import { createSentencesStage } from '../text/sentences-stage.js';
import { createTokensStage } from '../text/tokens-stage.js';
import type { Stage } from './stage.js';

/**
 * Every analysis stage, in the order it runs. Order matters: each stage reads only layers
 * assigned above it, and createPipeline checks that when it is built. Append new stages here.
 */
export function createStages(): readonly Stage[] {
  return Object.freeze([
    createParagraphsStage(), // src/text/paragraphs-stage.ts
    createTokensStage(), // src/text/tokens-stage.ts
    createSentencesStage(), // src/text/sentences-stage.ts
  ]);
}
