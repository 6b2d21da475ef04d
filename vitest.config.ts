import { defineConfig } from 'vitest/config';

/**
 * Three projects: `unit` and `functions` run without a site build (a change to the
 * intake is checked in seconds); `site` (built pages and the browser) builds once first.
 * `npx vitest run --project unit` runs one of them.
 */
const shared = {
  testTimeout: 60_000,
  hookTimeout: 300_000,
  // In CI a test that fails gets one more try (as Playwright's CI default does), so a
  // browser timing hiccup on a loaded 2-core machine does not block a landing; a real
  // failure fails twice. Locally nothing is retried, so flakiness stays visible.
  retry: process.env.CI ? 1 : 0,
  // Page scripts load after the first paint: on a loaded 2-core machine a browser assertion
  // may need a few seconds to come true, not vitest's default one.
  expect: { poll: { timeout: 15_000 } },
};

export default defineConfig({
  test: {
    pool: 'forks',
    maxWorkers: 2,
    projects: [
      { test: { ...shared, name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      { test: { ...shared, name: 'functions', include: ['tests/functions/**/*.test.ts'] } },
      {
        test: {
          ...shared,
          name: 'site',
          include: ['tests/build/**/*.test.ts', 'tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/setup/build.ts'],
        },
      },
    ],
  },
});
