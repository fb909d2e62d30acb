import { type EventWording, eventSentence } from '../../../src/records/event-sentence.js';
import { api } from '../api-client.js';
import type { Contradiction, EventRecordDetail, FigureUpdates, RecordActor, RecordReport, WitnessGroup } from '../api-types.js';
import { type Child, empty, h, link, path, section } from '../dom.js';
import { disputedFieldsOf, fieldWords, independenceWords, listWords } from '../record-text.js';
import type { RouteContext } from '../router.js';
import { actorLink, modalityBadge, ploverBadge, recordFields } from '../widgets.js';

const actors = (xs: readonly RecordActor[]): Child => (xs.length === 0 ? h('span', { class: 'muted' }, '?') : xs.map((a, i) => [i > 0 ? ' + ' : '', actorLink(a)]));

const when = (date: string | null, precision: string | null): string => (date ? `${date}${precision && precision !== 'day' ? ` (${precision})` : ''}` : 'undated');

const readerHref = (m: RecordReport): string => (m.evidenceSpan ? `${path('article', m.articleId)}?at=${m.evidenceSpan.start}&end=${m.evidenceSpan.end}` : path('article', m.articleId));

/** One line of a report's version; marked when another report says otherwise. */
function versionLine(label: string, value: Child, disputed: boolean): Child {
  return [h('dt', {}, label), h('dd', { class: disputed ? 'conflict' : null, title: disputed ? 'another report says otherwise' : null }, value)];
}

function reportCard(m: RecordReport, contradictions: readonly Contradiction[], wording: EventWording): HTMLElement {
  const disputed = disputedFieldsOf(m.eventId, contradictions);
  const told = eventSentence({ code: m.code, modality: m.modality, source: m.source, target: m.target, place: m.place, date: m.date, datePrecision: m.datePrecision, magnitudes: m.magnitudes }, wording);
  const numbers = m.magnitudes.length ? m.magnitudes.map((x, i) => [i > 0 ? ', ' : '', `${x.kind} ${x.value ?? '?'}${x.qualifier && x.qualifier !== 'exact' ? ` (${x.qualifier})` : ''}`]) : '—';
  const numberDisputed = m.magnitudes.some((x) => disputed.has(`number:${x.kind}`));
  return h(
    'article',
    { class: `report${told.happened ? '' : ' not-happened'}`, 'data-event': m.eventId },
    h('h4', {}, link(readerHref(m), m.title || '(untitled)', { class: 'report-title' })),
    h('p', { class: 'byline' }, [m.outlet ?? 'unknown outlet', m.published].filter(Boolean).join(' · ')),
    h('p', { class: 'report-sentence' }, h('span', { class: `sentence${told.happened ? '' : ' not-happened'}` }, told.text), ' ', modalityBadge(told)),
    h(
      'dl',
      { class: 'version' },
      versionLine('who → whom', h('span', {}, actors(m.source), ' → ', actors(m.target)), disputed.has('source') || disputed.has('target')),
      versionLine('when', when(m.date, m.datePrecision), disputed.has('date')),
      versionLine('where', m.place ?? '—', disputed.has('place')),
      versionLine('numbers', numbers, numberDisputed),
      versionLine('modality', told.modality ?? `${m.modality} (happened, as told)`, false),
      versionLine('event', [link(path('event', m.eventId), told.typeName ?? 'the event', { class: 'event-link' }), ` (CAMEO ${m.code})`], false),
    ),
    h('blockquote', { class: 'evidence-quote' }, m.evidence),
    m.wireCredits && m.wireCredits.length > 0
      ? h('p', { class: 'small wire-credits' }, 'Credits: ', m.wireCredits.map((w, i) => [i > 0 ? '; ' : '', `${w.wire ?? 'agency reports'} (${w.kind}: “${w.text}”)`]))
      : null,
    h('p', { class: 'muted small' }, `Linked to this record: ${m.reason}`),
  );
}

/** One column per independent witness: the outlets that count as one, and what each of their reports says. */
function witnessColumns(r: EventRecordDetail, wording: EventWording): HTMLElement {
  const groupOf = (g: WitnessGroup): RecordReport[] => r.reports.filter((m) => g.articleIds.includes(m.articleId));
  return h(
    'div',
    { class: 'witnesses', 'data-testid': 'witnesses' },
    r.witnesses.map((g, i) =>
      h(
        'section',
        { class: 'card witness', 'data-outlets': g.outlets.join('|') },
        h('h3', {}, `Witness ${i + 1}: ${listWords(g.outlets)}`),
        g.articleIds.length > 1 ? h('p', { class: 'muted small' }, `One witness: ${g.reasons.join(', ')}.`) : null,
        groupOf(g).map((m) => reportCard(m, r.contradictions, wording)),
      ),
    ),
  );
}

/** " per X" for the claimants a value does not already name (a claim's value says whose it is). */
function claimantWords(v: { value: string; claimants?: string[] }): string {
  const more = (v.claimants ?? []).filter((c) => !v.value.includes(`per ${c}`));
  return more.length > 0 ? ` per ${listWords(more)}` : '';
}

function contradictionsSection(cs: readonly Contradiction[]): HTMLElement {
  return h(
    'section',
    { class: 'card contradictions', 'data-testid': 'contradictions' },
    h('h2', {}, 'Where the reports disagree'),
    h('p', { class: 'muted' }, 'Every version is shown with the outlets that give it; none is picked as the truth.'),
    cs.map((c) =>
      h(
        'div',
        { class: 'contradiction', 'data-field': c.field },
        h('h3', {}, fieldWords(c.field)),
        h(
          'table',
          {},
          h('thead', {}, h('tr', {}, h('th', {}, 'version'), h('th', {}, 'according to'), h('th', {}, 'evidence'))),
          h(
            'tbody',
            {},
            c.values.map((v) => h('tr', {}, h('td', { class: 'value' }, h('strong', {}, v.value), claimantWords(v)), h('td', {}, listWords(v.outlets) || '?'), h('td', {}, v.evidence.map((e) => h('div', { class: 'evidence-quote' }, e))))),
          ),
        ),
      ),
    ),
  );
}

/** Tolls that rose as reports came out: a dated series, each figure with who gave it, apart from the disputes. */
function updatesSection(us: readonly FigureUpdates[]): HTMLElement {
  return h(
    'section',
    { class: 'card updates', 'data-testid': 'updates' },
    h('h2', {}, 'Figures updated as reports came out'),
    h('p', { class: 'muted' }, 'Successive figures, in order of publication: a count rising, not reports disagreeing.'),
    us.map((u) =>
      h(
        'div',
        { class: 'update', 'data-kind': u.kind },
        h('h3', {}, u.kind),
        h('ol', {}, u.series.map((v) => h('li', {}, h('strong', {}, v.value), ` — ${v.published}, ${listWords(v.outlets) || '?'}`))),
      ),
    ),
  );
}

export async function recordPage(ctx: RouteContext): Promise<Node> {
  const r = await api.record(ctx.params.id ?? '');
  const articles = new Set(r.reports.map((m) => m.articleId)).size;
  const told = eventSentence(recordFields(r), ctx.wording);
  ctx.title(told.text);
  return h(
    'div',
    { class: 'page record' },
    h('h1', { 'data-testid': 'record-sentence' }, told.text, r.disputed ? h('span', { class: 'disputed badge', 'data-testid': 'disputed' }, 'disputed') : null),
    h('p', { class: 'record-type' }, ploverBadge(r.plover), ' ', told.typeName ?? 'unknown type', ' · ', h('span', { class: 'mono' }, `CAMEO ${r.code}`)),
    h('p', { class: 'record-summary', 'data-testid': 'record-summary' }, actors(r.source), ' → ', actors(r.target), ` · ${when(r.date, r.datePrecision)}`, r.place ? ` · ${r.place.name}` : ''),
    section(
      'Who reports it',
      h('p', { 'data-testid': 'independence' }, independenceWords(r.reports.length, articles, r.outlets.length, r.witnesses)),
      h('p', { class: 'muted' }, `First reported ${r.firstReported ?? '?'}, last reported ${r.lastReported ?? '?'}.`),
    ),
    r.contradictions.length > 0 ? contradictionsSection(r.contradictions) : h('p', { class: 'muted' }, 'The reports agree on who, whom, when, where and the numbers.'),
    r.updates && r.updates.length > 0 ? updatesSection(r.updates) : null,
    r.inconsistencies && r.inconsistencies.length > 0
      ? h(
          'section',
          { class: 'card inconsistencies', 'data-testid': 'inconsistencies' },
          h('h2', {}, 'Inside one article'),
          h('ul', {}, r.inconsistencies.map((x) => h('li', {}, h('strong', {}, fieldWords(x.kind)), `: ${x.values.join(' vs ')} — ${x.note} (${x.outlet ?? 'unknown outlet'})`))),
        )
      : null,
    h('h2', {}, 'The reports side by side'),
    r.reports.length === 0 ? empty('No report left: an analyst rejected them all.') : witnessColumns(r, ctx.wording),
  );
}
