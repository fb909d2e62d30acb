import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '../../src/pipeline/analyze-article.js';
import { ingestFiles } from '../../src/pipeline/ingest-files.js';
import { storeStats } from '../../src/store/articles-repository.js';
import { openTestStore } from '../support/test-store.js';

const digests = (): string[] => {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-stop-'));
  return [1, 2, 3].map((n) => {
    const path = join(dir, `d${n}.txt`);
    writeFileSync(path, `Story ${n} a\nExample Wire – June ${n}, 2024\nBody of story ${n} a.\nStory ${n} b\nExample Wire – June ${n}, 2024\nBody of story ${n} b.\n`);
    return path;
  });
};

describe('an interrupted batch', () => {
  it('stops between articles, mid-file, saving the articles it analysed and no other', async () => {
    const store = await openTestStore('stop');
    let analysed = 0;
    const summary = await ingestFiles(store, digests(), {
      analyzer: createAnalyzer(),
      onStep: (step) => {
        if (step.phase === 'analysing') analysed++;
      },
      shouldStop: () => analysed >= 3,
    });
    // The second file was read and its first article analysed when the stop came.
    expect(summary.files).toBe(2);
    expect(summary.articlesNew).toBe(3);
    const titles = (await store.selectFrom('articles').select('title').orderBy('title').execute()).map((r) => r.title);
    expect(titles).toEqual(['Story 1 a', 'Story 1 b', 'Story 2 a']);
    expect((await storeStats(store)).articles).toBe(3);
    await store.destroy();
  });

  it('goes on where it stopped when run again', async () => {
    const store = await openTestStore('stop-resume');
    const files = digests();
    let analysed = 0;
    await ingestFiles(store, files, { analyzer: createAnalyzer(), onStep: (s) => (s.phase === 'analysing' ? analysed++ : 0), shouldStop: () => analysed >= 1 });
    const again = await ingestFiles(store, files, { analyzer: createAnalyzer() });
    expect([again.articlesKnown, again.articlesNew]).toEqual([1, 5]);
    await store.destroy();
  });
});
