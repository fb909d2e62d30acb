import type { Stage } from '../pipeline/stage.js';
import type { Document, Layers } from './document.js';
import { tokenize } from './tokenize.js';

/**
 * The token layer over the whole text. Tokens never cross whitespace, so they never cross a
 * paragraph break and the stage needs no other layer. The algorithm is in tokenize.ts.
 */
export function createTokensStage(): Stage<'tokens'> {
  const stage: Stage<'tokens'> = {
    name: 'tokens',
    version: '1',
    requires: [],
    assigns: 'tokens',
    run(doc: Document): Layers['tokens'] {
      return Object.freeze(tokenize(doc.text));
    },
  };
  return Object.freeze(stage);
}
