import { blockText } from './block-text.js';
import { parseHtmlFragment } from './html-dom.js';
import { BLOCK_ELEMENTS, CELL_ELEMENTS, INLINE_ELEMENTS, NON_TEXT_ELEMENTS } from './html-elements.js';

/**
 * Plain text of an HTML fragment, such as a feed item's description: scripts, styles and
 * embedded media dropped, each block (p, div, li, h1-h6, blockquote, br, tr...) a paragraph,
 * paragraphs separated by "\n\n", character references decoded. The result never holds
 * markup.
 */

const TAG_START = /<[A-Za-z!/?]/;
// A whole tag of a known element once references are decoded: "<p>", "</div>", "<a href='x'>",
// "<br/>". Only HTML's own names count: "<The Palace: Tale of Jang Noksu>" is a show's title.
const TAG_NAMES = [...BLOCK_ELEMENTS, ...NON_TEXT_ELEMENTS, ...CELL_ELEMENTS, ...INLINE_ELEMENTS].join('|');
const DECODED_TAG = new RegExp(`<\\/?(?:${TAG_NAMES})(?:\\s[^<>]*)?\\/?>`, 'i');
const DECODED_TAGS = new RegExp(DECODED_TAG.source, 'gi');
// Feeds escape their HTML twice ("&amp;lt;p&amp;gt;"), rarely three times; past that, tags are cut.
const MAX_PASSES = 3;

export function htmlToText(html: string): string {
  return withoutDecodedMarkup(TAG_START.test(html) ? blockText(parseHtmlFragment(html)) : plainParagraphs(html));
}

/**
 * Text taken out of markup can still hold markup once its references are decoded: a page
 * that escaped its HTML twice shows "<p>" as text. That is parsed again, and whatever still
 * looks like a tag after a few rounds is cut.
 */
export function withoutDecodedMarkup(text: string): string {
  let out = text;
  for (let pass = 1; pass < MAX_PASSES && DECODED_TAG.test(out); pass++) out = reparse(out);
  return DECODED_TAG.test(out) ? plainParagraphs(out.replace(DECODED_TAGS, ' ')) : out;
}

// Each paragraph on its own, so that "\n\n" between them survives the second parse.
function reparse(text: string): string {
  return text
    .split('\n\n')
    .map((paragraph) => (DECODED_TAG.test(paragraph) ? blockText(parseHtmlFragment(paragraph)) : paragraph))
    .filter((paragraph) => paragraph !== '')
    .join('\n\n');
}

// "First line\n\nSecond &amp; last": no tags, so the blank lines are the only structure.
function plainParagraphs(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => (paragraph.includes('&') ? blockText(parseHtmlFragment(paragraph)) : paragraph))
    .map((paragraph) => paragraph.replace(/\s+/g, ' ').trim())
    .filter((paragraph) => paragraph !== '')
    .join('\n\n');
}
