import type { Stage } from '../pipeline/stage.js';
import type { Document, Layers, Span } from '../text/document.js';
import { extractTimes } from './extract-times.js';

/**
 * The times layer: every temporal expression, normalized against the publication date
 * (doc.meta.published). Tense is read from the token layer within the sentence layer, so
 * the stage never re-tokenizes. Rules and anchoring are in extract-times.ts.
 */
export function createTimesStage(): Stage<'times'> {
  const stage: Stage<'times'> = {
    name: 'times',
    // 2: wire times with their zone ('0600 GMT'). 3: possessive weekdays, 'soon', 'overnight', the end of the year, sets of months and nights.
    version: '3',
    requires: ['tokens', 'sentences'],
    assigns: 'times',
    run(doc: Document): Layers['times'] {
      const { tokens, sentences } = doc.layers;
      // The pipeline checks the order when it is built, so this only fires on a hand-run stage.
      if (tokens === undefined || sentences === undefined) {
        throw new Error(`times: document "${doc.id}" lacks the tokens or sentences layer`);
      }
      const words = tokens.filter((t) => t.kind === 'word' || t.kind === 'number');
      const mentions = extractTimes(doc.text, doc.meta.published, { sentences: coverGaps(sentences, doc.text.length), tokens: words });
      return Object.freeze(mentions.sort((a, b) => a.start - b.start || a.end - b.end));
    },
  };
  return Object.freeze(stage);
}

// Sentence spans need not cover headings or blank lines; the gaps become spans of their own
// so that every offset falls in some span, in order.
function coverGaps(sentences: readonly Span[], length: number): Span[] {
  const spans: Span[] = [];
  let at = 0;
  for (const s of sentences) {
    if (s.start > at) spans.push({ start: at, end: s.start });
    spans.push({ start: s.start, end: s.end });
    at = Math.max(at, s.end);
  }
  if (at < length) spans.push({ start: at, end: length });
  return spans;
}


