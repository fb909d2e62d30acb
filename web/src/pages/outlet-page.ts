import { api } from '../api-client.js';
import { empty, h, link, path, section, table, withQuery } from '../dom.js';
import type { RouteContext } from '../router.js';
import { RECORD_HEADERS, recordRow } from '../widgets.js';

/** One outlet: its articles, the records it witnesses, the outlets whose passages it repeats or that repeat it. */
export async function outletPage(ctx: RouteContext): Promise<Node> {
  const name = ctx.params.name ?? '';
  const [summary, articles, records, repeats] = await Promise.all([
    // Its count and dates are all the page shows of it: brief, not every outlet's top actors and event types worked out.
    api.outlets({ name, limit: 50, brief: 'true' }),
    api.articles({ outlet: name, limit: 100, sort: '-date' }),
    api.records({ outlet: name, limit: 100 }),
    api.repeats({ outlet: name, limit: 100 }),
  ]);
  // The outlet filter is "name contains": keep this outlet's own rows.
  const outlet = summary.items.find((o) => o.name === name);
  if (!outlet) throw new Error(`no outlet named “${name}” (see the outlets on the overview)`);
  const own = articles.items.filter((a) => a.outlet === name);
  const pairs = repeats.items.filter((p) => p.first.outlet === name || p.second.outlet === name);
  ctx.title(name);
  return h(
    'div',
    { class: 'page outlet' },
    h('h1', { 'data-testid': 'outlet-name' }, name),
    h('p', { class: 'byline' }, `${outlet.articles} articles, ${outlet.firstDate ?? '?'} to ${outlet.lastDate ?? '?'}`),
    section(
      `Repeated passages (${pairs.length})`,
      pairs.length === 0
        ? empty('No article of this outlet shares a passage with another article.')
        : h(
            'ul',
            { 'data-testid': 'outlet-repeats' },
            pairs.map((p) => {
              const later = p.second.outlet === name;
              const other = later ? p.first : p.second;
              return h(
                'li',
                {},
                later ? 'Repeats ' : 'Repeated by ',
                `${other.outlet ?? 'unknown outlet'} (${p.passages} passage${p.passages === 1 ? '' : 's'}): `,
                link(withQuery('/repeats', { a: p.first.id, b: p.second.id }), `${p.second.title} ↔ ${p.first.title}`),
              );
            }),
          ),
    ),
    section(
      `Event records it witnesses (${records.total})`,
      records.items.length === 0 ? empty('No event record rests on this outlet’s reports.') : table(RECORD_HEADERS, records.items.map((r) => recordRow(r, ctx.wording)), { class: 'records', 'data-testid': 'outlet-records' }),
    ),
    section(
      `Articles (${own.length}${articles.total > articles.items.length ? ` of the latest ${articles.items.length}` : ''})`,
      table(['date', 'title', 'author'], own.map((a) => [a.date ?? '', link(path('article', a.id), a.title || '(untitled)'), a.author ?? '']), { class: 'articles', 'data-testid': 'outlet-articles' }),
    ),
  );
}
