import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';

/**
 * One journey through the real dev server (`astro dev` with the Netlify adapter's
 * emulation) and the embedded default: no RESEND_API_KEY, mails land as .eml files.
 * Proves the functions are routed, bundled and run the way `npm start` runs them.
 */
let server: ChildProcess;
let origin = '';
let outbox = '';
let output = '';

const freePort = () => new Promise<number>((resolve) => {
  const probe = createServer().listen(0, '127.0.0.1', () => {
    const { port } = probe.address() as { port: number };
    probe.close(() => resolve(port));
  });
});

beforeAll(async () => {
  outbox = await mkdtemp(join(tmpdir(), 'intake-outbox-'));
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = { ...process.env, MAIL_OUTBOX_DIR: outbox, ASTRO_TELEMETRY_DISABLED: '1' };
  // The dev server must not think it runs inside a test (VITEST, NODE_ENV=test) or inherit any mail setting.
  for (const key of Object.keys(env)) {
    if (/^(VITEST|NETLIFY_|__VITE_|RESEND_|MAIL_(?!OUTBOX_DIR)|OUTBOX_)/.test(key) || ['NODE_ENV', 'CONTEXT', 'TEST', 'DIST_DIR'].includes(key)) delete env[key];
  }
  server = spawn('node_modules/.bin/node', ['node_modules/.bin/astro', 'dev', '--host', '127.0.0.1', '--port', String(port)], { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  server.stdout!.on('data', (d) => { output += d; });
  server.stderr!.on('data', (d) => { output += d; });
  // Generous: on a busy 2-core machine `astro dev` alone can take over a minute to be ready.
  const deadline = Date.now() + 240_000;
  while (Date.now() < deadline) {
    const page = await fetch(`${origin}/professionals/aanmelden/`, { signal: AbortSignal.timeout(60_000) }).catch(() => null);
    if (page?.ok) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`astro dev did not start:\n${output}`);
}, 300_000);

afterAll(async () => {
  if (server?.pid) process.kill(-server.pid, 'SIGTERM');
  await rm(outbox, { recursive: true, force: true });
});

const referral = {
  referrer: { name: 'Test Verwijzer', organisation: 'PZ Gent', sector: 'politie', phone: '09 266 61 11', email: 'verwijzer@politie.example' },
  municipality: 'Gent', offer: 'casusoverleg', adults: [{ role: 'slachtoffer' }], violence: ['partner'],
  question: 'Graag een verkennend casusoverleg.', familyInformed: 'ja', legalBasis: 'ja',
};
const advice = { name: 'Test Verwijzer', organisation: 'CAW', sector: 'caw', email: 'verwijzer@caw.example', municipality: '9000', question: 'Een vraag.' };
const headers = () => ({ origin, 'sec-fetch-site': 'same-origin' });

it('the contract paths answer as on Netlify: POST /api/referral and /api/advice, with and without the slash', async () => {
  for (const [path, body] of [['/api/referral', referral], ['/api/advice', advice], ['/api/referral/', referral], ['/api/advice/', advice]] as const) {
    const res = await fetch(`${origin}${path}`, {
      method: 'POST', redirect: 'manual', headers: { ...headers(), 'content-type': 'application/json' },
      body: JSON.stringify({ ...body, submissionId: `dev-server-${path.replace(/\W/g, '')}-0001` }),
    });
    expect(res.status, path).toBe(201);
    expect(await res.json()).toMatchObject({ centre: 'oost-vlaanderen', status: 'sent' });
  }
  const get = await fetch(`${origin}/api/referral`, { redirect: 'manual' });
  expect(get.status).toBe(405);
  // The first post makes `astro dev` compile each function: over a minute on a busy 2-core machine.
}, 180_000);

it('posts a referral as a plain form (303); each mail is a file in the local outbox, outside the served site', async () => {
  const form = new URLSearchParams([
    ['referrer.name', 'Test Verwijzer'], ['referrer.organisation', 'PZ Gent'], ['referrer.sector', 'politie'],
    ['referrer.phone', '09 266 61 11'], ['referrer.email', 'verwijzer@politie.example'], ['municipality', '9000'],
    ['offer', 'casusoverleg'], ['adults.0.role', 'slachtoffer'], ['violence', 'partner'], ['question', 'Vraag'],
    ['familyInformed', 'ja'], ['legalBasis', 'ja'], ['submissionId', 'dev-server-form-0001'], ['step', 'send'],
  ]);
  const plain = await fetch(`${origin}/api/referral`, {
    method: 'POST', redirect: 'manual', headers: { ...headers(), 'content-type': 'application/x-www-form-urlencoded' }, body: form.toString(),
  });
  expect(plain.status).toBe(303);
  expect(plain.headers.get('location')).toMatch(/^\/professionals\/aanmelden\/verzonden\/oost-vlaanderen\/verzonden\/#OVL-/);
  const confirmation = await fetch(new URL(plain.headers.get('location')!, origin));
  expect(confirmation.status).toBe(200);

  // No receipt: the typed address is not on the allow-list.
  const files = (await readdir(outbox)).sort();
  expect(files).toEqual([
    'advice-centre-dev-server-apiadvice-0001.eml', 'referral-centre-dev-server-apireferral-0001.eml', 'referral-centre-dev-server-form-0001.eml',
  ]);
  const mail = await readFile(join(outbox, 'referral-centre-dev-server-form-0001.eml'), 'utf8');
  expect(mail).toContain('To: ketenaanpakifg.ovl@vlaanderen.be');
  expect(mail).toContain('Reply-To: verwijzer@politie.example');
  expect(output).toContain(`mail geschreven naar ${outbox}`);
}, 60_000);

it('answers the municipality lookup without JavaScript with a redirect, as on Netlify', async () => {
  const res = await fetch(`${origin}/api/gemeente/`, {
    method: 'POST', redirect: 'manual', headers: { ...headers(), 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ q: '9000', lang: 'ar' }).toString(),
  });
  expect(res.status).toBe(303);
  expect(res.headers.get('location')).toBe('/ar/gemeenten/centrum-oost-vlaanderen/');
}, 60_000);
