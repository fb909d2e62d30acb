import { InputError } from '../../errors.js';
import type { RawArticle, ReadMessage, ReadResult } from '../raw-article.js';
import { provenanceOf, type Reader } from '../reader.js';
import type { SourceText } from '../source-text.js';
import { articleBody } from './article-body.js';
import { parseHtmlDocument } from './html-dom.js';
import { readPageMetadata } from './html-metadata.js';
import { htmlToText } from './html-text.js';
import { extractMainText } from './main-text/index.js';

/**
 * One saved web page, one article: metadata from the page's head, JSON-LD and markup, the
 * body from the main-text extractor. The text is extracted, not copied, so it has no
 * verbatim runs; its provenance is the whole file.
 */
export const htmlReader: Reader = {
  name: 'html',
  sniff: sniffHtml,
  read(source: SourceText): ReadResult {
    const document = parseHtmlDocument(source.text);
    // Metadata first: extraction changes the document.
    const meta = readPageMetadata(document);
    const main = extractMainText(source.text, document);
    const title = meta.title === null ? null : htmlToText(meta.title);
    const { text, headings } = articleBody(main.blocks, title);
    if (text === '') {
      throw new InputError('DOSSIER_INPUT_NO_ARTICLES', { file: source.file }, 'no article text found in the HTML page');
    }
    const messages: ReadMessage[] = meta.dateProblems.map((problem) => note(source, 'html-date-unread', problem));
    if (title === null) messages.push(note(source, 'html-no-title', 'no title found; the file name stands in'));
    if (meta.date === null) messages.push(note(source, 'html-no-date', 'no publication date found in the page'));
    if (meta.author === null) messages.push(note(source, 'html-no-byline', 'no author found in the page'));
    const article: RawArticle = {
      title: title ?? source.name.replace(/\.x?html?$/i, ''),
      outlet: plainOrNull(meta.outlet),
      author: plainOrNull(meta.author),
      date: meta.date,
      url: meta.url,
      text,
      headings,
      authorBio: null,
      provenance: provenanceOf(source, 0, source.text.length, 'html'),
      sourceRuns: [],
      extra: { extractionMethod: main.method },
    };
    return { articles: [article], messages, rejected: [] };
  },
};

function plainOrNull(value: string | null): string | null {
  if (value === null) return null;
  const text = htmlToText(value);
  return text === '' ? null : text;
}

function note(source: SourceText, ruleId: string, reason: string): ReadMessage {
  return { file: source.file, line: null, ruleId, reason };
}

/**
 * How sure we are that an input is an HTML page. Feeds are XML that may hold HTML inside
 * (an <rss> with <description>&lt;p&gt;...), so a feed root rules HTML out whatever the name.
 */

// Byte-order mark, blanks, comments and an XML declaration may come before the first tag.
const PROLOGUE = /^(?:\ufeff|\s|<!--[\s\S]*?-->|<\?xml[^>]*\?>)*/;

function sniffHtml(head: string, name: string): number {
  const start = head.replace(PROLOGUE, '').slice(0, 200).toLowerCase();
  if (/^<(?:rss|feed|rdf:rdf)[\s>]/.test(start)) return 0;
  const named = /\.(?:html?|xhtml)$/i.test(name);
  const looks = /^<!doctype html\b/.test(start) || /^<html[\s>]/.test(start);
  if (looks) return named ? 1 : 0.9;
  if (named) return 0.8;
  // A fragment saved without <html>, or a page after a long prologue.
  return /<(?:html|head|body)[\s>]/i.test(head) ? 0.3 : 0.05;
}
