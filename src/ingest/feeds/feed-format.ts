import type { XMLParser } from 'fast-xml-parser';
import type { DateReading, ReaderName } from '../raw-article.js';
import type { XmlObject } from './xml-node.js';

/** What one item or entry yields before its provenance is attached. */
export interface FeedItem {
  readonly title: string;
  readonly url: string | null;
  readonly date: DateReading | null;
  readonly author: string | null;
  readonly text: string;
  readonly extra: Readonly<Record<string, unknown>>;
  /** Non-fatal observations ("pubDate unreadable"), said against the item's first line. */
  readonly notes: readonly Note[];
}

export interface Note {
  readonly ruleId: string;
  readonly reason: string;
}

/** What the feed says about itself, for every item. */
export interface FeedContext {
  readonly outlet: string | null;
  /** The feed's own web address, against which a relative item link is resolved. */
  readonly base: string | null;
  /** Atom: the feed's <author>, which every entry without one inherits. */
  readonly author: string | null;
}

/** The part of a feed reader that differs between RSS and Atom. */
export interface FeedFormat {
  readonly reader: Extract<ReaderName, 'rss' | 'atom'>;
  /** Local name of one article's element: "item" or "entry". */
  readonly itemName: string;
  /** Parses the document with items left unparsed, for the feed's own fields. */
  readonly documentParser: XMLParser;
  /** Parses one item's source text. */
  readonly itemParser: XMLParser;
  context(root: XmlObject, rootName: string): FeedContext;
  item(node: XmlObject, context: FeedContext): FeedItem;
}
