import type { Stage } from '../pipeline/stage.js';
import type { Document, Layers, ParagraphKind, Span } from './document.js';

/**
 * Paragraph spans of the normalized text, which separates paragraphs by "\n\n" (see
 * normalize.ts). Texts built by hand may use longer runs of newlines; any run of two or
 * more ends a paragraph, and spans never include the surrounding whitespace. The headline
 * is a paragraph like any other, always of kind 'heading' (version 2: the text holds it).
 */
export function createParagraphsStage(): Stage<'paragraphs'> {
  const stage: Stage<'paragraphs'> = {
    name: 'paragraphs',
    version: '2',
    requires: [],
    assigns: 'paragraphs',
    run(doc: Document): Layers['paragraphs'] {
      const spans = paragraphSpans(doc.text);
      return Object.freeze(
        spans.map((span, i) =>
          Object.freeze({
            ...span,
            // A headline ending in "?" or running long is still the headline, not body text.
            kind: inHeadline(doc, span) ? 'heading' : paragraphKind(doc.text.slice(span.start, span.end), i + 1 < spans.length),
          }),
        ),
      );
    },
  };
  return Object.freeze(stage);
}

function inHeadline(doc: Pick<Document, 'bodyStart'>, span: Span): boolean {
  return span.end <= doc.bodyStart;
}

export function paragraphSpans(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    const run = paragraphBreakLength(text, i);
    if (run === 0) continue;
    pushTrimmed(text, start, i, spans);
    start = i + run;
    i = start - 1;
  }
  pushTrimmed(text, start, text.length, spans);
  return spans;
}

/** Length of the paragraph break at `i`: two or more "\n", spaces between allowed; else 0. */
function paragraphBreakLength(text: string, i: number): number {
  let newlines = 0;
  let j = i;
  for (; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === 10) newlines++;
    else if (c !== 32 && c !== 9) break;
  }
  return newlines >= 2 ? j - i : 0;
}

function pushTrimmed(text: string, start: number, end: number, into: Span[]): void {
  let s = start;
  let e = end;
  while (s < e && isSpace(text.charCodeAt(s))) s++;
  while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
  if (e > s) into.push({ start: s, end: e });
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9;
}

/** Headlines in the seed digest run to 100 chars; a body paragraph that short is rare. */
const HEADING_MAX_LENGTH = 120;

/**
 * 'heading' for a short paragraph that starts like a title, does not end like a sentence
 * and has a paragraph after it ("Example Wire Opens Office in Rowan Bay" above the body);
 * 'body' otherwise. A paragraph ending in ":" or "," introduces what follows, so is body.
 */
export function paragraphKind(paragraph: string, hasNext: boolean): ParagraphKind {
  if (!hasNext || paragraph.length === 0 || paragraph.length > HEADING_MAX_LENGTH) return 'body';
  const first = paragraph[0]!;
  if (first !== first.toUpperCase()) return 'body';
  // "“We stay,” he said": a quote with its attribution is a sentence that lost its period.
  if (paragraph.includes(',”') || paragraph.includes(',"')) return 'body';
  let last = paragraph.length - 1;
  // "Buying Punishment for “Offenders”": a closing quote or bracket hides the real last char.
  while (last > 0 && '”’"\')]»'.includes(paragraph[last]!)) last--;
  return '.!?…:;,'.includes(paragraph[last]!) ? 'body' : 'heading';
}
