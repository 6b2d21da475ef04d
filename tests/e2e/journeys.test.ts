import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { axeViolations, axeViolationsWithoutJs } from './harness/axe';
import { launchChromium } from './harness/browser';
import { adviceValues, fillAdvice, fillReferral, referralValues } from './harness/forms';
import { serveSite, type ServedSite } from './harness/serve';
import { FakeResend } from '../functions/support/fake-resend';

/**
 * Whole journeys as a professional or a person looking for help makes them, in
 * Chromium against the served build and the real functions with the real Resend
 * SDK pointed at a fake Resend on 127.0.0.1: axe on every form state, JS on and
 * off, the keyboard only, and a failure where neither Resend nor the outbox works.
 */

let site: ServedSite;
let browser: Browser;
let fake: FakeResend;
const REDIRECT = 'testpostbus@veilighuis.example';
const saved = { ...process.env };

beforeAll(async () => {
  fake = await new FakeResend().start();
  // Netlify's local tooling runs the functions in the `dev` deploy context (as a preview):
  // every mail goes to MAIL_REDIRECT_TO and says in its subject whom it was meant for.
  Object.assign(process.env, {
    MAIL_REDIRECT_TO: REDIRECT,
    RESEND_API_KEY: 're_test_key',
    RESEND_BASE_URL: fake.url,
    MAIL_FROM: 'Veilig Huis <intake@veilighuis.example>',
    OUTBOX_KEY: Buffer.alloc(32, 9).toString('base64'),
    OUTBOX_STORE: `journeys-${process.pid}`,
    MAIL_RETRY_BUDGET_MS: '600',
    MAIL_ATTEMPT_TIMEOUT_MS: '250',
  });
  delete process.env.CONTEXT;
  [site, browser] = await Promise.all([serveSite(), launchChromium()]);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await site?.close();
  await fake?.stop();
  process.env = saved;
});
beforeEach(() => fake.reset('ok'));

async function open(path: string, javaScriptEnabled: boolean): Promise<{ page: Page; context: BrowserContext }> {
  const context = await browser.newContext({ baseURL: site.origin, javaScriptEnabled });
  const page = await context.newPage();
  await page.goto(path);
  return { page, context };
}

/** Mails the fake Resend accepted that carry this reference in the subject, by recipient. */
const mailsFor = (reference: string) => fake.mails.filter((m) => m.subject.includes(reference));

const forms = [
  { kind: 'referral', path: '/professionals/aanmelden/', fill: fillReferral, values: referralValues, broken: '#f-referrer-email' },
  { kind: 'advice', path: '/professionals/advies/', fill: fillAdvice, values: adviceValues, broken: '#f-email' },
] as const;

describe.each(forms)('$kind form with JavaScript', ({ path, fill, values, broken }) => {
  it('errors in the GOV.UK pattern, check answers, send once, reference; axe clean in every state', { timeout: 180_000 }, async () => {
    const { page, context } = await open(path, true);
    const violations = await axeViolations(page, `${path} empty`);

    await page.click('button[value="check"]');
    await page.locator('[data-error-summary]').waitFor();
    expect(await page.title()).toMatch(/^Fout: /);
    expect(await page.evaluate(() => document.activeElement?.closest('[data-error-summary]') !== null)).toBe(true);
    const firstLink = page.locator('[data-error-summary] a').first();
    const target = (await firstLink.getAttribute('href'))!;
    expect(await page.getAttribute(target, 'aria-describedby')).toMatch(/-error/);
    violations.push(...(await axeViolations(page, `${path} with errors`)));

    await fill(page);
    await page.fill(broken, 'geen-adres');
    await page.click('button[value="check"]');
    await expect.poll(() => page.locator('[data-error-summary] a').count()).toBe(1);
    await page.fill(broken, 'iemand@dienst.example');
    await page.click('button[value="check"]');
    await page.locator('[data-intake-check]:not([hidden])').waitFor();
    expect(await page.title()).not.toMatch(/^Fout: /);
    expect(await page.textContent('[data-intake-answers]')).toContain(values['#f-question']);
    violations.push(...(await axeViolations(page, `${path} check answers`)));

    // A double click must not send twice: the submission id is the idempotency key.
    await page.dblclick('[data-intake-send]');
    await page.locator('[data-intake-done]:not([hidden])').waitFor();
    const reference = (await page.textContent('[data-done-reference]'))!.trim();
    expect(reference).toMatch(/^[A-Z]{2,4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    violations.push(...(await axeViolations(page, `${path} confirmation`)));
    const mails = mailsFor(reference);
    // One mail, the centre's, redirected; no mail to the address the visitor typed (not an allow-listed domain).
    expect(mails.map((m) => m.to), 'mail to the centre, redirected').toEqual([[REDIRECT]]);
    expect(mails[0].subject).toMatch(/^\[TEST, bestemd voor [^\]]+@[^\]]+\] /);
    expect(fake.mails.filter((m) => m.to.includes('iemand@dienst.example')), 'no receipt to a typed address').toEqual([]);
    expect(violations).toEqual([]);
    await context.close();
  });

  it('when neither Resend nor the outbox works: says so, shows the phone line, keeps every value', { timeout: 180_000 }, async () => {
    const { page, context } = await open(path, true);
    await fill(page);
    // Antwerpen publishes a phone line (not every centre does yet).
    await page.fill('#f-municipality', 'Antwerpen');
    await page.click('button[value="check"]');
    await page.locator('[data-intake-check]:not([hidden])').waitFor();
    fake.reset('500');
    const blobs = process.env.NETLIFY_BLOBS_CONTEXT;
    process.env.NETLIFY_BLOBS_CONTEXT = Buffer.from(JSON.stringify({ edgeURL: 'http://127.0.0.1:9', uncachedEdgeURL: 'http://127.0.0.1:9', siteID: 'x', token: 'x' })).toString('base64');
    try {
      await page.click('[data-intake-send]');
      await expect.poll(() => page.textContent('[data-intake-status]'), { timeout: 20_000 }).toMatch(/\d{3} \d{2} \d{2}/);
    } finally {
      process.env.NETLIFY_BLOBS_CONTEXT = blobs;
    }
    for (const [selector, value] of Object.entries({ ...values, '#f-municipality': 'Antwerpen' })) expect(await page.inputValue(selector)).toBe(value);
    expect(await page.evaluate(() => localStorage.length + sessionStorage.length)).toBe(0);
    expect(fake.mails).toHaveLength(0);
    await context.close();
  });
});

describe.each(forms)('$kind form without JavaScript', ({ path, fill, values, broken }) => {
  it('server error page, check page, confirmation; one mail; axe clean in every state', { timeout: 180_000 }, async () => {
    const { page, context } = await open(path, false);
    const violations = await axeViolationsWithoutJs(page, `${path} empty (no JS)`);
    await fill(page);
    await page.fill(broken, 'geen-adres');
    await page.click('button[value="check"]');
    await page.locator('.error-summary').waitFor();
    expect(await page.title()).toMatch(/^Fout: /);
    expect(await page.inputValue('#f-question')).toBe(values['#f-question']);
    violations.push(...(await axeViolationsWithoutJs(page, `${path} with errors (no JS)`)));

    await page.fill(broken, 'iemand@dienst.example');
    await page.click('button[value="check"]');
    await page.locator('dl.summary').waitFor();
    expect(await page.textContent('dl.summary')).toContain(values['#f-question']);
    violations.push(...(await axeViolationsWithoutJs(page, `${path} check answers (no JS)`)));

    await page.click('button[value="send"]');
    await page.waitForURL(/verzonden/);
    const reference = decodeURIComponent(new URL(page.url()).hash.slice(1));
    expect(reference).toMatch(/^[A-Z]{2,4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    violations.push(...(await axeViolationsWithoutJs(page, `${path} confirmation (no JS)`)));
    expect(mailsFor(reference).filter((m) => !m.to.includes('iemand@dienst.example'))).toHaveLength(1);
    expect(mailsFor(reference)).toHaveLength(1);
    expect(violations).toEqual([]);
    await context.close();
  });
});

describe('keyboard only', () => {
  /** Tabs through the form and answers each field by keyboard; returns the ids it answered. */
  async function answerByKeyboard(page: Page, answers: Record<string, () => Promise<void>>): Promise<string[]> {
    const answered: string[] = [];
    for (let step = 0; step < 400; step++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const el = document.activeElement as HTMLInputElement | null;
        return { id: el?.id ?? '', check: el?.matches('button[value="check"]') ?? false };
      });
      if (focused.check) return answered;
      const answer = answers[focused.id];
      if (answer && !answered.includes(focused.id)) {
        await answer();
        answered.push(focused.id);
      }
    }
    throw new Error('never reached the check button by Tab');
  }
  const type = (page: Page, text: string) => () => page.keyboard.type(text);
  const space = (page: Page) => () => page.keyboard.press('Space');

  it.each(forms)('$kind: fill, check and send without a mouse', { timeout: 180_000 }, async ({ kind, path }) => {
    const { page, context } = await open(path, true);
    const answers: Record<string, () => Promise<void>> =
      kind === 'referral'
        ? {
            'f-referrer-name': type(page, 'Kim Toetsenbord'),
            'f-referrer-organisation': type(page, 'CAW Oost-Vlaanderen'),
            'f-referrer-sector': type(page, 'CAW'),
            'f-referrer-phone': type(page, '09 265 04 00'),
            'f-referrer-email': type(page, 'kim@caw.example'),
            'f-municipality': type(page, 'Gent'),
            'f-offer': space(page),
            'f-adults-0-role': type(page, 'Slachtoffer'),
            'f-violence': space(page),
            'f-question': type(page, 'Vraag met het toetsenbord'),
            'f-familyInformed': space(page),
            'f-legalBasis': space(page),
          }
        : {
            'f-name': type(page, 'Kim Toetsenbord'),
            'f-organisation': type(page, 'CAW Oost-Vlaanderen'),
            'f-sector': type(page, 'CAW'),
            'f-email': type(page, 'kim@caw.example'),
            'f-municipality': type(page, 'Gent'),
            'f-question': type(page, 'Vraag met het toetsenbord'),
          };
    const answered = await answerByKeyboard(page, answers);
    expect(answered.sort()).toEqual(Object.keys(answers).sort());
    await page.keyboard.press('Enter');
    await page.locator('[data-intake-check]:not([hidden])').waitFor();
    for (let step = 0; step < 100; step++) {
      if (await page.evaluate(() => document.activeElement?.matches('[data-intake-send]'))) break;
      await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Enter');
    await page.locator('[data-intake-done]:not([hidden])').waitFor();
    const reference = (await page.textContent('[data-done-reference]'))!.trim();
    expect(mailsFor(reference).filter((m) => !m.to.includes('kim@caw.example'))).toHaveLength(1);
    expect(mailsFor(reference)).toHaveLength(1);
    await context.close();
  });
});

describe('finding help', () => {
  it('home -> my municipality -> its centre -> a phone line with hours, and the dates', async () => {
    const { page, context } = await open('/', true);
    await page.fill('#gemeente-q', 'Borgerhout');
    await page.keyboard.press('Enter');
    await page.locator('a[href="/centra/antwerpen/"]').first().click();
    await page.waitForURL(/\/centra\/antwerpen\/$/);
    const phone = page.locator('#bellen ~ * a[href^="tel:+32"]').first();
    expect(await phone.isVisible()).toBe(true);
    // The line a reader lands on shows its hours (Antwerp's advice line: 09:00 to 16:00).
    expect(await page.locator('.phone-line', { hasText: 'Advieslijn' }).textContent()).toMatch(/09:00[\s\S]*16:00/);
    expect(await page.locator('#data').isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});
