import { InputError } from '../../errors.js';
import type { RawArticle, ReadMessage, ReadResult } from '../raw-article.js';
import { provenanceOf } from '../reader.js';
import type { SourceText } from '../source-text.js';
import { findElementRanges } from './element-ranges.js';
import type { FeedContext, FeedFormat, FeedItem } from './feed-format.js';
import { validateXml } from './xml-document.js';
import { rootOf } from './xml-node.js';

/**
 * Reads a feed: validate the whole document, read the feed's own fields, then cut each
 * item out of the source by its offsets and parse it alone. Parsing the item's own text is
 * what ties each article to its lines and bytes: item n of the tree is item n of the file
 * by construction, not by counting.
 */
export function readFeedItems(source: SourceText, format: FeedFormat): ReadResult {
  validateXml(source);
  const root = rootOf(parseOrReject(source, () => format.documentParser.parse(source.text)));
  if (root === null) {
    throw new InputError('DOSSIER_INPUT_BAD_XML', { file: source.file, line: 1 }, 'the document has no root element');
  }
  const context = format.context(root[1], root[0]);

  const articles: RawArticle[] = [];
  const messages: ReadMessage[] = [];
  const rejected: InputError[] = [];
  for (const range of findElementRanges(source.text, format.itemName)) {
    const line = source.lineAt(range.start);
    const parsed = rootOf(parseOrReject(source, () => format.itemParser.parse(source.text.slice(range.start, range.end))));
    const item = format.item(parsed?.[1] ?? {}, context);
    for (const note of item.notes) messages.push({ file: source.file, line, ...note });
    if (item.title === '' && item.text === '') {
      const reason = `this ${format.itemName} has neither a title nor any text`;
      rejected.push(new InputError('DOSSIER_INPUT_BAD_RECORD', { file: source.file, line }, reason));
      continue;
    }
    articles.push(toArticle(source, format, context, item, range.start, range.end));
  }
  return { articles, messages, rejected };
}

/**
 * Well-formed XML the parser still refuses, such as a DOCTYPE declaring an external entity
 * (<!ENTITY x SYSTEM "file:///...">), rejects the file; the DOCTYPE's line is the one to see.
 */
function parseOrReject(source: SourceText, parse: () => unknown): unknown {
  try {
    return parse();
  } catch (error) {
    const doctype = source.text.indexOf('<!DOCTYPE');
    const line = doctype === -1 ? 1 : source.lineAt(doctype);
    const reason = `the XML parser refused the document: ${error instanceof Error ? error.message : String(error)}`;
    throw new InputError('DOSSIER_INPUT_BAD_XML', { file: source.file, line }, reason);
  }
}

function toArticle(
  source: SourceText,
  format: FeedFormat,
  context: FeedContext,
  item: FeedItem,
  start: number,
  end: number,
): RawArticle {
  return {
    title: item.title,
    outlet: context.outlet,
    author: item.author,
    date: item.date,
    url: item.url,
    text: item.text,
    authorBio: null,
    provenance: provenanceOf(source, start, end, format.reader),
    // Item text is extracted from markup, so it maps back only through the item's range.
    sourceRuns: [],
    extra: item.extra,
  };
}
