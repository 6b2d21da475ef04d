import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './harness/browser';
import { axeViolations } from './harness/axe';
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

  it('counts the left and the right Shift key the same, mixed in any order', async () => {
    const page = await context.newPage();
    await page.goto(second);
    await page.keyboard.press('ShiftRight');
    expect(await statusText(page)).toBe(nl['quickExit.pressTwoMore']);
    await page.keyboard.press('ShiftLeft');
    expect(await statusText(page)).toBe(nl['quickExit.pressOneMore']);
    await page.keyboard.press('ShiftRight');
    await expect.poll(() => page.url()).toBe(NEUTRAL);
    await page.close();
  });
});

/**
 * What an on-screen keyboard or input method sends, as the browser itself sends it
 * (trusted, through the DevTools protocol): no `code`, keyCode 229, key "Unidentified".
 * GOV.UK Frontend issue 4095: these must neither fire the exit nor break the count.
 */
describe('on-screen keyboards and scripts', () => {
  let context: BrowserContext;
  beforeAll(async () => {
    context = await newContext();
  });
  afterAll(async () => context?.close());

  const virtualKeys = {
    'Shift without a key code': { key: 'Shift', code: '', windowsVirtualKeyCode: 16 },
    'Shift with keyCode 229 (input method)': { key: 'Shift', code: 'ShiftLeft', windowsVirtualKeyCode: 229 },
    'an "Unidentified" key (Android keyboard)': { key: 'Unidentified', code: '', windowsVirtualKeyCode: 229 },
  };

  for (const [name, event] of Object.entries(virtualKeys)) {
    it(`ignores ${name}: three of them do nothing, and they do not reset a real count`, async () => {
      const page = await context.newPage();
      await page.goto(second);
      const cdp = await context.newCDPSession(page);
      const send = async () => {
        await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', ...event });
        await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...event });
      };
      for (let i = 0; i < 3; i++) await send();
      expect(await statusText(page)).toBe('');
      await page.keyboard.press('Shift');
      await page.keyboard.press('Shift');
      await send();
      expect(await statusText(page)).toBe(nl['quickExit.pressOneMore']);
      await page.keyboard.press('Shift');
      await expect.poll(() => page.url()).toBe(NEUTRAL);
      await page.close();
    });
  }

  it('ignores Shift events a script dispatches', async () => {
    const page = await context.newPage();
    await page.goto(second);
    await page.evaluate(() => {
      for (let i = 0; i < 3; i++) document.dispatchEvent(new KeyboardEvent('keyup', { key: 'Shift', code: 'ShiftLeft', bubbles: true }));
    });
    expect(await statusText(page)).toBe('');
    expect(new URL(page.url()).origin).toBe(site.origin);
    await page.close();
  });
});

describe('on a phone', () => {
  let context: BrowserContext;
  beforeAll(async () => {
    context = await browser.newContext({ baseURL: site.origin, viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true });
  });
  afterAll(async () => context?.close());

  /** Where the exit is, relative to the screen, and what a long page looks like around it. */
  const layout = (page: Page) => page.evaluate(() => {
    const exit = document.querySelector('[data-quick-exit-link]')!.getBoundingClientRect();
    const bar = document.querySelector('.quick-exit')!.getBoundingClientRect();
    const footer = document.querySelector('.site-footer')!.getBoundingClientRect();
    return { exitTop: exit.top, exitBottom: exit.bottom, exitHeight: exit.height, barTop: bar.top, footerBottom: footer.bottom, viewport: innerHeight };
  });

  it('keeps the exit within thumb reach at the bottom of the screen while scrolling, covering nothing at the end', async () => {
    const page = await context.newPage();
    // The longest page: every municipality.
    await page.goto('/gemeenten/');
    for (const y of [0, 3000, 100_000]) {
      await page.evaluate((to) => scrollTo(0, to), y);
      const l = await layout(page);
      expect(l.exitBottom, `scrolled to ${y}`).toBeLessThanOrEqual(l.viewport);
      expect(l.exitTop, `scrolled to ${y}`).toBeGreaterThan(l.viewport * 0.75);
      expect(l.exitHeight).toBeGreaterThanOrEqual(44);
    }
    // At the very end the footer ends above the bar: the padding keeps content clear of it.
    const end = await layout(page);
    expect(end.footerBottom).toBeLessThanOrEqual(end.barTop + 1);
    await page.close();
  });

  it('has no WCAG 2.2 A/AA violation with the bar at the bottom', async () => {
    const page = await context.newPage();
    const found: string[] = [];
    for (const path of ['/', '/hulp/', '/gemeenten/antwerpen/']) {
      await page.goto(path);
      found.push(...(await axeViolations(page)));
    }
    expect(found).toEqual([]);
    await page.close();
  });

  it('does not shift the layout when the page loads', async () => {
    const page = await context.newPage();
    await page.addInitScript(() => {
      (window as unknown as { shift: number }).shift = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as unknown as { value: number }[]) (window as unknown as { shift: number }).shift += entry.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto('/hulp/', { waitUntil: 'load' });
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { shift: number }).shift)).toBe(0);
    await page.close();
  });

  it('still leaves with a tap', async () => {
    const page = await context.newPage();
    await context.route(`${new URL(NEUTRAL).origin}/**`, (route) => route.fulfill({ contentType: 'text/html', body: `<!doctype html><title>${NEUTRAL_TITLE}</title>` }));
    await page.goto(second);
    await page.evaluate(() => scrollTo(0, 2000));
    await page.tap('[data-quick-exit-link]');
    await expect.poll(() => page.url()).toBe(NEUTRAL);
    await page.close();
  });
});

