import { InputError, UsageError } from '../errors.js';
import { digestReader } from './digest/digest-reader.js';
import { atomReader } from './feeds/atom-reader.js';
import { rssReader } from './feeds/rss-reader.js';
import { htmlReader } from './html/html-reader.js';
import { jsonlReader } from './jsonl-reader.js';
import type { ReaderName } from './raw-article.js';
import type { Reader } from './reader.js';
import { reutersReader } from './reuters-reader.js';
import type { SourceText } from './source-text.js';
import { textReader } from './text-reader.js';

export const READERS: readonly Reader[] = Object.freeze([reutersReader, rssReader, atomReader, htmlReader, jsonlReader, digestReader, textReader]);

/** The reader named by the user, or the one most sure the content is its format. */
export function chooseReader(source: SourceText, forced?: ReaderName): Reader {
  if (forced) {
    const reader = READERS.find((r) => r.name === forced);
    if (!reader) throw new UsageError(`unknown reader ${forced}`);
    return reader;
  }
  const head = source.text.slice(0, 8192);
  let best: Reader | null = null;
  let bestScore = 0;
  for (const reader of READERS) {
    const score = reader.sniff(head, source.name);
    if (score > bestScore) {
      best = reader;
      bestScore = score;
    }
  }
  if (!best) throw new InputError('DOSSIER_INPUT_UNKNOWN_FORMAT', { file: source.file }, 'format not recognized (use --reader)');
  return best;
}
