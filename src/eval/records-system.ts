import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError, UsageError } from '../errors.js';
import { articleId } from '../ingest/article-id.js';
import type { Analyzer } from '../pipeline/analyze-article.js';
import { ingestFiles, readInputFile } from '../pipeline/ingest-files.js';
import { findRecords } from '../records/record-views.js';
import { getArticle } from '../store/articles-repository.js';
import { isPostgresTarget } from '../store/dialect.js';
import { openStore, type Store } from '../store/open-store.js';
import { mentionFeatures } from '../store/records-repository.js';
import { type RecordsEvalReport, type RecordsSystem, type SystemRecord, scoreRecords } from './records-eval.js';
import { parseRecordsGold, recordsGoldProblems } from './records-gold.js';

/**
 * Dossier's records of a multi-outlet folder, as records-eval.ts scores them: the folder's
 * articles.jsonl goes through `dossier ingest`'s own path into a fresh SQLite store (linking
 * happens there, article by article), and the records are read back as `dossier records`,
 * `dossier record` and `dossier show` read them.
 */

export interface RecordsEvalOptions {
  /** Write the store to this new SQLite file and keep it, instead of a temporary one. */
  readonly keepDb?: string;
  /** The shipped knowledge's analyzer unless given. */
  readonly analyzer?: Analyzer;
}

/**
 * Each article line's stored article id, worked out as ingest works it out (the reader's
 * provenance gives the line, articleId the id). Two lines holding the same article share its
 * id, where the store's own provenance would name only the first. A rejected line is an error:
 * the gold may point at it.
 */
export async function readArticleLines(file: string): Promise<Map<number, string>> {
  const { articles, rejected } = await readInputFile(file, { reader: 'jsonl' });
  if (rejected[0]) throw rejected[0];
  return new Map(articles.map((raw) => [raw.provenance.startLine, articleId(raw)]));
}

/** A linked mention's place in its article. */
export interface LinkedMention {
  readonly recordId: string;
  readonly start: number;
  /** Told in the headline (before the body's start). */
  readonly headline: boolean;
}

/** The record of the article's headline mention when one is linked, else of its first body mention. */
export function leadRecordOf(mentions: readonly LinkedMention[]): string | null {
  const first = (ms: readonly LinkedMention[]): LinkedMention | undefined => [...ms].sort((a, b) => a.start - b.start)[0];
  return (first(mentions.filter((m) => m.headline)) ?? first(mentions))?.recordId ?? null;
}

const invert = (lineIds: ReadonlyMap<number, string>): Map<string, number[]> => {
  const linesOf = new Map<string, number[]>();
  for (const [line, id] of lineIds) linesOf.set(id, [...(linesOf.get(id) ?? []), line]);
  return linesOf;
};

/** Line pairs whose articles share a repeated passage, as `dossier show` lists them; lines of one stored article are copies too. */
async function copyLinePairs(store: Store, linesOf: ReadonlyMap<string, readonly number[]>): Promise<Array<[number, number]>> {
  const pairs: Array<[number, number]> = [];
  for (const [id, lines] of linesOf) {
    lines.forEach((a, i) => {
      for (const b of lines.slice(i + 1)) pairs.push([a, b]);
    });
    const others = new Set((await getArticle(store, id))?.repeatedPassages.map((p) => p.otherArticleId) ?? []);
    for (const other of others) for (const a of lines) for (const b of linesOf.get(other) ?? []) pairs.push([a, b]);
  }
  return pairs;
}

/** What the store made of the articles, in line numbers. */
export async function storeRecordsSystem(store: Store, lineIds: ReadonlyMap<number, string>): Promise<RecordsSystem> {
  const linesOf = invert(lineIds);
  const records = await findRecords(store);
  // The list leaves out a record's end date; a span ("26-27 October") is then compared whole.
  const dateEnds = new Map((await store.selectFrom('event_records').select(['id', 'date_end']).execute()).map((r) => [r.id, r.date_end]));
  const byArticle = new Map<string, LinkedMention[]>();
  const systemRecords: SystemRecord[] = [];
  for (const r of records) {
    const shown = new Set(r.mentions.map((m) => m.eventId));
    for (const m of await mentionFeatures(store, { recordId: r.id })) {
      if (!shown.has(m.eventId)) continue;
      // Stored mentions always carry both; the type leaves them optional for unsaved ones.
      const linked = { recordId: r.id, start: m.start ?? 0, headline: m.headline === true };
      byArticle.set(m.articleId, [...(byArticle.get(m.articleId) ?? []), linked]);
    }
    systemRecords.push({
      id: r.id,
      lines: [...new Set(r.mentions.flatMap((m) => linesOf.get(m.articleId) ?? []))].sort((a, b) => a - b),
      // As the linker derives a record's root: CAMEO codes open with their two-digit root.
      rootCode: r.code.slice(0, 2),
      date: r.date,
      dateEnd: dateEnds.get(r.id) ?? null,
      witnesses: r.independentOutlets,
      // A toll shown as a series of updates shows its successive figures: the gold lists those too.
      contradictionFields: [...new Set([...r.contradictions.map((c) => c.field), ...r.updates.map((u) => `number:${u.kind}`), ...r.inconsistencies.map((x) => x.kind)])],
    });
  }
  const articleMainRecord = new Map([...lineIds].map(([line, id]) => [line, leadRecordOf(byArticle.get(id) ?? [])]));
  return { records: systemRecords, articleMainRecord, copyPairs: await copyLinePairs(store, linesOf) };
}

function readGoldJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new InputError('DOSSIER_INPUT_UNREADABLE', { file }, `cannot read the file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new InputError('DOSSIER_INPUT_BAD_JSON', { file }, `not JSON: ${(error as Error).message}`);
  }
}

/** Where the store goes: the kept file, or a temporary folder removed afterwards. */
function storeTarget(keepDb: string | undefined): { target: string; cleanup: () => void } {
  if (keepDb !== undefined) {
    if (isPostgresTarget(keepDb)) throw new UsageError('--keep-db takes a SQLite file, not a PostgreSQL URL');
    // A fresh store or none: records linked onto an older store's would score that store.
    if (existsSync(keepDb)) throw new UsageError(`--keep-db ${keepDb} already exists; name a new file`);
    return { target: keepDb, cleanup: () => {} };
  }
  const dir = mkdtempSync(join(tmpdir(), 'dossier-eval-records-'));
  return { target: join(dir, 'store.db'), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Ingests `<dir>/articles.jsonl` into a fresh store and scores its records against `<dir>/gold.json`. */
export async function runRecordsEval(dir: string, options: RecordsEvalOptions = {}): Promise<RecordsEvalReport> {
  const articlesFile = join(dir, 'articles.jsonl');
  const goldFile = join(dir, 'gold.json');
  // Everything the folder can get wrong is found before the models load.
  const gold = parseRecordsGold(readGoldJson(goldFile), goldFile);
  const lineIds = await readArticleLines(articlesFile);
  const problem = recordsGoldProblems(gold, new Set(lineIds.keys()), articlesFile)[0];
  if (problem !== undefined) throw new InputError('DOSSIER_INPUT_BAD_RECORD', { file: goldFile }, problem);

  const { target, cleanup } = storeTarget(options.keepDb);
  try {
    const store = await openStore(target);
    try {
      const started = performance.now();
      const ingested = await ingestFiles(store, [articlesFile], { reader: 'jsonl', ...(options.analyzer ? { analyzer: options.analyzer } : {}) });
      if (ingested.errors[0]) throw ingested.errors[0];
      const seconds = (performance.now() - started) / 1000;
      const system = await storeRecordsSystem(store, lineIds);
      return {
        ...scoreRecords(gold, system),
        system: {
          articles: lineIds.size,
          linkedArticles: [...system.articleMainRecord.values()].filter((r) => r !== null).length,
          records: system.records.length,
        },
        seconds,
      };
    } finally {
      await store.destroy();
    }
  } finally {
    cleanup();
  }
}
