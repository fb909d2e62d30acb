import { loadCasingWords } from '../knowledge/casing-words.js';
import { analyzeWords } from '../nlp/syntax/analyze-words.js';
import { loadSyntaxModel } from '../nlp/syntax/syntax-model.js';
import { createSyntaxStage } from '../nlp/syntax/syntax-stage.js';
import { createPipeline } from '../pipeline/pipeline.js';
import { createStages } from '../pipeline/stages.js';
import { createCasingStage } from '../text/casing.js';
import { createDocument } from '../text/create-document.js';
import type { ParseSystem } from './parse-eval.js';

/**
 * Dossier's tagger, lemmatizer and parser as `eval parse` runs them: on given words, and on
 * running text through the text stages (paragraphs, tokens, sentences) and the syntax stage,
 * exactly as an ingested article goes. The only eval module that loads the model.
 */
export function loadParseSystem(): ParseSystem {
  const model = loadSyntaxModel();
  // The text stages (no knowledge given); should they ever include casing or syntax, the ones here win.
  const text = createStages().filter((stage) => stage.assigns !== 'syntax' && stage.assigns !== 'casing');
  const pipeline = createPipeline([...text, createCasingStage(loadCasingWords()), createSyntaxStage(model)]);
  return {
    analyzeWords: (words) => analyzeWords(model, words),
    analyzeText: (id, raw) => pipeline.run(createDocument(id, raw)),
  };
}
