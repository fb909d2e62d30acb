import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { RawArticle } from '../../src/ingest/raw-article.js';
import { type Analyzer, createAnalyzer } from '../../src/pipeline/analyze-article.js';
import { ingestFiles, readInputFile } from '../../src/pipeline/ingest-files.js';
import { loadKnowledge } from '../../src/pipeline/load-knowledge.js';
import { openStore } from '../../src/store/open-store.js';
import { freshStoreTarget } from '../support/test-store.js';
import { dumpStore } from './store-dump.js';

const FIXTURES = join(__dirname, '../fixtures/queue');

/** The queue's fixture files, in the order an ingest reads them. */
export const QUEUE_FILES: readonly string[] = readdirSync(FIXTURES)
  .sort()
  .map((f) => join(FIXTURES, f));

/** The fixture corpus and what one process makes of it: the reference the queue's writes must equal. */
export interface QueueCorpus {
  readonly analyzer: Analyzer;
  readonly articles: RawArticle[];
  /** The store one `ingest` of the files wrote, and its dump. */
  readonly singleTarget: string;
  readonly single: Record<string, string[]>;
  /** The errors that ingest reported (none expected). */
  readonly errors: readonly unknown[];
}

export async function queueCorpus(label: string): Promise<QueueCorpus> {
  const analyzer = createAnalyzer(loadKnowledge());
  const articles: RawArticle[] = [];
  for (const file of QUEUE_FILES) articles.push(...(await readInputFile(file)).articles);
  const singleTarget = await freshStoreTarget(label);
  const store = await openStore(singleTarget);
  const { errors } = await ingestFiles(store, QUEUE_FILES, { analyzer });
  await store.destroy();
  return { analyzer, articles, singleTarget, single: await dumpStore(singleTarget), errors };
}
