import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { engineTestFiles } from './test/support/engine-tests.js';

// The PostgreSQL pass (DOSSIER_TEST_DIALECT=postgres) runs only the test files whose result can
// depend on the store engine, found from their imports (test/support/engine-tests.ts); the
// SQLite pass runs everything.
const postgresPass = process.env.DOSSIER_TEST_DIALECT === 'postgres';

export default defineConfig({
  test: {
    include: postgresPass ? engineTestFiles(import.meta.dirname) : ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Vitest's default is one worker fewer than the cores: one worker on a 2-core CI machine,
    // which then sits idle while a file waits on chromium, a CLI child or PostgreSQL. Two
    // workers at least keep both cores busy; the files are independent (their own stores,
    // ports, queues and temporary folders).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // Throwaway servers (PostgreSQL) for the whole run: test/services/global-setup.ts.
    globalSetup: ['test/services/global-setup.ts'],
    // Ends each run with one line saying what was skipped and why.
    reporters: ['default', './test/support/skipped-tests-reporter.ts'],
  },
});
