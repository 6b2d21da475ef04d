import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './harness/browser';
import { serveSite, type ServedSite } from './harness/serve';
import nl from '../../src/i18n/nl.json' with { type: 'json' };

/**
 * "Snel weg", tested the way GOV.UK Frontend tests "Exit this page": without
 * JavaScript it is a plain link; with it, the page goes blank at once and
 * location.replace takes its place in history. The neutral site is answered
 * locally: the build's QUICK_EXIT_URL points at 127.0.0.1:9 (nothing listens
 * there), and the browser context fulfils it.
 */

const NEUTRAL = process.env.QUICK_EXIT_URL ?? 'http://127.0.0.1:9/weg';
const NEUTRAL_TITLE = 'Weerbericht';

let site: ServedSite;
let browser: Browser;
/** Two pages of the fixed URL scheme to build a history with. */
const [first, second] = ['/hulp/', '/centra/'];

beforeAll(async () => {
  [site, browser] = await Promise.all([serveSite(), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

async function newContext(options: { javaScriptEnabled?: boolean } = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ ...options, baseURL: site.origin });
  await context.route(`${new URL(NEUTRAL).origin}/**`, (route) =>
    route.fulfill({ contentType: 'text/html', body: `<!doctype html><title>${NEUTRAL_TITLE}</title><h1>${NEUTRAL_TITLE}</h1>` }),
  );
  return context;
}

const statusText = (page: Page) => page.locator('[data-quick-exit-status]').textContent();
const pathOf = (url: string): string => new URL(url).pathname + new URL(url).search;

/** Runs in the page: click "Snel weg" and report what is on screen right after the handler. */
function blankStateAfterClick() {
  document.querySelector<HTMLElement>('[data-quick-exit-link]')!.click();
  return {
    overlay: document.querySelector('.quick-exit-overlay') !== null,
    mainVisible: document.querySelector('main')!.checkVisibility(),
    exitVisible: document.querySelector('[data-quick-exit-link]')!.checkVisibility(),
    announced: document.querySelector('.quick-exit-overlay[role="alert"]')?.textContent,
  };
}

describe('without JavaScript', () => {
  it('leaves the site when clicked, as a plain link', async () => {
    const context = await newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(second);
    await page.click('[data-quick-exit-link]');
    await expect.poll(() => page.url()).toBe(NEUTRAL);
    await context.close();
  });

  it('explains what it does and, honestly, that it does not erase the history', async () => {
    const context = await newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(second);
    await page.click('.quick-exit__more');
    expect(new URL(page.url()).hash).toBe('#snel-weg');
    expect(await page.locator('main').textContent()).toMatch(/geschiedenis niet/);
    await context.close();
  });
});

describe('with JavaScript', () => {
  let context: BrowserContext;
  beforeAll(async () => {
    context = await newContext();
  });
  afterAll(async () => context?.close());

  it('blanks the page in the same moment as the click, before the neutral site answers', async () => {
    const page = await context.newPage();
    // The neutral site never answers here: whatever is seen is what a slow connection would show.
    await page.route(NEUTRAL, () => new Promise(() => {}));
    await page.goto(second);
    // Playwright cannot look at a page while it is navigating away, so look within the click itself.
    const seen = await page.evaluate(blankStateAfterClick);
    expect(seen).toEqual({ overlay: true, mainVisible: false, exitVisible: false, announced: nl['quickExit.activated'] });
    await page.close();
  });

  it('takes the place of the open page in history, so Back does not return to it', async () => {
    const page = await context.newPage();
    await page.goto(first);
    await page.goto(second);
    await page.click('[data-quick-exit-link]');
    await expect.poll(() => page.title()).toBe(NEUTRAL_TITLE);
    expect(page.url()).toBe(NEUTRAL);
    await page.goBack({ waitUntil: 'commit' });
    expect(pathOf(page.url())).toBe(first);
    await page.close();
  });

  it('leaves after Shift pressed three times, announcing the count', async () => {
    const page = await context.newPage();
    await page.goto(second);
    await page.keyboard.press('Shift');
    expect(await statusText(page)).toBe(nl['quickExit.pressTwoMore']);
    await page.keyboard.press('Shift');
    expect(await statusText(page)).toBe(nl['quickExit.pressOneMore']);
    await page.keyboard.press('Shift');
    await expect.poll(() => page.url()).toBe(NEUTRAL);
    await page.close();
  });

  it('does not count Shift used to type a capital, and any other key resets the count', async () => {
    const page = await context.newPage();
    await page.goto(second);
    await page.keyboard.press('Shift');
    await page.keyboard.press('Shift');
    await page.keyboard.press('a');
    expect(await statusText(page)).toBe(nl['quickExit.timedOut']);
    await page.keyboard.press('Shift');
    await page.keyboard.press('Shift+A');
    await page.keyboard.press('Shift');
    await page.keyboard.press('Shift');
    expect(await statusText(page)).toBe(nl['quickExit.pressOneMore']);
    expect(new URL(page.url()).origin).toBe(site.origin);
    await page.close();
  });

  it('needs the three presses within 5 seconds of the first', async () => {
    const page = await context.newPage();
    await page.clock.install();
    await page.goto(second);
    await page.keyboard.press('Shift');
    await page.clock.runFor(3000);
    await page.keyboard.press('Shift');
    await page.clock.runFor(2100);
    expect(await statusText(page)).toBe(nl['quickExit.timedOut']);
    await page.keyboard.press('Shift');
    expect(await statusText(page)).toBe(nl['quickExit.pressTwoMore']);
    expect(new URL(page.url()).origin).toBe(site.origin);
    await page.keyboard.press('Shift');
    await page.clock.runFor(4800);
    await page.keyboard.press('Shift');
    await expect.poll(() => page.url()).toBe(NEUTRAL);
    await page.close();
  });

  it('offers a skip link as the first tab stop that leaves the same way', async () => {
    const page = await context.newPage();
    await page.goto(first);
    await page.goto(second);
    await page.keyboard.press('Tab');
    const focused = page.locator(':focus');
    expect(await focused.textContent()).toBe(nl['layout.quickExitSkip']);
    expect(await focused.isVisible()).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toBe(NEUTRAL);
    await page.goBack({ waitUntil: 'commit' });
    expect(pathOf(page.url())).toBe(first);
    await page.close();
  });

  it('removes the blank overlay when the page comes back from the back/forward cache', async () => {
    const page = await context.newPage();
    await page.addInitScript(() =>
      addEventListener('pageshow', (event) => ((window as unknown as { restoredFromCache?: boolean }).restoredFromCache = event.persisted)),
    );
    // The neutral site never answers: the page stays, blanked, and is then left another way.
    await page.route(NEUTRAL, () => new Promise(() => {}));
    await page.goto(second);
    // Leave only once the exit's own navigation is under way, or it would cut ours short.
    const exiting = page.waitForRequest(NEUTRAL);
    expect((await page.evaluate(blankStateAfterClick)).overlay).toBe(true);
    await exiting;
    await page.goto(first);
    await page.goBack({ waitUntil: 'commit' });
    expect(pathOf(page.url())).toBe(second);
    // Only a page restored from the cache proves anything: a fresh load has no overlay anyway.
    await expect.poll(() => page.evaluate(() => (window as unknown as { restoredFromCache?: boolean }).restoredFromCache)).toBe(true);
    expect(await page.locator('.quick-exit-overlay').count()).toBe(0);
    expect(await page.locator('main').isVisible()).toBe(true);
    await page.close();
  });
});
