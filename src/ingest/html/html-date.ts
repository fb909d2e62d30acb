import { readDate } from '../date-reading.js';
import type { DateReading } from '../raw-article.js';
import type { DomDocument } from './dom-types.js';
import { type JsonLdNode, stringField } from './json-ld.js';
import type { MetaTags } from './meta-tags.js';

/**
 * The publication day, from the first source that gives one: article:published_time, the
 * JSON-LD datePublished, a <time datetime>, then the older meta names (date, pubdate,
 * dc.date...). Each reading's reason names its source: "from article:published_time".
 * A source that gives only a month or a year is kept only when no source gives a day.
 */

const META_KEYS: readonly string[] = [
  'date', 'pubdate', 'publishdate', 'publish-date', 'publish_date', 'dc.date', 'dc.date.issued',
  'dcterms.date', 'dcterms.created', 'sailthru.date', 'parsely-pub-date', 'datepublished', 'og:published_time',
];

interface DateSource {
  readonly from: string;
  readonly raw: string | null | undefined;
}

export interface DateResult {
  readonly date: DateReading | null;
  /** Values found but not read as dates, with the reason. */
  readonly problems: readonly string[];
}

export function pageDate(document: DomDocument, meta: MetaTags, article: JsonLdNode | null): DateResult {
  const sources: DateSource[] = [
    { from: 'article:published_time', raw: meta.get('article:published_time') },
    { from: 'JSON-LD datePublished', raw: stringField(article, 'datePublished') },
    { from: '<time datetime>', raw: document.querySelector('time[datetime]')?.getAttribute('datetime') },
    ...META_KEYS.map((key) => ({ from: `meta ${key}`, raw: meta.get(key) })),
  ];
  const problems: string[] = [];
  let partial: DateReading | null = null;
  for (const { from, raw } of sources) {
    if (!raw || raw.trim() === '') continue;
    const outcome = readDate(raw, from);
    if (outcome.kind === 'unread') problems.push(`${from}: ${outcome.problem}`);
    else if (isPlaceholder(outcome.reading)) problems.push(`${from}: "${raw.trim()}" is a placeholder, not a date`);
    else if (outcome.reading.precision === 'day') return { date: outcome.reading, problems };
    else partial ??= outcome.reading;
  }
  return { date: partial, problems };
}

// Content systems fill an unset date with "0001-01-01T00:00:00Z" or the Unix epoch.
function isPlaceholder(reading: DateReading): boolean {
  const year = Number.parseInt(reading.value.slice(0, 4), 10);
  return year < 1900 || reading.value === '1970-01-01';
}
