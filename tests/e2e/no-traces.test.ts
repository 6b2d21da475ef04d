import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchChromium } from './harness/browser';
import { crawl } from './harness/crawl';
import { builtPages } from './harness/pages';
import { serveSite, type ServedSite } from './harness/serve';

/**
 * Someone may be watched through their own browser: a visit must leave nothing
 * behind and tell nobody. Every built page is opened in a fresh profile; the
 * crawl fails on a request to any other host, a cookie, anything in Web Storage
 * or IndexedDB, and any console error (a CSP violation is one).
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

it('every built page loads without a foreign request, a cookie, stored data or a console error', { timeout: 900_000 }, async () => {
  const pages = builtPages();
  expect(pages.length).toBeGreaterThan(0);
  const stored = await crawl(context, pages, async (page, path) => {
    await page.goto(path, { waitUntil: 'load' });
    return page.evaluate(async () => {
      const databases = (await indexedDB.databases()).map((db) => db.name);
      return [...Object.keys(localStorage), ...Object.keys(sessionStorage), ...databases.map((name) => `indexedDB:${name}`)];
    });
  });
  const written = [...stored].filter(([, keys]) => keys.length > 0).map(([path, keys]) => `${path}: ${keys.join(', ')}`);
  expect(foreignRequests, 'requests to other hosts').toEqual([]);
  expect(consoleErrors, 'console errors').toEqual([]);
  expect(written, 'data written to the browser').toEqual([]);
  expect(await context.cookies(), 'cookies').toEqual([]);
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
