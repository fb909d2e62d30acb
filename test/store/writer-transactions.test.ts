import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { ingestFiles } from '../../src/pipeline/ingest-files.js';
import { storeStats } from '../../src/store/articles-repository.js';
import { openStore } from '../../src/store/open-store.js';
import { freshSqliteTarget } from '../support/test-store.js';

const sqliteModule = createRequire(import.meta.url).resolve('better-sqlite3');

/**
 * Another process that takes the write lock, says so on stdout, holds it for `holdMs` while it
 * writes a row, then commits: the one writer a transaction of ours must wait behind.
 */
function holdWriteLock(file: string, holdMs: number): Promise<{ exited: Promise<number | null> }> {
  const script = `
    const SQLite = require(${JSON.stringify(sqliteModule)});
    const db = new SQLite(${JSON.stringify(file)});
    db.exec("begin immediate");
    db.prepare("insert into feeds (url, failures) values ('https://wire.example/a', 7)").run();
    process.stdout.write("locked\\n");
    setTimeout(() => { db.exec("commit"); db.close(); }, ${holdMs});
  `;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return new Promise((resolve, reject) => {
    child.stdout.once('data', () => resolve({ exited }));
    child.once('exit', (code) => reject(new Error(`the lock holder exited ${code} before locking`)));
  });
}

describe('SQLite write transactions', () => {
  it('begin as writers: a transaction that reads then writes waits for another process and then commits', async () => {
    const file = freshSqliteTarget('writer-first');
    const store = await openStore(file);
    try {
      const holder = await holdWriteLock(file, 800);
      // Reads first, then writes: as a deferred transaction this read a snapshot the holder's
      // commit made stale, and SQLite refused the write at once (SQLITE_BUSY_SNAPSHOT).
      await store.transaction().execute(async (trx) => {
        const before = await sql<{ n: number }>`select count(*) as n from feeds`.execute(trx);
        await sql`insert into feeds (url, failures) values (${`https://wire.example/${Number(before.rows[0]!.n) + 1}`}, 1)`.execute(trx);
      });
      expect(await holder.exited).toBe(0);
      const { rows } = await sql<{ url: string; failures: number }>`select url, failures from feeds order by url`.execute(store);
      // Ours began after the holder committed: it counted the holder's row.
      expect(rows).toEqual([
        { url: 'https://wire.example/2', failures: 1 },
        { url: 'https://wire.example/a', failures: 7 },
      ]);
    } finally {
      await store.destroy();
    }
  });

  it('a store that refuses writes stops the batch as a storage error, blaming no input file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dossier-readonly-'));
    const files = [1, 2].map((n) => {
      const path = join(dir, `d${n}.txt`);
      writeFileSync(path, `Story ${n}\nExample Wire – June ${n}, 2024\nBody of story ${n}, told by nobody in particular.\n`);
      return path;
    });
    const store = await openStore(freshSqliteTarget('readonly'));
    try {
      await sql`pragma query_only = on`.execute(store);
      const summary = await ingestFiles(store, files);
      expect(summary.errors).toEqual([]);
      expect(summary.storageError?.message).toMatch(/^the store failed while saving .*d1\.txt: .*readonly/i);
      expect(summary.files).toBe(1);
      await sql`pragma query_only = off`.execute(store);
      expect((await storeStats(store)).articles).toBe(0);
    } finally {
      await store.destroy();
    }
  });

  it('a file that is not a database is refused as the store, naming it, before any input is read', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'dossier-not-a-db-')), 'news.db');
    writeFileSync(path, Buffer.from('Example Wire keeps its notes here, not a database at all.\n'.repeat(200)));
    await expect(openStore(path)).rejects.toMatchObject({ code: 'DOSSIER_STORE_UNREACHABLE', message: `cannot open the store at ${path}: file is not a database` });
  });
});
