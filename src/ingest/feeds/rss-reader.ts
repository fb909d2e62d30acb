import { readDate } from '../date-reading.js';
import { httpUrlOrNull } from '../http-url.js';
import type { DateReading } from '../raw-article.js';
import type { Reader } from '../reader.js';
import type { FeedContext, FeedFormat, FeedItem, Note } from './feed-format.js';
import { readFeedItems } from './feed-items.js';
import { createFeedParser } from './xml-document.js';
import { attributeOf, childOf, childrenOf, rawContent, type XmlObject } from './xml-node.js';
import { rootElementName, rootStartTag } from './xml-root.js';
import { contentText, lineText, plainText } from './xml-text.js';

const LEAVES = ['title', 'link', 'description', 'content:encoded', 'author', 'dc:creator', 'pubDate', 'dc:date', 'guid', 'category'];

const RSS: FeedFormat = {
  reader: 'rss',
  itemName: 'item',
  documentParser: createFeedParser([...LEAVES, 'item'], []),
  itemParser: createFeedParser(LEAVES, []),
  context(root: XmlObject): FeedContext {
    // RSS 2.0 nests items in <channel>; RSS 1.0 (rdf:RDF) puts them beside it.
    const channel = (childOf(root, 'channel') ?? {}) as XmlObject;
    const title = rawContent(childOf(channel, 'title'));
    const link = rawContent(childOf(channel, 'link'));
    return {
      outlet: title === null ? null : lineText(title, 'html') || null,
      base: link === null ? null : httpUrlOrNull(plainText(link)),
      author: null,
    };
  },
  item(node: XmlObject, context: FeedContext): FeedItem {
    const notes: Note[] = [];
    const field = (name: string): string | null => rawContent(childOf(node, name));
    // Feeds escape markup in titles ("Q&amp;A: &lt;i&gt;Budget&lt;/i&gt;"), so a title is read as HTML.
    const title = lineText(field('title') ?? '', 'html');
    const body = nonEmpty(field('content:encoded')) ?? field('description') ?? '';
    const categories = childrenOf(node, 'category')
      .map((c) => plainText(rawContent(c) ?? ''))
      .filter((c) => c !== '');
    const guid = field('guid');
    const extra: Record<string, unknown> = {};
    if (categories.length > 0) extra.categories = categories;
    if (guid !== null) extra.guid = plainText(guid);
    return {
      title,
      url: itemLink(node, field('link'), guid, context, notes),
      date: itemDate(field('pubDate'), field('dc:date'), notes),
      author: itemAuthor(node, field('author')),
      text: contentText(body, 'html'),
      extra,
      notes,
    };
  },
};

export const rssReader: Reader = {
  name: 'rss',
  sniff(head: string): number {
    const root = rootElementName(head);
    if (root === 'rss') return 1;
    if (root !== 'rdf:RDF') return 0;
    // An RDF document is a feed only when it declares the RSS 1.0 namespace.
    return rootStartTag(head).includes('http://purl.org/rss/1.0/') || head.includes('<channel') ? 0.9 : 0.2;
  },
  read: (source) => readFeedItems(source, RSS),
};

function itemLink(node: XmlObject, link: string | null, guid: string | null, context: FeedContext, notes: Note[]): string | null {
  const written = link === null ? null : plainText(link);
  const url = httpUrlOrNull(written, context.base);
  if (url !== null) return url;
  if (written) notes.push({ ruleId: 'feed-link-dropped', reason: `link "${written}" is not an http(s) address` });
  // <guid isPermaLink="true"> is a link too; RSS 1.0 names the item by rdf:about.
  const permalink = guid !== null && attributeOf(childOf(node, 'guid'), 'isPermaLink') !== 'false' ? plainText(guid) : null;
  return httpUrlOrNull(permalink, context.base) ?? httpUrlOrNull(attributeOf(node, 'rdf:about'));
}

function itemDate(pubDate: string | null, dcDate: string | null, notes: Note[]): DateReading | null {
  const [raw, from] = pubDate !== null ? [pubDate, '<pubDate>'] : dcDate !== null ? [dcDate, '<dc:date>'] : [null, ''];
  if (raw === null) return null;
  const outcome = readDate(plainText(raw), from);
  if (outcome.kind === 'read') return outcome.reading;
  notes.push({ ruleId: 'feed-date-unreadable', reason: `${from}: ${outcome.problem}` });
  return null;
}

// "desk@example.org (Mara Quill)" is RSS 2.0's form of <author>: the name is in brackets.
function itemAuthor(node: XmlObject, author: string | null): string | null {
  const creators = childrenOf(node, 'dc:creator')
    .map((c) => plainText(rawContent(c) ?? ''))
    .filter((c) => c !== '');
  if (creators.length > 0) return creators.join(', ');
  if (author === null) return null;
  const written = plainText(author);
  const named = /^\S+@\S+\s*\((.+)\)$/.exec(written);
  return named ? named[1]!.trim() : written || null;
}

function nonEmpty(raw: string | null): string | null {
  return raw === null || raw.trim() === '' ? null : raw;
}
