import type { DomDocument } from './dom-types.js';

/**
 * The page's <meta> values by lower-cased key, whichever attribute names them: name="author",
 * property="og:title", itemprop="datePublished". The first non-empty value of a key wins, as
 * pages that repeat a tag usually put the page's own value first.
 */
export type MetaTags = ReadonlyMap<string, string>;

export function metaTags(document: DomDocument): MetaTags {
  const tags = new Map<string, string>();
  for (const meta of Array.from(document.querySelectorAll('meta'))) {
    const content = meta.getAttribute('content')?.replace(/\s+/g, ' ').trim();
    if (!content) continue;
    for (const attribute of ['name', 'property', 'itemprop']) {
      const key = meta.getAttribute(attribute)?.trim().toLowerCase();
      if (key && !tags.has(key)) tags.set(key, content);
    }
  }
  return tags;
}

/** The first of `keys` that the page has, with the key that matched. */
export function firstMeta(tags: MetaTags, keys: readonly string[]): { key: string; value: string } | null {
  for (const key of keys) {
    const value = tags.get(key);
    if (value !== undefined) return { key, value };
  }
  return null;
}
