import type { Contradiction, FigureUpdates } from '../records/contradictions.js';
import type { Inconsistency } from '../records/inconsistencies.js';
import type { RecordOut } from '../records/record-views.js';
import type { RecordActorOut } from '../store/records-queries.js';
import { count } from './plural.js';

/* The lines `dossier records` and `dossier record` print for a record. */

export const who = (xs: readonly RecordActorOut[]): string => xs.map((x) => x.name).join(' + ') || '?';

export function recordLine(r: RecordOut): string {
  const date = r.date ? `${r.date}${r.datePrecision && r.datePrecision !== 'day' ? ` (${r.datePrecision})` : ''}` : '?';
  const flags = `${r.disputed ? ', DISPUTED' : ''}${r.inconsistencies.length > 0 ? `, ${r.inconsistencies.length} inconsistent` : ''}`;
  return `${r.id}  ${date.padEnd(10)}  ${r.code.padEnd(4)} ${(r.plover ?? '-').padEnd(9)} ${who(r.source)} → ${who(r.target)}${r.place ? ` @ ${r.place.name}` : ''}  [${count(r.mentions.length, 'mention')}, ${count(r.outlets.length, 'outlet')}, ${r.independentOutlets} independent${flags}]\n`;
}

/** " (per X)" for the claimants a value does not already name (a claim's value says whose it is). */
const perClaimants = (v: Contradiction['values'][number]): string => {
  const more = v.claimants.filter((c) => !v.value.includes(`per ${c}`));
  return more.length > 0 ? ` (per ${more.join(', ')})` : '';
};

export function contradictionLines(cs: readonly Contradiction[]): string {
  return cs
    .map((c) => `  ${c.field} disputed:\n${c.values.map((v) => `    ${v.value}${perClaimants(v)}: ${v.outlets.join(', ') || '?'} (${v.eventIds.join(', ')})\n      “${(v.evidence[0] ?? '').replace(/\s+/g, ' ').slice(0, 160)}”\n`).join('')}`)
    .join('');
}

export function updateLines(us: readonly FigureUpdates[]): string {
  return us.map((u) => `  ${u.kind}, as reports came out: ${u.series.map((v) => `${v.value} (${v.published}, ${v.outlets.join(', ') || '?'})`).join(' → ')}\n`).join('');
}

export function inconsistencyLines(xs: readonly Inconsistency[]): string {
  return xs.map((x) => `  inside one article (${x.outlet ?? '?'} ${x.articleId}): ${x.kind}: ${x.note} (${x.eventIds.join(', ')})\n`).join('');
}
