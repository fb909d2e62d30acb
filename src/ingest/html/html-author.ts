import { blockText } from './block-text.js';
import type { DomDocument } from './dom-types.js';
import { type JsonLdNode, names } from './json-ld.js';
import type { MetaTags } from './meta-tags.js';

/**
 * The author: <meta name="author">, article:author, the JSON-LD author's name(s), a
 * rel="author" link, or a byline element. Values that are addresses (article:author often
 * holds a Facebook profile URL) or too long to be names are passed over.
 */
export function pageAuthor(document: DomDocument, meta: MetaTags, article: JsonLdNode | null): string | null {
  const candidates = [
    meta.get('author'),
    meta.get('article:author'),
    meta.get('dc.creator'),
    names(article?.author).join(', '),
    relAuthor(document),
    bylineText(document),
  ];
  for (const candidate of candidates) {
    const name = candidate === undefined || candidate === null ? null : cleanName(candidate);
    if (name !== null) return name;
  }
  return null;
}

function relAuthor(document: DomDocument): string | null {
  const link = document.querySelector('a[rel~="author"]');
  return link === null ? null : blockText(link);
}

function bylineText(document: DomDocument): string | null {
  const byline = document.querySelector('[itemprop="author"], .byline, .author-name, .byline-name, [class*="byline"]');
  return byline === null ? null : blockText(byline).replace(/\n+/g, ' ');
}

// Where a byline element runs on into other things: "Jane Doe | November 18, 2019",
// "Jane Doe @janedoe Nov 19, 2019", "EXAMPLE WIRE STAFF NOVEMBER 20, 2019", "Jane Doe Published 9:00 a.m.".
const RUNS_ON = /\s(?:[|•·]\s|@\w|(?:published|updated|posted|pub)\b|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d)/i;

/** "By Jane Doe, Example Wire" stays whole but loses "By"; a URL or a sentence is no name. */
export function cleanName(raw: string): string | null {
  const whole = raw.replace(/\s+/g, ' ').trim().replace(/^by\s+/i, '');
  const runsOn = RUNS_ON.exec(whole);
  const name = (runsOn === null ? whole : whole.slice(0, runsOn.index)).replace(/[\s,|–—-]+$/, '');
  if (name === '' || /^(?:https?:|www\.)/i.test(name) || name.length > 100) return null;
  return name;
}
