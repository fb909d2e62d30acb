import { api } from '../api-client.js';
import { empty, h, link, path, section, withQuery } from '../dom.js';
import type { RouteContext } from '../router.js';
import { cappedTable, EVENT_HEADERS, eventRow } from '../widgets.js';

const roleText = (r: unknown): string => {
  if (typeof r === 'string') return r;
  if (typeof r !== 'object' || r === null) return String(r);
  return Object.entries(r as Record<string, unknown>)
    .filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
    .join(', ');
};

export async function actorPage(ctx: RouteContext): Promise<Node> {
  const a = await api.actor(ctx.params.id ?? '');
  const asSource = a.eventsAsSource ?? [];
  const asTarget = a.eventsAsTarget ?? [];
  const quotes = a.quotes ?? [];
  ctx.title(a.name);
  return h(
    'div',
    { class: 'page actor' },
    h('h1', { 'data-testid': 'actor-name' }, a.name),
    h('p', { class: 'byline' }, [a.type, a.country, a.sector, a.cameo ? `CAMEO ${a.cameo}` : null, a.origin].filter(Boolean).join(' · ')),
    h(
      'p',
      { class: 'actor-links' },
      link(withQuery('/records', { actor: a.id }), 'Its event records →', { 'data-testid': 'actor-records' }),
      ' · ',
      link(withQuery('/network', { actor: a.id }), a.members.length > 0 ? 'Its network, with its members →' : 'Its network →', { 'data-testid': 'actor-network' }),
      ' · ',
      link(withQuery('/quotes', { speaker: a.id }), 'Its quotes →'),
    ),
    h(
      'div',
      { class: 'grid' },
      section(
        'Identity',
        h(
          'dl',
          {},
          h('dt', {}, 'id'),
          h('dd', {}, a.id),
          h('dt', {}, 'aliases'),
          h('dd', {}, a.aliases.length ? a.aliases.join(' · ') : '—'),
          h('dt', {}, 'member of'),
          h('dd', {}, a.memberOf.length ? a.memberOf.map((m, i) => [i > 0 ? ', ' : '', link(path('actor', m), m)]) : '—'),
          h('dt', {}, 'members'),
          h('dd', {}, a.members.length ? a.members.map((m, i) => [i > 0 ? ', ' : '', link(path('actor', m.id), m.name)]) : '—'),
          h('dt', {}, 'roles'),
          h('dd', {}, a.roles.length ? h('ul', {}, a.roles.map((r) => h('li', {}, roleText(r)))) : '—'),
          h('dt', {}, 'wikidata'),
          h('dd', {}, a.wikidata ?? '—'),
          h('dt', {}, 'mentions'),
          h('dd', {}, `${a.mentions} in ${a.articles} articles`),
        ),
        h('p', {}, link(`/review?actor=${encodeURIComponent(a.id)}`, 'Correct this actor (merge, rename, aliases) →')),
      ),
      section(
        'Quotes',
        quotes.length === 0
          ? empty('No quotes by this actor.')
          : h(
              'ul',
              {},
              quotes.map((q) => h('li', {}, h('q', {}, q.text), ' — ', link(`${path('article', q.articleId)}?at=${q.span.start}&end=${q.span.end}`, q.outlet ?? 'article'), q.date ? `, ${q.date}` : '')),
            ),
      ),
    ),
    section('Events as source', asSource.length === 0 ? empty('None.') : cappedTable(EVENT_HEADERS, asSource.map((e) => eventRow(e, ctx.wording)), { class: 'events', 'data-testid': 'events-source' })),
    section('Events as target', asTarget.length === 0 ? empty('None.') : cappedTable(EVENT_HEADERS, asTarget.map((e) => eventRow(e, ctx.wording)), { class: 'events', 'data-testid': 'events-target' })),
    section(
      'Mentions',
      a.mentionList.length === 0
        ? empty('No mentions.')
        : cappedTable(
            ['date', 'article', 'outlet', 'as written', 'link'],
            a.mentionList.map((m) => [
              m.date ?? '',
              link(`${path('article', m.articleId)}?at=${m.start}&end=${m.end}`, m.title || '(untitled)'),
              m.outlet ?? '',
              m.text,
              h('span', { title: m.reason ?? '' }, m.confidence === null ? '' : `${Math.round(m.confidence * 100)}%`),
            ]),
            { class: 'mentions', 'data-testid': 'mentions' },
          ),
    ),
  );
}
