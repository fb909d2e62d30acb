import type { Store } from '../store/open-store.js';
import {
  articleEdges,
  copiedPairs,
  countRecordRows,
  type ActorFacts,
  type RecordActorOut,
  type RecordFilter,
  type RecordSort,
  type ReportRow,
  recordRows,
  reportRows,
  type StoredRecord,
} from '../store/records-queries.js';
import { type RecordVerdict, STATE_SECTORS } from '../store/records-repository.js';
import { stateKeyOfCode, unresolvedNamesActor } from './actor-identity.js';
import { type Contradiction, type FigureUpdates, findContradictions, findFigureUpdates, type MentionClaim } from './contradictions.js';
import { bodyTold } from './headline-mentions.js';
import { isDefenceAct } from './defence-acts.js';
import { findInconsistencies, type Inconsistency } from './inconsistencies.js';
import { type Independence, independentWitnesses } from './independence.js';
import { outletOwner } from './outlet-owners.js';
import { creditedWires, detectWireCredits, outletAsWire, type WireCredit } from './wire-credits.js';

/*
 * Event records as `dossier records`, `dossier record`, the API and the exports show them: the
 * store's rows and reports (store/records-queries.ts), with what they add up to worked out
 * here: the independent witnesses, the contradictions, the figures that rose, the verdicts.
 */

export type RecordMentionOut = Omit<
  ReportRow,
  'recordId' | 'dateEnd' | 'placeFeatures' | 'sourceKeys' | 'targetKeys' | 'sourceFacts' | 'targetFacts' | 'headline' | 'trigger' | 'afterTrigger'
> & {
  /** The agencies the mention's article credits (dateline, sign-off, byline), each with how it was found. */
  wireCredits: WireCredit[];
};

export interface RecordOut {
  id: string;
  code: string;
  plover: string | null;
  date: string | null;
  datePrecision: string | null;
  place: { id: string | null; name: string; lat: number; lon: number } | null;
  source: RecordActorOut[];
  target: RecordActorOut[];
  mentions: Array<{ eventId: string; articleId: string; outlet: string | null }>;
  outlets: string[];
  independentOutlets: number;
  disputed: boolean;
  contradictions: Contradiction[];
  /** Counts that rose as reports came out ("injured 11 → 34 → 110"): successive figures, not disputes. */
  updates: FigureUpdates[];
  /** Inconsistencies inside one article: an event dated after the article, or one article's mentions disagreeing. */
  inconsistencies: Inconsistency[];
  firstReported: string | null;
  lastReported: string | null;
}

export interface RecordDetail extends RecordOut {
  reports: RecordMentionOut[];
  witnesses: Independence['groups'];
}

/** A record worked out from its reports, with the verdicts its row stores (which the lists filter on). */
type LoadedRecord = RecordDetail & { stored: RecordVerdict };

/** What the reports of a set of records are read with: their articles' wire credits and shared passages. */
interface ArticleEvidence {
  readonly credits: ReadonlyMap<string, WireCredit[]>;
  readonly copies: ReadonlyArray<readonly [string, string]>;
}

/** Each article's wire credits, from its head, its tail and its byline. */
async function wireCreditsOf(db: Store, articleIds: readonly string[]): Promise<Map<string, WireCredit[]>> {
  const edges = await articleEdges(db, articleIds);
  return new Map([...edges].map(([id, e]) => [id, detectWireCredits(e.text, e.byline)]));
}

/**
 * An actor as a claim names it: a state named by its capital or its people ("Tehran", "Iranian")
 * is the state, one identity as the registry keys it, and so is, as a perpetrator, a person the
 * registry makes one of its government or military ("Netanyahu" and "the Israeli army" are one
 * side); whether it says who it is at all.
 */
export function claimActor(a: RecordActorOut, key: string, facts: ActorFacts | undefined, role: 'source' | 'target'): MentionClaim['sources'][number] {
  const cameo = facts?.cameo ?? null;
  if (a.id === null) return { key: stateKeyOfCode(cameo) ?? key, name: a.name, identified: unresolvedNamesActor(a.name, cameo) };
  const official = role === 'source' && facts?.type === 'person' && facts.country !== null && STATE_SECTORS.has(facts.sector ?? '');
  // A news outlet read as the doer ("Mehr news agency quoted an official said the ship had
  // breached …") told the act, it did not do it: as a source it names no one to disagree with.
  const teller = role === 'source' && facts?.sector === 'media';
  return { key: official ? `cc-${facts.country!.toLowerCase()}` : key, name: a.name, identified: !teller };
}

const toClaim = (m: ReportRow): MentionClaim => ({
  eventId: m.eventId,
  articleId: m.articleId,
  outlet: m.outlet,
  evidence: m.evidence,
  sources: m.source.map((a, i) => claimActor(a, m.sourceKeys[i]!, m.sourceFacts[i], 'source')),
  targets: m.target.map((a, i) => claimActor(a, m.targetKeys[i]!, m.targetFacts[i], 'target')),
  date: m.date,
  datePrecision: m.datePrecision,
  place: m.placeFeatures,
  magnitudes: m.magnitudes,
  modality: m.modality,
  speaker: m.speaker,
  published: m.published,
  code: m.code,
  defence: isDefenceAct(m.trigger, m.afterTrigger),
});

/** Display actors for a record's keys, named as its mentions name them. */
function actorsFor(keys: readonly string[], mentions: readonly ReportRow[], role: 'source' | 'target'): RecordActorOut[] {
  const names = new Map<string, RecordActorOut>();
  for (const m of mentions) {
    const list = role === 'source' ? m.source : m.target;
    const ks = role === 'source' ? m.sourceKeys : m.targetKeys;
    list.forEach((a, i) => {
      if (!names.has(ks[i]!)) names.set(ks[i]!, a);
    });
  }
  return keys.map((k) => names.get(k)).filter((a): a is RecordActorOut => a !== undefined);
}

/** The independent witnesses among a record's reports: one report per article, with its outlet's owner and the wires it is or credits. */
function witnessesOf(ms: readonly ReportRow[], evidence: ArticleEvidence): Independence {
  const articles = new Set(ms.map((m) => m.articleId));
  const reports = new Map(
    ms.map((m) => {
      const own = outletAsWire(m.outlet);
      const wires = [...new Set([...(own ? [own] : []), ...creditedWires(evidence.credits.get(m.articleId) ?? [])])];
      return [m.articleId, { articleId: m.articleId, outlet: m.outlet, owner: outletOwner(m.outlet), wires }];
    }),
  );
  return independentWitnesses(
    [...reports.values()],
    evidence.copies.filter(([a, b]) => articles.has(a) && articles.has(b)),
  );
}

/** A record as shown, worked out from its row and its reports (at least one). */
function recordView(r: StoredRecord, ms: readonly ReportRow[], evidence: ArticleEvidence): LoadedRecord {
  const independence = witnessesOf(ms, evidence);
  // The body speaks for its article where reports disagree; its headline only sums it up.
  const told = bodyTold(ms);
  const claims = told.map(toClaim);
  const contradictions = findContradictions(claims);
  return {
    id: r.id,
    code: r.code,
    plover: r.plover,
    date: r.date,
    datePrecision: r.date_precision,
    place: r.lat !== null && r.lon !== null ? { id: r.place_id, name: r.place_name ?? '', lat: r.lat, lon: r.lon } : null,
    source: actorsFor(JSON.parse(r.sources) as string[], ms, 'source'),
    target: actorsFor(JSON.parse(r.targets) as string[], ms, 'target'),
    mentions: ms.map((m) => ({ eventId: m.eventId, articleId: m.articleId, outlet: m.outlet })),
    outlets: independence.outlets,
    independentOutlets: independence.independentOutlets,
    disputed: contradictions.length > 0,
    contradictions,
    updates: findFigureUpdates(claims),
    inconsistencies: findInconsistencies(told),
    firstReported: r.first_reported,
    lastReported: r.last_reported,
    reports: ms.map(
      ({ recordId: _r, sourceKeys: _s, targetKeys: _t, sourceFacts: _sf, targetFacts: _tf, placeFeatures: _p, dateEnd: _d, headline: _h, trigger: _tr, afterTrigger: _a, ...m }) => ({
        ...m,
        wireCredits: evidence.credits.get(m.articleId) ?? [],
      }),
    ),
    witnesses: independence.groups,
    stored: { independentOutlets: r.independent_outlets, outletCount: r.outlet_count, disputed: r.disputed === 1 },
  };
}

/** These records worked out, in their order; a record with no report left to show (all rejected) is left out. */
async function loadRecords(db: Store, rows: readonly StoredRecord[]): Promise<LoadedRecord[]> {
  const mentions = await reportRows(db, rows.map((r) => r.id));
  const byRecord = new Map<string, ReportRow[]>();
  for (const m of mentions) byRecord.set(m.recordId, [...(byRecord.get(m.recordId) ?? []), m]);
  const articleIds = [...new Set(mentions.map((m) => m.articleId))];
  const evidence = { copies: await copiedPairs(db, articleIds), credits: await wireCreditsOf(db, articleIds) };
  return rows.flatMap((r) => {
    const ms = byRecord.get(r.id) ?? [];
    return ms.length === 0 ? [] : [recordView(r, ms, evidence)];
  });
}

/** The list shows the verdicts it filtered on: the stored ones (equal to the worked-out ones, see records/record-upkeep.ts). */
const listed = ({ reports: _r, witnesses: _w, stored, ...r }: LoadedRecord): RecordOut => ({ ...r, independentOutlets: stored.independentOutlets, disputed: stored.disputed });

export interface RecordPage {
  sort?: RecordSort;
  /** At most this many records; all when absent. */
  limit?: number;
  offset?: number;
}

/**
 * One page of the records the filter keeps, and how many it keeps: the one query path of
 * `dossier records`, GET /api/records and the exports. The page and its total come from SQL,
 * the actor and outlet filters read on the reports shown (store/records-queries.ts), and only
 * the page's records are worked out: a first page costs the same on ten records or ten
 * thousand, and so does one outlet's first page when that outlet reported nearly all of them.
 */
export async function recordsPage(db: Store, f: RecordFilter, page: RecordPage = {}): Promise<{ items: RecordOut[]; total: number }> {
  const offset = page.offset ?? 0;
  const slice = page.limit === undefined ? undefined : { limit: page.limit, offset };
  const shown = await loadRecords(db, await recordRows(db, f, { sort: page.sort, slice }));
  return { items: (slice ? shown : shown.slice(offset)).map(listed), total: await countRecordRows(db, f) };
}

/** Event records with their outlets, independent witnesses and contradictions: the first `limit` of recordsPage. */
export async function findRecords(db: Store, f: RecordFilter & { limit?: number } = {}): Promise<RecordOut[]> {
  const { limit, ...filter } = f;
  return (await recordsPage(db, filter, { limit })).items;
}

/** One record: who reported what, the witness groups, the contradictions. */
export async function getRecord(db: Store, id: string): Promise<RecordDetail | null> {
  const r = (await loadRecords(db, await recordRows(db, { id })))[0];
  if (!r) return null;
  const { stored: _s, ...detail } = r;
  return detail;
}

/**
 * The verdicts of these records worked out from their reports, exactly as getRecord shows
 * them. Records with no report left to show (all rejected) are absent.
 */
export async function recordVerdicts(db: Store, ids: readonly string[]): Promise<Map<string, RecordVerdict>> {
  const out = new Map<string, RecordVerdict>();
  for (let i = 0; i < ids.length; i += 200) {
    for (const r of await loadRecords(db, await recordRows(db, { ids: ids.slice(i, i + 200) }))) {
      out.set(r.id, { independentOutlets: r.independentOutlets, outletCount: r.outlets.length, disputed: r.disputed });
    }
  }
  return out;
}

export interface RecordStats {
  records: number;
  multiArticle: number;
  multiOutlet: number;
  disputed: number;
}

export async function recordStats(db: Store): Promise<RecordStats> {
  const all = await loadRecords(db, await recordRows(db, {}));
  return {
    records: all.length,
    multiArticle: all.filter((r) => new Set(r.mentions.map((m) => m.articleId)).size > 1).length,
    multiOutlet: all.filter((r) => r.outlets.length > 1).length,
    disputed: all.filter((r) => r.disputed).length,
  };
}
