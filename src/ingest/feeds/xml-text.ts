import { decodeCharReferences } from '../char-references.js';
import { htmlToText } from '../html/html-text.js';

/**
 * Turns the raw content of a feed element (as createFeedParser keeps it) into text. Each
 * character reference is decoded exactly once, and CDATA sections are taken as written.
 */

const CDATA = /<!\[CDATA\[([\s\S]*?)\]\]>/g;

/** How a field's content is meant: Atom's type="text|html|xhtml"; RSS bodies are HTML. */
export type ContentType = 'text' | 'html' | 'xhtml';

/** A one-line field (title, author, date, guid): references decoded, whitespace collapsed. */
export function plainText(raw: string): string {
  return decoded(raw, 'text').replace(/\s+/g, ' ').trim();
}

/** A body or title as plain text, its paragraphs separated by "\n\n". */
export function contentText(raw: string, type: ContentType): string {
  if (type === 'text') return textParagraphs(decoded(raw, 'text'));
  return htmlToText(decoded(raw, type));
}

/** A one-line field that may hold HTML: "Caf&amp;eacute; &lt;b&gt;news&lt;/b&gt;" reads "Café news". */
export function lineText(raw: string, type: ContentType): string {
  return contentText(raw, type).replace(/\s+/g, ' ').trim();
}

/** Parses an Atom type attribute; anything unknown is read as text, the Atom default. */
export function contentType(attribute: string | null, fallback: ContentType): ContentType {
  if (attribute === null) return fallback;
  const type = attribute.trim().toLowerCase();
  if (type === 'html' || type === 'text/html') return 'html';
  if (type === 'xhtml' || type === 'application/xhtml+xml') return 'xhtml';
  return 'text';
}

/**
 * The content as the author meant it: CDATA verbatim; other text with its references
 * decoded once. Literal markup (Atom xhtml, or HTML pasted unescaped into a description)
 * is already HTML, references and all: decoding it here would decode them twice.
 */
function decoded(raw: string, type: ContentType): string {
  let out = '';
  let last = 0;
  CDATA.lastIndex = 0;
  for (let m = CDATA.exec(raw); m !== null; m = CDATA.exec(raw)) {
    out += outsideCdata(raw.slice(last, m.index), type);
    out += m[1];
    last = m.index + m[0].length;
  }
  return out + outsideCdata(raw.slice(last), type);
}

function outsideCdata(part: string, type: ContentType): string {
  if (type === 'text') return decodeCharReferences(part.replace(/<[^>]*>/g, ''));
  return part.includes('<') ? part : decodeCharReferences(part);
}

function textParagraphs(text: string): string {
  return text
    .split(/\n[ \t]*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p !== '')
    .join('\n\n');
}
