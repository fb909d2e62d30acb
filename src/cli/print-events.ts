import type { EventOut, QuoteOut } from '../store/events-queries.js';

const out = (s: string): void => {
  process.stdout.write(s);
};

export function printEvents(events: readonly EventOut[], json: boolean): void {
  if (json) {
    out(`${JSON.stringify(events, null, 2)}\n`);
    return;
  }
  const who = (xs: EventOut['source']): string => xs.map((x) => x.name).join(' + ') || '?';
  for (const e of events) {
    const mags = e.magnitudes.map((m) => `${m.kind} ${m.text}`).join(', ');
    out(`${e.id}  ${(e.date ?? '?').padEnd(10)}  ${e.code.padEnd(4)} ${(e.plover ?? '-').padEnd(9)} ${who(e.source)} → ${who(e.target)}${e.place ? ` @ ${e.place.name}` : ''}  [${e.modality}${e.attributedTo?.speaker ? `, per ${e.attributedTo.speaker}` : ''}] ${e.confidence.toFixed(2)}${mags ? `  (${mags})` : ''}\n`);
    out(`    ${e.outlet ?? '-'} ${e.articleId}: ${e.evidence.replace(/\s+/g, ' ').slice(0, 200)}\n`);
  }
}

export function printQuotes(quotes: readonly QuoteOut[], json: boolean): void {
  if (json) {
    out(`${JSON.stringify(quotes, null, 2)}\n`);
    return;
  }
  for (const q of quotes) {
    out(`${q.id}  ${(q.date ?? '?').padEnd(10)}  ${q.speaker.name ?? '?'}${q.speaker.role ? ` (${q.speaker.role})` : ''}${q.via ? ` via ${q.via.name}` : ''} [${q.kind}] in ${q.outlet ?? '-'}\n    ${q.text.replace(/\s+/g, ' ').slice(0, 220)}\n`);
  }
}
