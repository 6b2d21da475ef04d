import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from './harness/browser';
import { freePort, shellEnv, startDev, type DevServer } from './harness/dev-server';

/**
 * `npm run cms` itself (scripts/cms-dev.mjs: astro dev plus decap-server), on ports given
 * as arguments: the editor at /admin/ is styled, breaks no rule of its CSP (the production
 * policy, with the proxy's port), signs in locally and lists the centres. It only reads:
 * the proxy works on the repository's own src/content. Needs no build.
 */
let dev: DevServer;
let browser: Browser;
let proxyPort = 0;

beforeAll(async () => {
  const [port, proxy] = [await freePort(), await freePort()];
  proxyPort = proxy;
  [dev, browser] = await Promise.all([
    startDev(['scripts/cms-dev.mjs', '--port', String(port), '--proxy-port', String(proxy)], port, shellEnv(), '/admin/'),
    launchChromium(),
  ]);
  // Decap asks for its local proxy once, on load: wait until the proxy answers.
  const info = () => fetch(`http://127.0.0.1:${proxy}/api/v1`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"action":"info"}' });
  for (let tries = 0; !(await info().then((r) => r.ok, () => false)); tries++) {
    if (tries > 300) throw new Error(`decap-server did not start:\n${dev.output()}`);
    await new Promise((done) => setTimeout(done, 200));
  }
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await dev?.close();
});

it('says where the editor and its proxy listen, on the ports it was given', () => {
  expect(dev.output()).toContain(`${dev.origin}/admin/`);
  expect(dev.output()).toContain(`http://127.0.0.1:${proxyPort}`);
});

it('/admin/ is styled, breaks no CSP rule, signs in locally and lists the centres', { timeout: 180_000 }, async () => {
  const context = await browser.newContext({ baseURL: dev.origin, viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (/Content.Security.Policy|violates/i.test(m.text()) || (m.type() === 'error' && !/status of 404/.test(m.text()))) problems.push(`${m.type()}: ${m.text()}`);
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      ((window as unknown as { violations: string[] }).violations ??= []).push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  await page.goto('/admin/', { timeout: 120_000 });
  const login = page.getByRole('button', { name: 'Inloggen', exact: true });
  await login.waitFor({ timeout: 60_000 });
  // Decap's own styles (emotion, inline): a sans-serif button with a coloured background, not
  // the browser's default; and its icons at their own size, not hundreds of pixels wide.
  const look = await login.evaluate((button) => {
    const style = getComputedStyle(button);
    const widest = Math.max(0, ...[...document.querySelectorAll('svg')].map((svg) => svg.getBoundingClientRect().width));
    return { font: style.fontFamily, background: style.backgroundColor, widest };
  });
  expect(look.font).not.toMatch(/^"?Times/);
  expect(look.background).not.toBe('rgba(0, 0, 0, 0)');
  expect(look.widest).toBeLessThan(400);

  await login.click();
  // The list shows each centre with its mailboxes (src/lib/cms/collections.ts).
  await page.getByText(/^Veilig Huis Antwerpen · aanmelden: /).waitFor({ timeout: 60_000 });
  await expect.poll(() => page.getByText(/^Veilig Huis /).count()).toBeGreaterThanOrEqual(9);

  const violations = await page.evaluate(() => (window as unknown as { violations?: string[] }).violations ?? []);
  expect(violations).toEqual([]);
  expect(problems).toEqual([]);
  await context.close();
});
