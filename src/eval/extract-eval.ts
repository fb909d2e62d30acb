import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { z } from 'zod';
import { InputError } from '../errors.js';
import { htmlReader } from '../ingest/html/html-reader.js';
import { createSourceText } from '../ingest/source-text.js';
import { type CorpusScores, type PageComparison, scoreExtraction } from './extract-metric.js';

/**
 * Runs Dossier's article extractor over a benchmark folder (ground-truth.json and html/, as
 * in scrapinghub's article-extraction-benchmark) and scores it with the benchmark's metric.
 */

export interface PageScore extends PageComparison {
  readonly id: string;
  readonly url: string;
}

export interface ExtractScores extends CorpusScores {
  readonly perPage: readonly PageScore[];
  readonly seconds: number;
}

const GroundTruth = z.record(z.string(), z.object({ articleBody: z.string(), url: z.string().default('') }));

export async function runExtractEval(dir: string): Promise<ExtractScores> {
  const truth = GroundTruth.parse(JSON.parse(await readFile(join(dir, 'ground-truth.json'), 'utf8')));
  const pages = await pageFiles(join(dir, 'html'));
  const predicted = new Map<string, string>();
  const started = performance.now();
  for (const [id, file] of pages) {
    const raw = await readFile(file);
    const html = (file.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8');
    predicted.set(id, articleText(file, html));
  }
  const seconds = (performance.now() - started) / 1000;
  const bodies = new Map(Object.entries(truth).map(([id, page]) => [id, page.articleBody]));
  const scores = scoreExtraction(bodies, predicted);
  const perPage = [...scores.perPage].map(([id, page]) => ({ ...page, id, url: truth[id]?.url ?? '' }));
  return { ...scores, perPage, seconds };
}

/** "eval extract f1=0.9700 precision=0.9600 recall=0.9800 pages=91 accuracy=0.3000" */
export function formatExtractEvalLine(s: ExtractScores): string {
  const figure = (value: number): string => value.toFixed(4);
  return (
    `eval extract f1=${figure(s.f1)} precision=${figure(s.precision)} recall=${figure(s.recall)}` +
    ` pages=${s.pages} accuracy=${figure(s.accuracy)}`
  );
}

// The reader's body text, as `dossier ingest` would store it; a page it rejects scores as empty.
function articleText(file: string, html: string): string {
  try {
    return htmlReader.read(createSourceText(file, 'page.html', html)).articles[0]?.text ?? '';
  } catch (error) {
    if (error instanceof InputError) return '';
    throw error;
  }
}

// <id>.html.gz or <id>.html; an id with both keeps the uncompressed one.
async function pageFiles(htmlDir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const name of (await readdir(htmlDir)).sort()) {
    const match = /^(.+)\.html(\.gz)?$/.exec(name);
    if (match === null) continue;
    if (match[2] === undefined || !files.has(match[1]!)) files.set(match[1]!, join(htmlDir, name));
  }
  return files;
}

/**
 * Article bodies from a predictions file, wrapped ({ "output": { id: { articleBody } } }) or
 * not ({ id: { articleBody } }), as the benchmark's evaluator accepts both.
 */
export function readArticleBodies(json: unknown): Map<string, string> {
  const Bodies = z.record(z.string(), z.object({ articleBody: z.string() }));
  const wrapped = z.object({ output: Bodies }).safeParse(json);
  const bodies = wrapped.success ? wrapped.data.output : Bodies.parse(json);
  return new Map(Object.entries(bodies).map(([id, page]) => [id, page.articleBody]));
}
