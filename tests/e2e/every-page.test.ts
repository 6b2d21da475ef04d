import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { axeViolations } from './harness/axe';
import { launchChromium } from './harness/browser';
import { crawl } from './harness/crawl';
import { builtPages } from './harness/pages';
import { serveSite, type ServedSite } from './harness/serve';

/**
 * One visit to every built page, as served (headers and CSP included), checks what
 * holds on all of them at once, so the crawl of 370+ pages is paid for only once:
 * - the quick exit is the first link, at the top, pointing at the neutral site;
 * - nothing is asked of another host, no cookie is set, nothing lands in Web Storage
 *   or IndexedDB, and no console error occurs (a CSP violation is one); the same
 *   holds for the search once it has loaded its index on demand;
 * - axe finds no WCAG 2.2 A/AA violation.
 */

const NEUTRAL = process.env.QUICK_EXIT_URL ?? 'http://127.0.0.1:9/weg';

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

it('every built page has the quick exit on top, leaves no trace and has no WCAG 2.2 A/AA violation', { timeout: 1_200_000 }, async () => {
  // The editor at /admin/ is no public page: it talks to GitHub and Netlify and keeps its sign-in
  // in the browser (privacy statement); tests/build/admin.test.ts and tests/e2e/cms.test.ts cover it.
  const pages = builtPages().filter((path) => !path.startsWith('/admin/'));
  expect(pages.length).toBeGreaterThan(0);
  const visits = await crawl(context, pages, async (page, path) => {
    await page.goto(path, { waitUntil: 'load' });
    const state = await page.evaluate(async () => {
      const links = [...document.querySelectorAll('a')];
      const firstVisible = links.find((a) => {
        const box = a.getBoundingClientRect();
        return box.width > 1 && box.right > 0 && a.checkVisibility();
      });
      const exits = document.querySelectorAll('[data-quick-exit-link]');
      const databases = (await indexedDB.databases()).map((db) => `indexedDB:${db.name}`);
      return {
        exit: {
          count: exits.length,
          top: exits[0]?.getBoundingClientRect().top,
          href: exits[0]?.getAttribute('href'),
          first: firstVisible?.hasAttribute('data-quick-exit-link') ?? false,
        },
        stored: [...Object.keys(localStorage), ...Object.keys(sessionStorage), ...databases],
      };
    });
    return { ...state, violations: await axeViolations(page, path) };
  });
  const results = [...visits];
  const withoutExit = results
    .filter(([, v]) => v.exit.count !== 1 || (v.exit.top ?? 999) > 80 || v.exit.href !== NEUTRAL || !v.exit.first)
    .map(([path, v]) => `${path} ${JSON.stringify(v.exit)}`);
  const written = results.filter(([, v]) => v.stored.length > 0).map(([path, v]) => `${path}: ${v.stored.join(', ')}`);
  expect(withoutExit, 'pages without a quick exit at the top').toEqual([]);
  expect(foreignRequests, 'requests to other hosts').toEqual([]);
  expect(consoleErrors, 'console errors').toEqual([]);
  expect(written, 'data written to the browser').toEqual([]);
  expect(await context.cookies(), 'cookies').toEqual([]);
  expect(results.flatMap(([, v]) => v.violations), 'WCAG 2.2 A/AA violations').toEqual([]);
});

// The search loads its index only when used, so the crawl above never sees it do so.
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
