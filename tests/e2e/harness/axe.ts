import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** WCAG 2.2 level A and AA, as the accessibility statement promises. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** axe's violations on the page as it is now, one readable line each. */
export async function axeViolations(page: Page, label = new URL(page.url()).pathname): Promise<string[]> {
  // Legacy mode runs axe inside the page (the site has no frames) instead of opening a
  // helper page per run, and only violations are computed: a crawl of 300+ pages needs both.
  // options() replaces every option, so it must come before withTags().
  const { violations } = await new AxeBuilder({ page }).options({ resultTypes: ['violations'] }).withTags(WCAG_TAGS).setLegacyMode(true).analyze();
  return violations.map(
    (v) => `${label}: ${v.id} (${v.impact}) ${v.help} at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`,
  );
}

/**
 * axe for a page shown without JavaScript: axe itself needs JavaScript, so the page's
 * HTML as the visitor sees it (scripts removed) is served at its own URL in a tab
 * where JavaScript runs, and checked there.
 */
export async function axeViolationsWithoutJs(page: Page, label: string): Promise<string[]> {
  const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, '');
  const browser = page.context().browser();
  if (!browser) throw new Error('no browser');
  const context = await browser.newContext();
  const probe = await context.newPage();
  const url = page.url().split('#')[0];
  await probe.route(url, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
  await probe.goto(url);
  const violations = await axeViolations(probe, label);
  await context.close();
  return violations;
}
