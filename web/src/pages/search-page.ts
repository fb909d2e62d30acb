import { api } from '../api-client.js';
import type { FindResult, FoundArticle } from '../api-types.js';
import { type Child, empty, h, link, path, section, table, withQuery } from '../dom.js';
import type { RouteContext } from '../router.js';
import { cappedTable, EVENT_HEADERS, eventRow, filterForm, quoteLine, RECORD_HEADERS, recordRow } from '../widgets.js';

/** FTS snippets mark hits with [ and ]: shown as <mark> elements around text nodes. */
function snippet(s: string): Child[] {
  return s.split(/(\[[^\]]*\])/).map((part) => (part.startsWith('[') && part.endsWith(']') ? h('mark', {}, part.slice(1, -1)) : part));
}

/** An article found by its words (the snippet), by naming what the query names (the spelling it uses), or both. */
function articleHit(x: FoundArticle): HTMLElement {
  const href = x.naming ? `${path('article', x.id)}?at=${x.naming.start}&end=${x.naming.end}` : path('article', x.id);
  return h(
    'li',
    {},
    link(href, x.title || '(untitled)'),
    ' ',
    h('span', { class: 'muted' }, [x.outlet, x.date].filter(Boolean).join(' · ')),
    x.snippet ? h('div', { class: 'snippet' }, snippet(x.snippet)) : null,
    x.naming
      ? h('div', { class: 'naming', 'data-testid': 'naming' }, 'names it as ', h('q', {}, x.naming.spelling), x.naming.mentions > 1 ? ` (${x.naming.mentions} mentions)` : '')
      : null,
  );
}

/** What the query names: each actor and place with its aliases, so a reader sees why "KH" found Kata'ib Hezbollah. */
function namedCard(found: FindResult): HTMLElement | null {
  const { actors, places } = found.named;
  if (actors.length === 0 && places.length === 0) return null;
  return h(
    'section',
    { class: 'card named', 'data-testid': 'named' },
    h('h2', {}, `“${found.query}” names`),
    h(
      'ul',
      {},
      actors.map((a) =>
        h(
          'li',
          { 'data-testid': 'named-actor' },
          link(path('actor', a.id), a.name),
          ' ',
          h('span', { class: 'muted' }, [a.type, a.country].filter(Boolean).join(' · ')),
          a.aliases.length > 0 ? h('div', { class: 'aliases muted' }, `also written ${a.aliases.slice(0, 12).join(', ')}${a.aliases.length > 12 ? '…' : ''}`) : null,
        ),
      ),
      places.map((p) =>
        h(
          'li',
          { 'data-testid': 'named-place' },
          link(withQuery('/map', { focus: p.id }), p.name),
          ' ',
          h('span', { class: 'muted' }, [p.precision, p.country, `${p.articles} article${p.articles === 1 ? '' : 's'}`].filter(Boolean).join(' · ')),
        ),
      ),
    ),
  );
}

export async function searchPage(ctx: RouteContext): Promise<Node> {
  const q = (ctx.query.get('q') ?? '').trim();
  const form = filterForm(ctx, [{ name: 'q', label: 'Search', placeholder: 'a name, words, "a phrase"' }]);
  if (!q) return h('div', { class: 'page search' }, h('h1', {}, 'Search'), form, empty('Type a name (any spelling or alias) or words, to find actors, places, articles, events, records and quotes.'));
  ctx.title(`Search: ${q}`);
  const found = await api.find(q, 50);
  const { articles, events, records, quotes } = found;
  return h(
    'div',
    { class: 'page search' },
    h('h1', {}, 'Search'),
    form,
    namedCard(found),
    section(
      `Articles (${articles.total})`,
      found.articleSearchError
        ? h('p', { class: 'error', role: 'alert', 'data-testid': 'search-error' }, found.articleSearchError.replace(/^bad search query "(?:[^"\\]|\\.)*": /, 'The words could not be searched as typed: '))
        : null,
      articles.items.length === 0 ? empty('No article matches.') : h('ol', { class: 'hits', 'data-testid': 'article-hits' }, articles.items.map(articleHit)),
      articles.total > articles.items.length ? h('p', { class: 'muted' }, `The first ${articles.items.length} of ${articles.total}.`) : null,
    ),
    section(
      `Event records (${records.total})`,
      records.items.length === 0
        ? empty('No event record names this actor or place.')
        : cappedTable(RECORD_HEADERS, records.items.map((r) => recordRow(r, ctx.wording)), { class: 'records', 'data-testid': 'record-hits' }, 20),
    ),
    section(
      `Events (${events.total})`,
      events.items.length === 0
        ? empty('No event names this actor or place, or has these words in its evidence.')
        : cappedTable(EVENT_HEADERS, events.items.map((e) => eventRow(e, ctx.wording)), { class: 'events', 'data-testid': 'event-hits' }, 20),
    ),
    section(
      `Quotes (${quotes.total})`,
      quotes.items.length === 0 ? empty('No quote by or about this actor.') : h('ul', { 'data-testid': 'quote-hits' }, quotes.items.map((x) => h('li', {}, quoteLine(x)))),
    ),
    h(
      'div',
      { class: 'grid' },
      section(
        `Other actors (${found.otherActors.length})`,
        found.otherActors.length === 0
          ? empty('No other actor’s name holds these letters.')
          : table(['actor', 'type', 'country', 'mentions'], found.otherActors.map((a) => [link(path('actor', a.id), a.name), a.type, a.country ?? '', a.mentions]), { 'data-testid': 'actor-hits' }),
      ),
      section(
        `Other places (${found.otherPlaces.length})`,
        found.otherPlaces.length === 0
          ? empty('No other place’s name holds these letters.')
          : table(
              ['place', 'precision', 'country', 'mentions'],
              found.otherPlaces.map((p) => [link(withQuery('/map', { focus: p.id }), p.name), p.precision, p.country ?? '', p.mentions]),
              { 'data-testid': 'place-hits' },
            ),
      ),
    ),
  );
}
