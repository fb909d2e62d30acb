import { blockText } from './block-text.js';
import type { DomDocument } from './dom-types.js';
import { htmlToText } from './html-text.js';
import { type JsonLdNode, stringField } from './json-ld.js';
import type { MetaTags } from './meta-tags.js';

/**
 * The headline: og:title, else the JSON-LD headline, else <title>, else the first <h1>.
 * Titles often end with the site's name ("Harbour reopens | Example Wire"), which is cut.
 */
export function pageTitle(document: DomDocument, meta: MetaTags, article: JsonLdNode | null, outlet: string | null): string | null {
  const candidates = [
    meta.get('og:title'),
    meta.get('twitter:title'),
    stringField(article, 'headline'),
    document.querySelector('title')?.textContent,
    firstHeading(document),
  ];
  for (const candidate of candidates) {
    // og:title is sometimes written with entities twice: "Caf&amp;eacute;".
    const text = candidate ? htmlToText(candidate).replace(/\s+/g, ' ').trim() : '';
    if (text !== '') return withoutSiteName(text, outlet);
  }
  return null;
}

function firstHeading(document: DomDocument): string | null {
  const h1 = document.querySelector('h1');
  return h1 === null ? null : blockText(h1);
}

// " | ", " - ", " – ", " — ", " :: ", " · " between headline and site name.
const SEPARATOR = /\s+(?:\||-|–|—|::|·|•)\s+/g;

/**
 * "Harbour reopens | Example Wire" gives "Harbour reopens". Without a known outlet, a last
 * segment that reads like a name (at most four words, capitalised, or a domain) and is
 * shorter than the rest is taken for the site name: "Tide tables - Northern Ledger" loses
 * its suffix; "Left - right" and "... for good - and what comes next" stay whole.
 */
export function withoutSiteName(title: string, outlet: string | null): string {
  const separators = [...title.matchAll(SEPARATOR)];
  const last = separators[separators.length - 1];
  if (last === undefined || last.index === undefined) return title;
  const head = title.slice(0, last.index).trim();
  const tail = title.slice(last.index + last[0].length).trim();
  const isOutlet = outlet !== null && sameName(tail, outlet);
  const looksLikeSite = looksLikeName(tail) && tail.length < head.length && head.split(/\s+/).length >= 3;
  return head !== '' && (isOutlet || looksLikeSite) ? head : title;
}

// Words a name may hold in lower case: "Voice of the Harbour", "Le Courrier de la Côte".
const NAME_PARTICLES: ReadonlySet<string> = new Set(['of', 'the', 'and', '&', 'de', 'du', 'la', 'le', 'des', 'del', 'am']);

function looksLikeName(text: string): boolean {
  if (/^[\w-]+(?:\.[\w-]+)+$/u.test(text)) return true;
  const words = text.split(/\s+/);
  if (words.length > 4 || !/^[\p{Lu}\p{N}]/u.test(words[0] ?? '')) return false;
  return words.every((word) => /^[\p{Lu}\p{N}]/u.test(word) || NAME_PARTICLES.has(word));
}

function sameName(a: string, b: string): boolean {
  const plain = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  return plain(a) === plain(b) || plain(a) === plain(b.replace(/^the\s+/i, ''));
}
