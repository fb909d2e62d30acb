import { articleId, contentHash } from '../ingest/article-id.js';
import type { RawArticle } from '../ingest/raw-article.js';
import type { Knowledge } from '../knowledge/knowledge.js';
import { createDocument } from '../text/create-document.js';
import type { Document } from '../text/document.js';
import { createPipeline, type Pipeline } from './pipeline.js';
import { createStages } from './stages.js';

export interface AnalyzedArticle {
  readonly raw: RawArticle;
  readonly id: string;
  readonly contentHash: string;
  readonly doc: Document;
}

export interface Analyzer {
  readonly pipeline: Pipeline;
  /** Loaded at first use when the analyzer was made with a loader: read it only when an article needs it. */
  readonly knowledge: Knowledge | undefined;
  /** Reads nothing and writes nothing: a RawArticle in, its Document with every layer out. */
  analyze(raw: RawArticle): AnalyzedArticle;
  /** Which stage made which layer, at which version: stored with the layers. */
  readonly stageVersions: ReadonlyArray<{ layer: string; stage: string; version: string }>;
}

/**
 * The article analyzer for this knowledge: the text stages alone when there is none. Given a
 * loader, the knowledge is loaded once, by the first article analysed or the first reader of
 * `knowledge`; the stage versions are known before, so known articles are found without it.
 */
export function createAnalyzer(knowledge?: Knowledge | (() => Knowledge)): Analyzer {
  let loaded: Knowledge | undefined;
  const known = knowledge === undefined ? undefined : (): Knowledge => (loaded ??= typeof knowledge === 'function' ? knowledge() : knowledge);
  const pipeline = createPipeline(createStages(known));
  return {
    pipeline,
    get knowledge() {
      return known?.();
    },
    stageVersions: pipeline.stages.map((s) => ({ layer: s.assigns, stage: s.name, version: s.version })),
    analyze(raw) {
      const id = articleId(raw);
      const doc = createDocument(id, raw.text, { published: raw.date?.value ?? null, title: raw.title, outlet: raw.outlet });
      return { raw, id, contentHash: contentHash(raw.text), doc: pipeline.run(doc) };
    },
  };
}
