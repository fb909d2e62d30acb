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
    // Throwaway servers (PostgreSQL) for the whole run: test/services/global-setup.ts.
    globalSetup: ['test/services/global-setup.ts'],
    // Ends each run with one line saying what was skipped and why.
    reporters: ['default', './test/support/skipped-tests-reporter.ts'],
  },
});
