import { getArticle } from '../store/articles-repository.js';
import { findEvents, findQuotes } from '../store/events-queries.js';
import { articleAnnotations, getActor } from '../store/mentions-queries.js';
import type { Store } from '../store/open-store.js';

/**
 * The pages of one article and one actor, read whole for /api/articles/:id and /api/actors/:id
 * (in a read thread, read-queries.ts), or null for an id the store does not hold.
 */
export async function articleDetail(store: Store, id: string) {
  const article = await getArticle(store, id);
  if (!article) return null;
  const annotations = await articleAnnotations(store, id);
  // Rejected claims are shown too, as `dossier show` does: the reader marks them as rejected.
  const events = await findEvents(store, { articleId: id, includeRejected: true });
  const quotes = await findQuotes(store, { articleId: id, includeRejected: true });
  return { ...article, ...annotations, events, quotes };
}

export async function actorDetail(store: Store, id: string) {
  const actor = await getActor(store, id);
  if (!actor) return null;
  // The store's actor filter also matches names; keep only the events this very actor takes part in.
  // The latest 300 of each: a page, not an export (dossier events --actor gives them all).
  const events = await findEvents(store, { actor: id, limit: 300 });
  const quotes = (await findQuotes(store, { speaker: id, limit: 300 })).filter((q) => q.speaker.id === id);
  return {
    ...actor,
    eventsAsSource: events.filter((e) => e.source.some((p) => p.id === id)),
    eventsAsTarget: events.filter((e) => e.target.some((p) => p.id === id)),
    quotes,
  };
}
