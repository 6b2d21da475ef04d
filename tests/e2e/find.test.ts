import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './harness/browser';
import { serveSite, type ServedSite } from './harness/serve';
import nl from '../../src/i18n/nl.json' with { type: 'json' };

/**
 * Finding help in a real browser, served with the production headers (strict CSP):
 * the municipality combobox, the no-JS form, open-now against a fixed clock,
 * the agenda's audience filter and Pagefind search with filters.
 */
let site: ServedSite;
let browser: Browser;

beforeAll(async () => {
  [site, browser] = await Promise.all([serveSite(), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** A page that records CSP violations and script errors, and any request that leaves 127.0.0.1. */
async function open(path: string, options: { javaScriptEnabled?: boolean; time?: string } = {}): Promise<{ page: Page; context: BrowserContext; problems: string[] }> {
  const context = await browser.newContext({ baseURL: site.origin, javaScriptEnabled: options.javaScriptEnabled ?? true });
  const problems: string[] = [];
  await context.route((url) => url.hostname !== '127.0.0.1', (route) => { problems.push(`request to ${route.request().url()}`); return route.abort(); });
  const page = await context.newPage();
  if (options.time) await page.clock.setFixedTime(new Date(options.time));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(path);
  return { page, context, problems };
}

async function axe(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('municipality lookup', () => {
  it('suggests a district as you type and shows its centre, keyboard only', async () => {
    const { page, context, problems } = await open('/');
    const input = page.getByRole('combobox', { name: nl['lookup.label'] });
    await input.pressSequentially('borgerh');
    const option = page.getByRole('option', { name: 'Borgerhout (deel van Antwerpen)' });
    await option.waitFor();
    expect(await input.getAttribute('aria-expanded')).toBe('true');
    expect(await axe(page)).toEqual([]);
    await input.press('ArrowDown');
    expect(await option.getAttribute('aria-selected')).toBe('true');
    expect(await input.getAttribute('aria-activedescendant')).toBe(await option.getAttribute('id'));
    await input.press('Enter');
    const result = page.locator('[data-lookup-result] [data-lookup-result-for="antwerpen"]');
    await result.waitFor();
    expect(await result.locator('h2').textContent()).toContain('Antwerpen valt onder Veilig Huis Antwerpen');
    expect(await input.getAttribute('aria-expanded')).toBe('false');
    // A victim reads this answer: the Antwerp lines are for professionals, labelled, with no live "Nu open".
    expect(await result.locator('.open-now').count()).toBe(0);
    expect(await result.textContent()).toContain(nl['content.phoneForProfessionals']);
    expect(await axe(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('answers a postcode, says clearly when it knows none, and does not guess between two Mariakerkes', async () => {
    const { page, context, problems } = await open('/centra/kempen/');
    const input = page.getByRole('combobox', { name: nl['lookup.label'] });
    await input.fill('1050');
    await input.press('Enter');
    await page.getByRole('heading', { name: 'Elsene ligt in Brussel' }).waitFor();
    await input.fill('9999');
    await page.getByRole('button', { name: nl['lookup.submit'] }).click();
    await page.locator('[data-lookup-result] .error-message', { hasText: 'We vinden geen Vlaamse of Brusselse gemeente voor "9999"' }).waitFor();
    await input.fill('Mariakerke');
    // The suggestions now cover the button, as they would for a reader: Enter submits.
    await input.press('Enter');
    await page.locator('[data-lookup-result] .error-message', { hasText: '"Mariakerke" bestaat in meer dan één gemeente' }).waitFor();
    expect(await page.locator('[data-lookup-result] a').allTextContents()).toEqual(['Mariakerke (deel van Gent)', 'Mariakerke (deel van Oostende)']);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('works without JavaScript: the form leads to the municipality page, and what was typed stays out of the address and the history', async () => {
    const { page, context } = await open('/', { javaScriptEnabled: false });
    const visited: string[] = [];
    page.on('framenavigated', (frame) => { if (frame === page.mainFrame()) visited.push(frame.url()); });
    await page.getByLabel(nl['lookup.label']).fill('9000 Gent');
    await page.getByRole('button', { name: nl['lookup.submit'] }).click();
    await page.waitForURL(/\/gemeenten\/gent\/$/);
    expect(await page.locator('main h2').first().textContent()).toContain('Gent valt onder Veilig Huis Oost-Vlaanderen');
    // Back returns to the page the reader came from; no entry holds what was typed.
    await page.goBack({ waitUntil: 'commit' });
    visited.push(page.url());
    expect(new URL(page.url()).pathname).toBe('/');
    await page.goto('/');
    expect(visited.length).toBeGreaterThan(1);
    expect(visited.filter((url) => url.includes('q=') || url.includes('9000'))).toEqual([]);
    // A name that matches nothing leads to the list, with a note, not to "?q=".
    await page.getByLabel(nl['lookup.label']).fill('Nergensdorp');
    await page.getByRole('button', { name: nl['lookup.submit'] }).click();
    await page.waitForURL(/\/gemeenten\/#niet-gevonden$/);
    expect(await page.locator('#niet-gevonden').isVisible()).toBe(true);
    expect(page.url()).not.toContain('Nergensdorp');
    await context.close();
  });

  it('does not send a search without JavaScript: no form to submit, the lists instead', async () => {
    const { page, context } = await open('/zoeken/', { javaScriptEnabled: false });
    expect(await page.locator('form[data-search]').isVisible()).toBe(false);
    expect(await page.getByRole('link', { name: nl['search.noScriptMunicipalities'] }).isVisible()).toBe(true);
    await context.close();
    const withJs = await open('/zoeken/');
    await expect.poll(() => withJs.page.locator('form[data-search]').isVisible()).toBe(true);
    await withJs.page.getByLabel(nl['search.label']).fill('casusregie');
    await withJs.page.getByLabel(nl['search.label']).press('Enter');
    await withJs.page.locator('[data-search-summary]', { hasText: 'resultaten' }).waitFor();
    expect(new URL(withJs.page.url()).search).toBe('');
    await withJs.context.close();
  });

  it('answers ?q= on /gemeenten/ with JavaScript', async () => {
    const { page, context, problems } = await open('/gemeenten/?q=St.-Amandsberg');
    await page.locator('[data-lookup-result] [data-lookup-result-for="gent"]').waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('accessibility of the finding pages', () => {
  // /agenda/ is checked with its filter in use below; a centre's agenda is the same component.
  it('has no axe violation on the municipality list and pages and the search page', async () => {
    const { page, context, problems } = await open('/gemeenten/');
    const found: string[] = [];
    for (const path of ['/gemeenten/', '/gemeenten/kruisem/', '/gemeenten/elsene/', '/zoeken/']) {
      await page.goto(path);
      found.push(...(await axe(page)).map((v) => `${path} ${v}`));
    }
    expect(found).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  }, 180_000);
});

describe('open now', () => {
  it('says "nu open" during the hours and when it opens again outside them, in Belgian time', async () => {
    // Tuesday 24 November 2026, 10:00 in Brussels (09:00 UTC): Antwerp's advice line is open 09:00-16:00.
    let { page, context, problems } = await open('/centra/antwerpen/', { time: '2026-11-24T09:00:00Z' });
    const line = page.locator('.phone-line', { hasText: 'Advieslijn' }).locator('.open-now');
    // The page's scripts load after its first paint (scripts/lib/after-paint.mjs): wait for the label.
    await expect.poll(() => line.textContent()).toBe('Nu open tot 16:00');
    expect(problems).toEqual([]);
    await context.close();
    // Friday 25 December 2026 (Christmas), 10:00: no source says whether the line is open on a
    // public holiday, so the page claims neither (the weekly table stays).
    ({ page, context } = await open('/centra/antwerpen/', { time: '2026-12-25T09:00:00Z' }));
    // The scripts load after the first paint: wait until the page is quiet before asserting absence.
    await page.waitForLoadState('networkidle');
    expect(await page.locator('.phone-line', { hasText: 'Advieslijn' }).locator('.open-now').isHidden()).toBe(true);
    await context.close();
  });
  it('stays hidden without JavaScript, the hours table is there', async () => {
    const { page, context } = await open('/centra/antwerpen/', { javaScriptEnabled: false });
    expect(await page.locator('.open-now').first().isHidden()).toBe(true);
    expect(await page.locator('.phone-line table').count()).toBeGreaterThan(0);
    await context.close();
  });
});

describe('the municipality index', () => {
  it('opens the closed group of a municipality a link points to, without JavaScript', async () => {
    const { page, context, problems } = await open('/gemeenten/', { javaScriptEnabled: false });
    // Closed until asked for: the first paint lays out the headings, not 304 names.
    expect(await page.locator('details.municipality-group[open]').count()).toBe(0);
    expect(await page.locator('#gent').isVisible()).toBe(false);
    // A municipality's page links back to its anchor: the browser opens that group.
    await page.goto('/gemeenten/gent/');
    await page.locator('a[href="/gemeenten/#gent"]').click();
    await page.locator('#gent').waitFor({ state: 'visible' });
    expect(await page.locator('#gent').isVisible()).toBe(true);
    expect(await page.locator('#gent').evaluate((li) => { const r = li.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; })).toBe(true);
    // A reader opens a group with the keyboard and sees its names.
    await page.goto('/gemeenten/');
    const first = page.locator('details.municipality-group > summary').first();
    await first.focus();
    await page.keyboard.press('Enter');
    expect(await page.locator('.municipality-index').first().isVisible()).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('agenda', () => {
  it('filters by audience with JavaScript and hides the filter without it', async () => {
    const { page, context, problems } = await open('/agenda/');
    const groups = page.locator('#groepen + ul > li');
    const total = await groups.count();
    expect(total).toBeGreaterThan(0);
    await page.getByLabel(nl['agenda.audienceProfessionals']).check();
    expect(await page.locator('#groepen + ul > li:visible').count()).toBeLessThan(total);
    // A list the filter empties says so, and the count is announced: nothing vanishes without a word.
    for (const label of ['agenda.audienceProfessionals', 'agenda.audienceVictims', 'agenda.audienceAll'] as const) {
      await page.getByLabel(nl[label]).check();
      const shownGroups = await page.locator('#groepen + ul > li:visible').count();
      expect(await page.locator('[data-agenda-groups-empty]').isVisible(), label).toBe(shownGroups === 0);
      if (shownGroups === 0) expect(await page.locator('[data-agenda-groups-empty]').textContent()).toBe(nl['agenda.noGroupsForAudience']);
      const shownSessions = await page.locator('[data-agenda-sessions] > li:visible').count();
      expect(await page.locator('[data-agenda-empty]').isVisible(), label).toBe(shownSessions === 0);
      await expect.poll(() => page.locator('[aria-live="polite"][data-agenda-status]').textContent()).toBe(
        nl['agenda.filterStatus'].replace('{sessions}', String(shownSessions)).replace('{groups}', String(shownGroups)),
      );
    }
    expect(await page.locator('#groepen + ul > li:visible').count()).toBe(total);
    expect(await axe(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
    const noJs = await open('/agenda/', { javaScriptEnabled: false });
    expect(await noJs.page.locator('[data-agenda-filter]').isHidden()).toBe(true);
    await noJs.context.close();
  });
});

describe('search', () => {
  it('loads nothing for the search until someone uses it, then searches what was typed', async () => {
    const { page, context, problems } = await open('/zoeken/');
    const searchFiles = () => page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname).filter((p) => p.startsWith('/pagefind/')));
    await page.waitForLoadState('networkidle');
    // A reader who only glances at the page pays for no search script, index or WebAssembly.
    expect(await searchFiles()).toEqual([]);
    await page.getByLabel(nl['search.label']).pressSequentially('casusregie');
    await page.locator('[data-search-summary]', { hasText: 'resultaten' }).waitFor();
    expect(await page.locator('[data-search-summary]').textContent()).toMatch(/^\d+ resultaten voor "casusregie"\.$/);
    expect(await searchFiles()).toContain('/pagefind/pagefind-modular-ui.js');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('runs ?q= with Pagefind under the strict CSP, with Dutch results and a centre filter', async () => {
    const { page, context, problems } = await open('/zoeken/?q=casusregie');
    await page.locator('[data-search-summary]', { hasText: 'resultaten' }).waitFor();
    // Results load as they scroll into view (Pagefind's ResultList); the list starts below the fold.
    await page.locator('[data-search-results]').scrollIntoViewIfNeeded();
    const firstResult = page.locator('[data-search-results] > li').first().locator('a');
    await firstResult.waitFor();
    expect(await firstResult.getAttribute('href')).toBe('/casusregisseur/');
    expect(await page.locator('[data-search-summary]').textContent()).toMatch(/^\d+ resultaten voor "casusregie"\.$/);
    await page.getByLabel(nl['search.centre']).selectOption('Kempen');
    await page.locator('[data-search-results]').scrollIntoViewIfNeeded();
    await page.waitForFunction(() => [...document.querySelectorAll('[data-search-results] li a')].some((a) => a.getAttribute('href') === '/centra/kempen/'));
    const hrefs = await page.locator('[data-search-results] li a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs.filter((h) => h?.startsWith('/centra/') && h !== '/centra/kempen/')).toEqual([]);
    expect(await axe(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
