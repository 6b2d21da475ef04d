import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchChromium } from './harness/browser';
import { serveSite, type ServedSite } from './harness/serve';

/**
 * Someone may be watched through their own browser: a visit must leave nothing
 * behind and tell nobody. Every built page is checked for that in every-page.test.ts;
 * here the search, which loads its index on demand, gets the same checks.
 */

let site: ServedSite;
let browser: Browser;
let context: BrowserContext;
const foreignRequests: string[] = [];
const consoleErrors: string[] = [];

beforeAll(async () => {
  [site, browser] = await Promise.all([serveSite(), launchChromium()]);
  context = await browser.newContext({ baseURL: site.origin });
  context.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin !== site.origin && url.protocol !== 'data:') foreignRequests.push(`${request.frame().url()} -> ${request.url()}`);
  });
  context.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(`${message.page()?.url()}: ${message.text()}`);
  });
  context.on('weberror', (error) => consoleErrors.push(`${error.page()?.url()}: ${error.error().message}`));
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

it('searching the site stays on the site and stores nothing', async () => {
  const page = await context.newPage();
  await page.goto('/zoeken/');
  const search = page.getByRole('searchbox').or(page.locator('input[type="search"], input[type="text"]')).first();
  await search.fill('casusoverleg');
  await page.waitForLoadState('networkidle');
  const keys = await page.evaluate(async () => [...Object.keys(localStorage), ...Object.keys(sessionStorage), ...(await indexedDB.databases()).map((d) => d.name)]);
  expect(keys).toEqual([]);
  expect(foreignRequests).toEqual([]);
  expect(consoleErrors).toEqual([]);
  expect(await context.cookies()).toEqual([]);
  await page.close();
});
