/// <reference types="vitest/config" />
import { availableParallelism } from 'node:os';
import { getViteConfig } from 'astro/config';

/**
 * Four projects mirror the layers (STYLE.md): unit (pure domain), integration
 * (queries and commands on PGlite, or PostgreSQL with TEST_DATABASE_URL),
 * components (pages through Astro's Container API) and e2e (the built server
 * in Debian's Chromium; run by `npm run test:e2e`, not by `npm test`).
 */
export default getViteConfig({
  test: {
    environment: 'node',
    // Vitest's default, one worker fewer than cores, is a single worker on a 2-core machine (CI's):
    // two files at once keep both cores busy while one of them waits on its database or a child.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    setupFiles: ['test/helpers/fail-on-console-error.ts'],
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'components',
          include: ['test/components/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
