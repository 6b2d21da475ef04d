import { createServer as createTcpServer, type Socket } from 'node:net';
import { getDeployStore, getStore } from '@netlify/blobs';
import { solveChallenge } from 'altcha-lib/v1';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import challenge from '../../netlify/functions/intake-challenge';
import outboxRetry from '../../netlify/functions/outbox-retry';
import referral from '../../netlify/functions/referral';
import { leaks, MARKERS, newId, ORIGIN, post, postForm, startHarness, validReferral } from './support/harness';
import { referralFormPairs } from '../fixtures/intake-submissions.mjs';
import { netlifyContext, type DeployContext } from './support/netlify-context';
import { directory, phoneFor } from '../../src/lib/intake/directory';
import { netlifyStore } from '../../src/lib/intake/delivery/netlify-outbox';
import { createGuard } from '../../src/lib/intake/guard/flood';

/** What the data gives a professional of the sample's centre to call (a line for professionals, or none). */
const centreLine = phoneFor(directory.centres.find((c) => c.id === 'oost-vlaanderen')!);

/**
 * Issue 19, findings 2-5 and 10: the intake under a flood, as the platform runs it. The
 * handlers get Netlify's context (deploy context, client address), the limits are the
 * defaults a site owner gets (10 per 10 minutes with a proof of work, 4 without, 20 centre
 * mails per hour), the real Resend SDK talks to a fake on 127.0.0.1, Blobs is a real server.
 */
let h: Awaited<ReturnType<typeof startHarness>>;
const consoleLines: string[] = [];
const OVL = 'ketenaanpakifg.ovl@vlaanderen.be';
const OPS = 'ops@veilighuis.example';
let ipCounter = 0;
/** A production request from its own client address (each call a new one unless given). */
const from = (ip = `198.51.100.${++ipCounter}`, context: DeployContext = 'production') => ({ ...netlifyContext(context), ip });
const retry = (context: DeployContext = 'production') =>
  outboxRetry(new Request(`${ORIGIN}/.netlify/functions/outbox-retry`, { method: 'POST', body: JSON.stringify({ next_run: new Date(Date.now() + 300_000).toISOString() }) }), netlifyContext(context));
const lastRetryLine = () => JSON.parse(h.logs.filter((l) => l.includes('"outbox-retry"')).at(-1)!);
const productionKeys = async () => (await getStore({ name: `${process.env.OUTBOX_STORE}-production` }).list()).blobs.map((b) => b.key);
const toCentre = () => h.fake.mails.filter((m) => m.to.includes(OVL));
const toOps = () => h.fake.mails.filter((m) => m.to.includes(OPS));

beforeAll(async () => {
  h = await startHarness();
  for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => { consoleLines.push(args.map(String).join(' ')); });
  }
});
beforeEach(async () => {
  // The defaults a site owner gets; each test starts with empty stores (a new OUTBOX_STORE base).
  for (const name of ['CLIENT_LIMIT_PER_10_MIN', 'CLIENT_LIMIT_NO_PROOF_PER_10_MIN', 'CENTRE_MAILS_PER_HOUR', 'OPS_ALERT_TO', 'MAIL_REDIRECT_TO']) delete process.env[name];
  process.env.OUTBOX_STORE = `flood-${process.pid}-${++ipCounter}`;
  process.env.PROOF_MAX_NUMBER = '2000';
  h.fake.reset('ok');
});
afterEach(() => h.blobsUp());
afterAll(async () => {
  expect(leaks([...h.logs, ...consoleLines])).toEqual([]);
  vi.restoreAllMocks();
  await h.stop();
});

describe('one client floods a centre', () => {
  it('30 posts from one address give at most 4 mails, then 429 with the centre\'s line; a referral from someone else is still taken', async () => {
    const answers: Response[] = [];
    for (let i = 0; i < 30; i++) answers.push(await referral(post('/api/referral', { ...validReferral(), submissionId: newId() }), from('203.0.113.66')));
    expect(answers.filter((a) => a.status === 201)).toHaveLength(4);
    const refused = answers.filter((a) => a.status === 429);
    expect(refused).toHaveLength(26);
    expect(await refused[0].json()).toEqual({ error: 'too_many', ...centreLine });
    expect(refused[0].headers.get('cache-control')).toBe('no-store');
    expect(toCentre()).toHaveLength(4);

    const real = await referral(post('/api/referral', { ...validReferral(), submissionId: newId() }), from('198.51.100.200'));
    expect([201, 202]).toContain(real.status);
    expect((await real.json()).status).toMatch(/^(sent|queued)$/);
  });

  it('a new IPv6 address of the same /64 for every post is still one client: 4 mails, then 429', async () => {
    const statuses: number[] = [];
    for (let i = 1; i <= 8; i++) statuses.push((await referral(post('/api/referral', { ...validReferral(), submissionId: newId() }), from(`2001:db8:66:1:${i.toString(16)}::${i}`))).status);
    expect(statuses).toEqual([201, 201, 201, 201, 429, 429, 429, 429]);
    expect(toCentre()).toHaveLength(4);
  });

  it('the same limit holds for a plain form: the form again with every value and the phone line, status 429', async () => {
    for (let i = 0; i < 4; i++) {
      expect((await referral(postForm('/api/referral', referralFormPairs([['submissionId', newId()], ['step', 'send']])), from('203.0.113.67'))).status).toBe(303);
    }
    const page = await referral(postForm('/api/referral', referralFormPairs([['submissionId', newId()], ['step', 'send']])), from('203.0.113.67'));
    expect(page.status).toBe(429);
    const body = await page.text();
    // The centre's line when it has one; otherwise the page says it has none (never 1712).
    expect(body).toContain(centreLine.phone || 'nog geen telefoonlijn voor professionelen');
    expect(body).not.toContain('1712');
    expect(body).toContain(MARKERS.question);
  });

  it('the counter keeps no client address: only a keyed hash is stored', async () => {
    await referral(post('/api/referral', { ...validReferral(), submissionId: newId() }), from('203.0.113.68'));
    const guard = getStore({ name: `${process.env.OUTBOX_STORE}-guard-production` });
    const keys = (await guard.list()).blobs.map((b) => b.key);
    expect(keys.some((k) => k.startsWith('client/'))).toBe(true);
    const values = await Promise.all(keys.map((k) => guard.get(k, { type: 'text' })));
    expect([...keys, ...values].join('\n')).not.toMatch(/203\.0\.113\.68|203-0-113-68/);
  });
});

describe('the proof of work (enhanced form)', () => {
  const proofFor = async (id: string, ip: string) => {
    const res = await challenge(new Request(`${ORIGIN}/api/intake-challenge/?id=${id}`, { headers: { 'sec-fetch-site': 'same-origin' } }), from(ip));
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('set-cookie')).toBeNull();
    const c = await res.json();
    const solution = await solveChallenge(c.challenge, c.salt, c.algorithm, c.maxnumber).promise;
    return btoa(JSON.stringify({ algorithm: c.algorithm, challenge: c.challenge, number: solution!.number, salt: c.salt, signature: c.signature }));
  };

  it('a solved challenge earns the wider limit (10 per 10 minutes); a proof made for another submission does not', async () => {
    const ip = '203.0.113.70';
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const id = newId();
      statuses.push((await referral(post('/api/referral', { ...validReferral(), submissionId: id, proof: await proofFor(id, ip) }), from(ip))).status);
    }
    expect(statuses).toEqual([201, 201, 201, 201, 201, 201]);
    // Reused for other submissions, a proof counts as none: this client is past the stricter limit.
    const borrowed = await proofFor(newId(), ip);
    expect((await referral(post('/api/referral', { ...validReferral(), submissionId: newId(), proof: borrowed }), from(ip))).status).toBe(429);
  });
});

describe('many clients flood a centre: the hourly budget', () => {
  it('beyond 20 centre mails in an hour submissions are queued (202, never refused), and the retry run tells the operator once', async () => {
    process.env.OPS_ALERT_TO = OPS;
    const statuses: number[] = [];
    for (let i = 0; i < 26; i++) statuses.push((await referral(post('/api/referral', { ...validReferral(), submissionId: newId() }), from())).status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(20);
    expect(statuses.filter((s) => s === 202)).toHaveLength(6);
    expect(toCentre()).toHaveLength(20);

    expect((await retry()).status).toBe(204);
    // Still this hour: the budget holds the queue back; the operator hears it, without a typed value.
    expect(toCentre()).toHaveLength(20);
    expect(toOps()).toHaveLength(1);
    const digest = toOps()[0];
    expect(digest.text).toContain('oost-vlaanderen');
    expect(digest.text).toMatch(/uurbudget/);
    expect(leaks([digest.subject, digest.text, digest.html])).toEqual([]);
    expect(lastRetryLine()).toMatchObject({ status: 204, counts: { waiting: 6, budgetHeld: 1 } });
    // Bounded: the next run within the hour sends no second digest.
    await retry();
    expect(toOps()).toHaveLength(1);
  });
});

describe('a real referral queued behind a flood', () => {
  it('goes out in the next hour\'s first mails, before the flooding clients\' second entries', async () => {
    process.env.CENTRE_MAILS_PER_HOUR = '4';
    // Three clients (IPv6 /64s) post 4 each: the first 4 spend this hour's budget, 8 wait.
    for (const net of ['a1', 'a2', 'a3']) {
      for (let i = 1; i <= 4; i++) await referral(post('/api/referral', { ...validReferral(), submissionId: newId() }), from(`2001:db8:${net}::${i}`));
    }
    const res = await referral(post('/api/referral', { ...validReferral(), submissionId: newId() }), from('198.51.100.77'));
    expect(res.status).toBe(202);
    const { reference } = await res.json();
    expect(toCentre()).toHaveLength(4);
    h.fake.reset('ok');
    // An hour later the budget allows 4 again: one entry per client first, so the real referral is among them.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 3_600_000 });
    try {
      await retry();
    } finally {
      vi.useRealTimers();
    }
    expect(toCentre()).toHaveLength(4);
    expect(toCentre().some((m) => m.subject.includes(reference))).toBe(true);
  });
});

describe('the provider\'s limits are never the referrer\'s refusal', () => {
  it('a spent quota: 202 queued, and the operator is told; the mail goes once the quota is back', async () => {
    process.env.OPS_ALERT_TO = OPS;
    h.fake.mode = 'quota';
    const res = await referral(post('/api/referral', { ...validReferral(), submissionId: newId() }), from());
    expect(res.status).toBe(202);
    const { reference } = await res.json();
    h.fake.mode = 'ok';
    expect((await retry()).status).toBe(204);
    expect(toCentre().map((m) => m.subject)).toEqual([expect.stringContaining(reference)]);
    expect(toOps()).toHaveLength(1);
    expect(toOps()[0].text).toMatch(/quotum/);
  });

  it('one request makes at most two provider calls for the centre mail, however the provider fails', async () => {
    h.fake.mode = '500';
    const res = await referral(post('/api/referral', { ...validReferral(), submissionId: newId() }), from());
    expect(res.status).toBe(202);
    expect(h.fake.requests).toBeLessThanOrEqual(2);
  });
});

describe('production settings', () => {
  it('MAIL_REDIRECT_TO set in production is not obeyed: the centre gets the mail, and the log names the setting as an error', async () => {
    process.env.MAIL_REDIRECT_TO = 'test-inbox@veilighuis.example';
    const res = await referral(post('/api/referral', { ...validReferral(), submissionId: newId() }), from());
    expect(res.status).toBe(201);
    expect(h.fake.mails.map((m) => m.to[0])).toEqual([OVL]);
    expect(h.fake.mails[0].subject).not.toMatch(/TEST/);
    expect(h.logs.some((l) => /"level":"error"/.test(l) && l.includes('MAIL_REDIRECT_TO'))).toBe(true);
    expect(h.logs.join('\n')).not.toContain('test-inbox@veilighuis.example');
  });

  it('the retry run ignores it too, says so by name at error level, and queued mail goes to the centre', async () => {
    process.env.MAIL_REDIRECT_TO = 'test-inbox@veilighuis.example';
    h.fake.mode = '503';
    expect((await referral(post('/api/referral', { ...validReferral(), submissionId: newId() }), from())).status).toBe(202);
    h.fake.reset('ok');
    const before = h.logs.length;
    expect((await retry()).status).toBe(204);
    expect(h.fake.mails.map((m) => m.to[0])).toEqual([OVL]);
    expect(h.logs.slice(before).some((l) => l.includes('"outbox-retry"') && /"level":"error"/.test(l) && l.includes('ignored_in_production:MAIL_REDIRECT_TO'))).toBe(true);
  });
});

describe('production refuses the public development secrets', () => {
  it.each(['OUTBOX_KEY', 'REFERENCE_SECRET'])('%s set to the development value: 503 with the phone line, nothing sent, the log names it', async (name) => {
    const saved = process.env[name];
    // The public value is what a local run uses when nothing is set.
    const { readEnv } = await import('../../src/lib/intake/env');
    process.env[name] = (readEnv({}, 'dev') as unknown as Record<string, string>)[name];
    const errors = consoleLines.length;
    try {
      const res = await referral(post('/api/referral', { ...validReferral(), submissionId: newId() }), from());
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject(centreLine);
      expect(h.fake.requests).toBe(0);
      expect(consoleLines.slice(errors).join('\n')).toContain(name);
    } finally {
      process.env[name] = saved;
    }
  });
});

describe('the retry run', () => {
  /** Queues one referral per client while the provider is down; returns the references in order. */
  const queue = async (ids: string[]) => {
    h.fake.mode = '503';
    const refs: string[] = [];
    for (const id of ids) {
      const res = await referral(post('/api/referral', { ...validReferral(), submissionId: id }), from());
      expect(res.status).toBe(202);
      refs.push((await res.json()).reference);
    }
    h.fake.reset('ok');
    return refs;
  };

  it('oldest first (ids that sort first do not jump the queue), stops at a slow provider\'s rate limit, ends well inside 30 s and logs its summary', async () => {
    const [real] = await queue([`zzzz-real-${newId()}`]);
    await queue(Array.from({ length: 12 }, (_, i) => `0000-flood-${i}-${newId()}`.slice(0, 64)));
    h.fake.mode = '429';
    h.fake.retryAfter = '1';
    h.fake.delayMs = 500;
    const started = Date.now();
    expect((await retry()).status).toBe(204);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(h.fake.requests).toBe(1);
    expect(JSON.parse(h.fake.raw[0].body).subject).toContain(real);
    expect(lastRetryLine()).toMatchObject({ status: 204, counts: { waiting: 13, delivered: 0 }, error: expect.stringContaining('stopped_rate_limited') });

    h.fake.reset('ok');
    await retry();
    expect(toCentre()[0].subject).toContain(real);
  }, 60_000);

  it('a slow provider that keeps timing out: the run ends inside its budget with its summary line', async () => {
    await queue(Array.from({ length: 15 }, () => newId()));
    h.fake.mode = 'hang';
    const started = Date.now();
    expect((await retry()).status).toBe(204);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(lastRetryLine()).toMatchObject({ status: 204, counts: { waiting: 15 } });
  }, 60_000);

  it('an entry the provider refuses for good leaves the queue with an error-level log line, and the operator is told', async () => {
    process.env.OPS_ALERT_TO = OPS;
    await queue([newId()]);
    h.fake.mode = '422';
    await retry();
    expect(await productionKeys()).toEqual([]);
    expect(lastRetryLine()).toMatchObject({ level: 'error', counts: { dropped: 1 } });
    // That run's digest met the same refusal; the next run sends it (a failed digest is not counted as sent).
    h.fake.mode = 'ok';
    await retry();
    expect(toOps()).toHaveLength(1);
    expect(toOps()[0].text).toMatch(/definitief geweigerd/);
  });

  it('mail that has waited over an hour: the operator gets a digest with the centre and the age, no reference or typed value', async () => {
    process.env.OPS_ALERT_TO = OPS;
    const [reference] = await queue([newId()]);
    // Two hours later (only the clock is moved) the centre's mails still fail; the operator's do not.
    h.fake.failTo.add(OVL);
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 2 * 3_600_000 });
    try {
      await retry();
    } finally {
      vi.useRealTimers();
    }
    expect(toOps()).toHaveLength(1);
    const digest = toOps()[0];
    expect(digest.text).toMatch(/oost-vlaanderen: 1, 1[12]\d min/);
    expect(`${digest.subject}\n${digest.text}`).not.toContain(reference);
    expect(leaks([digest.subject, digest.text, digest.html])).toEqual([]);
  });

  it('a copied entry is never delivered twice, also after the provider has forgotten the idempotency key', async () => {
    await queue([newId()]);
    const store = getStore({ name: `${process.env.OUTBOX_STORE}-production` });
    const [key] = await productionKeys();
    const copy = (await store.get(key, { type: 'text' }))!;
    await retry();
    expect(toCentre()).toHaveLength(1);
    // 24 hours later Resend no longer knows the key; someone puts the entry back.
    h.fake.reset('ok');
    await store.set(key, copy);
    await retry();
    expect(h.fake.mails).toHaveLength(0);
    expect(await productionKeys()).toEqual([]);
  });
});

describe('the guard\'s sweep on a real Blobs server', () => {
  it('a backlog of fresh delivered records does not hold back the expired ones: they go first, within a few calls, and the run then ends', async () => {
    const inner = netlifyStore(`${process.env.OUTBOX_STORE}-guard-production`, null);
    let calls = 0;
    const counted = Object.fromEntries(Object.entries(inner).map(([name, fn]) => [name, (...args: unknown[]) => { calls++; return (fn as (...a: unknown[]) => unknown)(...args); }])) as unknown as typeof inner;
    const guard = createGuard(counted, { clientLimit: 10, clientLimitNoProof: 4, centreMailsPerHour: 20 }, 'test-reference-secret-0123456789abcdef');
    const now = Date.now();
    for (let i = 0; i < 3; i++) await guard.markDelivered(`referral:centre:old-${i}`, 'p', now - 9 * 24 * 3_600_000);
    await Promise.all(Array.from({ length: 120 }, (_, i) => guard.markDelivered(`referral:centre:flood-${i}`, 'p', now - i * 1000)));
    calls = 0;
    // Room for about twenty calls: enough for the expired hour, far too few to read the backlog.
    await guard.sweep(now, 20, () => calls);
    for (let i = 0; i < 3; i++) expect(await guard.delivered(`referral:centre:old-${i}`)).toBeNull();
    expect(await guard.delivered('referral:centre:flood-0')).toBe('p');
    expect(await guard.delivered('referral:centre:flood-119')).toBe('p');
    const keys = (await inner.list({ prefix: 'delivered/' })).blobs;
    expect(keys).toHaveLength(120);
  });
});

describe('previews and production\'s stores', () => {
  it('a preview queues into a store of its own deploy, never a site-wide store that another deploy opens', async () => {
    process.env.MAIL_REDIRECT_TO = 'test-inbox@veilighuis.example';
    h.fake.mode = '503';
    const preview = from('198.51.100.250', 'deploy-preview');
    expect((await referral(post('/api/referral', { ...validReferral(), submissionId: newId() }), preview)).status).toBe(202);
    const base = process.env.OUTBOX_STORE;
    for (const name of [`${base}-preview`, `${base}-production`, `${base}`]) expect((await getStore({ name }).list()).blobs).toEqual([]);
    const own = getDeployStore({ name: `${base}-preview`, deployID: preview.deploy.id });
    expect((await own.list()).blobs).toHaveLength(1);
  });
});

describe('scheduled functions answer only the scheduler', () => {
  it('a plain GET, a POST without next_run, or one with a far-off next_run is refused (403) and sends nothing', async () => {
    await (async () => {
      h.fake.mode = '503';
      await referral(post('/api/referral', { ...validReferral(), submissionId: newId() }), from());
      h.fake.reset('ok');
    })();
    const url = `${ORIGIN}/.netlify/functions/outbox-retry`;
    for (const req of [
      new Request(url),
      new Request(url, { method: 'POST', body: '{}' }),
      new Request(url, { method: 'POST', body: JSON.stringify({ next_run: '2031-01-01T00:00:00Z' }) }),
      new Request(url, { method: 'POST', body: JSON.stringify({ next_run: new Date().toISOString(), extra: 1 }) }),
    ]) expect((await outboxRetry(req, netlifyContext('production'))).status).toBe(403);
    expect(h.fake.requests).toBe(0);
    expect((await productionKeys())).toHaveLength(1);
  });

  it('forged scheduler calls meet a lease: at most one run per RETRY_MIN_INTERVAL_MS', async () => {
    process.env.RETRY_MIN_INTERVAL_MS = '60000';
    try {
      expect((await retry()).status).toBe(204);
      expect((await retry()).status).toBe(429);
    } finally {
      process.env.RETRY_MIN_INTERVAL_MS = '0';
    }
  });
});

describe('a Blobs service that hangs', () => {
  it('holds neither the referrer nor the retry run: every call to it is bounded', async () => {
    const sockets: Socket[] = [];
    const silent = createTcpServer((socket) => { sockets.push(socket); });
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const port = (silent.address() as { port: number }).port;
    const saved = process.env.NETLIFY_BLOBS_CONTEXT;
    process.env.NETLIFY_BLOBS_CONTEXT = Buffer.from(JSON.stringify({ edgeURL: `http://127.0.0.1:${port}`, uncachedEdgeURL: `http://127.0.0.1:${port}`, siteID: 'x', token: 'x', primaryRegion: 'eu-central-1' })).toString('base64');
    try {
      let started = Date.now();
      const res = await referral(post('/api/referral', { ...validReferral(), submissionId: newId() }), from());
      // The guard fails open: the provider takes the mail; four bounded Blobs calls at most on the way.
      expect(res.status).toBe(201);
      expect(Date.now() - started).toBeLessThan(15_000);
      started = Date.now();
      const run = await retry();
      expect(run.status).toBe(500);
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(lastRetryLine()).toMatchObject({ level: 'error', status: 500 });
    } finally {
      process.env.NETLIFY_BLOBS_CONTEXT = saved;
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((r) => silent.close(() => r()));
    }
  }, 60_000);
});
