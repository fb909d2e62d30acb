import type { DomElement } from '../dom-types.js';
import { textWeights } from './text-weight.js';

/**
 * Removes what Readability kept inside the article container but is not the story: lists of
 * links to the site's other stories ("You may also like..."), and lines that are one such
 * link ("READ MORE ON FOX BUSINESS BY CLICKING HERE"). Links that leave the site stay: "Get
 * it on Amazon for $39.99" or a cited source URL are part of what the author wrote.
 */

const PRUNED: ReadonlySet<string> = new Set(['ul', 'ol', 'li', 'p', 'div', 'section', 'table', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** `pageHost` is the page's own host ("www.example.com"), or null when the page URL is unknown. */
export function pruneContent(content: DomElement, pageHost: string | null): void {
  const weights = textWeights(content);
  for (const element of Array.from(content.querySelectorAll('*'))) {
    if (!PRUNED.has(element.localName) || !content.contains(element)) continue;
    const weight = weights.get(element);
    if (weight === undefined) continue;
    const total = weight.plain + weight.linked;
    if (total > 0 && weight.linked / total >= 0.7 && linksStayOnSite(element, pageHost)) element.remove();
  }
}

// Most of the link text points inside the site: relative links, or links to the page's host.
function linksStayOnSite(element: DomElement, pageHost: string | null): boolean {
  let inside = 0;
  let outside = 0;
  for (const link of Array.from(element.querySelectorAll('a'))) {
    const length = (link.textContent ?? '').trim().length;
    if (isOnSite(link.getAttribute('href') ?? '', pageHost)) inside += length;
    else outside += length;
  }
  return inside >= outside;
}

export function isOnSite(href: string, pageHost: string | null): boolean {
  const match = /^(?:https?:)?\/\/([^/?#:]+)/i.exec(href.trim());
  if (match === null) return !/^[a-z][a-z0-9+.-]*:/i.test(href.trim());
  return pageHost !== null && sameSite(match[1]!.toLowerCase(), pageHost);
}

// "www.example.com" and "example.com" and "news.example.com" are one site.
function sameSite(host: string, pageHost: string): boolean {
  const bare = (h: string): string => h.replace(/^www\./, '');
  const a = bare(host);
  const b = bare(pageHost.toLowerCase());
  return a === b || a.endsWith(`.${b}`) || b.endsWith(`.${a}`);
}
