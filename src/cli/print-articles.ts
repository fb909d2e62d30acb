import type { ArticleDetail, ArticleSummary, SearchHit } from '../store/articles-repository.js';
import type { EventOut, QuoteOut } from '../store/events-queries.js';
import type { ArticleAnnotations } from '../store/mentions-queries.js';
import { markAnnotations } from './print-mentions.js';

const out = (s: string): void => {
  process.stdout.write(s);
};

export function printArticles(rows: readonly ArticleSummary[], json: boolean): void {
  if (json) {
    out(`${JSON.stringify(rows, null, 2)}\n`);
    return;
  }
  for (const r of rows) out(`${r.id}  ${(r.date ?? '?').padEnd(10)}  ${(r.outlet ?? '-').slice(0, 24).padEnd(24)}  ${r.title}\n`);
}

export function printArticle(a: ArticleDetail, notes: ArticleAnnotations, claims: { events: readonly EventOut[]; quotes: readonly QuoteOut[] }, json: boolean): void {
  if (json) {
    out(`${JSON.stringify({ ...a, ...notes, events: claims.events, quotes: claims.quotes }, null, 2)}\n`);
    return;
  }
  out(`${a.title}\n${[a.outlet, a.author, a.date].filter(Boolean).join(' | ')}\n`);
  if (a.dateReason) out(`date: ${a.date} (${a.datePrecision}; ${a.dateReason})\n`);
  out(`id: ${a.id}\nsource: ${a.source.file} lines ${a.source.startLine}-${a.source.endLine}, bytes ${a.source.startByte}-${a.source.endByte} (${a.source.reader})\n\n`);
  const events = claims.events.map((e) => {
    const t = e.fields.trigger as { start: number; end: number };
    const who = (xs: EventOut['source']): string => xs.map((x) => x.name).join('+') || '?';
    return {
      start: t.start,
      end: t.end,
      label: `${e.code} ${e.modality}`,
      note: `event ${e.id}: CAMEO ${e.code} (${e.plover ?? '-'}) ${who(e.source)} → ${who(e.target)}; ${e.date ?? 'undated'}${e.place ? `; at ${e.place.name}` : ''}; ${e.modality}; conf ${e.confidence.toFixed(2)} (${e.reason})`,
    };
  });
  const quotes = claims.quotes.map((q) => ({
    start: q.span.start,
    end: q.span.end,
    label: `${q.kind}: ${q.speaker.name ?? '?'}`,
    note: `quote ${q.id}: ${q.kind} by ${q.speaker.name ?? '?'}${q.speaker.role ? ` (${q.speaker.role})` : ''}${q.via ? ` via ${q.via.name}` : ''}; conf ${q.confidence.toFixed(2)} (${q.reason})`,
  }));
  const marked = markAnnotations(a.text, notes, events, quotes);
  out(`${marked.text}\n`);
  if (marked.key.length > 0) out(`\nMarks (⟨entity⟩ ⟪place⟫ ⟦time⟧ ⟬event⟭ ⟮quote⟯):\n${marked.key.map((k) => `  ${k}`).join('\n')}\n`);
  const marks = a.repeatedPassages.filter((p, i, all) => i === 0 || p.start >= all[i - 1]!.end);
  if (a.authorBio) out(`\nAbout the author: ${a.authorBio}\n`);
  if (a.repeatedPassages.length > 0) {
    out('\nRepeated passages:\n');
    marks.forEach((p, i) => {
      out(`[${i + 1}] chars ${p.start}-${p.end} ${p.kind} ${p.similarity.toFixed(2)} also in ${p.otherArticleId}: ${p.otherText.slice(0, 100)}…\n`);
    });
  }
}

export function printHits(hits: readonly SearchHit[], json: boolean): void {
  if (json) {
    out(`${JSON.stringify(hits, null, 2)}\n`);
    return;
  }
  for (const h of hits) out(`${h.id}  ${h.date ?? '?'}  ${h.outlet ?? '-'}  ${h.title}\n    ${h.snippet.replace(/\s+/g, ' ')}\n`);
}
