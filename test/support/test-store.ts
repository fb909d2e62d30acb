import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store } from '../../src/store/open-store.js';

/**
 * Where a test's store lives. Every test that needs a store takes its target from here, so the
 * whole suite can run again on PostgreSQL (DOSSIER_TEST_DIALECT=postgres) without a change to
 * the tests. SQLite: a file in a fresh temporary folder.
 */
export async function freshStoreTarget(label = 'test'): Promise<string> {
  return join(mkdtempSync(join(tmpdir(), `dossier-${label}-`)), 'store.db');
}

/** A fresh, migrated, empty store. */
export async function openTestStore(label = 'test'): Promise<Store> {
  return openStore(await freshStoreTarget(label));
}
