import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Throwaway servers (PostgreSQL) for the whole run: test/services/global-setup.ts.
    globalSetup: ['test/services/global-setup.ts'],
  },
});
