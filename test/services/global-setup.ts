import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { encodeGazetteer } from '../../src/knowledge/gazetteer/compiled-gazetteer.js';
import { buildGazetteerFromPackages, GAZETTEER_FILE_VARIABLE } from '../../src/knowledge/gazetteer/gazetteer.js';
import { findPostgresBin, type PostgresService, startPostgres } from './postgres-service.js';
import { REDIS_SERVER, type RedisService, redisServerInstalled, startRedis } from './redis-service.js';

// The servers the suite needs, started once per `vitest run` and stopped at its end. Each one
// hands its address to the test workers by `provide` (read with `inject`) and by environment.

declare module 'vitest' {
  export interface ProvidedContext {
    /** Superuser URL of the throwaway PostgreSQL cluster; empty when there is none. */
    dossierTestPgUrl: string;
    /** URL of the throwaway Redis server (test/queue); empty when there is none. */
    dossierTestRedisUrl: string;
    /** A folder that lives as long as the run, for what its test files build once and share (test/web/web-build.ts). */
    dossierTestRunDir: string;
  }
}

type Stop = () => Promise<void>;

/** PostgreSQL: the cluster test-store.ts creates a database on per store, unless DOSSIER_TEST_PG_URL names one already. */
async function setupPostgres(project: TestProject): Promise<Stop | null> {
  const given = process.env.DOSSIER_TEST_PG_URL;
  if (given) {
    project.provide('dossierTestPgUrl', given);
    return null;
  }
  const bin = findPostgresBin();
  if (!bin) {
    const message = 'PostgreSQL binaries not found under /usr/lib/postgresql/*/bin (apt-get install postgresql)';
    if (process.env.CI) throw new Error(`${message}: CI runs the store tests on PostgreSQL too`);
    process.stderr.write(`warning: ${message}; the PostgreSQL store tests cannot run\n`);
    project.provide('dossierTestPgUrl', '');
    return null;
  }
  const service: PostgresService = await startPostgres(bin);
  process.env.DOSSIER_TEST_PG_URL = service.url;
  project.provide('dossierTestPgUrl', service.url);
  return service.stop;
}

/** Redis for the queue workers' tests (test/queue), unless DOSSIER_TEST_REDIS_URL names one already. */
async function setupRedis(project: TestProject): Promise<Stop | null> {
  const given = process.env.DOSSIER_TEST_REDIS_URL;
  if (given) {
    project.provide('dossierTestRedisUrl', given);
    return null;
  }
  if (!redisServerInstalled()) {
    const message = `${REDIS_SERVER} not found (apt-get install redis-server)`;
    if (process.env.CI) throw new Error(`${message}: CI runs the queue worker tests`);
    process.stderr.write(`warning: ${message}; the queue worker tests cannot run\n`);
    project.provide('dossierTestRedisUrl', '');
    return null;
  }
  const service: RedisService = await startRedis();
  process.env.DOSSIER_TEST_REDIS_URL = service.url;
  project.provide('dossierTestRedisUrl', service.url);
  return service.stop;
}

/**
 * The gazetteer compiled once for the run, as the build compiles it, and named to every worker
 * and child process by $DOSSIER_GAZETTEER: run from src/, each of them would otherwise build it
 * from the packages (about 2 s each, for most of the suite's files and CLI processes).
 * test/knowledge/gazetteer/compiled-gazetteer.test.ts keeps the compiled one equal to the built one.
 */
function compileGazetteer(runDir: string): void {
  if (process.env[GAZETTEER_FILE_VARIABLE]) return;
  const file = join(runDir, 'gazetteer.compiled.bin');
  writeFileSync(file, encodeGazetteer(buildGazetteerFromPackages()));
  process.env[GAZETTEER_FILE_VARIABLE] = file;
}

export default async function setup(project: TestProject): Promise<Stop> {
  // Made first and removed last: a build shared by the run's test files is thrown away with it.
  const runDir = mkdtempSync(join(tmpdir(), 'dossier-test-run-'));
  project.provide('dossierTestRunDir', runDir);
  const stops: Stop[] = [async () => rmSync(runDir, { recursive: true, force: true })];
  compileGazetteer(runDir);
  const stopAll: Stop = async () => {
    for (const stop of stops.reverse()) await stop();
  };
  try {
    const pg = await setupPostgres(project);
    if (pg) stops.push(pg);
    const redis = await setupRedis(project);
    if (redis) stops.push(redis);
  } catch (error) {
    await stopAll();
    throw error;
  }
  return stopAll;
}
