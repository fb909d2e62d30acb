import { count } from './plural.js';
import type { ActorDetail, ActorSummary, ArticleAnnotations, PlaceSummary, TimelineEntry } from '../store/mentions-queries.js';

const out = (s: string): void => {
  process.stdout.write(s);
};

const json = (v: unknown): void => out(`${JSON.stringify(v, null, 2)}\n`);

/** "Caliph of arm-isis (2014-06 – 2019-10)": a registry role in words, not its JSON. */
function roleLine(role: unknown): string {
  const r = (role ?? {}) as Partial<Record<'title' | 'of' | 'from' | 'to', string>>;
  const span = r.from || r.to ? ` (${r.from ?? '?'} – ${r.to ?? 'now'})` : '';
  return `${r.title ?? '?'}${r.of ? ` of ${r.of}` : ''}${span}`;
}

export function printActors(rows: readonly ActorSummary[], asJson: boolean): void {
  if (asJson) {
    json(rows.map((r) => ({ id: r.id, name: r.name, type: r.type, country: r.country, sector: r.sector, cameo: r.cameo, origin: r.origin, aliases: r.aliases, mentions: r.mentions, articles: r.articles })));
    return;
  }
  for (const r of rows) {
    const facts = [r.type, r.country, r.sector].filter(Boolean).join(', ');
    const aka = r.aliases.length > 0 ? `  aka ${r.aliases.slice(0, 6).join('; ')}${r.aliases.length > 6 ? '; …' : ''}` : '';
    out(`${String(r.mentions).padStart(5)}  ${r.id.padEnd(34)} ${r.name} (${facts})${aka}\n`);
  }
}

export function printActor(a: ActorDetail, asJson: boolean): void {
  if (asJson) {
    json(a);
    return;
  }
  out(`${a.name}  [${a.id}]\n`);
  out(`type: ${a.type}  country: ${a.country ?? '-'}  sector: ${a.sector ?? '-'}  cameo: ${a.cameo ?? '-'}  wikidata: ${a.wikidata ?? '-'}  origin: ${a.origin}\n`);
  if (a.aliases.length > 0) out(`aliases: ${a.aliases.join('; ')}\n`);
  if (a.memberOf.length > 0) out(`member of: ${a.memberOf.join(', ')}\n`);
  if (a.members.length > 0) out(`members: ${a.members.map((m) => `${m.name} [${m.id}]`).join(', ')}\n`);
  for (const r of a.roles) out(`role: ${roleLine(r)}\n`);
  out(`${count(a.mentions, 'mention')} in ${count(a.articles, 'article')}\n`);
  for (const m of a.mentionList.slice(0, 50)) {
    out(`  ${m.articleId}  ${(m.date ?? '?').padEnd(10)}  "${m.text}"  ${m.confidence?.toFixed(2) ?? ''} ${m.reason ?? ''}\n`);
  }
}

export function printPlaces(rows: readonly PlaceSummary[], asJson: boolean): void {
  if (asJson) {
    json(rows.map((r) => ({ id: r.id, name: r.name, lat: r.lat, lon: r.lon, geonamesId: r.geonamesId, precision: r.precision, featureClass: r.featureClass, country: r.country, admin1: r.admin1, bbox: r.bbox, mentions: r.mentions, articles: r.articles })));
    return;
  }
  for (const r of rows) {
    out(`${String(r.mentions).padStart(5)}  ${r.id.padEnd(22)} ${r.name} (${r.precision}; ${r.country ?? '-'}${r.admin1 ? `/${r.admin1}` : ''}) ${r.lat.toFixed(4)}, ${r.lon.toFixed(4)}\n`);
  }
}

export function printTimeline(rows: readonly TimelineEntry[], asJson: boolean): void {
  if (asJson) {
    json(rows);
    return;
  }
  for (const r of rows) out(`${r.value.padEnd(16)} "${r.text}"  ${r.articleId} (${r.outlet ?? '-'}, ${r.published ?? '?'})  ${r.context}\n`);
}

/** An event's trigger or a quote's content, as `dossier show` marks them. */
export interface ShownClaim {
  readonly start: number;
  readonly end: number;
  readonly label: string;
  readonly note: string;
}

/**
 * The article text with entities ⟨…⟩, places ⟪…⟫, times ⟦…⟧, event triggers ⟬…⟭ and quoted
 * content ⟮…⟯ marked, each mark followed by {what it resolved to}, and a key below. Marks are
 * insertions at offsets, so a quote can hold the entities inside it.
 */
export function markAnnotations(text: string, a: ArticleAnnotations, events: readonly ShownClaim[] = [], quotes: readonly ShownClaim[] = []): { text: string; key: string[] } {
  type Mark = { start: number; end: number; open: string; close: string; note: string };
  const marks: Mark[] = [];
  for (const t of a.times) marks.push({ start: t.start, end: t.end, open: '⟦', close: `⟧{${t.value}}`, note: `time "${t.text}" = ${t.value} (${t.precision}; ${t.reason})` });
  const placeByStart = new Map(a.places.map((p) => [`${p.start}:${p.end}`, p]));
  for (const e of a.entities) {
    const place = placeByStart.get(`${e.start}:${e.end}`);
    const tag = place ? `${e.type}@${place.placeId}` : e.actorId ? `${e.type}:${e.actorId}` : e.type;
    marks.push({ start: e.start, end: e.end, open: '⟨', close: `⟩{${tag}}`, note: `${e.type} "${e.text}"${e.actorId ? ` → ${e.actorId} (${e.reason ?? ''})` : ''}${place ? ` @ ${place.name} ${place.lat.toFixed(3)},${place.lon.toFixed(3)} ${place.precision}` : ''}` });
  }
  for (const p of a.places) {
    if (a.entities.some((e) => e.start === p.start && e.end === p.end)) continue;
    marks.push({ start: p.start, end: p.end, open: '⟪', close: `⟫{${p.placeId}}`, note: `place "${p.text}" = ${p.name} (${p.precision}; ${p.reason})` });
  }
  for (const e of events) marks.push({ start: e.start, end: e.end, open: '⟬', close: `⟭{${e.label}}`, note: e.note });
  for (const q of quotes) marks.push({ start: q.start, end: q.end, open: '⟮', close: `⟯{${q.label}}`, note: q.note });
  // Crossing spans of the same kind would garble the text: the first one wins.
  marks.sort((x, y) => x.start - y.start || y.end - x.end);
  const kept: Mark[] = [];
  for (const m of marks) {
    if (kept.some((k) => k.open === m.open && m.start < k.end && k.start < m.end)) continue;
    kept.push(m);
  }
  const inserts: Array<{ at: number; text: string; order: number }> = [];
  kept.forEach((m, i) => {
    inserts.push({ at: m.start, text: m.open, order: i });
    inserts.push({ at: m.end, text: m.close, order: -i - 1 });
  });
  // At one offset: closings before openings; inner closings (later marks) first.
  inserts.sort((x, y) => x.at - y.at || (x.order < 0 ? 0 : 1) - (y.order < 0 ? 0 : 1) || x.order - y.order);
  let out = '';
  let at = 0;
  for (const ins of inserts) {
    out += text.slice(at, ins.at) + ins.text;
    at = ins.at;
  }
  return { text: out + text.slice(at), key: kept.map((m) => m.note) };
}
