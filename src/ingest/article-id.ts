import { createHash } from 'node:crypto';
import { outletKey } from '../knowledge/outlets/outlet-names.js';
import type { RawArticle } from './raw-article.js';

const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

/** Hash of the body with whitespace and case folded: a re-wrapped copy is the same text. */
export function contentHash(text: string): string {
  return sha256(text.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim());
}

/**
 * Content-derived id: outlet + date + normalized title + text hash, so the same article gets
 * the same id on every machine and every run, whatever file it came from.
 */
export function articleId(article: RawArticle): string {
  const title = article.title.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
  const outlet = article.outlet ? outletKey(article.outlet) : '';
  const key = [outlet, article.date?.value ?? '', title, contentHash(article.text)].join('\u0000');
  return `a_${sha256(key).slice(0, 20)}`;
}
