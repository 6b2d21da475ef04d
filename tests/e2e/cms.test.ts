import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import yaml from 'js-yaml';
import { parse as parseToml } from 'smol-toml';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { decapConfig } from '../../src/lib/cms/decap-config';
import { editorCollections } from '../../src/lib/cms/collections';
import { centreSchema } from '../../src/schemas/centre';
import { translationSchema } from '../../src/schemas/translation';
import { launchChromium } from './harness/browser';
import { freePort } from './harness/dev-server';

/**
 * The editor at /admin/ with its local backend, in real Chromium: Decap CMS from
 * node_modules, config.yml generated from the schemas, the /admin/* CSP of
 * netlify.toml, and decap-server writing to a throw-away copy of src/content (the
 * repository's own content is never touched). No site build needed.
 */

const bundleDir = resolve('node_modules/decap-cms/dist');
const centreFile = 'src/content/centres/antwerpen.mdx';

let work: string;
let proxy: ChildProcess;
let server: Server;
let origin: string;
let proxyOrigin: string;
let browser: Browser;
const foreignRequests: string[] = [];
const pageErrors: string[] = [];
const saves: string[] = [];

function split(text: string): { data: unknown; body: string } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
  if (!match) throw new Error('no frontmatter');
  return { data: yaml.load(match[1]), body: match[2].trim() };
}

/** The editor's CSP from netlify.toml; the local proxy is another loopback origin, so it joins connect-src. */
function adminPolicy(): string {
  const toml = parseToml(readFileSync('netlify.toml', 'utf8')) as { headers?: { for: string; values: Record<string, string> }[] };
  const policy = toml.headers?.find((rule) => rule.for === '/admin/*')?.values['Content-Security-Policy'];
  if (!policy) throw new Error('netlify.toml: no CSP for /admin/*');
  return policy.replace(/connect-src ([^;]*)/, `connect-src $1 ${proxyOrigin}`);
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'ifg-cms-'));
  await cp('src/content', join(work, 'src/content'), { recursive: true });
  // A free loopback port: decap-server takes its port from PORT and cannot report one it picked.
  const port = await freePort();
  proxyOrigin = `http://127.0.0.1:${port}`;
  proxy = spawn(process.execPath, [resolve('node_modules/decap-server/dist/index.js')], {
    cwd: work,
    env: { ...process.env, PORT: String(port), BIND_HOST: '127.0.0.1', MODE: 'fs', GIT_REPO_DIRECTORY: work, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  // JSON is YAML: the same settings scripts/cms-prepare.mjs writes, with the test's proxy.
  const config = JSON.stringify(decapConfig({ repo: 'test/ifg-portaal', localBackend: { url: `${proxyOrigin}/api/v1` }, collections: editorCollections }));
  const policy = adminPolicy();
  server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    // index.html and no-uploads.js are the project's own files in public/admin; the rest is Decap's bundle.
    const own = path === '/admin/' ? 'index.html' : path === '/admin/no-uploads.js' ? 'no-uploads.js' : undefined;
    const file = own ? resolve('public/admin', own) : join(bundleDir, path.replace(/^\/admin\//, ''));
    if (path === '/admin/config.yml') {
      res.writeHead(200, { 'content-type': 'text/yaml; charset=utf-8', 'content-security-policy': policy });
      res.end(config);
    } else if (path.startsWith('/admin/') && !path.includes('..') && existsSync(file)) {
      const type = file.endsWith('.html') ? 'text/html; charset=utf-8' : file.endsWith('.wasm') ? 'application/wasm' : 'text/javascript';
      res.writeHead(200, { 'content-type': type, 'content-security-policy': policy });
      res.end(readFileSync(file));
    } else {
      res.writeHead(404, { 'content-security-policy': policy });
      res.end();
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  browser = await launchChromium();
  // decap-server logs nothing at "warn" when it starts: wait until it answers.
  const info = () => fetch(`${proxyOrigin}/api/v1`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"action":"info"}' });
  for (let tries = 0; !(await info().then((r) => r.ok, () => false)); tries++) {
    if (tries > 100) throw new Error('decap-server did not start');
    await new Promise((done) => setTimeout(done, 200));
  }
});

afterAll(async () => {
  await browser?.close();
  proxy?.kill();
  server?.closeAllConnections();
  await new Promise((done) => server?.close(done));
  if (work) await rm(work, { recursive: true, force: true });
});

/** A fresh browser profile per test (Decap keeps its local sign-in in localStorage). */
async function newPage(): Promise<Page> {
  const context: BrowserContext = await browser.newContext({ baseURL: origin });
  context.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin !== origin && url.origin !== proxyOrigin && url.protocol !== 'data:' && url.protocol !== 'blob:') foreignRequests.push(request.url());
    if (url.origin === proxyOrigin && request.postData()?.includes('"persistEntry"')) saves.push(request.postData() ?? '');
  });
  context.on('weberror', (error) => pageErrors.push(`uncaught: ${String(error.error()?.stack ?? error.error() ?? '')}`));
  context.on('console', (message) => {
    // A CSP violation is a console error; Decap's request for a missing favicon is not ours to judge.
    if (message.type() === 'error' && !/status of 404/.test(message.text())) pageErrors.push(`console: ${message.text()} ${JSON.stringify(message.location())}`);
  });
  return context.newPage();
}

async function openCentre(page: Page, name: string): Promise<void> {
  await page.goto('/admin/');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  // The list shows each centre with its mailboxes (src/lib/cms/collections.ts), so `onbekend` stands out.
  await page.getByText(new RegExp(`^${name} · aanmelden: `)).click();
  await expect.poll(() => page.getByLabel('Volledige naam', { exact: true }).inputValue(), { timeout: 20_000 }).toBe(name);
}

async function openItem(page: Page, summary: RegExp): Promise<void> {
  await page.getByText(summary).first().locator('xpath=..').getByRole('button').first().click();
}

async function publish(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Publiceer', exact: true }).click();
  await page.getByText('Publiceer nu', { exact: true }).click();
}

it('saves a changed weekly hour of a phone line to the content file, only there, and the file still passes the schema', { timeout: 90_000 }, async () => {
  const file = join(work, centreFile);
  const before = split(await readFile(file, 'utf8'));
  const page = await newPage();
  await openCentre(page, 'Veilig Huis Antwerpen');
  // The first phone line, then its first block of weekly hours (list items open closed;
  // the chevron before an item's summary opens it).
  await openItem(page, /^advieslijn /);
  await openItem(page, /^09:00–16:00$/);
  const closes = page.getByLabel('Open tot', { exact: true }).first();
  await expect.poll(() => closes.inputValue()).toBe('16:00');
  await closes.fill('15:30');
  await publish(page);
  await expect.poll(async () => split(await readFile(file, 'utf8')).data, { timeout: 20_000 }).not.toEqual(before.data);

  const after = split(await readFile(file, 'utf8'));
  const expected = structuredClone(before.data) as { phoneLines: { hours: { closes: string }[] }[] };
  expected.phoneLines[0].hours[0].closes = '15:30';
  expect(after.data).toEqual(expected);
  expect(after.body).toBe(before.body);
  const parsed = centreSchema.safeParse(after.data);
  expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
  expect(saves).toHaveLength(1);
  await page.context().close();
});

it('refuses an invalid mailbox with the schema\'s Dutch message and saves nothing', { timeout: 90_000 }, async () => {
  const file = join(work, 'src/content/centres/kempen.mdx');
  const before = await readFile(file, 'utf8');
  const savesBefore = saves.length;
  const errorsBefore = pageErrors.length;
  const page = await newPage();
  await openCentre(page, 'Veilig Huis Kempen');
  await page.getByLabel('Mailbox voor aanmeldingen', { exact: true }).fill('aanmelding-at-veilighuis');
  await publish(page);
  await page.getByText('Vul het functionele e-mailadres in, bv. "info@veilighuis.be", of schrijf onbekend zolang het centrum er geen heeft.').waitFor({ state: 'visible', timeout: 10_000 });
  await page.waitForTimeout(1_000);
  expect(saves.length).toBe(savesBefore);
  // Decap refuses the save by rejecting a promise without a reason: that one rejection, nothing else.
  expect(pageErrors.splice(errorsBefore)).toEqual(['uncaught: ']);
  expect(await readFile(file, 'utf8')).toBe(before);
  await page.context().close();
});

it('offers no upload: no Media page in the header, and nothing the editor can pick a file with', { timeout: 90_000 }, async () => {
  const page = await newPage();
  await page.goto('/admin/');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.getByText(/^Veilig Huis Antwerpen · aanmelden: /).waitFor({ state: 'visible', timeout: 20_000 });
  // The header with its links (Inhoud, ...) is there; only the Media button is not.
  expect(await page.getByText('Inhoud', { exact: true }).count()).toBeGreaterThan(0);
  expect(await page.getByRole('button', { name: /^Media$/ }).count()).toBe(0);
  expect(await page.getByRole('link', { name: /^Media$/ }).count()).toBe(0);
  expect(await page.locator('input[type=file]').count()).toBe(0);
  await page.context().close();
});

it('lets the French reviewer mark a translation as reviewed, with no way to add or remove a page; the file keeps its text and passes the schema', { timeout: 90_000 }, async () => {
  const file = join(work, 'src/content/translations/fr/hulp.mdx');
  const before = split(await readFile(file, 'utf8'));
  const page = await newPage();
  await page.goto('/admin/');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.getByRole('link', { name: 'Vertalingen: Frans' }).click();
  // Who may tick it and whose approval publishing waits for, in the editor itself.
  await page.getByText(/publiceren kan pas als @veilighuis\/vertaling-fr/).waitFor({ state: 'visible', timeout: 20_000 });
  // Decap's "＋ Vertaalde pagina (Frans)" link (aria-label "Item van type … maken") is not there.
  expect(await page.getByRole('link', { name: /Vertaalde pagina \(Frans\)/ }).count()).toBe(0);
  await page.getByText('Je cherche de l\'aide', { exact: true }).click();
  await page.getByText(/Alleen de nalezer Frans/).waitFor({ state: 'visible', timeout: 20_000 });
  await page.getByLabel('Nagelezen', { exact: true }).click();
  await page.getByLabel(/^Nagelezen door/).fill('nalezer Frans, 2027-01-15');
  expect(await page.getByRole('button', { name: /item verwijderen/i }).count()).toBe(0);
  await publish(page);
  await expect.poll(async () => split(await readFile(file, 'utf8')).data, { timeout: 20_000 }).not.toEqual(before.data);

  const after = split(await readFile(file, 'utf8'));
  expect(after.body).toBe(before.body);
  const parsed = translationSchema.safeParse(after.data);
  expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
  const was = translationSchema.parse(before.data);
  expect(parsed.data).toEqual({ ...was, translation: { ...was.translation, reviewed: true, reviewedBy: 'nalezer Frans, 2027-01-15' } });
  await page.context().close();
});

it('the editor asked no other host and broke no rule of its CSP', () => {
  expect(foreignRequests).toEqual([]);
  expect(pageErrors).toEqual([]);
});
