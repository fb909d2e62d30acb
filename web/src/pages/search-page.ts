import { api } from '../api-client.js';
import { type Child, empty, h, link, path, section, table, withQuery } from '../dom.js';
import type { RouteContext } from '../router.js';
import { EVENT_HEADERS, eventRow, filterForm, quoteLine, RECORD_HEADERS, recordRow } from '../widgets.js';

/** FTS snippets mark hits with [ and ]: shown as <mark> elements around text nodes. */
function snippet(s: string): Child[] {
  return s.split(/(\[[^\]]*\])/).map((part) => (part.startsWith('[') && part.endsWith(']') ? h('mark', {}, part.slice(1, -1)) : part));
}

export async function searchPage(ctx: RouteContext): Promise<Node> {
  const q = (ctx.query.get('q') ?? '').trim();
  const form = filterForm(ctx, [{ name: 'q', label: 'Search', placeholder: 'words, "a phrase", name' }]);
  if (!q) return h('div', { class: 'page search' }, h('h1', {}, 'Search'), form, empty('Type words to search articles (full text), actors and places.'));
  const [hits, actors, places, events, byPlace, byActor, quotes] = await Promise.all([
    api.search(q, 50).catch((err: unknown) => ({ items: [], total: 0, limit: 0, offset: 0, error: err instanceof Error ? err.message : String(err) })),
    api.actors({ name: q, limit: 50 }),
    api.places({ name: q, limit: 50 }),
    // Events by the words of their evidence, participants or place: undated, unplaced and unrecorded ones too.
    api.events({ text: q, limit: 50 }),
    api.records({ place: q, limit: 50 }),
    api.records({ actor: q, limit: 50 }),
    api.quotes({ speaker: q, limit: 50 }),
  ]);
  const records = [...new Map([...byActor.items, ...byPlace.items].map((r) => [r.id, r])).values()];
  ctx.title(`Search: ${q}`);
  const searchError = 'error' in hits ? hits.error : null;
  return h(
    'div',
    { class: 'page search' },
    h('h1', {}, 'Search'),
    form,
    section(
      `Articles (${hits.items.length})`,
      searchError ? h('p', { class: 'error' }, searchError) : null,
      hits.items.length === 0
        ? empty('No article matches.')
        : h(
            'ol',
            { class: 'hits', 'data-testid': 'article-hits' },
            hits.items.map((x) => h('li', {}, link(path('article', x.id), x.title || '(untitled)'), ' ', h('span', { class: 'muted' }, [x.outlet, x.date].filter(Boolean).join(' · ')), h('div', { class: 'snippet' }, snippet(x.snippet)))),
          ),
    ),
    section(
      `Event records (${records.length})`,
      records.length === 0 ? empty('No event record names this actor or place.') : table(RECORD_HEADERS, records.map((r) => recordRow(r, ctx.wording)), { class: 'records', 'data-testid': 'record-hits' }),
    ),
    section(
      `Events (${events.total})`,
      events.items.length === 0 ? empty('No event’s evidence, participants or place contain these words.') : table(EVENT_HEADERS, events.items.map((e) => eventRow(e, ctx.wording)), { class: 'events', 'data-testid': 'event-hits' }),
    ),
    section(
      `Quotes (${quotes.total})`,
      quotes.items.length === 0
        ? empty('No quote by a speaker of this name.')
        : h('ul', { 'data-testid': 'quote-hits' }, quotes.items.map((x) => h('li', {}, quoteLine(x)))),
    ),
    h(
      'div',
      { class: 'grid' },
      section(
        `Actors (${actors.total})`,
        actors.items.length === 0
          ? empty('No actor matches.')
          : table(['actor', 'type', 'country', 'mentions'], actors.items.map((a) => [link(path('actor', a.id), a.name), a.type, a.country ?? '', a.mentions]), { 'data-testid': 'actor-hits' }),
      ),
      section(
        `Places (${places.total})`,
        places.items.length === 0
          ? empty('No place matches.')
          : table(
              ['place', 'precision', 'country', 'mentions'],
              places.items.map((p) => [link(withQuery('/map', { focus: p.id }), p.name), p.precision, p.country ?? '', p.mentions]),
              { 'data-testid': 'place-hits' },
            ),
      ),
    ),
  );
}
