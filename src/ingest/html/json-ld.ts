import type { DomDocument } from './dom-types.js';

/**
 * schema.org JSON-LD blocks of a page, and the article described in them. Pages put one
 * object, an array, or an "@graph" of objects in each <script type="application/ld+json">;
 * some blocks are not valid JSON (a trailing comma, a raw newline in a string) and are
 * skipped rather than failing the page.
 */

export type JsonLdNode = Readonly<Record<string, unknown>>;

const ARTICLE_TYPES: ReadonlySet<string> = new Set([
  'Article', 'NewsArticle', 'ReportageNews', 'AnalysisNewsArticle', 'OpinionNewsArticle', 'BackgroundNewsArticle',
  'BlogPosting', 'LiveBlogPosting', 'TechArticle', 'ScholarlyArticle', 'Report', 'SocialMediaPosting',
]);

export function jsonLdNodes(document: DomDocument): JsonLdNode[] {
  const nodes: JsonLdNode[] = [];
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
    const parsed = parseJson(script.textContent ?? '');
    if (parsed !== undefined) collect(parsed, nodes);
  }
  return nodes;
}

/** The first node typed as an article ("NewsArticle", ["Article", "BlogPosting"]...), or null. */
export function articleNode(nodes: readonly JsonLdNode[]): JsonLdNode | null {
  return nodes.find((node) => types(node).some((type) => ARTICLE_TYPES.has(type))) ?? null;
}

/** A string property, trimmed; null when absent, empty or not a string. */
export function stringField(node: JsonLdNode | null, key: string): string | null {
  const value = node?.[key];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/**
 * The names in a person or organization property: "Jane Doe", {"name": "Jane Doe"}, or an
 * array of either.
 */
export function names(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  const out: string[] = [];
  for (const item of list) {
    if (typeof item === 'string' && item.trim() !== '') out.push(item.trim());
    else if (isNode(item)) {
      const name = stringField(item, 'name');
      if (name !== null) out.push(name);
    }
  }
  return out;
}

function types(node: JsonLdNode): string[] {
  const type = node['@type'];
  if (typeof type === 'string') return [type];
  return Array.isArray(type) ? type.filter((t): t is string => typeof t === 'string') : [];
}

function collect(value: unknown, into: JsonLdNode[]): void {
  if (Array.isArray(value)) {
    for (const item of value) collect(item, into);
  } else if (isNode(value)) {
    into.push(value);
    if (value['@graph'] !== undefined) collect(value['@graph'], into);
  }
}

function isNode(value: unknown): value is JsonLdNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // Raw control characters inside strings are the most common fault: read them as spaces.
    try {
      return JSON.parse(text.replace(/[\u0000-\u001f]+/g, ' '));
    } catch {
      return undefined;
    }
  }
}
