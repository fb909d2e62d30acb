import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import type { StoreDialect } from '../../src/store/dialect.js';
import { openStore, type Store } from '../../src/store/open-store.js';

/**
 * Where a test's store lives. Every test that needs a store takes its target from here, so the
 * whole suite runs again on PostgreSQL (DOSSIER_TEST_DIALECT=postgres) without a change to the
 * tests. SQLite: a file in a fresh temporary folder. PostgreSQL: a fresh database on the test
 * cluster that test/services/global-setup.ts started.
 */
export function dialectUnderTest(): StoreDialect {
  return process.env.DOSSIER_TEST_DIALECT === 'postgres' ? 'postgres' : 'sqlite';
}

/** The test cluster's superuser URL, or null when there is none (PostgreSQL not installed here). */
export function testPostgresUrl(): string | null {
  return process.env.DOSSIER_TEST_PG_URL || inject('dossierTestPgUrl') || null;
}

/**
 * A new empty database on the test cluster, as a URL. template0 with the cluster's C locale:
 * text sorts byte-wise, as on SQLite.
 */
export async function freshPostgresDatabase(label = 'test'): Promise<string> {
  const admin = testPostgresUrl();
  if (!admin) throw new Error('no PostgreSQL test cluster: install postgresql, or set DOSSIER_TEST_PG_URL');
  const name = `dossier_t_${label.toLowerCase().replace(/[^a-z0-9]+/g, '_').slice(0, 20)}_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'`);
  } finally {
    await client.end();
  }
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A SQLite file in a fresh temporary folder, whatever the dialect under test (for comparing the two). */
export function freshSqliteTarget(label = 'test'): string {
  return join(mkdtempSync(join(tmpdir(), `dossier-${label}-`)), 'store.db');
}

export async function freshStoreTarget(label = 'test'): Promise<string> {
  return dialectUnderTest() === 'postgres' ? freshPostgresDatabase(label) : freshSqliteTarget(label);
}

/** A fresh, migrated, empty store. */
export async function openTestStore(label = 'test'): Promise<Store> {
  return openStore(await freshStoreTarget(label));
}
