import { api } from '../api-client.js';
import { empty, h } from '../dom.js';
import type { RouteContext } from '../router.js';
import { filterForm, intParam, pager, quoteLine } from '../widgets.js';

const LIMIT = 50;

/** Who said what, through whom, in which outlet and when, with every filter in the URL. */
export async function quotesPage(ctx: RouteContext): Promise<Node> {
  const q = ctx.query;
  const offset = intParam(q, 'offset', 0);
  const quotes = await api.quotes({ speaker: q.get('speaker'), outlet: q.get('outlet'), about: q.get('about'), limit: LIMIT, offset });
  ctx.title(q.get('speaker') ? `Quotes of ${q.get('speaker')}` : 'Quotes');
  return h(
    'div',
    { class: 'page quotes' },
    h('h1', {}, 'Quotes'),
    filterForm(ctx, [
      { name: 'speaker', label: 'Speaker', placeholder: 'name or actor id' },
      { name: 'outlet', label: 'Outlet' },
      { name: 'about', label: 'About (actor id)' },
    ]),
    pager(ctx, quotes.total, LIMIT, offset),
    quotes.items.length === 0 ? empty('No quote matches these filters.') : h('ul', { class: 'quotes', 'data-testid': 'quotes' }, quotes.items.map((x) => h('li', { 'data-quote': x.id }, quoteLine(x)))),
  );
}
