import { parseHTML } from 'linkedom';
import type { DomDocument, DomElement } from './dom-types.js';

/**
 * Parsing with linkedom, which builds the tree as written rather than as a browser would:
 * given "<p>a</p>text" or a page without <html> and <body> it yields a document with no
 * body, or none at all. Such input is put inside a proper skeleton first, its <head> (if
 * any) kept as the head.
 */

const HTML_TAG = /<html[\s>]/i;
const BODY_TAG = /<body[\s>]/i;
const HEAD_ELEMENT = /<head[\s>][\s\S]*?<\/head\s*>/i;
const SKELETON_TAGS = /<!doctype[^>]*>|<\/?(?:html|body)(?:\s[^>]*)?>/gi;

export function parseHtmlDocument(html: string): DomDocument {
  if (HTML_TAG.test(html) && BODY_TAG.test(html)) {
    const document = parse(html);
    if (document.documentElement && document.body) return document;
  }
  return parse(inSkeleton(html));
}

export function parseHtmlFragment(html: string): DomElement {
  const holder = parse('<!doctype html><html><head></head><body></body></html>').createElement('div');
  holder.innerHTML = html;
  return holder;
}

function parse(html: string): DomDocument {
  const document: DomDocument = parseHTML(html).document;
  return document;
}

function inSkeleton(html: string): string {
  const head = HEAD_ELEMENT.exec(html);
  const rest = head === null ? html : html.slice(0, head.index) + html.slice(head.index + head[0].length);
  return `<!doctype html><html>${head?.[0] ?? '<head></head>'}<body>${rest.replace(SKELETON_TAGS, '')}</body></html>`;
}
