import { articleId, contentHash } from '../ingest/article-id.js';
import type { RawArticle } from '../ingest/raw-article.js';
import { createDocument } from '../text/create-document.js';
import type { Document } from '../text/document.js';
import { createPipeline } from './pipeline.js';
import { createStages } from './stages.js';

export interface AnalyzedArticle {
  readonly raw: RawArticle;
  readonly id: string;
  readonly contentHash: string;
  readonly doc: Document;
}

const pipeline = createPipeline(createStages());

/** Reads nothing and writes nothing: a RawArticle in, its Document with every layer out. */
export function analyzeArticle(raw: RawArticle): AnalyzedArticle {
  const id = articleId(raw);
  return {
    raw,
    id,
    contentHash: contentHash(raw.text),
    doc: pipeline.run(
      createDocument(id, raw.text, { published: raw.date?.value ?? null, title: raw.title, outlet: raw.outlet }),
    ),
  };
}
