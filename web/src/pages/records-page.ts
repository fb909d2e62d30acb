import { api } from '../api-client.js';
import { empty, h, table } from '../dom.js';
import { PLOVER_TYPES } from '../plover.js';
import type { RouteContext } from '../router.js';
import { filterForm, intParam, OUT_OF_VIEW, outOfViewSection, pager, RECORD_HEADERS, recordRow } from '../widgets.js';

const LIMIT = 50;

/** Event records, one per real-world event, with every filter in the URL. */
export async function recordsPage(ctx: RouteContext): Promise<Node> {
  const q = ctx.query;
  const offset = intParam(q, 'offset', 0);
  const looseQuery = { inRecord: 'false', actor: q.get('actor'), outlet: q.get('outlet'), place: q.get('place'), plover: q.get('plover'), from: q.get('from'), to: q.get('to') };
  const [page, loose] = await Promise.all([api.records({
    disputed: q.get('disputed'),
    minIndependent: q.get('minIndependent'),
    actor: q.get('actor'),
    outlet: q.get('outlet'),
    place: q.get('place'),
    plover: q.get('plover'),
    from: q.get('from'),
    to: q.get('to'),
    sort: q.get('sort'),
    limit: LIMIT,
    offset,
  }),
  // Events that no record holds (not linkable yet): listed apart, so they are not lost.
  api.events({ ...looseQuery, limit: OUT_OF_VIEW.first }),
  ]);
  return h(
    'div',
    { class: 'page records' },
    h('h1', {}, 'Event records'),
    h('p', { class: 'muted' }, 'One record per real-world event, however many articles report it; independent witnesses count outlets that did not copy each other.'),
    filterForm(ctx, [
      { name: 'disputed', label: 'Disputed only', type: 'select', options: ['true'] },
      { name: 'minIndependent', label: 'Min. independent', type: 'number', placeholder: '2' },
      { name: 'actor', label: 'Actor' },
      { name: 'outlet', label: 'Outlet' },
      { name: 'place', label: 'Place' },
      { name: 'plover', label: 'PLOVER type', type: 'select', options: PLOVER_TYPES },
      { name: 'from', label: 'From', type: 'date' },
      { name: 'to', label: 'To', type: 'date' },
      { name: 'sort', label: 'Sort', type: 'select', options: ['date', 'reports'] },
    ]),
    pager(ctx, page.total, LIMIT, offset),
    page.items.length === 0 ? empty('No event record matches these filters.') : table(RECORD_HEADERS, page.items.map((r) => recordRow(r, ctx.wording)), { class: 'records', 'data-testid': 'records' }),
    outOfViewSection('Events in no record', 'unrecorded-events', 'Events read in an article but linked to no record (too little said of who, when or where to match them): not in the list above, listed here.', loose, ctx.wording, (offset, limit) =>
      api.events({ ...looseQuery, offset, limit }),
    ),
  );
}
