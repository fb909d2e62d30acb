import type { DomElement } from '../dom-types.js';
import { textWeights } from './text-weight.js';

/**
 * Removes what Readability kept inside the article container but is not the story: lists of
 * links to the site's other stories ("You may also like..."), and lines that are one such
 * link ("READ MORE ON FOX BUSINESS BY CLICKING HERE"). Links that leave the site stay: "Get
 * it on Amazon for $39.99" or a cited source URL are part of what the author wrote.
 */

const PRUNED: ReadonlySet<string> = new Set(['ul', 'ol', 'li', 'p', 'div', 'section', 'table', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/**
 * `pageHost` is the page's own host ("www.example.com"), or null when the page URL is unknown.
 * One walk top-down, in document order; a removed element's subtree is not visited. Each
 * element's weights and link text are summed once for the whole tree (asking each element for
 * its own descendants' links, and whether the content still contains it, was quadratic).
 */
export function pruneContent(content: DomElement, pageHost: string | null): void {
  const weights = textWeights(content);
  const links = linkTextBySite(content, pageHost);
  const stack: DomElement[] = Array.from(content.children).reverse();
  while (stack.length > 0) {
    const element = stack.pop()!;
    const weight = weights.get(element);
    if (PRUNED.has(element.localName) && weight !== undefined) {
      const total = weight.plain + weight.linked;
      const site = links.get(element) ?? NO_LINKS;
      // Most of the link text points inside the site: relative links, or links to the page's host.
      if (total > 0 && weight.linked / total >= 0.7 && site.inside >= site.outside) {
        element.remove();
        continue;
      }
    }
    const children = Array.from(element.children);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
}

interface LinkText {
  inside: number;
  outside: number;
}

const NO_LINKS: LinkText = { inside: 0, outside: 0 };

/** For each element holding links: the length of their text that stays on the site and that leaves it. */
function linkTextBySite(content: DomElement, pageHost: string | null): Map<DomElement, LinkText> {
  const sums = new Map<DomElement, LinkText>();
  for (const link of Array.from(content.querySelectorAll('a'))) {
    const length = (link.textContent ?? '').trim().length;
    const inside = isOnSite(link.getAttribute('href') ?? '', pageHost);
    // Credited to the link and each of its ancestors up to the content: the sum of the depths
    // of the links, which real pages keep small (a deep tree skips Readability: see its step).
    for (let node: DomElement | null = link; node !== null && node !== content; node = node.parentElement) {
      let sum = sums.get(node);
      if (sum === undefined) {
        sum = { inside: 0, outside: 0 };
        sums.set(node, sum);
      }
      if (inside) sum.inside += length;
      else sum.outside += length;
    }
  }
  return sums;
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
