import type { DateReading } from '../raw-article.js';
import type { DomDocument } from './dom-types.js';
import { pageAuthor } from './html-author.js';
import { pageDate } from './html-date.js';
import { pageTitle } from './html-title.js';
import { articleNode, jsonLdNodes, names } from './json-ld.js';
import { firstMeta, metaTags } from './meta-tags.js';
import { canonicalUrl } from './page-url.js';

/** What a page says about itself, read from its head, JSON-LD and markup before extraction. */
export interface PageMetadata {
  readonly title: string | null;
  readonly author: string | null;
  readonly date: DateReading | null;
  readonly outlet: string | null;
  readonly url: string | null;
  /** Date values the page had but that could not be read, each with its source. */
  readonly dateProblems: readonly string[];
}

export function readPageMetadata(document: DomDocument): PageMetadata {
  const meta = metaTags(document);
  const article = articleNode(jsonLdNodes(document));
  const outlet =
    firstMeta(meta, ['og:site_name'])?.value ??
    names(article?.publisher)[0] ??
    firstMeta(meta, ['application-name'])?.value ??
    null;
  const { date, problems } = pageDate(document, meta, article);
  return {
    title: pageTitle(document, meta, article, outlet),
    author: pageAuthor(document, meta, article),
    date,
    outlet,
    url: canonicalUrl(document),
    dateProblems: problems,
  };
}
