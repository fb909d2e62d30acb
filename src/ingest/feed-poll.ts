import { DossierError, InputError } from '../errors.js';
import type { FeedState } from './feed-schedule.js';
import { parseRetryAfter } from './feed-schedule.js';
import { atomReader } from './feeds/atom-reader.js';
import { rssReader } from './feeds/rss-reader.js';
import { rootElementName } from './feeds/xml-root.js';
import { loadInput } from './load-input.js';
import type { RawArticle, ReadMessage } from './raw-article.js';
import type { Reader } from './reader.js';

export const USER_AGENT = 'Dossier/0.1 (news feed watcher)';
const TIMEOUT_MS = 30_000;
// A feed is a few hundred KB; tens of MB is a mistake or a hostile server.
const MAX_BYTES = 16 * 1024 * 1024;

export interface PollOptions {
  /** The whole exchange, headers and body, must end within this. */
  readonly timeoutMs?: number;
  readonly maxBytes?: number;
  readonly now?: () => Date;
  /** Aborts the request when the watcher is asked to stop. */
  readonly signal?: AbortSignal;
}

/** What one conditional GET of a feed came to. */
export type FeedPoll =
  | { readonly kind: 'not-modified'; readonly status: 304 }
  | {
      readonly kind: 'ok';
      readonly status: number;
      readonly etag: string | null;
      readonly lastModified: string | null;
      readonly articles: readonly RawArticle[];
      /** Items the reader refused on their own (no title and no text), each with its line. */
      readonly rejected: readonly InputError[];
      readonly messages: readonly ReadMessage[];
    }
  | {
      readonly kind: 'failed';
      /** The HTTP status when the server answered, null for network errors and timeouts. */
      readonly status: number | null;
      /** Names the URL, and the line for XML errors. */
      readonly error: InputError;
      readonly retryAfterMs: number | null;
    };

/**
 * One conditional GET of a feed (If-None-Match / If-Modified-Since from its saved state),
 * redirects followed, time and size bounded, and the body read by the RSS or Atom reader.
 * Never throws: every problem is a 'failed' outcome naming the URL.
 */
export async function pollFeed(state: FeedState, options: PollOptions = {}): Promise<FeedPoll> {
  const { url } = state;
  const now = options.now ?? (() => new Date());
  const timeoutMs = options.timeoutMs ?? TIMEOUT_MS;
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
  const failed = (reason: string, status: number | null = null, retryAfterMs: number | null = null): FeedPoll => ({
    kind: 'failed',
    status,
    error: new InputError('DOSSIER_INPUT_FETCH_FAILED', { file: url }, reason),
    retryAfterMs,
  });
  const headers: Record<string, string> = { 'user-agent': USER_AGENT, accept: 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5' };
  if (state.etag !== null) headers['if-none-match'] = state.etag;
  if (state.lastModified !== null) headers['if-modified-since'] = state.lastModified;

  let response: Response | null = null;
  let body: Buffer;
  try {
    response = await fetch(url, { headers, signal, redirect: 'follow' });
    if (response.status === 304) {
      await response.body?.cancel();
      return { kind: 'not-modified', status: 304 };
    }
    if (!response.ok) {
      await response.body?.cancel();
      const retryAfter = response.status === 429 || response.status === 503 ? parseRetryAfter(response.headers.get('retry-after'), now()) : null;
      return failed(`HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`, response.status, retryAfter);
    }
    body = await readLimited(response, options.maxBytes ?? MAX_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLarge) return failed(error.message, response?.status ?? null);
    if (timeout.aborted) return failed(`no complete answer within ${timeoutMs / 1000} s`);
    if (options.signal?.aborted) return failed('stopped before the feed was read');
    return failed(`cannot fetch (${networkReason(error)})`);
  }
  return readFeedBody(url, body, response.status, response.headers);
}

/** The body as a feed: an InputError from loading or reading (with its line) becomes 'failed'. */
function readFeedBody(url: string, body: Buffer, status: number, headers: Headers): FeedPoll {
  try {
    const source = loadInput(url, body);
    const result = feedReaderFor(url, source.text).read(source);
    return {
      kind: 'ok',
      status,
      etag: headers.get('etag'),
      lastModified: headers.get('last-modified'),
      articles: result.articles,
      rejected: result.rejected,
      messages: result.messages,
    };
  } catch (error) {
    const inputError = error instanceof InputError ? error : new InputError('DOSSIER_INPUT_UNREADABLE', { file: url }, String(error));
    return { kind: 'failed', status, error: inputError, retryAfterMs: null };
  }
}

/** RSS or Atom by the root element; anything else (an HTML page, JSON) is not a feed. */
function feedReaderFor(url: string, text: string): Reader {
  const head = text.slice(0, 8192);
  const rss = rssReader.sniff(head, url);
  const atom = atomReader.sniff(head, url);
  if (rss > 0 || atom > 0) return rss >= atom ? rssReader : atomReader;
  const root = rootElementName(head);
  const what = root === null ? 'the document does not start like XML' : `the root element is <${root}>`;
  throw new InputError('DOSSIER_INPUT_UNKNOWN_FORMAT', { file: url, line: 1 }, `not an RSS or Atom feed: ${what}, not <rss>, <rdf:RDF> or <feed>`);
}

/** Caught in pollFeed and reported as that poll's failure. */
class BodyTooLarge extends DossierError {
  constructor(message: string) {
    super('DOSSIER_INPUT_TOO_LARGE', message);
  }
}

async function readLimited(response: Response, maxBytes: number): Promise<Buffer> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  const tooLarge = new BodyTooLarge(`the answer is larger than ${maxBytes} bytes`);
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw tooLarge;
  }
  if (response.body === null) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body.getReader();
  for (let r = await reader.read(); !r.done; r = await reader.read()) {
    total += r.value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw tooLarge;
    }
    chunks.push(r.value);
  }
  return Buffer.concat(chunks);
}

// undici says "fetch failed" and puts the useful part (ECONNREFUSED, ENOTFOUND) in the cause.
function networkReason(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause;
  if (cause instanceof Error) {
    const code = (cause as NodeJS.ErrnoException).code;
    return code ? `${code}: ${cause.message}` : cause.message;
  }
  return error.message;
}
