import { cameoName } from './cameo-names.js';
import type { ExportFormat, FieldDescription, FormatOptions, FormatOutput } from './export-format.js';
import { disputeSummary, type ExportRow, effectivePrecision, firstDay } from './export-row.js';

/**
 * TimelineJS 3 JSON. TimelineJS renders headline and text as HTML, so every value taken from
 * articles is escaped: a headline can never become markup.
 */

export const TIMELINEJS_FIELDS: readonly FieldDescription[] = [
  { name: 'title', description: 'the timeline title slide: headline and the export summary' },
  { name: 'events[].start_date', description: '{year, month, day}: month and day only as far as the date is known' },
  { name: 'events[].text.headline', description: 'source → CAMEO code name → target (escaped text)' },
  { name: 'events[].text.text', description: 'place, outlets, the evidence sentence, the dispute if any, the record id (escaped text, <br> between lines)' },
  { name: 'events[].group', description: 'PLOVER event type (CAMEO root name when none): one TimelineJS row per group' },
  { name: 'events[].unique_id', description: 'record id (r_…) or event id (e_…)' },
];

/** HTML-escape: TimelineJS puts these strings into innerHTML. */
export function htmlEscape(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function startDate(r: ExportRow): { year: number; month?: number; day?: number } | null {
  const d = firstDay(r.date);
  if (!d) return null;
  const p = effectivePrecision(r.date, r.datePrecision);
  if (p === 'year' || r.date!.length === 4) return { year: d.year };
  if (p === 'month' || r.date!.length === 7) return { year: d.year, month: d.month };
  return { year: d.year, month: d.month, day: d.day };
}

const who = (xs: ReadonlyArray<{ name: string }>): string => xs.map((x) => x.name).join(' + ');

function event(r: ExportRow, start: NonNullable<ReturnType<typeof startDate>>) {
  const action = cameoName(r.code) || r.code;
  const headline = [who(r.source), action, who(r.target)].filter(Boolean).join(' → ');
  const dispute = disputeSummary(r.contradictions);
  const lines = [
    r.place ? `Where: ${r.place.name}` : '',
    r.outlets.length > 0 ? `Reported by: ${r.outlets.join(', ')}${r.independentOutlets !== null ? ` (${r.independentOutlets} independent)` : ''}` : '',
    r.mentions[0] ? `“${r.mentions[0].evidence.replace(/\s+/g, ' ').trim()}”` : '',
    dispute ? `Disputed: ${dispute}` : '',
    `Dossier ${r.level === 'records' ? 'record' : 'event'} ${r.id}`,
  ].filter(Boolean);
  return {
    start_date: start,
    text: { headline: htmlEscape(headline), text: lines.map(htmlEscape).join('<br>') },
    group: r.plover ?? cameoName(r.code.slice(0, 2)),
    unique_id: r.id,
  };
}

export function renderTimelinejs(rows: readonly ExportRow[], options: FormatOptions): FormatOutput {
  const dated = rows.flatMap((r) => {
    const start = startDate(r);
    return start ? [event(r, start)] : [];
  });
  const title = options.title ?? `Dossier ${options.level}`;
  const timeline = {
    title: { text: { headline: htmlEscape(title), text: htmlEscape(`${dated.length} ${options.level}, exported by Dossier`) } },
    events: dated,
  };
  return { text: `${JSON.stringify(timeline, null, 1)}\n`, written: dated.length, leftOut: rows.length > dated.length ? { noDate: rows.length - dated.length } : {} };
}

export const timelinejsFormat: ExportFormat = { name: 'timelinejs', extension: 'json', mediaType: 'application/json', fields: TIMELINEJS_FIELDS, render: renderTimelinejs };
