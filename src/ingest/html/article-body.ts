import type { TextBlock } from './block-text.js';
import { withoutDecodedMarkup } from './html-text.js';

/** The body as stored: paragraphs joined by "\n\n", and where its subheadings sit. */
export interface ArticleBody {
  readonly text: string;
  readonly headings: ReadonlyArray<{ readonly start: number; readonly end: number }>;
}

/**
 * Joins extracted blocks into the article's text. The headline is left out when the
 * extractor kept it as the first block, as Readability sometimes does; it is the title,
 * not the body. Headings after the first block are recorded as [start, end) offsets.
 */
export function articleBody(blocks: readonly TextBlock[], title: string | null): ArticleBody {
  const kept = blocks
    .map((block) => ({ text: withoutDecodedMarkup(block.text), heading: block.heading }))
    .filter((block) => block.text !== '');
  if (title !== null && kept[0]?.text === title) kept.shift();
  let text = '';
  const headings: Array<{ start: number; end: number }> = [];
  for (const block of kept) {
    if (text !== '') text += '\n\n';
    if (block.heading) headings.push({ start: text.length, end: text.length + block.text.length });
    text += block.text;
  }
  return { text, headings };
}
