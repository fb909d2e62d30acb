import type { Transaction } from 'kysely';
import type { Knowledge } from '../knowledge/knowledge.js';
import type { Correction } from '../knowledge/actors/actor-overlay.js';
import { type LinkingKnowledge, linkArticle } from '../records/link-article.js';
import type { StoryMemo } from '../records/story-memo.js';
import { lockRecordLinking } from '../store/dialect.js';
import { saveLayers } from '../store/save-layers.js';
import type { Database } from '../store/schema.js';
import type { Document } from '../text/document.js';
import type { Analyzer } from './analyze-article.js';

/** What linking reads of the knowledge. */
export const linkingKnowledge = (k: Pick<Knowledge, 'syntax' | 'documentFrequencies'>): LinkingKnowledge => ({ lemmas: k.syntax.lemmas, documentFrequencies: k.documentFrequencies });

/** Called back by the save path: bench/linking.ts times linking apart from analysis and saving with it. */
export interface LinkHooks {
  /**
   * After an article is linked, with the milliseconds linkArticle took, and the process's CPU
   * milliseconds in them (which other processes on the machine slow less).
   */
  readonly onLinked?: (articleId: string, ms: number, cpuMs: number) => void;
  /** The stories read for the articles linked before in the run: each is read again only when it changed. */
  readonly stories?: StoryMemo;
}

/**
 * Writes an article's layers (unless the same stage versions made them) and links it: its story
 * and its events' records, in the caller's transaction, one linker at a time store-wide (two
 * PostgreSQL writers would otherwise both start a record). The one save path of ingest, the
 * queue's writer and re-analysis. False when nothing changed.
 */
export async function saveAndLink(
  trx: Transaction<Database>,
  doc: Document,
  analyzer: Analyzer,
  corrections: readonly Correction[],
  hooks: LinkHooks = {},
): Promise<boolean> {
  const knowledge = analyzer.knowledge;
  if (!knowledge || !(await saveLayers(trx, doc, analyzer, corrections))) return false;
  await lockRecordLinking(trx);
  const started = performance.now();
  const cpu = process.cpuUsage();
  await linkArticle(trx, doc.id, linkingKnowledge(knowledge), hooks.stories);
  if (hooks.onLinked) {
    const used = process.cpuUsage(cpu);
    hooks.onLinked(doc.id, performance.now() - started, (used.user + used.system) / 1000);
  }
  return true;
}
