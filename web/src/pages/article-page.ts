import { type EventWording, eventSentence } from '../../../src/records/event-sentence.js';
import { api } from '../api-client.js';
import type { ArticleDetail } from '../api-types.js';
import { type Child, empty, externalLink, h, link, path, section, table } from '../dom.js';
import { type Mark, runs } from '../highlight.js';
import type { RouteContext } from '../router.js';
import { EVENT_HEADERS, eventFields, eventRow } from '../widgets.js';

const KINDS: Array<[string, string]> = [
  ['entity', 'entities'],
  ['place', 'places'],
  ['time', 'times'],
  ['event', 'events'],
  ['trigger', 'triggers'],
  ['quote', 'quotes'],
  ['repeat', 'repeated passages'],
];

const pct = (x: number | null): string => (x === null ? '?' : `${Math.round(x * 100)}%`);

/** Every annotation of the article as a mark: its hover text says what it resolved to and why. */
export function articleMarks(a: ArticleDetail, focus: { start: number; end: number } | null, timeValue: string | null, wording: EventWording): Mark[] {
  const marks: Mark[] = [];
  for (const e of a.entities) {
    marks.push({
      start: e.start,
      end: e.end,
      kind: 'entity',
      title: `${e.type} “${e.text}” → ${e.actorId ?? 'no actor'} (${pct(e.confidence)})${e.reason ? `: ${e.reason}` : ''}`,
      href: e.actorId ? path('actor', e.actorId) : undefined,
    });
  }
  for (const p of a.places) {
    marks.push({
      start: p.start,
      end: p.end,
      kind: 'place',
      title: `Place “${p.text}” → ${p.name} (${p.precision}; ${p.lat.toFixed(3)}, ${p.lon.toFixed(3)}): ${p.reason}`,
      href: `/map?focus=${encodeURIComponent(p.placeId)}`,
    });
  }
  for (const t of a.times) {
    marks.push({ start: t.start, end: t.end, kind: 'time', title: `${t.type} “${t.text}” → ${t.value} (${t.precision}, anchored on ${t.anchor}): ${t.reason}` });
    if (timeValue && t.value === timeValue) marks.push({ start: t.start, end: t.end, kind: 'focus', title: 'the timeline entry you followed' });
  }
  for (const e of a.events ?? []) {
    const told = eventSentence(eventFields(e), wording);
    const title = `${told.text}${told.modality ? ` [${told.modality}]` : ''} — ${told.typeName ?? 'unknown type'} (${pct(e.confidence)}): ${e.reason}`;
    marks.push({ start: e.evidenceSpan.start, end: e.evidenceSpan.end, kind: 'event', title, href: path('event', e.id) });
    const trigger = spanOf(e.fields.trigger);
    if (trigger) marks.push({ start: trigger.start, end: trigger.end, kind: 'trigger', title: `trigger of: ${told.text}`, href: path('event', e.id) });
  }
  for (const q of a.quotes ?? []) {
    marks.push({ start: q.span.start, end: q.span.end, kind: 'quote', title: `${q.kind} quote by ${q.speaker.name ?? '?'}${q.via ? ` via ${q.via.name}` : ''} (${pct(q.confidence)}): ${q.reason}` });
  }
  for (const r of a.repeatedPassages) {
    marks.push({ start: r.start, end: r.end, kind: 'repeat', title: `${r.kind} repeat (similarity ${pct(r.similarity)}) of a passage in another article`, href: path('article', r.otherArticleId) });
  }
  if (focus) marks.push({ start: focus.start, end: focus.end, kind: 'focus', title: 'the evidence you followed' });
  return marks;
}

export function spanOf(v: unknown): { start: number; end: number } | null {
  if (typeof v !== 'object' || v === null) return null;
  const { start, end } = v as { start?: unknown; end?: unknown };
  return typeof start === 'number' && typeof end === 'number' ? { start, end } : null;
}

// The most specific mark decides the link: a trigger inside an evidence sentence opens the event.
const specificity = (m: Mark): number => m.end - m.start;

/**
 * The text as text nodes and spans; nothing of it is ever parsed as markup. `range` draws a
 * part of it (the headline, the body) into `body`; marks keep the offsets of the whole text.
 */
export function annotatedText(
  text: string,
  marks: readonly Mark[],
  range: { readonly start: number; readonly end: number } = { start: 0, end: text.length },
  body: HTMLElement = h('div', { class: 'article-text', 'data-testid': 'article-text' }),
): HTMLElement {
  const part = text.slice(range.start, range.end);
  const local = marks.map((m) => ({ ...m, start: m.start - range.start, end: m.end - range.start }));
  for (const r of runs(part.length, local)) {
    const chunk = part.slice(r.start, r.end);
    if (r.marks.length === 0) {
      body.appendChild(document.createTextNode(chunk));
      continue;
    }
    const kinds = [...new Set(r.marks.map((m) => m.kind))];
    const target = [...r.marks].filter((m) => m.href).sort((x, y) => specificity(x) - specificity(y))[0];
    const attrs = { class: ['m', ...kinds.map((k) => `m-${k}`)].join(' '), title: r.marks.map((m) => m.title).join('\n'), 'data-start': range.start + r.start };
    body.appendChild(target?.href ? h('a', { ...attrs, href: target.href, 'data-internal': true }, chunk) : h('span', attrs, chunk));
  }
  return body;
}

export async function articlePage(ctx: RouteContext): Promise<Node> {
  const a = await api.article(ctx.params.id ?? '');
  const at = Number(ctx.query.get('at'));
  const end = Number(ctx.query.get('end'));
  const focus = ctx.query.get('at') !== null && Number.isInteger(at) ? { start: at, end: Number.isInteger(end) && end > at ? end : at + 1 } : null;
  const marks = articleMarks(a, focus, ctx.query.get('t'), ctx.wording);
  // The stored text opens with the headline (before bodyStart): drawn, with its marks, as the page's title.
  const headlineEnd = a.text.slice(0, a.bodyStart).trimEnd().length;
  const title =
    headlineEnd > 0
      ? annotatedText(a.text, marks, { start: 0, end: headlineEnd }, h('h1', { 'data-testid': 'article-title' }))
      : h('h1', { 'data-testid': 'article-title' }, a.title || '(untitled)');
  const text = annotatedText(a.text, marks, { start: a.bodyStart, end: a.text.length });
  const legend = h(
    'div',
    { class: 'legend' },
    KINDS.map(([kind, label]) => {
      const box = h('input', { type: 'checkbox', checked: true, 'aria-label': `show ${label}` });
      box.addEventListener('change', () => {
        for (const part of [title, text]) part.classList.toggle(`hide-${kind}`, !box.checked);
      });
      return h('label', { class: `key m-${kind}` }, box, label);
    }),
  );
  const events = a.events ?? [];
  ctx.title(a.title || 'Untitled article');
  const quotes = a.quotes ?? [];
  const page = h(
    'div',
    { class: 'page article' },
    title,
    h('p', { class: 'byline' }, a.outlet ? [link(path('outlet', a.outlet), a.outlet, { 'data-testid': 'article-outlet' }), ' · '] : null, [a.author, a.date].filter(Boolean).join(' · '), a.url ? [' · ', externalLink(a.url, 'original')] : null),
    legend,
    h('div', { class: 'reader' }, h('article', { class: 'card' }, text, a.authorBio ? h('p', { class: 'bio' }, a.authorBio) : null), provenance(a)),
    section('Events', events.length === 0 ? empty('No events read in this article.') : table(EVENT_HEADERS, events.map((e) => eventRow(e, ctx.wording)), { class: 'events' })),
    section(
      'Quotes',
      quotes.length === 0
        ? empty('No quotes read in this article.')
        : h(
            'ul',
            {},
            quotes.map((q) => h('li', {}, h('strong', {}, q.speaker.id ? link(path('actor', q.speaker.id), q.speaker.name ?? '?') : (q.speaker.name ?? '?')), ` (${q.kind}): `, h('q', {}, q.text))),
          ),
    ),
    section(
      'Repeated passages',
      a.repeatedPassages.length === 0
        ? empty('No passage of this article appears in another one.')
        : h(
            'ul',
            { class: 'repeats' },
            a.repeatedPassages.map((r) =>
              h('li', {}, h('q', {}, r.text.length > 160 ? `${r.text.slice(0, 160)}…` : r.text), ' ', `${r.kind}, ${pct(r.similarity)} — also in `, link(path('article', r.otherArticleId), 'the other article')),
            ),
          ),
    ),
  );
  if (focus || ctx.query.get('t')) {
    // Scroll once the page is in the document.
    requestAnimationFrame(() => page.querySelector('.m-focus')?.scrollIntoView({ block: 'center' }));
  }
  return page;
}

function provenance(a: ArticleDetail): HTMLElement {
  const rows: Array<[string, Child]> = [
    ['file', a.source.file],
    ['lines', `${a.source.startLine}–${a.source.endLine}`],
    ['bytes', `${a.source.startByte}–${a.source.endByte}`],
    ['reader', a.source.reader],
    ['date', a.date ? `${a.date} (${a.datePrecision ?? '?'}${a.dateReason ? `; ${a.dateReason}` : ''})` : 'undated'],
    ['url', a.url ? externalLink(a.url) : '—'],
    ['id', a.id],
  ];
  return h('aside', { class: 'card provenance', 'data-testid': 'provenance' }, h('h2', {}, 'Provenance'), h('dl', {}, rows.map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])));
}
