import { type TextBlock, textBlocks } from '../block-text.js';
import type { DomDocument, DomElement } from '../dom-types.js';
import { parseHtmlDocument } from '../html-dom.js';
import { htmlToText } from '../html-text.js';
import { articleNode, jsonLdNodes, stringField } from '../json-ld.js';
import { canonicalUrl, hostOf } from '../page-url.js';
import { stripNoise } from './01-strip-noise.js';
import { readabilityContent } from './02-readability.js';
import { pruneContent } from './03-prune-content.js';
import { dropBoilerplate } from './04-drop-boilerplate.js';
import { densestBlock } from './05-densest-block.js';

/**
 * The article body of a page as paragraphs. The recipe:
 * 1. strip page furniture (nav, ads, captions, share bars...) from the document;
 * 2. let Readability pick and clean the article container;
 * 3. prune lists of links to the site's other pages from it;
 * 4. drop boilerplate paragraphs ("Advertisement", "Follow us on Twitter", bylines).
 * When that yields less than a short article, the JSON-LD articleBody and the densest block
 * of text (5) are tried as well, and the longest result wins.
 */

export type ExtractionMethod = 'readability' | 'json-ld' | 'densest-block';

export interface MainText {
  readonly blocks: readonly TextBlock[];
  readonly method: ExtractionMethod;
}

// Below this many characters a result is more likely a teaser or a caption than the story.
const ENOUGH_TEXT = 250;

/** `document`, when given, is the parsed `html`; it is changed, so read metadata from it first. */
export function extractMainText(html: string, document: DomDocument = parseHtmlDocument(html)): MainText {
  const pageUrl = canonicalUrl(document);
  const jsonLdBody = stringField(articleNode(jsonLdNodes(document)), 'articleBody');
  stripNoise(document);
  const first: MainText = { blocks: viaReadability(document, pageUrl), method: 'readability' };
  if (length(first) >= ENOUGH_TEXT) return first;

  const candidates: MainText[] = [first];
  if (jsonLdBody !== null) candidates.push({ blocks: plainBlocks(htmlToText(jsonLdBody)), method: 'json-ld' });
  const fresh = parseHtmlDocument(html);
  stripNoise(fresh);
  const densest = fresh.body === null ? null : densestBlock(fresh.body);
  if (densest !== null) candidates.push({ blocks: cleaned(densest, pageUrl), method: 'densest-block' });
  return candidates.reduce((best, candidate) => (length(candidate) > length(best) ? candidate : best));
}

/** The article body of a whole HTML page, paragraphs joined by "\n\n" ("" when none is found). */
export function extractArticleText(html: string): string {
  return extractMainText(html)
    .blocks.map((block) => block.text)
    .join('\n\n');
}

function viaReadability(document: DomDocument, pageUrl: string | null): TextBlock[] {
  const content = readabilityContent(document);
  return content === null ? [] : cleaned(content, pageUrl);
}

function cleaned(content: DomElement, pageUrl: string | null): TextBlock[] {
  pruneContent(content, hostOf(pageUrl));
  return dropBoilerplate(textBlocks(content), pageUrl);
}

function plainBlocks(text: string): TextBlock[] {
  return text
    .split('\n\n')
    .filter((paragraph) => paragraph !== '')
    .map((paragraph) => ({ text: paragraph, heading: false }));
}

function length(text: MainText): number {
  return text.blocks.reduce((sum, block) => sum + block.text.length, 0);
}
