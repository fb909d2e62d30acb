import { dateWords, type EventSentence, type EventWording, eventSentence, type SentenceFields } from '../../src/records/event-sentence.js';
import type { EventOut, EventRecord, Page, QuoteOut } from './api-types.js';
import { type Attrs, type Child, h, link, path, table } from './dom.js';
import { FILTER_CHECKS } from './filter-checks.js';
import { ploverColour } from './plover.js';
import type { RouteContext } from './router.js';

export interface FilterField {
  readonly name: string;
  readonly label: string;
  readonly type?: 'text' | 'date' | 'number' | 'select';
  readonly options?: readonly string[];
  readonly placeholder?: string;
}

/** Marks a field as wrong, with what to type instead under it; the typed text stays. */
function markInvalid(label: HTMLElement, message: string | null): void {
  const control = label.querySelector('input, select');
  label.querySelector('.field-error')?.remove();
  label.classList.toggle('invalid', message !== null);
  if (!control) return;
  if (message === null) {
    control.removeAttribute('aria-invalid');
    control.removeAttribute('aria-describedby');
    return;
  }
  const id = `${control.getAttribute('name') ?? 'field'}-error`;
  control.setAttribute('aria-invalid', 'true');
  control.setAttribute('aria-describedby', id);
  label.appendChild(h('span', { class: 'field-error', id, role: 'alert' }, message));
}

/**
 * A filter form whose values live in the URL: submitting it rewrites the query (and resets
 * paging). A value that is not valid is marked on its field with what to type, and the form
 * is kept as typed: on submit nothing is sent; from the URL, the page loads without it.
 */
export function filterForm(ctx: RouteContext, fields: readonly FilterField[]): HTMLFormElement {
  const labels = fields.map((f) => {
    const bad = ctx.invalid.get(f.name);
    const value = bad?.value ?? ctx.query.get(f.name) ?? '';
    const control =
      f.type === 'select'
        ? h(
            'select',
            { name: f.name, 'aria-label': f.label },
            h('option', { value: '' }, 'any'),
            (f.options ?? []).map((o) => h('option', { value: o, selected: o === value }, o)),
          )
        : h('input', { name: f.name, type: 'text', inputmode: f.type === 'number' ? 'decimal' : null, value, placeholder: f.placeholder ?? (f.type === 'date' ? 'YYYY-MM-DD' : ''), 'aria-label': f.label });
    const label = h('label', {}, h('span', {}, f.label), control);
    if (bad) markInvalid(label, `${bad.message}; not applied`);
    return label;
  });
  const form = h('form', { class: 'filters', novalidate: true }, labels, h('button', { type: 'submit' }, 'Filter'), h('button', { type: 'reset', class: 'secondary' }, 'Clear'));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const data = new FormData(form);
    const patch: Record<string, string | null> = { offset: null };
    let firstBad: HTMLElement | null = null;
    for (const [i, f] of fields.entries()) {
      const value = String(data.get(f.name) ?? '').trim();
      const problem = value ? (FILTER_CHECKS[f.name]?.(value) ?? null) : null;
      markInvalid(labels[i]!, problem);
      if (problem && !firstBad) firstBad = labels[i]!.querySelector('input, select');
      patch[f.name] = value || null;
    }
    if (firstBad) {
      firstBad.focus();
      return;
    }
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

/** The badge beside an event that did not, or not yet, happen as told ("planned", "denied"…). */
export function modalityBadge(sentence: EventSentence): HTMLElement | null {
  return sentence.modality ? h('span', { class: `modality-badge modality-${sentence.modality.replace(/\s+/g, '-')}`, 'data-testid': 'modality' }, sentence.modality) : null;
}

/**
 * An event or record told as a sentence, linked to its page, with its modality badge and the
 * type's name; what did not happen as told is drawn apart (struck through or in italics by CSS).
 */
export function sentenceView(sentence: EventSentence, href: string, attrs: Attrs = {}): HTMLElement {
  return h(
    'span',
    { class: `sentence${sentence.happened ? '' : ' not-happened'}${sentence.disputed.length > 0 ? ' has-dispute' : ''}`, 'data-testid': 'sentence' },
    link(href, sentence.text, attrs),
    ' ',
    modalityBadge(sentence),
    sentence.typeName ? h('span', { class: 'type-name' }, ` ${sentence.typeName}`) : null,
  );
}

/** What the sentence of an event is made from. */
export const eventFields = (e: EventOut): SentenceFields => ({
  code: e.code,
  modality: e.modality,
  source: e.source,
  target: e.target,
  place: e.place?.name ?? null,
  date: e.date,
  datePrecision: e.datePrecision,
  magnitudes: e.magnitudes,
});

/** What the sentence of a record is made from: its disputes are named, never joined. */
export const recordFields = (r: EventRecord): SentenceFields => ({
  code: r.code,
  source: r.source,
  target: r.target,
  place: r.place?.name ?? null,
  date: r.date,
  datePrecision: r.datePrecision,
  contradictions: r.contradictions,
});

const dateCell = (date: string | null, precision: string | null): Child =>
  date ? h('span', { class: 'nowrap' }, dateWords(date, precision)) : h('span', { class: 'muted' }, 'undated');

/** One line per event: date, type, what happened as a sentence (with its modality), and the evidence. */
export function eventRow(e: EventOut, wording: EventWording): Child[] {
  const sentence = eventSentence(eventFields(e), wording);
  return [
    dateCell(e.date, e.datePrecision),
    ploverBadge(e.plover),
    sentenceView(sentence, path('event', e.id), { class: 'event-link' }),
    link(`${path('article', e.articleId)}?at=${e.evidenceSpan.start}&end=${e.evidenceSpan.end}`, e.evidence.length > 90 ? `${e.evidence.slice(0, 90)}…` : e.evidence),
  ];
}

export const EVENT_HEADERS = ['date', 'type', 'what happened', 'evidence'];

/** One line per event record: when, type, what happened as a sentence, and how many witnesses. */
export function recordRow(r: EventRecord, wording: EventWording): Child[] {
  return [
    dateCell(r.date, r.datePrecision),
    ploverBadge(r.plover),
    h('span', {}, sentenceView(eventSentence(recordFields(r), wording), path('record', r.id), { class: 'record-link' }), r.disputed ? h('span', { class: 'disputed', title: 'the reports disagree' }, ' disputed') : null),
    `${r.mentions.length} / ${r.outlets.length} / ${r.independentOutlets}`,
  ];
}

export const RECORD_HEADERS = ['date', 'type', 'what happened', 'reports / outlets / independent'];

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

/** How many events an out-of-view list shows at first, and how many at most once the reader asks for the rest. */
export const OUT_OF_VIEW = { first: 20, most: 500 } as const;

/**
 * The events a view cannot draw (undated on the timeline, unplaced on the map, in no record on
 * the records page), listed under it so that nothing falls out of view. The page asks for the
 * first OUT_OF_VIEW.first of them; `more(offset, limit)` fetches the rest, up to OUT_OF_VIEW.most,
 * when the reader asks: the page no longer waits for 500 events to show 20.
 */
export function outOfViewSection(
  title: string,
  testId: string,
  why: string,
  events: Page<EventOut>,
  wording: EventWording,
  more: (offset: number, limit: number) => Promise<Page<EventOut>>,
): HTMLElement {
  const shown = events.items.length;
  const note = (n: number): HTMLElement | null => (events.total > n ? h('p', { class: 'muted listed' }, `The latest ${n} of ${events.total} are listed.`) : null);
  const list = shown === 0 ? h('p', { class: 'empty' }, 'None.') : table(EVENT_HEADERS, events.items.map((e) => eventRow(e, wording)), { class: 'events' });
  let listed = note(shown);
  const section = h('section', { class: 'card out-of-view', 'data-testid': testId }, h('h2', {}, `${title} (${events.total})`), h('p', { class: 'muted' }, why), list, listed);
  if (events.total > shown && shown > 0 && list instanceof HTMLTableElement) {
    const upTo = Math.min(events.total, OUT_OF_VIEW.most);
    const button = h('button', { type: 'button', class: 'secondary show-all' }, `show ${upTo - shown} more`);
    button.addEventListener('click', () => {
      button.setAttribute('disabled', '');
      button.textContent = 'loading…';
      more(shown, upTo - shown).then(
        (rest) => {
          const body = list.tBodies[0]!;
          for (const e of rest.items) body.appendChild(h('tr', {}, eventRow(e, wording).map((c) => h('td', {}, c))));
          const now = note(shown + rest.items.length);
          if (listed) listed.replaceWith(now ?? '');
          listed = now;
          button.remove();
        },
        (err: unknown) => {
          button.removeAttribute('disabled');
          button.textContent = `could not load them (${err instanceof Error ? err.message : String(err)}); try again`;
        },
      );
    });
    section.appendChild(button);
  }
  return section;
}

/** A quote as a line: who said it, through whom, in which outlet, when; the outlet links to the quote in its article. */
export function quoteLine(q: QuoteOut): Child[] {
  const speaker = q.speaker.id ? link(path('actor', q.speaker.id), q.speaker.name ?? '?') : (q.speaker.name ?? q.speaker.text ?? 'unnamed speaker');
  return [
    h('strong', { class: 'speaker' }, speaker),
    q.via ? [' via ', q.via.id ? link(path('actor', q.via.id), q.via.name) : q.via.name] : null,
    ': ',
    h('q', {}, q.text),
    ' — ',
    link(`${path('article', q.articleId)}?at=${q.span.start}&end=${q.span.end}`, [q.outlet ?? 'unknown outlet', q.date].filter(Boolean).join(', '), { class: 'quote-source', title: 'the quote in its article' }),
    q.direct ? '' : h('span', { class: 'muted' }, ' (reported speech)'),
  ];
}
