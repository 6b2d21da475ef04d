import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { axeViolations } from './harness/axe';
import { launchChromium } from './harness/browser';
import { crawl } from './harness/crawl';
import { builtPages } from './harness/pages';
import { serveSite, type ServedSite } from './harness/serve';

/** axe-core over every built page, as served (headers and CSP included): zero WCAG 2.2 A/AA violations. */

let site: ServedSite;
let browser: Browser;
beforeAll(async () => {
  [site, browser] = await Promise.all([serveSite(), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

it('no built page has a WCAG 2.2 A or AA violation', { timeout: 1_500_000 }, async () => {
  const pages = builtPages();
  expect(pages.length).toBeGreaterThan(0);
  const context = await browser.newContext({ baseURL: site.origin });
  const results = await crawl(context, pages, async (page, path) => {
    await page.goto(path, { waitUntil: 'load' });
    return axeViolations(page, path);
  });
  await context.close();
  expect([...results.values()].flat()).toEqual([]);
});
