import { eventSentence } from '../../../src/records/event-sentence.js';
import { api } from '../api-client.js';
import type { EventOut } from '../api-types.js';
import { type Child, h, link, path, section } from '../dom.js';
import type { Mark } from '../highlight.js';
import type { RouteContext } from '../router.js';
import { eventFields, modalityBadge, participants, ploverBadge } from '../widgets.js';
import { annotatedText, spanOf } from './article-page.js';

/** The per-field evidence spans the event layer stores, as marks on the article text. */
function fieldMarks(e: EventOut): Mark[] {
  const out: Mark[] = [];
  const one = (key: string, kind: string, title: string): void => {
    const s = spanOf(e.fields[key]);
    if (s) out.push({ ...s, kind, title });
  };
  one('trigger', 'trigger', `trigger: ${e.code} ${e.plover ?? ''}`);
  one('place', 'place', `place: ${e.place?.name ?? '?'}`);
  one('time', 'time', `time: ${e.date ?? '?'}`);
  one('modalityCue', 'modality', `modality: ${e.modality}`);
  const list = (key: string, kind: string, title: string): void => {
    const v = e.fields[key];
    if (Array.isArray(v)) for (const x of v) {
      const s = spanOf(x);
      if (s) out.push({ ...s, kind, title });
    }
  };
  list('sources', 'source', 'source actor');
  list('targets', 'target', 'target actor');
  return out;
}

export async function eventPage(ctx: RouteContext): Promise<Node> {
  const e = await api.event(ctx.params.id ?? '');
  const [article, records] = await Promise.all([api.article(e.articleId).catch(() => null), api.records({ event: e.id, limit: 1 }).catch(() => null)]);
  const record = records?.items[0] ?? null;
  const { start, end } = e.evidenceSpan;
  // The evidence sentence alone, its field spans shifted into its own coordinates.
  const shifted = fieldMarks(e)
    .filter((m) => m.start >= start && m.end <= end)
    .map((m) => ({ ...m, start: m.start - start, end: m.end - start }));
  const sentence = article ? article.text.slice(start, end) : e.evidence;
  const told = eventSentence(eventFields(e), ctx.wording);
  ctx.title(told.text);
  const rows: Array<[string, Child]> = [
    ['type', [ploverBadge(e.plover), ' ', told.typeName ?? 'unknown type']],
    ['CAMEO code', `${e.code} (root ${e.rootCode})${e.ploverMode ? `, mode ${e.ploverMode}` : ''}`],
    ['source', participants(e.source)],
    ['target', participants(e.target)],
    ['place', e.place ? `${e.place.name} (${e.place.precision}; ${e.place.lat.toFixed(3)}, ${e.place.lon.toFixed(3)})` : '—'],
    ['date', e.date ? `${e.date}${e.dateEnd && e.dateEnd !== e.date ? ` to ${e.dateEnd}` : ''} (${e.datePrecision ?? '?'})` : 'undated'],
    ['modality', told.modality ? modalityBadge(told) : `${e.modality}: it happened, as told`],
    ['attributed to', e.attributedTo ? [e.attributedTo.speakerId ? link(path('actor', e.attributedTo.speakerId), e.attributedTo.speaker ?? e.attributedTo.speakerId) : (e.attributedTo.speaker ?? '?'), e.attributedTo.outlet ? `, reported by ${e.attributedTo.outlet}` : ''] : `the outlet (${e.outlet ?? '?'})`],
    ['magnitudes', e.magnitudes.length ? h('ul', {}, e.magnitudes.map((m) => h('li', {}, `${m.kind}: ${m.value ?? '?'} (${m.qualifier}) — “${m.text}”`))) : '—'],
    ['confidence', `${Math.round(e.confidence * 100)}% — ${e.reason}`],
    ['review', e.review ?? 'not reviewed'],
    [
      'event record',
      record
        ? [link(path('record', record.id), `${record.mentions.length} reports from ${record.outlets.length} outlets, ${record.independentOutlets} independent`, { 'data-testid': 'event-record' }), record.disputed ? h('span', { class: 'disputed' }, ' disputed') : null]
        : 'in no record (not linkable, or rejected)',
    ],
  ];
  return h(
    'div',
    { class: `page event${told.happened ? '' : ' not-happened'}` },
    h('h1', { 'data-testid': 'event-sentence' }, h('span', { class: `sentence${told.happened ? '' : ' not-happened'}` }, told.text), ' ', modalityBadge(told)),
    h('p', { class: 'byline' }, [e.outlet, e.published].filter(Boolean).join(' · '), ' · ', link(`${path('article', e.articleId)}?at=${start}&end=${end}`, article?.title ?? 'the article', { 'data-testid': 'event-article' })),
    section('Evidence', h('div', { class: 'evidence' }, annotatedText(sentence, shifted)), h('p', { class: 'legend muted' }, 'Highlighted: trigger, source, target, place, time, modality cue.')),
    section('Fields', h('dl', { class: 'fields' }, rows.map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]))),
  );
}
