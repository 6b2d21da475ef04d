import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './harness/browser';
import { serveSite, type ServedSite } from './harness/serve';

/**
 * What an Arabic reader sees of a phone number, web or mail address, time or postcode:
 * the characters on screen in the order they are dialled or typed, left to right.
 * Unisolated on a right-to-left page, `03 435 98 10` shows as `10 98 435 03` and
 * `1712.be` as `be.1712`. The check measures each character's box in Chromium.
 */
const PAGES = ['/ar/', '/ar/hulp/', '/ar/noodnummers/', '/ar/veilig-online/', '/ar/wat-is-ifg/', '/ar/gemeenten/', '/ar/gemeenten/brussel/', '/ar/gemeenten/centrum-limburg/'];

let site: ServedSite;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  [site, browser] = await Promise.all([serveSite(), launchChromium()]);
  context = await browser.newContext({ baseURL: site.origin, javaScriptEnabled: false });
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** Every left-to-right run on the page whose characters do not stand left to right on one line. */
function misordered(page: Page): Promise<{ checked: number; wrong: string[] }> {
  return page.evaluate(() => {
    const RUN = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?:https?:\/\/)?[\w-]+(?:\.[\w-]+)*\.(?:be|eu|com|org)\b|\+?\d+(?:[ .:\/\u2013\u066c\u202f\u00a0-]\d+)+/g;
    const wrong: string[] = [];
    let checked = 0;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      const text = node.data;
      for (const m of text.matchAll(RUN)) {
        const boxes: DOMRect[] = [];
        for (let i = m.index!; i < m.index! + m[0].length; i++) {
          if (/\s/.test(text[i])) continue;
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const box = range.getBoundingClientRect();
          if (box.width > 0) boxes.push(box);
        }
        if (boxes.length < 2) continue;
        checked++;
        // Only characters on the same line can be compared (a long run may wrap).
        const inOrder = boxes.every((b, i) => i === 0 || Math.abs(b.top - boxes[i - 1].top) > 2 || b.left >= boxes[i - 1].left);
        if (!inOrder) wrong.push(m[0]);
      }
    }
    return { checked, wrong };
  });
}

describe('left-to-right text on the Arabic pages', () => {
  it('shows every phone number, web and mail address, time and postcode in the order it is dialled or typed', async () => {
    const page = await context.newPage();
    const found: Record<string, string[]> = {};
    let checked = 0;
    for (const path of PAGES) {
      await page.goto(path);
      const result = await misordered(page);
      checked += result.checked;
      if (result.wrong.length) found[path] = [...new Set(result.wrong)];
    }
    await page.close();
    expect(found).toEqual({});
    // The strip alone prints 1712.be on every page: the check saw real runs.
    expect(checked).toBeGreaterThan(PAGES.length);
  });

  it('gives every phone, mail and web link a left-to-right direction', async () => {
    const page = await context.newPage();
    await page.goto('/ar/gemeenten/brussel/');
    const directions = await page.$$eval('a[href^="tel:"], a[href^="mailto:"]', (links) => [...new Set(links.map((a) => getComputedStyle(a).direction))]);
    expect(directions).toEqual(['ltr']);
    await page.close();
  });
});
