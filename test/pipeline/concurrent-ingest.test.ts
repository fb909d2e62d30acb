import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { storeStats } from '../../src/store/articles-repository.js';
import { openStore } from '../../src/store/open-store.js';
import { type CliProcess, spawnCli } from '../queue/worker-process.js';
import { freshStoreTarget } from '../support/test-store.js';

const TOWNS = ['Northfield', 'Eastport', 'Lakeview', 'Hillcrest', 'Riverside', 'Stonebridge', 'Oakdale', 'Millbrook'];
const DEEDS = ['opened a new bridge', 'closed the central market', 'held a council vote', 'signed a water agreement'];

/** A digest of `n` fictional stories, each told once: every article has its own text. */
function digest(folder: string, file: number, n: number): string {
  const stories = Array.from({ length: n }, (_, k) => {
    const town = TOWNS[(file + k) % TOWNS.length];
    const deed = DEEDS[k % DEEDS.length];
    return [
      `${town} mayor ${deed} (${folder} ${file}.${k})`,
      `Example Wire – May ${1 + ((file + k) % 27)}, 2024`,
      `The mayor of ${town} ${deed} on Monday, officials said, in story ${folder}-${file}-${k}.`,
      `Residents of ${town} gathered near the town hall, and a spokesman said more talks would follow on Friday.`,
    ].join('\n');
  });
  return `${stories.join('\n')}\n`;
}

function writeFolder(root: string, name: string, files: number, perFile: number): string {
  const dir = join(root, name);
  mkdirSync(dir);
  for (let f = 0; f < files; f++) writeFileSync(join(dir, `${name}-${f}.txt`), digest(name, f, perFile));
  return dir;
}

const FILES = 6;
const PER_FILE = 4;

describe('two `dossier ingest` processes on one store', () => {
  it('both finish with every article stored, on a new store and again on the same one', { timeout: 300_000 }, async () => {
    const root = mkdtempSync(join(tmpdir(), 'dossier-two-writers-'));
    const a = writeFolder(root, 'alpha', FILES, PER_FILE);
    const b = writeFolder(root, 'bravo', FILES, PER_FILE);
    const shared = writeFolder(root, 'shared', 1, PER_FILE);
    // Not migrated beforehand: both processes create the schema at once.
    const target = await freshStoreTarget('two-writers');
    const total = (2 * FILES + 1) * PER_FILE;

    for (const round of [1, 2]) {
      const runs: CliProcess[] = [spawnCli(['--db', target, 'ingest', a, shared]), spawnCli(['--db', target, 'ingest', b, shared])];
      const codes = await Promise.all(runs.map((r) => r.exited));
      const output = runs.map((r) => r.lines.join('\n')).join('\n---\n');
      expect(codes, output).toEqual([0, 0]);
      expect(output).not.toMatch(/^error:/m);
      const store = await openStore(target);
      try {
        expect((await storeStats(store)).articles, `round ${round}`).toBe(total);
      } finally {
        await store.destroy();
      }
      // Each process accounts for every article it read: new or already known.
      const counted = runs.map((r) => /(\d+) articles? new, (\d+) already known/.exec(r.lines.join('\n')));
      expect(counted.every(Boolean), output).toBe(true);
      const fresh = counted.reduce((sum, m) => sum + Number(m![1]), 0);
      expect(fresh).toBe(round === 1 ? total : 0);
    }
  });
});
