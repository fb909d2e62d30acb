import type {
  ActorDetail,
  ActorSummary,
  ArticleDetail,
  ArticleSummary,
  Correction,
  EventOut,
  EventRecord,
  EventRecordDetail,
  FindResult,
  Network,
  OutletSummary,
  Page,
  PlaceSummary,
  QuoteOut,
  RepeatPair,
  ReviewItem,
  SearchHit,
  StoreStats,
  TimelineEntry,
} from './api-types.js';
import { path, withQuery } from './dom.js';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** No such item (an old link, a mistyped id): the page says so and offers a way back. */
export class MissingError extends Error {
  constructor(
    readonly what: string,
    readonly id: string,
  ) {
    super(`no ${what} with id "${id}"`);
  }
}

type Query = Record<string, string | number | null | undefined>;

const TOKEN_KEY = 'dossier.token';

/** The analyst's write token lives in this tab's sessionStorage only, never in the build. */
export const writeToken = {
  get: (): string => sessionStorage.getItem(TOKEN_KEY) ?? '',
  set: (t: string): void => {
    if (t) sessionStorage.setItem(TOKEN_KEY, t);
    else sessionStorage.removeItem(TOKEN_KEY);
  },
};

async function request<T>(method: 'GET' | 'POST', url: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method === 'POST') {
    headers['content-type'] = 'application/json';
    const token = writeToken.get();
    if (token) headers.authorization = `Bearer ${token}`;
  }
  const res = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const data: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const err = (data as { error?: { code?: string; message?: string } } | null)?.error;
    throw new ApiError(res.status, err?.code ?? 'HTTP', err?.message ?? `${res.status} ${res.statusText}`);
  }
  return data as T;
}

const get = <T>(p: string, q: Query = {}): Promise<T> => request<T>('GET', withQuery(`/api${p}`, q));
const post = <T>(p: string, body: unknown = {}): Promise<T> => request<T>('POST', `/api${p}`, body);

/**
 * One item by id. Asked with `missing=null`, so that an unknown id is an answer (null), not a
 * 404 the browser would log as an error; the page then says what is missing.
 */
async function one<T>(what: string, p: string, id: string): Promise<T> {
  const item = await get<T | null>(p, { missing: 'null' });
  if (item === null) throw new MissingError(what, id);
  return item;
}

export const api = {
  stats: () => get<StoreStats>('/stats'),
  articles: (q: Query) => get<Page<ArticleSummary>>('/articles', q),
  article: (id: string) => one<ArticleDetail>('article', path('articles', id), id),
  search: (q: string, limit = 50) => get<Page<SearchHit>>('/search', { q, limit }),
  find: (q: string, limit = 50) => get<FindResult>('/find', { q, limit }),
  actors: (q: Query) => get<Page<ActorSummary>>('/actors', q),
  actor: (id: string) => one<ActorDetail>('actor', path('actors', id), id),
  places: (q: Query) => get<Page<PlaceSummary>>('/places', q),
  timeline: (q: Query) => get<Page<TimelineEntry>>('/timeline', q),
  events: (q: Query) => get<Page<EventOut>>('/events', q),
  event: (id: string) => one<EventOut>('event', path('events', id), id),
  quotes: (q: Query) => get<Page<QuoteOut>>('/quotes', q),
  records: (q: Query) => get<Page<EventRecord>>('/records', q),
  record: (id: string) => one<EventRecordDetail>('event record', path('records', id), id),
  outlets: (q: Query) => get<Page<OutletSummary>>('/outlets', q),
  repeats: (q: Query) => get<Page<RepeatPair>>('/repeats', q),
  network: (q: Query) => get<Network>('/network', q),
  /** The network around an actor, which names it and its kin; an unknown actor is a MissingError, as `actor` gives. */
  networkAround: async (id: string, q: Query): Promise<Network> => {
    const net = await get<Network | null>('/network', { ...q, actor: id, missing: 'null' });
    if (net === null) throw new MissingError('actor', id);
    return net;
  },
  review: (q: Query) => get<Page<ReviewItem>>('/review', q),
  decide: (id: string, body: { decision: 'accept' | 'reject' | 'fix'; field?: string; value?: string; note?: string }) =>
    post<{ seq: number }>(path('review', id), body),
  undoDecision: () => post<unknown>('/review/undo'),
  correct: (c: Correction) => post<{ seq: number; changed: number }>('/actors/corrections', c),
  undoCorrection: () => post<{ undone: unknown; changed: number }>('/actors/corrections/undo'),
};
