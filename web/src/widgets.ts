import type { EventOut, EventRecord } from './api-types.js';
import { type Attrs, type Child, h, link, path, table } from './dom.js';
import { ploverColour } from './plover.js';
import type { RouteContext } from './router.js';

export interface FilterField {
  readonly name: string;
  readonly label: string;
  readonly type?: 'text' | 'date' | 'number' | 'select';
  readonly options?: readonly string[];
  readonly placeholder?: string;
}

/** A filter form whose values live in the URL: submitting it rewrites the query (and resets paging). */
export function filterForm(ctx: RouteContext, fields: readonly FilterField[]): HTMLFormElement {
  const inputs = fields.map((f) => {
    const value = ctx.query.get(f.name) ?? '';
    const control =
      f.type === 'select'
        ? h(
            'select',
            { name: f.name, 'aria-label': f.label },
            h('option', { value: '' }, 'any'),
            (f.options ?? []).map((o) => h('option', { value: o, selected: o === value }, o)),
          )
        : h('input', { name: f.name, type: f.type === 'date' ? 'text' : (f.type ?? 'text'), value, placeholder: f.placeholder ?? (f.type === 'date' ? 'YYYY-MM-DD' : ''), 'aria-label': f.label });
    return h('label', {}, h('span', {}, f.label), control);
  });
  const form = h('form', { class: 'filters' }, inputs, h('button', { type: 'submit' }, 'Filter'), h('button', { type: 'reset', class: 'secondary' }, 'Clear'));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const data = new FormData(form);
    const patch: Record<string, string | null> = { offset: null };
    for (const f of fields) patch[f.name] = String(data.get(f.name) ?? '').trim() || null;
    ctx.setQuery(patch);
  });
  form.addEventListener('reset', (ev) => {
    ev.preventDefault();
    const patch: Record<string, null> = { offset: null };
    for (const f of fields) patch[f.name] = null;
    ctx.setQuery(patch);
  });
  return form;
}

export function pager(ctx: RouteContext, total: number, limit: number, offset: number): HTMLElement {
  const to = Math.min(total, offset + limit);
  return h(
    'div',
    { class: 'pager' },
    h('span', { class: 'count' }, total === 0 ? 'none' : `${offset + 1}–${to} of ${total}`),
    offset > 0 ? h('button', { type: 'button', class: 'secondary', onclick: () => ctx.setQuery({ offset: Math.max(0, offset - limit) || null }) }, '← previous') : null,
    to < total ? h('button', { type: 'button', class: 'secondary', onclick: () => ctx.setQuery({ offset: offset + limit }) }, 'next →') : null,
  );
}

export function intParam(q: URLSearchParams, name: string, fallback: number): number {
  const n = Number(q.get(name));
  return Number.isInteger(n) && n >= 0 && q.get(name) !== null ? n : fallback;
}

export function ploverBadge(type: string | null): HTMLElement {
  const swatch = h('span', { class: 'swatch', 'aria-hidden': 'true' });
  swatch.style.background = ploverColour(type);
  return h('span', { class: 'plover' }, swatch, type ?? 'no PLOVER type');
}

export const actorLink = (p: { id: string | null; name: string }): Child => (p.id ? link(path('actor', p.id), p.name) : p.name);

export function participants(list: EventOut['source']): Child {
  if (list.length === 0) return h('span', { class: 'muted' }, '?');
  return list.map((p, i) => [i > 0 ? ' + ' : '', actorLink(p)]);
}

/** One line per event: date, type, who → whom, where, and links to the event and its evidence. */
export function eventRow(e: EventOut): Child[] {
  return [
    e.date ?? h('span', { class: 'muted' }, 'undated'),
    ploverBadge(e.plover),
    h('span', {}, participants(e.source), ' → ', participants(e.target)),
    e.place ? e.place.name : '',
    link(path('event', e.id), e.code, { class: 'event-link' }),
    link(`${path('article', e.articleId)}?at=${e.evidenceSpan.start}&end=${e.evidenceSpan.end}`, e.evidence.length > 90 ? `${e.evidence.slice(0, 90)}…` : e.evidence),
  ];
}

export const EVENT_HEADERS = ['date', 'type', 'who → whom', 'where', 'event', 'evidence'];

const actorList = (list: ReadonlyArray<{ id: string | null; name: string }>): Child =>
  list.length === 0 ? h('span', { class: 'muted' }, '?') : list.map((p, i) => [i > 0 ? ' + ' : '', actorLink(p)]);

/** One line per event record: when, type, who → whom, where, how many witnesses, and the link to it. */
export function recordRow(r: EventRecord): Child[] {
  return [
    r.date ? `${r.date}${r.datePrecision && r.datePrecision !== 'day' ? ` (${r.datePrecision})` : ''}` : h('span', { class: 'muted' }, 'undated'),
    ploverBadge(r.plover),
    h('span', {}, actorList(r.source), ' → ', actorList(r.target)),
    r.place ? r.place.name : '',
    `${r.mentions.length} / ${r.outlets.length} / ${r.independentOutlets}`,
    h('span', {}, link(path('record', r.id), r.code, { class: 'record-link' }), r.disputed ? h('span', { class: 'disputed', title: 'the reports disagree' }, ' disputed') : null),
  ];
}

export const RECORD_HEADERS = ['date', 'type', 'who → whom', 'where', 'reports / outlets / independent', 'record'];

/**
 * A table of its first `cap` rows and a button for the rest: hundreds of rows (a much-mentioned
 * actor, a full timeline) would hold the page back for rows below the fold.
 */
export function cappedTable(headers: readonly string[], rows: readonly (readonly Child[])[], attrs: Attrs = {}, cap = 100): HTMLElement {
  const t = table(headers, rows.slice(0, cap), attrs);
  if (rows.length <= cap) return t;
  const more = h('button', { type: 'button', class: 'secondary show-all' }, `show all ${rows.length} rows`);
  more.addEventListener('click', () => {
    const body = t.tBodies[0]!;
    for (const r of rows.slice(cap)) body.appendChild(h('tr', {}, r.map((c) => h('td', {}, c))));
    more.remove();
  });
  return h('div', { class: 'capped' }, t, more);
}
