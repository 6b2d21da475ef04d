import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/setup/build.ts'],
    testTimeout: 60_000,
    hookTimeout: 300_000,
    pool: 'forks',
    maxWorkers: 2,
    // In CI a test that fails gets one more try (as Playwright's CI default does), so a
    // browser timing hiccup on a loaded 2-core machine does not block a landing; a real
    // failure fails twice. Locally nothing is retried, so flakiness stays visible.
    retry: process.env.CI ? 1 : 0,
  },
});
