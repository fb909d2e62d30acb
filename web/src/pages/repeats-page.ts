import { api } from '../api-client.js';
import type { ArticleDetail, RepeatPair } from '../api-types.js';
import { empty, h, link, path, table, withQuery } from '../dom.js';
import type { Mark } from '../highlight.js';
import type { RouteContext } from '../router.js';
import { filterForm, intParam, pager } from '../widgets.js';
import { annotatedText } from './article-page.js';

const LIMIT = 50;

const articleLabel = (a: RepeatPair['first']): string => `${a.outlet ?? 'unknown outlet'}, ${a.date ?? 'undated'}`;

/** Which articles repeat passages of which: one line per pair, the earlier article first; a pair opens side by side. */
export async function repeatsPage(ctx: RouteContext): Promise<Node> {
  const a = ctx.query.get('a');
  const b = ctx.query.get('b');
  if (a && b) return sideBySide(ctx, a, b);
  const offset = intParam(ctx.query, 'offset', 0);
  const pairs = await api.repeats({ outlet: ctx.query.get('outlet'), limit: LIMIT, offset });
  ctx.title('Repeated passages');
  return h(
    'div',
    { class: 'page repeats' },
    h('h1', {}, 'Repeated passages'),
    h('p', { class: 'muted' }, 'Articles that repeat passages of an earlier article, word for word or nearly: a copy, a shared wire story, or a press release run twice.'),
    filterForm(ctx, [{ name: 'outlet', label: 'Outlet' }]),
    pager(ctx, pairs.total, LIMIT, offset),
    pairs.items.length === 0
      ? empty('No article repeats a passage of another.')
      : table(
          ['later article', 'repeats', 'earlier article', 'passages', ''],
          pairs.items.map((p) => [
            [link(path('article', p.second.id), p.second.title || '(untitled)'), h('div', { class: 'muted small' }, articleLabel(p.second))],
            h('span', { class: 'muted' }, p.first.date === p.second.date ? 'shares with' : 'repeats'),
            [link(path('article', p.first.id), p.first.title || '(untitled)'), h('div', { class: 'muted small' }, articleLabel(p.first))],
            `${p.passages} (${p.kinds.join(', ')}; closest ${Math.round(p.similarity * 100)}%)`,
            link(withQuery('/repeats', { a: p.first.id, b: p.second.id }), 'side by side', { class: 'pair-link' }),
          ]),
          { class: 'repeat-pairs', 'data-testid': 'repeat-pairs' },
        ),
  );
}

/** The passages of `a` that `b` repeats, as marks on a's text. */
const sharedMarks = (a: ArticleDetail, b: ArticleDetail): Mark[] =>
  a.repeatedPassages.filter((r) => r.otherArticleId === b.id).map((r) => ({ start: r.start, end: r.end, kind: 'shared', title: `${r.kind} repeat (${Math.round(r.similarity * 100)}%) of a passage of the other article` }));

async function sideBySide(ctx: RouteContext, aId: string, bId: string): Promise<Node> {
  const [a, b] = await Promise.all([api.article(aId), api.article(bId)]);
  const column = (x: ArticleDetail, other: ArticleDetail): HTMLElement => {
    const marks = sharedMarks(x, other);
    return h(
      'section',
      { class: 'card side', 'data-article': x.id },
      h('h2', {}, link(path('article', x.id), x.title || '(untitled)')),
      h('p', { class: 'byline' }, [x.outlet, x.author, x.date].filter(Boolean).join(' · ')),
      h('p', { class: 'muted small', 'data-testid': 'shared-count' }, `${marks.length} passage${marks.length === 1 ? '' : 's'} shared with the other article, marked.`),
      annotatedText(x.text, marks, { start: x.bodyStart, end: x.text.length }, h('div', { class: 'article-text' })),
    );
  };
  ctx.title(`Shared passages: ${a.outlet ?? '?'} and ${b.outlet ?? '?'}`);
  return h(
    'div',
    { class: 'page repeats' },
    h('h1', {}, 'Shared passages, side by side'),
    h('p', {}, link('/repeats', '← all repeated passages')),
    h('div', { class: 'side-by-side', 'data-testid': 'side-by-side' }, column(a, b), column(b, a)),
  );
}
