import type { DomDocument } from './dom-types.js';

/**
 * The page's own address, as the page states it: <link rel="canonical">, else og:url. Only
 * absolute http(s) addresses count; "/story/1" says nothing about the site.
 */
export function canonicalUrl(document: DomDocument): string | null {
  const candidates = [
    document.querySelector('link[rel~="canonical"]')?.getAttribute('href'),
    document.querySelector('meta[property="og:url"]')?.getAttribute('content'),
    document.querySelector('meta[name="og:url"]')?.getAttribute('content'),
  ];
  for (const candidate of candidates) {
    const url = candidate?.trim();
    if (url && /^https?:\/\/[^/\s]+/i.test(url)) return url;
  }
  return null;
}

/** "https://www.example.com/a" gives "www.example.com"; anything unparsable gives null. */
export function hostOf(url: string | null): string | null {
  if (url === null) return null;
  const match = /^https?:\/\/([^/?#:\s]+)/i.exec(url);
  return match === null ? null : match[1]!.toLowerCase();
}
