import type { Stage } from '../pipeline/stage.js';
import type { Document, Layers } from './document.js';
import { sentenceSpans } from './sentence-boundaries.js';

/** Sentence spans built from the paragraph and token layers; see sentence-boundaries.ts. */
export function createSentencesStage(): Stage<'sentences'> {
  const stage: Stage<'sentences'> = {
    name: 'sentences',
    // 2: a paragraph's dateline is a sentence of its own.
    version: '2',
    requires: ['paragraphs', 'tokens'],
    assigns: 'sentences',
    run(doc: Document): Layers['sentences'] {
      const { paragraphs, tokens } = doc.layers;
      // The pipeline checks the order when it is built, so this only fires on a hand-run stage.
      if (paragraphs === undefined || tokens === undefined) {
        throw new Error(`sentences: document "${doc.id}" lacks the paragraphs or tokens layer`);
      }
      return Object.freeze(sentenceSpans(doc.text, paragraphs, tokens));
    },
  };
  return Object.freeze(stage);
}
