import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, axeViolationsWithoutJs } from './harness/axe';
import { launchChromium } from './harness/browser';
import { serveSite, type ServedSite } from './harness/serve';
import { directory } from '../../src/lib/intake/directory';
import { messageFor } from '../../src/lib/intake/forms/errors';
import { route } from '../../src/lib/intake/forms/routing';
import { canReceive } from '../../src/lib/reach';

/**
 * The intake journeys in Chromium against the build and the real functions (embedded
 * default: mails become files in a temp folder), with JavaScript on and off.
 */
let site: ServedSite;
let browser: Browser;
let outbox = '';
const saved = { ...process.env };

beforeAll(async () => {
  outbox = await mkdtemp(join(tmpdir(), 'intake-e2e-outbox-'));
  process.env.MAIL_OUTBOX_DIR = outbox;
  for (const key of ['RESEND_API_KEY', 'MAIL_REDIRECT_TO', 'CONTEXT']) delete process.env[key];
  [site, browser] = await Promise.all([serveSite(), launchChromium()]);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await site?.close();
  await rm(outbox, { recursive: true, force: true });
  process.env = saved;
});

async function open(path: string, javaScriptEnabled = true): Promise<Page> {
  const context = await browser.newContext({ baseURL: site.origin, javaScriptEnabled });
  const page = await context.newPage();
  await page.goto(path);
  return page;
}

async function fillAdvice(page: Page, question: string) {
  await page.fill('#f-name', 'Test Verwijzer');
  await page.fill('#f-organisation', 'CAW Oost-Vlaanderen');
  await page.selectOption('#f-sector', 'caw');
  await page.fill('#f-email', 'verwijzer@caw.example');
  await page.fill('#f-municipality', 'Gent');
  await page.fill('#f-question', question);
}

describe('with JavaScript', () => {
  it('the preview while typing names, for a centre that cannot receive the form, only the channels it has (the server\'s words)', async () => {
    const municipality = directory.municipalities.find((m) => {
      const centre = directory.centres.find((c) => c.id === m.centre);
      return centre && !canReceive(centre, 'advice');
    });
    if (!municipality) return; // every centre receives: nothing to refuse
    const page = await open('/professionals/advies/');
    await page.fill('#f-municipality', municipality.name);
    const expected = (() => { const r = route({ municipality: municipality.name }, 'advice', directory); return r.ok ? '' : messageFor(r.code, r.params); })();
    await expect.poll(() => page.textContent('[data-centre-preview]')).toBe(expected);
    const preview = (await page.textContent('[data-centre-preview]'))!;
    expect(preview).not.toMatch(/Bel of mail|aanmeldingen/);
    await page.context().close();
  });

  it('shows the centre, the same errors as the server, a check step, then the reference', async () => {
    const page = await open('/professionals/advies/');
    await fillAdvice(page, '');
    await expect.poll(() => page.textContent('[data-centre-preview]')).toBe('Dit gaat naar: Veilig Huis Oost-Vlaanderen.');
    await page.click('button[value="check"]');
    expect(await page.textContent('[data-error-summary] a[href="#f-question"]')).toBe('Schrijf je vraag, zonder gegevens van het gezin');
    expect(await page.title()).toMatch(/^Fout: /);
    expect(await page.getAttribute('#f-question', 'aria-describedby')).toContain('f-question-error');
    // The quick-exit bar is checked (and owned) elsewhere; here: the form with its errors.
    expect((await axeViolations(page)).filter((v) => !v.includes('quick-exit'))).toEqual([]);

    await page.fill('#f-question', 'Hoe pak ik dit aan?');
    await page.click('button[value="check"]');
    await page.waitForSelector('[data-intake-check]:not([hidden])');
    expect(await page.textContent('[data-intake-answers]')).toContain('Hoe pak ik dit aan?');
    expect(await page.title()).not.toMatch(/^Fout: /);
    await page.click('[data-intake-send]');
    await page.waitForSelector('[data-intake-done]:not([hidden])');
    expect(await page.textContent('[data-done-reference]')).toMatch(/^OVL-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    // One mail, to the centre: the typed address is not on the receipt allow-list.
    expect((await readdir(outbox)).filter((f) => f.startsWith('advice-')).length).toBe(1);
    await page.context().close();
  });

  it('offers short case support only where the centre has it', async () => {
    const page = await open('/professionals/aanmelden/');
    const short = page.locator('input[name="offer"][value="kortdurend"]');
    await page.fill('#f-municipality', 'Eeklo');
    await expect.poll(() => short.isVisible()).toBe(false);
    await page.fill('#f-municipality', 'Aalst');
    await expect.poll(() => short.isVisible()).toBe(true);
    await page.context().close();
  });

  it('503: keeps every typed value and shows the centre phone line', async () => {
    const page = await open('/professionals/advies/');
    await page.route('**/api/advice', (route) => route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ error: 'unavailable', phone: '03 435 98 10', line: 'centre' }) }));
    await fillAdvice(page, 'Mijn vraag blijft staan');
    await page.click('button[value="check"]');
    await page.click('[data-intake-send]');
    await expect.poll(() => page.textContent('[data-intake-status]')).toContain('03 435 98 10');
    expect(await page.inputValue('#f-question')).toBe('Mijn vraag blijft staan');
    expect(await page.evaluate(() => localStorage.length + sessionStorage.length)).toBe(0);
    await page.context().close();
  });
});

describe('without JavaScript', () => {
  it('posts the form, shows the check page, and sends to the confirmation page', async () => {
    const page = await open('/professionals/advies/', false);
    await fillAdvice(page, 'Vraag zonder JavaScript');
    await page.click('button[value="check"]');
    await page.waitForSelector('text=Controleer je antwoorden');
    expect(await page.textContent('dl.summary')).toContain('Vraag zonder JavaScript');
    expect(await axeViolationsWithoutJs(page, 'check page (function)')).toEqual([]);
    await page.click('button[value="send"]');
    await page.waitForURL(/\/professionals\/advies\/verzonden\/oost-vlaanderen\/verzonden\/#OVL-/);
    expect(await page.textContent('h1')).toBe('Verzonden');
    await page.context().close();
  });

  it('422: the error summary and the form again with the values kept', async () => {
    const page = await open('/professionals/advies/', false);
    await fillAdvice(page, 'Vraag');
    await page.fill('#f-email', 'geen-adres');
    await page.click('button[value="check"]');
    await page.waitForSelector('.error-summary');
    expect(await page.title()).toMatch(/^Fout: /);
    expect(await page.inputValue('#f-question')).toBe('Vraag');
    expect(await page.inputValue('#f-email')).toBe('geen-adres');
    expect(await axeViolationsWithoutJs(page, '422 page (function)')).toEqual([]);
    await page.context().close();
  });
});
