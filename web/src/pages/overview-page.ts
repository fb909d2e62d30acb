import { api } from '../api-client.js';
import { empty, h, link, path, section, table } from '../dom.js';
import type { RouteContext } from '../router.js';
import { RECORD_HEADERS, recordRow } from '../widgets.js';

export async function overviewPage(ctx: RouteContext): Promise<Node> {
  const [stats, latest, reported, actors, articles, outlets] = await Promise.all([
    api.stats(),
    api.records({ limit: 8, sort: 'date' }),
    api.records({ limit: 8, sort: 'reports' }),
    // Names and counts: the spellings read in the news (every mention of the top actors) are not shown here.
    api.actors({ limit: 12, brief: 'true' }),
    api.articles({ limit: 10, sort: '-date' }),
    api.outlets({ limit: 12, brief: 'true' }),
  ]);
  const multi = reported.items.filter((r) => r.mentions.length > 1);
  const counts: Array<[string, number, string | null]> = [
    ['articles', stats.articles, '/articles'],
    ['outlets', stats.outlets, null],
    ['actors', stats.actors, '/network'],
    ['place mentions', stats.placeMentions, '/map'],
    ['time mentions', stats.timeMentions, '/timeline'],
    ['events', stats.events, '/timeline'],
    ['event records', latest.total, '/records'],
    ['quotes', stats.quotes, '/quotes'],
    ['repeated passages', stats.repeatedPassages, '/repeats'],
  ];
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
        h('h2', {}, 'Latest event records'),
        latest.items.length === 0 ? empty('No event records in the store yet.') : table(RECORD_HEADERS, latest.items.map((r) => recordRow(r, ctx.wording)), { class: 'records latest-records' }),
        latest.total > 0 ? h('p', {}, link('/records', 'All event records →'), ' · ', link('/timeline', 'on the timeline →')) : null,
      ),
      h(
        'section',
        { class: 'card wide' },
        h('h2', {}, 'Most-reported event records'),
        h('p', { class: 'muted' }, 'Records reported by more than one article.'),
        multi.length === 0 ? empty('No event is reported by more than one article yet.') : table(RECORD_HEADERS, multi.map((r) => recordRow(r, ctx.wording)), { class: 'records most-reported' }),
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
        outlets.total > outlets.items.length ? h('p', { class: 'muted' }, `The ${outlets.items.length} with the most articles, of ${outlets.total}.`) : null,
        table(
          ['outlet', 'articles'],
          outlets.items.map((o) => [link(path('outlet', o.name), o.name), o.articles]),
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
