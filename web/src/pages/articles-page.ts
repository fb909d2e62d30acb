import { api } from '../api-client.js';
import { empty, h, link, path, table } from '../dom.js';
import type { RouteContext } from '../router.js';
import { filterForm, intParam, pager } from '../widgets.js';

const LIMIT = 50;

export async function articlesPage(ctx: RouteContext): Promise<Node> {
  const q = ctx.query;
  const offset = intParam(q, 'offset', 0);
  const page = await api.articles({ outlet: q.get('outlet'), author: q.get('author'), from: q.get('from'), to: q.get('to'), sort: q.get('sort'), limit: LIMIT, offset });
  return h(
    'div',
    { class: 'page articles' },
    h('h1', {}, 'Articles'),
    filterForm(ctx, [
      { name: 'outlet', label: 'Outlet' },
      { name: 'author', label: 'Author' },
      { name: 'from', label: 'From', type: 'date' },
      { name: 'to', label: 'To', type: 'date' },
      { name: 'sort', label: 'Sort', type: 'select', options: ['-date', 'date', 'title', 'outlet'] },
    ]),
    pager(ctx, page.total, LIMIT, offset),
    page.items.length === 0
      ? empty('No article matches these filters.')
      : table(
          ['date', 'title', 'outlet', 'author', 'source'],
          page.items.map((a) => [a.date ?? '', link(path('article', a.id), a.title || '(untitled)'), a.outlet ?? '', a.author ?? '', `${a.source.file.split('/').pop() ?? ''}:${a.source.startLine}`]),
          { class: 'articles', 'data-testid': 'results' },
        ),
  );
}
