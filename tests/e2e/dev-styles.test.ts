import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from './harness/browser';

/**
 * `npm start` as a newcomer sees it: `astro dev` on loopback, pages in Chromium.
 * The site's own stylesheet must apply (not the browser's serif default) and the
 * console must stay free of Content-Security-Policy violations: the dev server sends
 * a CSP too, and it has to admit what the dev server itself injects.
 * Needs no build; it is with the browser tests because it drives Chromium.
 */
let server: ChildProcess;
let browser: Browser;
let origin = '';
let output = '';

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

beforeAll(async () => {
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
  for (const key of Object.keys(env)) {
    if (/^(VITEST|NETLIFY_|__VITE_)/.test(key) || ['NODE_ENV', 'CONTEXT', 'TEST', 'DIST_DIR'].includes(key)) delete env[key];
  }
  // What `npm start` runs (package.json "start"), on a free port.
  server = spawn('node_modules/.bin/node', ['node_modules/.bin/astro', 'dev', '--host', '127.0.0.1', '--port', String(port)], {
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout!.on('data', (d) => (output += d));
  server.stderr!.on('data', (d) => (output += d));
  browser = await launchChromium();
  const deadline = Date.now() + 240_000;
  while (Date.now() < deadline) {
    const page = await fetch(`${origin}/hulp/`, { signal: AbortSignal.timeout(60_000) }).catch(() => null);
    if (page?.ok) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`astro dev did not start:\n${output}`);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  if (server?.pid) process.kill(-server.pid, 'SIGTERM');
});

it.each(['/', '/hulp/', '/centra/oost-vlaanderen/', '/professionals/aanmelden/'])(
  '%s under `npm start` shows the site\'s own styles and no CSP violation',
  async (path) => {
    const context = await browser.newContext({ baseURL: origin });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || /Content.Security.Policy/i.test(m.text())) problems.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    // Init scripts run outside the page's CSP, so this sees every violation, reported or not.
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) =>
        ((window as unknown as { violations: string[] }).violations ??= []).push(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    await page.goto(path, { waitUntil: 'load', timeout: 120_000 });
    // Vite's client applies styles from a module: give it the moment it needs.
    await page.waitForLoadState('networkidle', { timeout: 60_000 }).catch(() => {});

    const look = await page.evaluate(() => {
      const body = getComputedStyle(document.body);
      const main = getComputedStyle(document.querySelector('main')!);
      return { font: body.fontFamily, margin: body.margin, mainMaxWidth: main.maxWidth };
    });
    const violations = await page.evaluate(() => (window as unknown as { violations?: string[] }).violations ?? []);
    await context.close();

    // global.css: system-ui stack on body, no body margin, main at most 48rem wide.
    expect(look.font).toMatch(/^system-ui/);
    expect(look.margin).toBe('0px');
    expect(look.mainMaxWidth).toBe('768px');
    expect(violations).toEqual([]);
    expect(problems.filter((p) => /Content.Security.Policy|Refused to/i.test(p))).toEqual([]);
  },
  120_000,
);
