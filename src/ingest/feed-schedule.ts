/**
 * When a watched feed is polled next. Pure: a state and what one poll gave in, the next state
 * out; the clock and the dice are arguments, so backoff is tested without waiting.
 */

/** What Dossier remembers of one feed between polls (and between runs: it is stored). */
export interface FeedState {
  readonly url: string;
  /** Validators the server gave with its last 200, sent back as If-None-Match / If-Modified-Since. */
  readonly etag: string | null;
  readonly lastModified: string | null;
  /** ISO-8601 UTC instants. */
  readonly lastPolledAt: string | null;
  readonly lastOkAt: string | null;
  /** Failed polls since the last success; 0 when the feed is healthy. */
  readonly failures: number;
  /** Not polled before this instant; null means now. */
  readonly nextPollAt: string | null;
  readonly lastError: string | null;
  /** Items of this feed recognised so far (new or already stored). */
  readonly itemsSeen: number;
}

export function initialFeedState(url: string): FeedState {
  return { url, etag: null, lastModified: null, lastPolledAt: null, lastOkAt: null, failures: 0, nextPollAt: null, lastError: null, itemsSeen: 0 };
}

/** What one poll came to, as far as scheduling cares. */
export type PollResult =
  | { readonly kind: 'ok'; readonly etag: string | null; readonly lastModified: string | null; readonly itemsSeen: number }
  | { readonly kind: 'not-modified' }
  | { readonly kind: 'failed'; readonly message: string; readonly retryAfterMs: number | null };

export interface ScheduleOptions {
  /** The polling interval of a healthy feed. */
  readonly everyMs: number;
  /** Longest wait after failures; Retry-After is honoured up to RETRY_AFTER_CAP_MS. */
  readonly capMs?: number;
  /** Fraction of the delay added or removed at random, so feeds that failed together spread out. */
  readonly jitter?: number;
  /** A number in [0, 1); Math.random by default. */
  readonly random?: () => number;
}

export const BACKOFF_CAP_MS = 6 * 3600_000;
// A server asking for more than a day is more likely misconfigured than meaning it.
export const RETRY_AFTER_CAP_MS = 24 * 3600_000;
const DEFAULT_JITTER = 0.1;

/**
 * The wait after the n-th consecutive failure: every × 2^n, capped, jittered. With 10 m that
 * is 20 m, 40 m, 80 m ... 6 h. Jitter stays under a third so each wait is longer than the last.
 */
export function backoffDelay(failures: number, options: ScheduleOptions): number {
  const cap = options.capMs ?? BACKOFF_CAP_MS;
  const jitter = options.jitter ?? DEFAULT_JITTER;
  const random = options.random ?? Math.random;
  const base = Math.min(cap, options.everyMs * 2 ** Math.min(failures, 40));
  return Math.round(Math.min(cap, base * (1 + jitter * (2 * random() - 1))));
}

/** The state after a poll at `now`: a success resets the failures, a failure backs off. */
export function nextFeedState(state: FeedState, result: PollResult, now: Date, options: ScheduleOptions): FeedState {
  const at = now.toISOString();
  if (result.kind === 'failed') {
    const failures = state.failures + 1;
    const retryAfter = result.retryAfterMs === null ? 0 : Math.min(result.retryAfterMs, RETRY_AFTER_CAP_MS);
    // Never sooner than the server asked, never sooner than the backoff says.
    const delay = Math.max(backoffDelay(failures, options), retryAfter);
    return { ...state, lastPolledAt: at, failures, nextPollAt: new Date(now.getTime() + delay).toISOString(), lastError: result.message };
  }
  const next = { ...state, lastPolledAt: at, lastOkAt: at, failures: 0, lastError: null, nextPollAt: new Date(now.getTime() + options.everyMs).toISOString() };
  if (result.kind === 'not-modified') return next;
  return { ...next, etag: result.etag, lastModified: result.lastModified, itemsSeen: state.itemsSeen + result.itemsSeen };
}

/** True when the feed may be polled at `now`. */
export function isDue(state: FeedState, now: Date): boolean {
  return state.nextPollAt === null || Date.parse(state.nextPollAt) <= now.getTime();
}

/**
 * Retry-After as milliseconds from `now`: delta-seconds ("120") or an HTTP date. Null when
 * absent or unreadable; a date in the past is 0.
 */
export function parseRetryAfter(value: string | null, now: Date): number | null {
  if (value === null) return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, at - now.getTime());
}

const UNITS: Readonly<Record<string, number>> = { h: 3600_000, m: 60_000, s: 1000 };

/** "30s", "10m", "1h", "1h30m" as milliseconds; null when the text is not such a duration. */
export function parseDuration(text: string): number | null {
  const m = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(text.trim());
  if (m === null || (m[1] ?? m[2] ?? m[3]) === undefined) return null;
  const ms = Number(m[1] ?? 0) * UNITS.h! + Number(m[2] ?? 0) * UNITS.m! + Number(m[3] ?? 0) * UNITS.s!;
  return ms > 0 ? ms : null;
}

/** A wait as a person reads it: "45s", "20m", "1h20m", "6h"; a minute or more is rounded to the minute. */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.round(seconds / 60);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h === 0 ? `${m}m` : m === 0 ? `${h}h` : `${h}h${m}m`;
}
