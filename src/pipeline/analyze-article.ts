import { articleId, contentHash } from '../ingest/article-id.js';
import type { RawArticle } from '../ingest/raw-article.js';
import type { Knowledge } from '../knowledge/knowledge.js';
import { createDocument } from '../text/create-document.js';
import type { Document } from '../text/document.js';
import { createPipeline, type Pipeline, type StageInterrupt } from './pipeline.js';
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
  /**
   * The same as analyze, stoppable by `interrupt` before its end (then it throws): an article
   * of STAGED_FROM_CHARS or more a stage at a time (Pipeline.runInterruptibly), a shorter one
   * in one call of `interrupt.within`, after a turn of the event loop.
   */
  analyzeInterruptibly(raw: RawArticle, interrupt: StageInterrupt): Promise<AnalyzedArticle>;
  /** Which stage made which layer, at which version: stored with the layers. */
  readonly stageVersions: ReadonlyArray<{ layer: string; stage: string; version: string }>;
}

/**
 * From this length an article is analysed a stage at a time when it may be interrupted, with a
 * turn of the event loop between two stages: 10,000 characters take about 0.8 s of CPU
 * (docs/limits.md), against 0.1–0.4 ms for a stage's turn and its `within` (the CLI's starts a
 * thread that waits for Ctrl-C), a cost shorter articles, most of a news corpus, would feel.
 */
export const STAGED_FROM_CHARS = 10_000;

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
      const { id, doc } = documentOf(raw);
      return { raw, id, contentHash: contentHash(raw.text), doc: pipeline.run(doc) };
    },
    async analyzeInterruptibly(raw, interrupt) {
      const { id, doc } = documentOf(raw);
      let analysed: Document;
      if (raw.text.length >= STAGED_FROM_CHARS) analysed = await pipeline.runInterruptibly(doc, interrupt);
      else {
        await new Promise((resolve) => setImmediate(resolve));
        interrupt.signal.throwIfAborted();
        analysed = (interrupt.within ?? ((run) => run()))(() => pipeline.run(doc));
      }
      return { raw, id, contentHash: contentHash(raw.text), doc: analysed };
    },
  };
}

function documentOf(raw: RawArticle): { id: string; doc: Document } {
  const id = articleId(raw);
  return { id, doc: createDocument(id, raw.text, { published: raw.date?.value ?? null, title: raw.title, outlet: raw.outlet }) };
}
