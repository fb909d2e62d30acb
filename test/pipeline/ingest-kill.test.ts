import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { storeStats } from '../../src/store/articles-repository.js';
import { dialectOf } from '../../src/store/dialect.js';
import { openStore } from '../../src/store/open-store.js';
import { dumpStore } from '../queue/store-dump.js';
import { spawnCli } from '../queue/worker-process.js';
import { freshStoreTarget } from '../support/test-store.js';

const FILES = 3;
const PER_FILE = 6;
const PLACES = ['Northfield', 'Eastport', 'Lakeview', 'Hillcrest', 'Riverside', 'Stonebridge'];

/** A folder of digests of fictional stories, each article its own text. */
function folder(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'dossier-kill-')), 'news');
  mkdirSync(dir);
  for (let f = 0; f < FILES; f++) {
    const stories = Array.from({ length: PER_FILE }, (_, k) => {
      const town = PLACES[(f + k) % PLACES.length];
      return [
        `${town} council opens ferry pier (${f}.${k})`,
        `Example Wire – May ${1 + f * PER_FILE + k}, 2024`,
        `The council of ${town} opened a ferry pier on Monday, its mayor said, in story ${f}-${k}.`,
        `Police closed the harbour road near ${town} for two hours while the mayor spoke.`,
      ].join('\n');
    });
    writeFileSync(join(dir, `digest-${f}.txt`), `${stories.join('\n')}\n`);
  }
  return dir;
}

/*
 * SIGKILL cannot be caught: the process ends where it is, mid-transaction. What the store must
 * give then is what a crash gives a database: the files saved before it, whole, and nothing of
 * the one being analysed; and a second run must finish the batch into the very store a run
 * without the kill makes, row for row.
 */
describe('an ingest killed with SIGKILL mid-file', () => {
  it('leaves a consistent store that a second run completes, row for row as an ingest never killed', { timeout: 600_000 }, async () => {
    const news = folder();
    const total = FILES * PER_FILE;
    const clean = await freshStoreTarget('kill-clean');
    const single = spawnCli(['--db', clean, 'ingest', news, '--quiet']);
    expect(await single.exited, single.lines.join('\n')).toBe(0);

    const target = await freshStoreTarget('kill');
    const doomed = spawnCli(['--db', target, 'ingest', news, '--progress-every', '0']);
    // Mid-file: the second file is being analysed, the first one saved.
    await doomed.waitFor(/analysing 3\/\d+ articles of file 2\//);
    doomed.child.kill('SIGKILL');
    expect(await doomed.exited).toBe('SIGKILL');

    const store = await openStore(target);
    let kept: number;
    try {
      if (dialectOf(store) === 'sqlite') {
        const check = await sql<{ integrity_check: string }>`PRAGMA integrity_check`.execute(store);
        expect(check.rows.map((r) => r.integrity_check)).toEqual(['ok']);
      }
      kept = (await storeStats(store)).articles;
    } finally {
      await store.destroy();
    }
    // Whole files only: the first (or, had the second been saved meanwhile, the first two).
    expect([PER_FILE, 2 * PER_FILE]).toContain(kept);

    const again = spawnCli(['--db', target, 'ingest', news, '--quiet']);
    expect(await again.exited, again.lines.join('\n')).toBe(0);
    expect(again.lines.join('\n')).toMatch(new RegExp(`${total - kept} articles? new, ${kept} already known`));

    const [resumed, never] = [await dumpStore(target), await dumpStore(clean)];
    expect(Object.keys(resumed).sort()).toEqual(Object.keys(never).sort());
    for (const table of Object.keys(never)) expect(resumed[table], table).toEqual(never[table]);
    expect(resumed.articles).toHaveLength(total);
  });
});
