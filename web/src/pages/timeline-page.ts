import { eventSentence } from '../../../src/records/event-sentence.js';
import { api } from '../api-client.js';
import type { EventOut, EventRecord, Page } from '../api-types.js';
import { DAY, dayOf, dayTicks, isoDay, spanOf } from '../dates.js';
import { denseRange } from '../dense-range.js';
import { empty, h, path, s, section } from '../dom.js';
import { packLanes } from '../lanes.js';
import { PLOVER_TYPES, ploverColour } from '../plover.js';
import { atMostAtOnce } from '../paced-requests.js';
import type { RouteContext } from '../router.js';
import { cappedTable, filterForm, OUT_OF_VIEW, outOfViewSection, RECORD_HEADERS, recordFields, recordRow } from '../widgets.js';

/** Records per request; the first asks for fewer, so the chart is drawn soon and the rest come after. */
const LIMIT = 500;
const FIRST = 100;
const W = 960;
const MIN_H = 200;
const PAD = { left: 40, right: 20, top: 16, bottom: 36 };
const R = 6;
const LANE = 2 * R + 3;

interface Item {
  id: string;
  /** First day covered, and the end (exclusive): a month-precision date spans its month. */
  day: number;
  end: number;
  colour: string;
  title: string;
  href: string;
  disputed: boolean;
}

/** The events the chart cannot draw for these filters: those with no date. */
const undatedQuery = (q: URLSearchParams) => ({ dated: 'false', plover: q.get('plover'), actor: q.get('actor'), outlet: q.get('outlet') });

export async function timelinePage(ctx: RouteContext): Promise<Node> {
  const q = ctx.query;
  const plover = q.get('plover');
  // Zoomed in, the page asks for the records of the window, so a big store shows them all there.
  const filters = { plover, actor: q.get('actor'), outlet: q.get('outlet'), from: q.get('zf'), to: q.get('zt') };
  const [first, undated] = await Promise.all([
    api.records({ ...filters, limit: FIRST, offset: 0 }),
    // What the chart cannot draw: events with no date, listed under it.
    api.events({ ...undatedQuery(q), limit: OUT_OF_VIEW.first }),
  ]);
  const page = await timelineView(ctx, first, undated);
  // A big store: the page is drawn with the latest records at once, and redrawn with all of them when they are in.
  if (first.total > first.items.length) {
    void restOfRecords(filters, first).then(async (all) => {
      if (page.isConnected) page.replaceWith(await timelineView(ctx, all, undated));
    });
  }
  return page;
}

async function timelineView(ctx: RouteContext, records: Page<EventRecord>, undated: Page<EventOut>): Promise<HTMLElement> {
  const q = ctx.query;
  const plover = q.get('plover');
  // Before any event is recorded, the dated mentions keep the timeline useful.
  const mentions = records.total === 0 && !plover && !q.get('actor') && !q.get('outlet') ? await api.timeline({ limit: LIMIT, from: q.get('zf'), to: q.get('zt') }) : null;
  const items: Item[] = mentions
    ? mentions.items.flatMap((t, i) => {
        const span = spanOf(t.value, t.precision);
        return span === null ? [] : [{ id: `t${i}`, day: span[0], end: span[1], colour: '#737373', title: `${t.value}: ${t.context}`, href: `${path('article', t.articleId)}?t=${encodeURIComponent(t.value)}`, disputed: false }];
      })
    : records.items.flatMap((r) => {
        const span = spanOf(r.date, r.datePrecision);
        return span === null
          ? []
          : [
              {
                id: r.id,
                day: span[0],
                end: span[1],
                colour: ploverColour(r.plover),
                title: `${eventSentence(recordFields(r), ctx.wording).text}; ${r.mentions.length} reports, ${r.independentOutlets} independent${r.disputed ? '; disputed' : ''}`,
                href: path('record', r.id),
                disputed: r.disputed,
              },
            ];
      });
  const from = dayOf(q.get('from'));
  const to = dayOf(q.get('to'));
  const days = items.map((i) => i.day);
  const extent: [number, number] = days.length ? [Math.min(...days) - DAY, Math.max(...days) + DAY] : [Date.UTC(2000, 0, 1), Date.UTC(2001, 0, 1)];
  const dense = denseRange(days, 14 * DAY);
  const initial: [number, number] = dense ? [dense[0] - DAY, dense[1] + DAY] : extent;
  const view: [number, number] = [dayOf(q.get('zf')) ?? initial[0], dayOf(q.get('zt')) ?? initial[1]];
  const outside = days.filter((d) => d < view[0] || d > view[1]).length;
  if (view[1] <= view[0]) view[1] = view[0] + DAY;

  const chart = drawChart(ctx, items, view, from, to);
  const zoom = (factor: number): void => {
    const mid = (view[0] + view[1]) / 2;
    const half = Math.max(DAY, ((view[1] - view[0]) * factor) / 2);
    ctx.setQuery({ zf: isoDay(mid - half), zt: isoDay(mid + half) });
  };
  const inRange = (e: EventRecord): boolean => {
    const d = dayOf(e.date);
    return (from === null || (d !== null && d >= from)) && (to === null || (d !== null && d <= to));
  };
  const listed = records.items.filter(inRange);
  const present = new Set(records.items.map((e) => e.plover ?? ''));
  return h(
    'div',
    { class: 'page timeline' },
    h('h1', {}, 'Timeline'),
    filterForm(ctx, [
      { name: 'plover', label: 'PLOVER type', type: 'select', options: PLOVER_TYPES },
      { name: 'actor', label: 'Actor' },
      { name: 'outlet', label: 'Outlet' },
      { name: 'from', label: 'From', type: 'date' },
      { name: 'to', label: 'To', type: 'date' },
    ]),
    h(
      'div',
      { class: 'toolbar' },
      h('button', { type: 'button', class: 'secondary', onclick: () => zoom(0.5), 'data-testid': 'zoom-in' }, 'zoom in'),
      h('button', { type: 'button', class: 'secondary', onclick: () => zoom(2) }, 'zoom out'),
      from !== null || to !== null ? h('button', { type: 'button', class: 'secondary', onclick: () => ctx.setQuery({ zf: q.get('from'), zt: q.get('to') }) }, 'zoom to selection') : null,
      h('button', { type: 'button', class: 'secondary', onclick: () => ctx.setQuery({ zf: isoDay(extent[0]), zt: isoDay(extent[1]) }) }, 'all dates'),
      h('button', { type: 'button', class: 'secondary', onclick: () => ctx.setQuery({ zf: null, zt: null, from: null, to: null }) }, 'reset'),
      outside > 0 ? h('span', { class: 'notice', 'data-testid': 'outside' }, `${outside} outside this view`) : null,
      records.items.length < records.total ? h('span', { class: 'notice', 'data-testid': 'timeline-loading' }, `Drawing ${records.items.length} of ${records.total} records; the rest are loading…`) : null,
      h('span', { class: 'muted' }, 'Drag across the chart to select dates; click a dot to open its record (ringed: the reports disagree; a bar: dated only to the month or year).'),
    ),
    mentions
      ? h('p', { class: 'notice' }, `No event records in the store yet: the chart shows the ${mentions.items.length} dated time mentions instead.`)
      : h(
          'div',
          { class: 'legend' },
          PLOVER_TYPES.filter((t) => present.has(t)).map((t) => {
            const sw = h('span', { class: 'swatch' });
            sw.style.background = ploverColour(t);
            return h('button', { type: 'button', class: `key${plover === t ? ' active' : ''}`, onclick: () => ctx.setQuery({ plover: plover === t ? null : t }) }, sw, t);
          }),
        ),
    h('div', { class: 'card chart' }, chart),
    section(
      `Event records${from !== null || to !== null ? ` from ${q.get('from') ?? '…'} to ${q.get('to') ?? '…'}` : ''} (${listed.length})`,
      listed.length === 0 ? empty(mentions ? 'No event records yet.' : 'No event record in this range.') : cappedTable(RECORD_HEADERS, listed.map((r) => recordRow(r, ctx.wording)), { class: 'records', 'data-testid': 'timeline-list' }, 200),
    ),
    outOfViewSection('Not dated', 'undated-events', 'Events whose reports give no date the reader could place on the calendar: not on the chart, listed here.', undated, ctx.wording, (offset, limit) =>
      api.events({ ...undatedQuery(q), offset, limit }),
    ),
  );
}

function drawChart(ctx: RouteContext, items: readonly Item[], view: [number, number], from: number | null, to: number | null): SVGSVGElement {
  const x = (t: number): number => PAD.left + ((t - view[0]) / (view[1] - view[0])) * (W - PAD.left - PAD.right);
  const tOf = (px: number): number => view[0] + ((px - PAD.left) / (W - PAD.left - PAD.right)) * (view[1] - view[0]);
  // Every mark in view gets a lane where it covers no other; the chart grows as tall as its lanes.
  const shown = [...items].filter((i) => i.end > view[0] && i.day <= view[1]).sort((a, b) => a.day - b.day || a.id.localeCompare(b.id));
  const boxes = shown.map((i) => {
    const wide = i.end - i.day > DAY;
    const [x0, x1] = wide ? [Math.max(PAD.left, x(i.day)), Math.min(W - PAD.right, x(i.end))] : [x(i.day + DAY / 2) - R, x(i.day + DAY / 2) + R];
    // A span narrower than a dot is drawn as wide as one, centred on its days.
    return wide && x1 - x0 < 2 * R ? { left: (x0 + x1) / 2 - R, right: (x0 + x1) / 2 + R, wide } : { left: x0, right: x1, wide };
  });
  const lanes = packLanes(boxes, 2);
  const H = Math.max(MIN_H, PAD.top + (Math.max(0, ...lanes) + 1) * LANE + 6 + PAD.bottom);
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, class: 'timeline-svg', role: 'img', 'aria-label': 'event records by date', 'data-lanes': Math.max(0, ...lanes) + 1 });
  const baseline = H - PAD.bottom;
  svg.appendChild(s('rect', { x: PAD.left, y: PAD.top, width: W - PAD.left - PAD.right, height: baseline - PAD.top, class: 'plot' }));
  if (from !== null || to !== null) {
    const x0 = Math.max(PAD.left, x(from ?? view[0]));
    const x1 = Math.min(W - PAD.right, x((to ?? view[1]) + DAY));
    if (x1 > x0) svg.appendChild(s('rect', { x: x0, y: PAD.top, width: x1 - x0, height: baseline - PAD.top, class: 'selection' }));
  }
  for (const t of dayTicks(view[0], view[1])) {
    const px = x(t);
    svg.appendChild(s('line', { x1: px, x2: px, y1: PAD.top, y2: baseline, class: 'tick' }));
    svg.appendChild(s('text', { x: px, y: baseline + 16, 'text-anchor': 'middle', class: 'tick-label' }, isoDay(t)));
  }
  const marks = s('g', { class: 'items' });
  for (const [n, item] of shown.entries()) {
    const box = boxes[n]!;
    const cy = baseline - R - 3 - lanes[n]! * LANE;
    const attrs = { fill: item.colour, class: `item${item.disputed ? ' disputed' : ''}${box.wide ? ' span' : ''}`, 'data-id': item.id, 'data-href': item.href, tabindex: 0 };
    const mark = box.wide
      ? s('rect', { ...attrs, x: box.left, y: cy - R, width: box.right - box.left, height: 2 * R, rx: 3 }, s('title', {}, item.title))
      : s('circle', { ...attrs, cx: (box.left + box.right) / 2, cy, r: R }, s('title', {}, item.title));
    mark.addEventListener('click', (ev) => {
      ev.stopPropagation();
      ctx.navigate(item.href);
    });
    mark.addEventListener('keydown', (ev) => {
      if ((ev as KeyboardEvent).key === 'Enter') ctx.navigate(item.href);
    });
    marks.appendChild(mark);
  }
  svg.appendChild(marks);

  // The brush: a drag across the plot selects dates and writes them to the URL.
  const band = s('rect', { class: 'brush', y: PAD.top, height: baseline - PAD.top, width: 0, x: 0 });
  svg.appendChild(band);
  let start: number | null = null;
  const local = (ev: PointerEvent): number => {
    const box = svg.getBoundingClientRect();
    return ((ev.clientX - box.left) / box.width) * W;
  };
  svg.addEventListener('pointerdown', (ev) => {
    if ((ev.target as Element).classList.contains('item')) return;
    start = local(ev);
    svg.setPointerCapture(ev.pointerId);
  });
  svg.addEventListener('pointermove', (ev) => {
    if (start === null) return;
    const now = local(ev);
    band.setAttribute('x', String(Math.min(start, now)));
    band.setAttribute('width', String(Math.abs(now - start)));
  });
  svg.addEventListener('pointerup', (ev) => {
    if (start === null) return;
    const end = local(ev);
    const [a, b] = [Math.min(start, end), Math.max(start, end)];
    start = null;
    if (b - a < 4) return;
    ctx.setQuery({ from: isoDay(tOf(a)), to: isoDay(tOf(b)) });
  });
  return svg;
}

/** Pages of records asked for at once after the first: one per read thread of the server. */
const PAGES_AT_ONCE = 2;

/**
 * Every record the filters and the zoom window hold, after the first page: the chart draws them
 * all, not the first 500 (the pages after the first are asked for two at a time, paced-requests.ts).
 */
async function restOfRecords(query: Record<string, string | null>, first: Page<EventRecord>): Promise<Page<EventRecord>> {
  const rest: Array<() => Promise<Page<EventRecord>>> = [];
  for (let offset = first.items.length; offset < first.total; offset += LIMIT) rest.push(() => api.records({ ...query, limit: LIMIT, offset }));
  const items = [first.items, ...(await atMostAtOnce(rest, PAGES_AT_ONCE)).map((p) => p.items)].flat();
  return { items, total: first.total, limit: items.length, offset: 0 };
}
