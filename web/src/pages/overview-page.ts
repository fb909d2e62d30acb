import { api } from '../api-client.js';
import { empty, h, link, path, section, table, withQuery } from '../dom.js';
import type { RouteContext } from '../router.js';
import { EVENT_HEADERS, eventRow } from '../widgets.js';

const OUTLET_SAMPLE = 500;

export async function overviewPage(_ctx: RouteContext): Promise<Node> {
  const [stats, events, actors, articles] = await Promise.all([
    api.stats(),
    api.events({ limit: 10 }),
    api.actors({ limit: 12 }),
    api.articles({ limit: OUTLET_SAMPLE, sort: '-date' }),
  ]);
  const counts: Array<[string, number, string | null]> = [
    ['articles', stats.articles, '/articles'],
    ['outlets', stats.outlets, null],
    ['actors', stats.actors, '/network'],
    ['place mentions', stats.placeMentions, '/map'],
    ['time mentions', stats.timeMentions, '/timeline'],
    ['events', stats.events, '/timeline'],
    ['quotes', stats.quotes, null],
    ['repeated passages', stats.repeatedPassages, null],
  ];
  const outlets = new Map<string, number>();
  for (const a of articles.items) outlets.set(a.outlet ?? '(no outlet)', (outlets.get(a.outlet ?? '(no outlet)') ?? 0) + 1);
  const byOutlet = [...outlets].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return h(
    'div',
    { class: 'page overview' },
    h('h1', {}, 'Overview'),
    h('p', { class: 'muted' }, stats.firstDate ? `Articles from ${stats.firstDate} to ${stats.lastDate ?? '?'}.` : 'No dated articles yet.'),
    h(
      'ul',
      { class: 'stats', 'data-testid': 'stats' },
      counts.map(([label, n, href]) => h('li', {}, h('strong', {}, n.toLocaleString('en')), ' ', href ? link(href, label) : label)),
    ),
    h(
      'div',
      { class: 'grid' },
      h(
        'section',
        { class: 'card wide' },
        h('h2', {}, 'Latest events'),
        events.items.length === 0 ? empty('No events in the store yet.') : table(EVENT_HEADERS, events.items.map(eventRow), { class: 'events' }),
        stats.events > 0 ? link('/timeline', 'All events on the timeline →') : null,
      ),
      section(
        'Top actors',
        actors.items.length === 0
          ? empty('No actors yet.')
          : table(
              ['actor', 'type', 'mentions', 'articles'],
              actors.items.map((a) => [link(path('actor', a.id), a.name), a.type, a.mentions, a.articles]),
              { class: 'actors' },
            ),
      ),
      section(
        'Outlets',
        h('p', { class: 'muted' }, articles.total > OUTLET_SAMPLE ? `In the latest ${OUTLET_SAMPLE} of ${articles.total} articles.` : `In all ${articles.total} articles.`),
        table(
          ['outlet', 'articles'],
          byOutlet.map(([name, n]) => [name === '(no outlet)' ? name : link(withQuery('/articles', { outlet: name }), name), n]),
          { class: 'outlets' },
        ),
      ),
      section(
        'Latest articles',
        table(
          ['date', 'title', 'outlet'],
          articles.items.slice(0, 10).map((a) => [a.date ?? '', link(path('article', a.id), a.title || '(untitled)'), a.outlet ?? '']),
          { class: 'articles' },
        ),
      ),
    ),
  );
}
