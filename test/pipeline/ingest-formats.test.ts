import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandInputs, ingestFiles } from '../../src/pipeline/ingest-files.js';
import { findArticles, getArticle, searchArticles, storeStats } from '../../src/store/articles-repository.js';
import { openTestStore } from '../support/test-store.js';

const FIXTURES = join(__dirname, '../fixtures');

describe('ingesting a folder of every format', () => {
  it('detects each reader, stores only text, and finds it again', async () => {
    const store = await openTestStore('formats');
    const files = await expandInputs(['feeds', 'html', 'jsonl', 'text', 'reuters'].map((d) => join(FIXTURES, d)));
    const summary = await ingestFiles(store, files);
    const stats = await storeStats(store);
    expect(Object.keys(stats.byReader).sort()).toEqual(['atom', 'html', 'jsonl', 'reuters', 'rss', 'text']);
    expect(summary.articlesNew).toBe(stats.articles);
    // Every rejected input names its file, and the rest of the batch went in.
    for (const e of summary.errors) expect(e.message.startsWith(FIXTURES)).toBe(true);
    for (const a of await findArticles(store, {})) {
      const detail = (await getArticle(store, a.id))!;
      expect(detail.text).not.toMatch(/<\s*(script|iframe|img|a)\b|javascript:|onerror=/i);
      expect(detail.title).not.toMatch(/<\s*script/i);
    }
    const again = await ingestFiles(store, files);
    expect(again.articlesNew).toBe(0);
    const hits = await searchArticles(store, 'the', 3);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits[0]!.snippet).toContain('[');
    await store.destroy();
  });
});
