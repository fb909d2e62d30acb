import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { threadedSearch } from '../../src/api/search-runner.js';
import { createAnalyzer } from '../../src/pipeline/analyze-article.js';
import { ingestFiles } from '../../src/pipeline/ingest-files.js';
import { searchArticles } from '../../src/store/articles-repository.js';
import { openStore } from '../../src/store/open-store.js';
import { freshSqliteTarget } from '../support/test-store.js';

describe('searches in threads of their own', () => {
  it('find what the store itself finds, and refuse what it refuses, as usage errors', async () => {
    const path = freshSqliteTarget('search-threads');
    const digest = join(mkdtempSync(join(tmpdir(), 'dossier-search-threads-')), 'digest.txt');
    writeFileSync(
      digest,
      [
        'Ferry resumes at the northern quay\nExample Wire – June 3, 2024\nThe ferry to Saltmere sailed from the northern quay on Monday.\n',
        'Grain exports rise\nExample Wire – June 4, 2024\nGrain exports from Saltmere rose in May, the port said.\n',
      ].join(''),
    );
    const store = await openStore(path);
    const runner = threadedSearch(path, { threads: 1, budgetMs: 60_000 });
    try {
      expect((await ingestFiles(store, [digest], { analyzer: createAnalyzer() })).articlesNew).toBe(2);
      for (const q of ['saltmere', '"northern quay"', 'grai* OR ferry', 'saltmere NOT grain']) {
        expect(await runner.search(q, 10), q).toEqual(await searchArticles(store, q, 10));
      }
      expect((await runner.search('saltmere', 10)).length).toBe(2);
      // The thread's refusal comes back by its code, not as a message to match.
      await expect(runner.search('a* OR b*', 10)).rejects.toMatchObject({ code: 'DOSSIER_SEARCH_BAD_QUERY' });
      await expect(runner.search('"unclosed', 10)).rejects.toMatchObject({ code: 'DOSSIER_SEARCH_BAD_QUERY', message: expect.stringContaining('unclosed quote') });
      // Two at once on one thread: the second waits its turn.
      const [a, b] = await Promise.all([runner.search('ferry', 10), runner.search('grain', 10)]);
      expect([a.length, b.length]).toEqual([1, 1]);
    } finally {
      await runner.close();
      await store.destroy();
    }
  });
});
