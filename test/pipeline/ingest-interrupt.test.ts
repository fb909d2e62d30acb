import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestFiles } from '../../src/pipeline/ingest-files.js';
import { storeStats } from '../../src/store/articles-repository.js';
import { openTestStore } from '../support/test-store.js';

describe('an interrupted batch', () => {
  it('stops between files and leaves only whole files in the store', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dossier-stop-'));
    const files = [1, 2, 3].map((n) => {
      const path = join(dir, `d${n}.txt`);
      writeFileSync(path, `Story ${n} a\nExample Wire – June ${n}, 2024\nBody of story ${n} a.\nStory ${n} b\nExample Wire – June ${n}, 2024\nBody of story ${n} b.\n`);
      return path;
    });
    const store = await openTestStore('stop');
    let started = 0;
    const summary = await ingestFiles(store, files, { onFile: () => started++, shouldStop: () => started >= 1 });
    expect(summary.files).toBe(1);
    expect((await storeStats(store)).articles).toBe(2);
    await store.destroy();
  });
});
