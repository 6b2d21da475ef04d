import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { parse as parseToml } from 'smol-toml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './harness/browser';
import { adviceValues, fillAdvice, fillReferral, referralValues } from './harness/forms';
import { freePort, shellEnv, startDev, type DevServer } from './harness/dev-server';

/**
 * `npm start` as the README promises it: both forms sent without JavaScript end to end
 * (check page, confirmation, one .eml in MAIL_OUTBOX_DIR, the embedded outbox), a search,
 * and /admin/ answering as on Netlify. Needs no build; it drives Chromium.
 */
let dev: DevServer;
let browser: Browser;
let outbox: string;
let lastBuild: string;

beforeAll(async () => {
  outbox = await mkdtemp(join(tmpdir(), 'ifg-dev-outbox-'));
  // A "last build" folder that has no search index yet.
  lastBuild = await mkdtemp(join(tmpdir(), 'ifg-dev-dist-'));
  const port = await freePort();
  // What `npm start` runs (package.json "prestart" + "start"), on a free port.
  [dev, browser] = await Promise.all([
    startDev(['node_modules/.bin/astro', 'dev', '--host', '127.0.0.1', '--port', String(port)], port, shellEnv({ MAIL_OUTBOX_DIR: outbox, DIST_DIR: lastBuild })),
    launchChromium(),
  ]);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await dev?.close();
  if (outbox) await rm(outbox, { recursive: true, force: true });
  if (lastBuild) await rm(lastBuild, { recursive: true, force: true });
});

async function open(path: string, javaScriptEnabled: boolean): Promise<Page> {
  const context = await browser.newContext({ baseURL: dev.origin, javaScriptEnabled });
  const page = await context.newPage();
  await page.goto(path, { timeout: 120_000 });
  return page;
}

const forms = [
  { kind: 'referral', path: '/professionals/aanmelden/', question: referralValues['#f-question'], fill: fillReferral },
  { kind: 'advice', path: '/professionals/advies/', question: adviceValues['#f-question'], fill: fillAdvice },
] as const;

describe.each(forms)('$kind form without JavaScript under `npm start`', ({ kind, path, question, fill }) => {
  it('check page, confirmation with a reference, and the mail in MAIL_OUTBOX_DIR', { timeout: 240_000 }, async () => {
    const page = await open(path, false);
    await fill(page);
    const checked = page.waitForResponse((r) => r.request().method() === 'POST', { timeout: 60_000 });
    await page.click('button[value="check"]');
    expect((await checked).status()).toBe(200);
    await page.locator('dl.summary').waitFor({ timeout: 60_000 });
    expect(await page.textContent('dl.summary')).toContain(question);

    await page.click('button[value="send"]');
    await page.waitForURL(/verzonden/, { timeout: 60_000 });
    const reference = decodeURIComponent(new URL(page.url()).hash.slice(1));
    expect(reference).toMatch(/^[A-Z]{2,4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    // Without JavaScript the reference is in the address only (after #); the page says where.
    expect(await page.locator('main').textContent()).toMatch(/ontvangen/);

    const files = (await readdir(outbox)).filter((f) => f.startsWith(`${kind}-`) && f.endsWith('.eml'));
    const mails = await Promise.all(files.map((f) => readFile(join(outbox, f), 'utf8')));
    const subjects = mails.map((m) => Buffer.from(/^Subject: =\?UTF-8\?B\?([^?]*)\?=/m.exec(m)?.[1] ?? '', 'base64').toString('utf8'));
    expect(subjects.filter((s) => s.includes(reference))).toHaveLength(1);
    expect(dev.output()).toContain(`mail geschreven naar ${outbox}`);
    await page.context().close();
  });
});

describe('search under `npm start`', () => {
  it('says in the terminal when there is no index, then searches the last build\'s index', { timeout: 240_000 }, async () => {
    expect(dev.output()).toMatch(/search: no search index in .*npm run build/);
    // The last build's index, made as scripts/pagefind.mjs makes it, from two of the pages.
    const { index } = await pagefind.createIndex();
    for (const path of ['/hulp/', '/centra/oost-vlaanderen/']) {
      const content = await (await fetch(`${dev.origin}${path}`)).text();
      await index!.addHTMLFile({ url: path, content });
    }
    await index!.writeFiles({ outputPath: join(lastBuild, 'pagefind') });
    await pagefind.close();

    const page = await open('/zoeken/?q=Oost-Vlaanderen', true);
    const problems: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
    await expect.poll(() => page.textContent('[data-search-summary]'), { timeout: 60_000 }).toMatch(/\d/);
    expect(await page.textContent('[data-search-summary]')).not.toMatch(/lukt nu niet/);
    const summary = await page.textContent('[data-search-summary]');
    // Pagefind's result list loads each result once it is in view.
    await page.locator('[data-search-results] li').first().scrollIntoViewIfNeeded();
    await expect.poll(() => page.locator('[data-search-results] a').evaluateAll((links) => links.map((a) => a.getAttribute('href'))), { message: summary ?? '' })
      .toContain('/centra/oost-vlaanderen/');
    expect(problems).toEqual([]);
    await page.context().close();
  });
});

describe('/admin/ under `npm start`', () => {
  it('answers as on Netlify, with the editor\'s own policy from netlify.toml', { timeout: 120_000 }, async () => {
    const toml = parseToml(await readFile('netlify.toml', 'utf8')) as { headers: { for: string; values: Record<string, string> }[] };
    const policy = toml.headers.find((rule) => rule.for === '/admin/*')!.values['Content-Security-Policy'];
    for (const path of ['/admin/', '/admin/index.html']) {
      const answer = await fetch(`${dev.origin}${path}`);
      expect(answer.status, path).toBe(200);
      expect(await answer.text()).toContain('<script src="decap-cms.js"></script>');
      expect(answer.headers.get('content-security-policy'), path).toBe(policy);
    }
  });
});
