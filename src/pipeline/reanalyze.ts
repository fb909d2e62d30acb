import type { Correction } from '../knowledge/actors/actor-overlay.js';
import { activeCorrections } from '../store/corrections-repository.js';
import type { Store } from '../store/open-store.js';
import { relinkAllArticles } from '../records/link-article.js';
import { linkingKnowledge, saveAndLink } from './save-and-link.js';
import { createDocument } from '../text/create-document.js';
import type { Analyzer } from './analyze-article.js';

export interface ReanalyzeSummary {
  articles: number;
  updated: number;
  /** Articles whose stored text no longer normalizes to itself: left as they were. */
  skipped: string[];
  seconds: number;
}

const BATCH = 200;

/**
 * Runs the annotation stages again over stored articles (after an upgrade of the model,
 * the registry or the gazetteer) and rewrites the layers that a different stage version
 * made, or all of them with `force`. The analyst's corrections are replayed on the result,
 * and event records are rebuilt in ingest order when anything changed.
 */
export async function reanalyzeStored(store: Store, analyzer: Analyzer, options: { force?: boolean; shouldStop?: () => boolean } = {}): Promise<ReanalyzeSummary> {
  const started = performance.now();
  const summary: ReanalyzeSummary = { articles: 0, updated: 0, skipped: [], seconds: 0 };
  const corrections: readonly Correction[] = await activeCorrections(store);
  let after = '';
  for (;;) {
    await new Promise((resolve) => setImmediate(resolve));
    if (options.shouldStop?.()) break;
    const rows = await store
      .selectFrom('articles')
      .leftJoin('outlets', 'outlets.id', 'articles.outlet_id')
      .select(['articles.id', 'articles.text', 'articles.body_start', 'articles.title', 'articles.date', 'outlets.name as outlet'])
      .where('articles.id', '>', after)
      .orderBy('articles.id')
      .limit(BATCH)
      .execute();
    if (rows.length === 0) break;
    after = rows.at(-1)!.id;
    await store.transaction().execute(async (trx) => {
      for (const r of rows) {
        summary.articles++;
        // The stored text is the headline and the body: the body alone goes in, the title puts the headline back.
        const body = r.text.slice(r.body_start);
        const doc = analyzer.pipeline.run(createDocument(r.id, body, { published: r.date, title: r.title, outlet: r.outlet }));
        // Offsets are into the stored text: a text that normalizes differently cannot be re-annotated.
        if (doc.text !== r.text) {
          summary.skipped.push(r.id);
          continue;
        }
        if (options.force) await trx.deleteFrom('article_layers').where('article_id', '=', r.id).execute();
        if (await saveAndLink(trx, doc, analyzer, corrections)) summary.updated++;
      }
    });
  }
  // Each re-annotated article was relinked in id order as it went; the records a fresh ingest
  // makes come from linking in ingest order, so build them again that way.
  // An update means the analyzer has knowledge (saveAndLink writes nothing without it).
  const knowledge = analyzer.knowledge;
  if (summary.updated > 0 && knowledge && !options.shouldStop?.()) await relinkAllArticles(store, linkingKnowledge(knowledge), { shouldStop: options.shouldStop });
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}
