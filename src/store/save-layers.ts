import type { Transaction } from 'kysely';
import type { Correction } from '../knowledge/actors/actor-overlay.js';
import type { Document } from '../text/document.js';
import { type MentionContext, saveMentions } from './mentions-repository.js';
import { PASSAGES_LAYER } from './passages-repository.js';
import type { Database } from './schema.js';

/** What saving layers reads of the analyzer (pipeline/analyze-article.ts): which stage made which layer, and the registry's facts of an actor. */
export interface LayerSource {
  readonly knowledge: Pick<MentionContext, 'describeActor'> | undefined;
  readonly stageVersions: ReadonlyArray<{ layer: string; stage: string; version: string }>;
}

/**
 * Writes an article's annotation layers unless the same stage versions already made them:
 * so re-ingesting a file after an upgrade re-annotates it, and re-ingesting it unchanged
 * costs one query per article. Linking is the caller's next step (pipeline/save-and-link.ts).
 */
export async function saveLayers(trx: Transaction<Database>, doc: Document, analyzer: LayerSource, corrections: readonly Correction[]): Promise<boolean> {
  const knowledge = analyzer.knowledge;
  if (!knowledge) return false;
  // The passages layer is versioned beside the stages' layers but made by savePassages.
  const stored = await trx.selectFrom('article_layers').select(['layer', 'version']).where('article_id', '=', doc.id).where('layer', '!=', PASSAGES_LAYER).execute();
  const want = analyzer.stageVersions;
  const same = stored.length === want.length && want.every((w) => stored.some((s) => s.layer === w.layer && s.version === w.version));
  if (same) return false;
  await saveMentions(trx, doc.id, doc, { corrections, describeActor: knowledge.describeActor }, want);
  return true;
}
