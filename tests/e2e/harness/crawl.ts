import type { BrowserContext, Page } from 'playwright-core';

/**
 * Visits every path with a few tabs at once (the crawl of 300+ pages is most of
 * the browser suite's time) and collects what `visit` reports per path.
 */
export async function crawl<T>(
  context: BrowserContext,
  paths: readonly string[],
  visit: (page: Page, path: string) => Promise<T>,
  tabs = Number(process.env.E2E_TABS) || 3,
): Promise<Map<string, T>> {
  const results = new Map<string, T>();
  const queue = [...paths];
  await Promise.all(
    Array.from({ length: Math.min(tabs, queue.length) }, async () => {
      const page = await context.newPage();
      for (let path = queue.shift(); path !== undefined; path = queue.shift()) results.set(path, await visit(page, path));
      await page.close();
    }),
  );
  return results;
}
