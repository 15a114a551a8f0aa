import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Three layers, run separately: `npm test` runs domain + integration, `npm run test:browser` the browser layer.
export default defineConfig({
  test: {
    // Vitest's default of one worker per core but one leaves a 2-core machine with one, while the
    // integration files mostly wait on Azurite: two run them in about two thirds of the time. The
    // integrity and browser layers still run one file at a time (their fileParallelism below).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        test: {
          name: 'domain',
          include: ['tests/domain/**/*.test.ts', 'tests/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/support/azurite-global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          // Storms, crashes and faults against a real Azurite: `npm run test:integrity`.
          name: 'integrity',
          include: ['tests/integrity/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/support/azurite-global-setup.ts'],
          testTimeout: 90_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/support/azurite-global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
