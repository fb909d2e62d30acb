import { z } from 'zod';
import { dateGapDays } from '../records/link-events.js';
import { b3, type Clustering } from './coref-metrics.js';
import { GOLD_CONTRADICTION_FIELDS, type GoldContradictionField, type GoldRecordEvent, type RecordsGold } from './records-gold.js';

/**
 * `dossier eval records`: event records scored against the gold of a multi-outlet folder.
 * Pure: records-system.ts ingests the folder and describes what the store holds; this scores
 * that description. Articles are gold line numbers throughout. For a gold event E, A_E are
 * its `articles`, B_E its `backgroundArticles`, and arts(R) the lines holding a mention
 * linked into record R.
 *
 * - purity(R, E) = |arts(R) ∩ (A_E ∪ B_E)| / |arts(R)|: a background article mentioning E in
 *   passing is no error in E's record.
 * - The main record of E maximizes |arts(R) ∩ A_E|, then purity, then the smaller id; none
 *   when no record touches A_E.
 * - main record: the record holding most of E's articles, among those of E's CAMEO root if any.
 * - found: E is found when some record holds at least half its articles (rounded up) with
 *   purity ≥ 0.8. The share of events found.
 * - frag: records per real event. For each E, the records R with |arts(R) ∩ A_E| ≥ 1, purity
 *   > 0.5, E's CAMEO root (its main record's when the gold gives none), and a date within 7 days of E's date or one of its
 *   alternatives (or none). An event with no such record counts 1, not 0: an event not found
 *   at all is not less fragmented than one found whole. The mean over events; 1 is best.
 * - b3: B³ F1 over the articles of the events (background articles left out), each article's
 *   gold cluster its event and its system cluster its lead record (the record of its headline
 *   mention, else of its first body mention); an article with no linked mention is alone.
 * - witnesses: the share of events whose main record's independent witness count is within
 *   one of the gold count; an event without a main record counts as wrong.
 * - contradictions: over every gold contradiction (each entry of each event's list, so a field
 *   listed twice counts twice), the share whose field the event's main record shows (a dispute,
 *   or for a toll a series of updates: the gold lists successive tolls too), the system's
 *   fields mapped onto the gold vocabulary (GOLD_FIELD_OF).
 * - copies: over every pair of lines of each syndication group, the share the store links as
 *   sharing a repeated passage, in either direction.
 * A share with nothing to count is 0, as in the other eval commands.
 */

/** One record as the scorer sees it. */
export interface SystemRecord {
  readonly id: string;
  /** The article lines holding at least one mention linked into the record. */
  readonly lines: readonly number[];
  /** CAMEO root of the record's code ("19"). */
  readonly rootCode: string;
  /** The record's date, of any precision ("2019-10", "2019-10-26"), or null when undated. */
  readonly date: string | null;
  readonly dateEnd?: string | null;
  /** Its independent witness count, as `dossier records` shows it. */
  readonly witnesses: number;
  /** The fields its reports disagree on and the kinds of inconsistency inside one article, in the system's words. */
  readonly contradictionFields: readonly string[];
}

/** What the system made of the folder. */
export interface RecordsSystem {
  readonly records: readonly SystemRecord[];
  /** Each article line's lead record; null (or absent) when the article has no linked mention. */
  readonly articleMainRecord: ReadonlyMap<number, string | null>;
  /** Line pairs whose articles share a repeated passage (either order). */
  readonly copyPairs: readonly (readonly [number, number])[];
}

/**
 * The system's contradiction fields and inconsistency kinds in the gold vocabulary. Actor,
 * date and place disputes keep their name; a number's kind ("number:killed") is the figure
 * it counts, missiles being rockets to the gold (its "rockets" is the count of projectiles
 * fired). A disputed target has no gold field (targets are never a gold contradiction), and
 * an event dated after its article is one article against its own date line, not reports
 * disagreeing on the event's date: neither maps.
 */
const GOLD_FIELD_OF: Readonly<Record<string, GoldContradictionField>> = {
  source: 'source',
  date: 'date',
  place: 'place',
  'number:killed': 'killed',
  'number:injured': 'injured',
  'number:rockets': 'rockets',
  'number:missiles': 'rockets',
};

/** The gold fields a record's own fields stand for, in gold order. */
export function goldFieldsShown(fields: readonly string[]): GoldContradictionField[] {
  const shown = new Set(fields.map((f) => GOLD_FIELD_OF[f]).filter((f): f is GoldContradictionField => f !== undefined));
  return GOLD_CONTRADICTION_FIELDS.filter((f) => shown.has(f));
}

const Share = z.number().min(0).max(1);
const Count = z.number().int().nonnegative();

const EventRecordsScoreSchema = z.object({
  id: z.string(),
  /** |A_E| */
  articles: Count,
  mainRecord: z.string().nullable(),
  /** arts(main record), sorted. */
  mainLines: z.array(Count),
  /** |arts(main) ∩ A_E| */
  mainOverlap: Count,
  /** purity(main, E); 0 without a main record. */
  purity: Share,
  found: z.boolean(),
  /** The records counted for frag (before an empty count becomes 1). */
  records: z.array(z.string()),
  witnesses: z.object({ system: Count.nullable(), gold: Count, ok: z.boolean() }),
  contradictions: z.object({
    gold: z.array(z.enum(GOLD_CONTRADICTION_FIELDS)),
    /** The main record's fields in the system's words. */
    shown: z.array(z.string()),
    matched: Count,
  }),
});

const RecordsEvalSummarySchema = z.object({
  found: Share,
  frag: z.number().min(0),
  b3: z.object({ precision: Share, recall: Share, f1: Share }),
  witnesses: Share,
  contradictions: Share,
  contradictionsMatched: Count,
  contradictionsTotal: Count,
  copies: Share,
  copiesLinked: Count,
  copiesTotal: Count,
  /** Syndicated line pairs the store does not link. */
  missingCopies: z.array(z.tuple([Count, Count])),
  events: Count,
});

const RecordsEvalScoresSchema = z.object({ events: z.array(EventRecordsScoreSchema), summary: RecordsEvalSummarySchema });

/** The --json output: the scores, with what the store held and how long ingest took. */
export const RecordsEvalReportSchema = RecordsEvalScoresSchema.extend({
  system: z.object({ articles: Count, linkedArticles: Count, records: Count }),
  seconds: z.number().nonnegative(),
});

export type EventRecordsScore = z.infer<typeof EventRecordsScoreSchema>;
export type RecordsEvalSummary = z.infer<typeof RecordsEvalSummarySchema>;
export type RecordsEvalScores = z.infer<typeof RecordsEvalScoresSchema>;
export type RecordsEvalReport = z.infer<typeof RecordsEvalReportSchema>;

interface RecordView {
  readonly record: SystemRecord;
  readonly arts: ReadonlySet<number>;
}

const ratio = (num: number, den: number): number => (den === 0 ? 0 : num / den);

const overlap = (arts: ReadonlySet<number>, lines: readonly number[]): number => lines.filter((l) => arts.has(l)).length;

/** |arts(R) ∩ (A_E ∪ B_E)| / |arts(R)| */
function purity(view: RecordView, event: GoldRecordEvent): number {
  const own = new Set([...event.articles, ...event.backgroundArticles]);
  return ratio([...view.arts].filter((l) => own.has(l)).length, view.arts.size);
}

/**
 * The record holding most of E's articles, then the purer, then the smaller id; among the
 * records of E's CAMEO root when there are any, since E's articles tell other acts too (the
 * troop withdrawal an offensive followed is in every report of the offensive).
 */
function mainRecordOf(event: GoldRecordEvent, views: readonly RecordView[]): { view: RecordView; overlap: number; purity: number } | null {
  const typed = views.filter((v) => v.record.rootCode === event.cameoRoot && overlap(v.arts, event.articles) > 0);
  let best: { view: RecordView; overlap: number; purity: number } | null = null;
  for (const view of typed.length > 0 ? typed : views) {
    const o = overlap(view.arts, event.articles);
    if (o === 0) continue;
    const p = purity(view, event);
    const better = best === null || o > best.overlap || (o === best.overlap && (p > best.purity || (p === best.purity && view.record.id < best.view.record.id)));
    if (better) best = { view, overlap: o, purity: p };
  }
  return best;
}

function isFound(event: GoldRecordEvent, views: readonly RecordView[]): boolean {
  const half = Math.ceil(event.articles.length / 2);
  return views.some((v) => overlap(v.arts, event.articles) >= half && purity(v, event) >= 0.8);
}

const FRAG_DAYS = 7;

function nearGoldDate(record: SystemRecord, event: GoldRecordEvent): boolean {
  if (record.date === null) return true;
  return [event.date, ...event.dateAlternatives].some((day) => {
    const gap = dateGapDays({ date: record.date, dateEnd: record.dateEnd ?? null }, { date: day, dateEnd: null });
    return gap !== null && gap <= FRAG_DAYS;
  });
}

/**
 * The records that tell E as their own event: some of its articles, mostly its articles, its type, its time.
 * An event the gold gives no CAMEO root (an explosion of disputed cause) takes its main record's:
 * otherwise every other act its articles tell (a protest, a statement) would count as a piece of it.
 */
function fragmentsOf(event: GoldRecordEvent, views: readonly RecordView[], mainRoot: string | null): string[] {
  const root = event.cameoRoot ?? mainRoot;
  return views
    .filter(
      (v) =>
        overlap(v.arts, event.articles) >= 1 &&
        purity(v, event) > 0.5 &&
        (root === null || v.record.rootCode === root) &&
        nearGoldDate(v.record, event),
    )
    .map((v) => v.record.id);
}

function scoreEvent(event: GoldRecordEvent, views: readonly RecordView[]): EventRecordsScore {
  const main = mainRecordOf(event, views);
  const system = main?.view.record.witnesses ?? null;
  const shownFields = main ? [...main.view.record.contradictionFields] : [];
  const shown = new Set(goldFieldsShown(shownFields));
  const gold = event.contradictions.map((c) => c.field);
  return {
    id: event.id,
    articles: event.articles.length,
    mainRecord: main?.view.record.id ?? null,
    mainLines: main ? [...main.view.arts].sort((a, b) => a - b) : [],
    mainOverlap: main?.overlap ?? 0,
    purity: main?.purity ?? 0,
    found: isFound(event, views),
    records: fragmentsOf(event, views, main?.view.record.rootCode ?? null),
    witnesses: { system, gold: event.independentWitnesses, ok: system !== null && Math.abs(system - event.independentWitnesses) <= 1 },
    contradictions: { gold, shown: shownFields, matched: gold.filter((f) => shown.has(f)).length },
  };
}

/** B³ over the events' articles: gold cluster its event, system cluster its lead record or itself alone. */
export function articleB3(gold: RecordsGold, articleMainRecord: ReadonlyMap<number, string | null>): { precision: number; recall: number; f1: number } {
  const key: Clustering = gold.events.map((e) => e.articles.map(String));
  const byRecord = new Map<string, string[]>();
  for (const line of gold.events.flatMap((e) => e.articles)) {
    const cluster = articleMainRecord.get(line) ?? `alone:${line}`;
    byRecord.set(cluster, [...(byRecord.get(cluster) ?? []), String(line)]);
  }
  return b3(key, [...byRecord.values()]);
}

/** Every pair of lines within a syndication group, and whether the store links it. */
export function copyPairsScored(groups: readonly (readonly number[])[], copyPairs: readonly (readonly [number, number])[]): { linked: number; missing: Array<[number, number]> } {
  const linked = new Set(copyPairs.flatMap(([a, b]) => [`${a},${b}`, `${b},${a}`]));
  let count = 0;
  const missing: Array<[number, number]> = [];
  for (const group of groups) {
    group.forEach((a, i) => {
      for (const b of group.slice(i + 1)) {
        if (a === b || linked.has(`${a},${b}`)) count++;
        else missing.push([a, b]);
      }
    });
  }
  return { linked: count, missing };
}

export function scoreRecords(gold: RecordsGold, system: RecordsSystem): RecordsEvalScores {
  const views: RecordView[] = system.records.map((record) => ({ record, arts: new Set(record.lines) }));
  const events = gold.events.map((e) => scoreEvent(e, views));
  const n = events.length;
  const copies = copyPairsScored(gold.syndicationGroups, system.copyPairs);
  const copiesTotal = copies.linked + copies.missing.length;
  const contradictionsTotal = events.reduce((s, e) => s + e.contradictions.gold.length, 0);
  const contradictionsMatched = events.reduce((s, e) => s + e.contradictions.matched, 0);
  return {
    events,
    summary: {
      found: ratio(events.filter((e) => e.found).length, n),
      frag: ratio(events.reduce((s, e) => s + Math.max(1, e.records.length), 0), n),
      b3: articleB3(gold, system.articleMainRecord),
      witnesses: ratio(events.filter((e) => e.witnesses.ok).length, n),
      contradictions: ratio(contradictionsMatched, contradictionsTotal),
      contradictionsMatched,
      contradictionsTotal,
      copies: ratio(copies.linked, copiesTotal),
      copiesLinked: copies.linked,
      copiesTotal,
      missingCopies: copies.missing,
      events: n,
    },
  };
}

// --- printing ---

const share = (x: number): string => x.toFixed(3);

/** "1-4,7,9-10": sorted lines with runs collapsed. */
export function lineRanges(lines: readonly number[]): string {
  const sorted = [...new Set(lines)].sort((a, b) => a - b);
  const runs: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    runs.push(i === j ? `${sorted[i]}` : `${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  return runs.join(',') || '-';
}

function eventRow(e: EventRecordsScore, idWidth: number): string {
  const main = (e.mainRecord ?? '-').padEnd(18);
  const lines = `(${lineRanges(e.mainLines)})`;
  const witnesses = `${e.witnesses.system ?? '-'}/${e.witnesses.gold}${e.witnesses.ok ? ' ok' : ''}`;
  const gold = e.contradictions.gold.join(',') || '-';
  const shown = e.contradictions.shown.join(',') || '-';
  return (
    `${e.id.padEnd(idWidth)} ${String(e.articles).padStart(3)}  ${main} ${lines.padEnd(16)} ${share(e.purity)}  ${(e.found ? 'yes' : 'no').padEnd(5)}` +
    ` ${String(e.records.length).padStart(7)}  ${witnesses.padEnd(9)}  ${gold} → ${shown} (${e.contradictions.matched}/${e.contradictions.gold.length})`
  );
}

/** The per-event table, the system's totals and missing copies, then the `eval records ...` summary line. */
export function formatRecordsEvalLines(report: RecordsEvalReport): string[] {
  const s = report.summary;
  const idWidth = Math.max(5, ...report.events.map((e) => e.id.length));
  return [
    `${'event'.padEnd(idWidth)} |A|  main record        (lines)          purity found records  witnesses  contradictions gold → shown`,
    ...report.events.map((e) => eventRow(e, idWidth)),
    '',
    `system: ${report.system.records} records over ${report.system.articles} articles (${report.system.linkedArticles} with a linked mention), ingested and linked in ${report.seconds.toFixed(1)} s`,
    `b3 precision=${share(s.b3.precision)} recall=${share(s.b3.recall)}; contradictions ${s.contradictionsMatched}/${s.contradictionsTotal}; copies ${s.copiesLinked}/${s.copiesTotal}` +
      (s.missingCopies.length > 0 ? `, missing ${s.missingCopies.map(([a, b]) => `(${a},${b})`).join(' ')}` : ''),
    `eval records found=${share(s.found)} frag=${s.frag.toFixed(2)} b3=${share(s.b3.f1)} witnesses=${share(s.witnesses)} contradictions=${share(s.contradictions)} copies=${share(s.copies)} events=${s.events}`,
  ];
}

/** The report as JSON, for --json; checked against its schema so the output keeps its shape. */
export function formatRecordsEvalJson(report: RecordsEvalReport): string {
  return JSON.stringify(RecordsEvalReportSchema.parse(report), null, 2);
}
