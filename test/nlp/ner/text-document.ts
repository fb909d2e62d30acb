import { createDocument } from '../../../src/text/create-document.js';
import type { Document, Layers } from '../../../src/text/document.js';
import { createParagraphsStage } from '../../../src/text/paragraphs-stage.js';
import { createSentencesStage } from '../../../src/text/sentences-stage.js';
import { createTokensStage } from '../../../src/text/tokens-stage.js';

const withLayer = <N extends keyof Layers>(doc: Document, name: N, layer: Layers[N]): Document => ({
  ...doc,
  layers: { ...doc.layers, [name]: layer },
});

/** A document with just the text layers the tagger reads: paragraphs, tokens, sentences. */
export function textDocument(raw: string): Document {
  let doc = createDocument('ner-test', raw);
  doc = withLayer(doc, 'paragraphs', createParagraphsStage().run(doc));
  doc = withLayer(doc, 'tokens', createTokensStage().run(doc));
  return withLayer(doc, 'sentences', createSentencesStage().run(doc));
}
