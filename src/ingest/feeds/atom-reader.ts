import { readDate } from '../date-reading.js';
import { httpUrlOrNull } from '../http-url.js';
import type { DateReading } from '../raw-article.js';
import type { Reader } from '../reader.js';
import type { FeedContext, FeedFormat, FeedItem, Note } from './feed-format.js';
import { readFeedItems } from './feed-items.js';
import { createFeedParser } from './xml-document.js';
import { asObject, attributeOf, childOf, childrenOf, rawContent, type XmlObject, type XmlValue } from './xml-node.js';
import { rootElementName, rootStartTag } from './xml-root.js';
import { type ContentType, contentText, contentType, lineText, plainText } from './xml-text.js';

const ATOM_NAMESPACE = 'http://www.w3.org/2005/Atom';
const LEAVES = ['title', 'summary', 'content', 'name', 'published', 'updated', 'id'];
const ARRAYS = ['link', 'author', 'category'];

const ATOM: FeedFormat = {
  reader: 'atom',
  itemName: 'entry',
  documentParser: createFeedParser([...LEAVES, 'entry'], ARRAYS),
  itemParser: createFeedParser(LEAVES, ARRAYS),
  context(feed: XmlObject): FeedContext {
    return {
      outlet: typedLine(childOf(feed, 'title')) || null,
      base: alternateLink(feed, null),
      author: authorNames(feed),
    };
  },
  item(entry: XmlObject, context: FeedContext): FeedItem {
    const notes: Note[] = [];
    const content = childOf(entry, 'content');
    // <content src="..."/> points elsewhere; the summary is then all the entry has.
    const body = content !== undefined && attributeOf(content, 'src') === null ? content : childOf(entry, 'summary');
    const categories = childrenOf(entry, 'category')
      .map((c) => attributeOf(c, 'term') ?? attributeOf(c, 'label') ?? '')
      .filter((c) => c !== '');
    const id = rawContent(childOf(entry, 'id'));
    const extra: Record<string, unknown> = {};
    if (categories.length > 0) extra.categories = categories;
    if (id !== null) extra.id = plainText(id);
    const url = alternateLink(entry, context.base);
    if (url === null && childrenOf(entry, 'link').length > 0) {
      notes.push({ ruleId: 'feed-link-dropped', reason: 'no <link> of this entry is an http(s) address' });
    }
    return {
      title: typedLine(childOf(entry, 'title')),
      url,
      date: entryDate(entry, notes),
      author: authorNames(entry) ?? context.author,
      text: body === undefined ? '' : contentText(rawContent(body) ?? '', typeOf(body)),
      extra,
      notes,
    };
  },
};

export const atomReader: Reader = {
  name: 'atom',
  sniff(head: string): number {
    const root = rootElementName(head);
    if (root !== 'feed' && !root?.endsWith(':feed')) return 0;
    // "<feed>" alone is some XML; with the Atom namespace it is certainly a feed.
    return rootStartTag(head).includes(ATOM_NAMESPACE) ? 1 : 0.4;
  },
  read: (source) => readFeedItems(source, ATOM),
};

function typeOf(element: XmlValue): ContentType {
  return contentType(attributeOf(element, 'type'), 'text');
}

function typedLine(element: XmlValue | undefined): string {
  const raw = rawContent(element);
  return element === undefined || raw === null ? '' : lineText(raw, typeOf(element));
}

// rel="alternate" is the article itself; a link without rel means the same. "self",
// "enclosure" and "replies" point at other things.
function alternateLink(node: XmlObject, base: string | null): string | null {
  const links = childrenOf(node, 'link').filter((l) => (attributeOf(l, 'rel') ?? 'alternate') === 'alternate');
  const html = links.find((l) => (attributeOf(l, 'type') ?? 'text/html') === 'text/html') ?? links[0];
  return httpUrlOrNull(attributeOf(html, 'href'), base);
}

function entryDate(entry: XmlObject, notes: Note[]): DateReading | null {
  for (const name of ['published', 'updated']) {
    const raw = rawContent(childOf(entry, name));
    if (raw === null) continue;
    const outcome = readDate(plainText(raw), `<${name}>`);
    if (outcome.kind === 'read') return outcome.reading;
    notes.push({ ruleId: 'feed-date-unreadable', reason: `<${name}>: ${outcome.problem}` });
  }
  return null;
}

function authorNames(node: XmlObject): string | null {
  const names = childrenOf(node, 'author')
    .map((a) => plainText(rawContent(childOf(asObject(a), 'name')) ?? ''))
    .filter((n) => n !== '');
  return names.length > 0 ? names.join(', ') : null;
}
