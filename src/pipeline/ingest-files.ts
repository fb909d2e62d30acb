import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Transaction } from 'kysely';
import { glob } from 'tinyglobby';
import { InputError, UsageError } from '../errors.js';
import { articleId } from '../ingest/article-id.js';
import { fetchInput, isUrl } from '../ingest/fetch-input.js';
import { cutArticle, type InputLimits, inputLimits, LIMIT_FLAGS, MAX_ANALYSED_ARTICLE_CHARS } from '../ingest/input-limits.js';
import { isDirectory, loadInput } from '../ingest/load-input.js';
import type { RawArticle, ReaderName } from '../ingest/raw-article.js';
import { chooseReader } from '../ingest/readers.js';
import { storedSourcePath } from '../ingest/stored-source-path.js';
import type { Correction } from '../knowledge/actors/actor-overlay.js';
import { activeCorrections } from '../store/corrections-repository.js';
import { lockRecordLinking } from '../store/dialect.js';
import type { Store } from '../store/open-store.js';
import { saveArticle } from '../store/save-article.js';
import { isStorageFailure, StorageError, withTransientRetry } from '../store/storage-errors.js';
import { upToDateArticles } from '../store/up-to-date-articles.js';
import { type LinkHooks, saveAndLink } from './save-and-link.js';
import { StoryMemo } from '../records/story-memo.js';
import type { Database } from '../store/schema.js';
import { type AnalyzedArticle, type Analyzer, createAnalyzer } from './analyze-article.js';
import type { StageInterrupt } from './pipeline.js';

export interface IngestSummary {
  files: number;
  articlesNew: number;
  articlesKnown: number;
  errors: InputError[];
  /** Not errors: what was done to an input to keep it within the limits (an article cut), "file:line: what". */
  warnings: string[];
  /** The store failed (locked past every retry, read-only, not a database): the batch stopped there. */
  storageError: StorageError | null;
  seconds: number;
  bytes: number;
}

/** Where an ingest run is, for a progress display: the file in hand and how far into its articles. */
export interface IngestStep {
  readonly phase: 'reading' | 'analysing' | 'linking';
  readonly file: string;
  /** The file's position in the run, from 0, and the number of files. */
  readonly fileIndex: number;
  readonly files: number;
  /** Articles of this file analysed (or linked) so far, of `total`; 0 of 0 while reading. */
  readonly done: number;
  readonly total: number;
}

export interface IngestOptions extends LinkHooks {
  readonly reader?: ReaderName;
  readonly onFile?: (file: string, done: number, total: number) => void;
  /** At each file read and each article analysed and linked. */
  readonly onStep?: (step: IngestStep) => void;
  /** Once, just before the knowledge loads: at the first article that is not known (never when all are). */
  readonly onKnowledgeLoading?: () => void;
  readonly shouldStop?: () => boolean;
  /**
   * Stops an article's analysis before its end (Analyzer.analyzeInterruptibly): the article in
   * hand is dropped, those analysed before it are saved, and the batch stops as at shouldStop.
   * Without it an article's analysis runs to its end (the stop waits for it).
   */
  readonly interrupt?: StageInterrupt;
  readonly stdin?: Buffer;
  /**
   * The name each file's articles are stored under (provenance, seen by every reader); default:
   * relative to the working folder, or the file's own name (stored-source-path.ts).
   */
  readonly storedName?: (file: string) => string;
  /** Overrides of the input limits (input-limits.ts). */
  readonly limits?: Partial<InputLimits>;
  /** Defaults to the full pipeline with the shipped knowledge. */
  readonly analyzer?: Analyzer;
}

/**
 * Expands paths (folders recursively, globs, "-" for stdin) into a sorted file list. A folder
 * with no file in it, or a glob that matches none, is a usage error: a run that reads nothing
 * because of a typo in the path would otherwise look like a success.
 */
export async function expandInputs(paths: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    if (p === '-' || isUrl(p)) out.push(p);
    else if (isDirectory(p)) out.push(...nonEmpty(p, 'the folder holds no file to read', walk(p)));
    else if (/[*?[{]/.test(p)) out.push(...nonEmpty(p, 'the pattern matches no file', (await glob(p, { onlyFiles: true })).sort()));
    else out.push(p);
  }
  return out;
}

function nonEmpty(path: string, why: string, files: string[]): string[] {
  if (files.length === 0) throw new UsageError(`${path}: ${why}`);
  return files;
}

function walk(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...walk(path));
    else if (entry.isFile()) files.push(path);
  }
  return files;
}

/**
 * Reads one input (a path, a URL, or "-" with the stdin bytes) into raw articles, as every
 * ingest path does (this one, and the queue enqueuer); throws an InputError when the file
 * is unreadable or holds no article.
 */
export async function readInputFile(
  file: string,
  options: Pick<IngestOptions, 'reader' | 'stdin' | 'limits' | 'storedName'> = {},
): Promise<{ articles: RawArticle[]; rejected: InputError[]; warnings: string[]; bytes: number }> {
  const limits = inputLimits(options.limits);
  const given = file === '-' ? options.stdin : isUrl(file) ? await fetchInput(file) : undefined;
  const source = loadInput(file, given, limits);
  const result = chooseReader(source, options.reader).read(source);
  if (result.articles.length === 0 && result.rejected.length === 0) {
    throw new InputError('DOSSIER_INPUT_NO_ARTICLES', { file }, 'no article found in the file');
  }
  if (result.articles.length > limits.maxArticlesPerFile) {
    throw new InputError(
      'DOSSIER_INPUT_TOO_LARGE',
      { file },
      `${result.articles.length} articles in one file (limit ${limits.maxArticlesPerFile}; split the file or raise it with ${LIMIT_FLAGS.maxArticlesPerFile})`,
    );
  }
  const warnings: string[] = [];
  const rejected = [...result.rejected];
  const articles = result.articles.flatMap((raw) => {
    const cut = cutArticle(raw, limits.maxArticleChars);
    if (cut.text.length > MAX_ANALYSED_ARTICLE_CHARS) {
      // Only with the cut raised past the ceiling: refused alone, before its analysis would pass the memory bound.
      rejected.push(
        new InputError(
          'DOSSIER_INPUT_ARTICLE_TOO_LONG',
          { file, line: raw.provenance.startLine },
          `article "${raw.title.slice(0, 60)}" is ${cut.text.length} characters long, past the ${MAX_ANALYSED_ARTICLE_CHARS} one article may have to be analysed within the memory bound; cut it with ${LIMIT_FLAGS.maxArticleChars} ${MAX_ANALYSED_ARTICLE_CHARS} or less`,
        ),
      );
      return [];
    }
    if (cut !== raw) {
      warnings.push(
        `${raw.provenance.file}:${raw.provenance.startLine}: article "${raw.title.slice(0, 60)}" is ${raw.text.length} characters long; cut to its first ${cut.text.length} (limit ${limits.maxArticleChars}; raise it with ${LIMIT_FLAGS.maxArticleChars})`,
      );
    }
    return [cut];
  });
  // Messages above name the file as the operator gave it; what is stored names it for readers.
  const stored = (options.storedName ?? ((f: string) => storedSourcePath(f, process.cwd())))(file);
  const named = articles.map((raw) => ({ ...raw, provenance: { ...raw.provenance, file: stored } }));
  return { articles: named, rejected, warnings, bytes: Buffer.byteLength(source.text) };
}

/**
 * How often a file's save is tried while another process holds the write lock: each try waits
 * the busy timeout (5 s on SQLite) and then up to 2 s, so about three minutes in all.
 */
const WRITE_TRIES = 30;

/** Each file is one transaction: it goes in whole or not at all; the batch goes on. */
export async function ingestFiles(store: Store, files: readonly string[], options: IngestOptions = {}): Promise<IngestSummary> {
  const started = performance.now();
  const summary: IngestSummary = { files: 0, articlesNew: 0, articlesKnown: 0, errors: [], warnings: [], storageError: null, seconds: 0, bytes: 0 };
  const now = new Date().toISOString();
  // The knowledge loads at the first article that is not known, not here: a run that adds
  // nothing reads none of it, and commands that only list or show start fast.
  const analyzer = options.analyzer ?? createAnalyzer((await import('./load-knowledge.js')).loadKnowledge);
  const corrections = await activeCorrections(store);
  // One for the run: each article's story window is read again only where a story changed.
  const stories = options.stories ?? new StoryMemo();
  let knowledgeAsked = false;
  /** Files fail alone; a store failure stops the batch (true): the next would fail the same way. */
  const failed = (file: string, error: unknown): boolean => {
    if (error instanceof InputError) summary.errors.push(error);
    else if (isStorageFailure(error)) {
      summary.storageError = new StorageError(`saving ${file}`, error);
      return true;
    } else summary.errors.push(new InputError('DOSSIER_INPUT_UNREADABLE', { file }, (error as Error).message));
    return false;
  };
  for (const [i, file] of files.entries()) {
    // SQLite work resolves in microtasks only: yield to the event loop so Ctrl-C is heard.
    await new Promise((resolve) => setImmediate(resolve));
    if (options.shouldStop?.() || options.interrupt?.signal.aborted) break;
    options.onFile?.(file, i, files.length);
    const step = (phase: IngestStep['phase'], done: number, total: number): void =>
      options.onStep?.({ phase, file, fileIndex: i, files: files.length, done, total });
    step('reading', 0, 0);
    summary.files++;
    let fresh: RawArticle[];
    try {
      const result = await readInputFile(file, options);
      summary.bytes += result.bytes;
      summary.errors.push(...result.rejected);
      summary.warnings.push(...result.warnings);
      // Known articles are found by their content-derived id before any analysis: one already
      // stored with layers of these stage versions, or met earlier in this file, would be
      // analysed only to find that saving it changes nothing.
      const ids = result.articles.map((raw) => articleId(raw));
      const upToDate = await upToDateArticles(store, ids, analyzer.stageVersions);
      const seen = new Set<string>();
      fresh = result.articles.filter((_, n) => {
        const id = ids[n]!;
        const skip = upToDate.has(id) || seen.has(id);
        seen.add(id);
        return !skip;
      });
      summary.articlesKnown += result.articles.length - fresh.length;
    } catch (error) {
      if (failed(file, error)) break;
      continue;
    }
    // Outside the file's catch: a user registry file that does not load fails the run, naming
    // its own file and line, rather than every input in turn.
    if (fresh.length > 0 && !knowledgeAsked) {
      knowledgeAsked = true;
      options.onKnowledgeLoading?.();
      if (!(await loadKnowledgeUnlessStopped(analyzer, options.interrupt))) break;
    }
    try {
      const total = fresh.length;
      const analyzed: AnalyzedArticle[] = [];
      const { interrupt } = options;
      for (const raw of fresh) {
        // Between articles, not only between files: a file of a thousand articles takes minutes,
        // and a stop asked meanwhile saves what is analysed and ends within about an article
        // (within a stage of it, or at once on Ctrl-C, with an interrupt).
        await new Promise((resolve) => setImmediate(resolve));
        if (options.shouldStop?.() || interrupt?.signal.aborted) break;
        const a = interrupt ? await analyzeUnlessStopped(analyzer, raw, interrupt) : analyzer.analyze(raw);
        if (!a) break;
        analyzed.push(a);
        step('analysing', analyzed.length, total);
      }
      const linked = { ...options, stories, onSaved: (n: number) => step('linking', n, total) };
      // Analysis ran outside the transaction, so a retry after another writer's lock costs only the save.
      const outcome = await withTransientRetry(
        () => store.transaction().execute((trx) => saveAnalyzed(trx, analyzed, analyzer, corrections, now, linked)),
        WRITE_TRIES,
      );
      summary.articlesNew += outcome.fresh;
      summary.articlesKnown += outcome.known;
      if (options.shouldStop?.() || options.interrupt?.signal.aborted) break;
    } catch (error) {
      if (failed(file, error)) break;
    }
  }
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}

/**
 * Loads the analyzer's knowledge (seconds on a loaded machine) where the interrupt can end it:
 * false when it did. Left unfinished, none of it is kept (the analyzer keeps it once whole), and
 * the run analyses nothing after. Any other failure is thrown (a registry file that does not load).
 */
async function loadKnowledgeUnlessStopped(analyzer: Analyzer, interrupt: StageInterrupt | undefined): Promise<boolean> {
  if (!interrupt) {
    analyzer.knowledge;
    return true;
  }
  await new Promise((resolve) => setImmediate(resolve));
  if (interrupt.signal.aborted) return false;
  try {
    (interrupt.within ?? ((run) => run()))(() => analyzer.knowledge);
    return true;
  } catch (error) {
    if (interrupt.signal.aborted) return false;
    throw error;
  }
}

/** The article analysed, or undefined when the interrupt stopped its analysis; any other failure is thrown. */
async function analyzeUnlessStopped(analyzer: Analyzer, raw: RawArticle, interrupt: StageInterrupt): Promise<AnalyzedArticle | undefined> {
  try {
    return await analyzer.analyzeInterruptibly(raw, interrupt);
  } catch (error) {
    if (interrupt.signal.aborted) return undefined;
    throw error;
  }
}

/**
 * Analyzes articles already read (a polled feed's new items) and saves them the way
 * ingestFiles saves a file: one transaction, articles and layers. `within` writes the
 * caller's own rows in that same transaction, so they go in with the articles or not at all.
 */
export async function saveRawArticles(
  store: Store,
  raws: readonly RawArticle[],
  options: LinkHooks & {
    readonly analyzer: Analyzer;
    readonly now?: string;
    readonly within?: (trx: Transaction<Database>) => Promise<void>;
  },
): Promise<{ fresh: number; known: number }> {
  const { analyzer } = options;
  const now = options.now ?? new Date().toISOString();
  const corrections = await activeCorrections(store);
  const analyzed = raws.map((raw) => analyzer.analyze(raw));
  return store.transaction().execute(async (trx) => {
    const counts = await saveAnalyzed(trx, analyzed, analyzer, corrections, now, options);
    await options.within?.(trx);
    return counts;
  });
}

/** Articles, then their layers, in the caller's transaction: the one save path of every ingest. */
async function saveAnalyzed(
  trx: Transaction<Database>,
  analyzed: readonly AnalyzedArticle[],
  analyzer: Analyzer,
  corrections: readonly Correction[],
  now: string,
  hooks: LinkHooks & { readonly onSaved?: (saved: number) => void },
): Promise<{ fresh: number; known: number }> {
  // The first statement takes the store-wide write turn (PostgreSQL; SQLite's BEGIN IMMEDIATE
  // already did): two ingests that read no article, then both insert it, broke its key.
  await lockRecordLinking(trx);
  let fresh = 0;
  let known = 0;
  for (const a of analyzed) {
    if ((await saveArticle(trx, a, now)) === 'new') fresh++;
    else known++;
    await saveAndLink(trx, a.doc, analyzer, corrections, hooks);
    hooks.onSaved?.(fresh + known);
  }
  return { fresh, known };
}
