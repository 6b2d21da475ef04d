import { describe, expect, it } from 'vitest';
import { directory } from '../../../src/lib/intake/directory';
import type { Mailer, OutgoingMail, SendResult } from '../../../src/lib/intake/delivery/mail';
import { createOutbox, importKey, MAX_AGE_MS, open, seal, type BlobLike } from '../../../src/lib/intake/delivery/outbox';
import { memoryStore as projectMemoryStore } from '../../../src/lib/intake/delivery/store';
import { submit } from '../../../src/lib/intake/delivery/submit';

const key = Buffer.alloc(32, 1).toString('base64');
const mail: OutgoingMail = { to: 'centrum@example.be', replyTo: 'an@caw.be', subject: 'Aanmelding (OVL) OVL-2345-6789', text: 'Naam: Geheime Naam', html: '<p>x</p>', idempotencyKey: 'referral-abc' };

/** The project's memory store, as the outbox sees it, and the map behind it. */
function memoryStore() {
  const store = projectMemoryStore();
  return { store: store as BlobLike, blobs: store.map };
}

/** A memory store that counts every call, by method: each one is a round trip to Netlify Blobs. */
function countingStore() {
  const { store, blobs } = memoryStore();
  const calls = { set: 0, get: 0, delete: 0, list: 0 };
  const counted: BlobLike = {
    set: (k, v) => { calls.set++; return store.set(k, v); },
    get: (k, o) => { calls.get++; return store.get(k, o); },
    delete: (k) => { calls.delete++; return store.delete(k); },
    list: () => { calls.list++; return store.list(); },
  };
  return { store: counted, blobs, calls };
}

/** A mailer that answers from a list (then success) and records the key of each mail it was given. */
function scriptedMailer(answers: SendResult[]) {
  const tried: string[] = [];
  const mailer: Mailer = { send: async (m) => { tried.push(m.idempotencyKey); return answers.shift() ?? { ok: true, id: 'm1' }; } };
  return { mailer, tried };
}

describe('outbox encryption', () => {
  it('round-trips a mail and keeps no readable text at rest', async () => {
    const cryptoKey = await importKey(key);
    const sealed = await seal(cryptoKey, 'referral-abc', mail, 1000);
    expect(JSON.stringify(sealed)).not.toContain('Geheime');
    expect(await open(cryptoKey, 'referral-abc', sealed)).toEqual(mail);
  });

  it('refuses a wrong key, a tampered entry or an entry moved to another key', async () => {
    const cryptoKey = await importKey(key);
    const sealed = await seal(cryptoKey, 'referral-abc', mail, 1000);
    await expect(open(await importKey(Buffer.alloc(32, 2).toString('base64')), 'referral-abc', sealed)).rejects.toThrow();
    await expect(open(cryptoKey, 'referral-other', sealed)).rejects.toThrow();
    await expect(open(cryptoKey, 'referral-abc', { ...sealed, createdAt: 2000 })).rejects.toThrow();
  });
});

describe('outbox retry', () => {
  it('delivers and deletes, keeps what still fails, and drops anything older than 7 days unsent', async () => {
    let now = 1_000;
    const { store, blobs } = memoryStore();
    const outbox = createOutbox(store, key, () => now);
    await outbox.put({ ...mail, idempotencyKey: 'old' }, 'oost-vlaanderen');
    now = MAX_AGE_MS - 1000;
    await outbox.put({ ...mail, idempotencyKey: 'fresh' }, 'oost-vlaanderen');
    expect(blobs.size).toBe(2);

    const tried: string[] = [];
    const failing: Mailer = { send: async (m) => { tried.push(m.idempotencyKey); return { ok: false, kind: 'server' }; } };
    now = MAX_AGE_MS + 1001;
    expect(await outbox.retry(failing, { now })).toMatchObject({ delivered: 0, waiting: 1, expired: 1, dropped: 1, skipped: 0, failed: ['server'], skippedKinds: [] });
    expect(tried).toEqual(['fresh']);
    expect([...blobs.keys()].map((k) => k.split('/').at(-1))).toEqual(['fresh']);

    const working: Mailer = { send: async () => ({ ok: true, id: 'm1' }) };
    expect(await outbox.retry(working, { now })).toMatchObject({ delivered: 1, waiting: 0 });
    expect(blobs.size).toBe(0);
  });

  it('oldest first, whatever the keys: ids that sort first do not go first', async () => {
    let now = 1_000;
    const { store } = memoryStore();
    const outbox = createOutbox(store, key, () => now);
    await outbox.put({ ...mail, idempotencyKey: 'zzz-real-referral' }, 'oost-vlaanderen');
    for (const id of ['aaa-1', 'aaa-2', '000-3']) { now += 1000; await outbox.put({ ...mail, idempotencyKey: id }, 'oost-vlaanderen'); }
    const { mailer, tried } = scriptedMailer([]);
    await outbox.retry(mailer, { now });
    expect(tried).toEqual(['zzz-real-referral', 'aaa-1', 'aaa-2', '000-3']);
  });

  it('one turn per client: a real referral queued after a flood goes before the flood\'s second entries, not after all of them', async () => {
    let now = 1_000;
    const { store } = memoryStore();
    const outbox = createOutbox(store, key, () => now);
    // Three attacker clients (IPv6 /64s) have queued 30 entries each; then one real referral.
    for (let i = 0; i < 30; i++) for (const c of ['a1', 'a2', 'a3']) { now += 1; await outbox.put({ ...mail, idempotencyKey: `flood-${c}-${i}` }, 'oost-vlaanderen', c); }
    now += 1;
    await outbox.put({ ...mail, idempotencyKey: 'real-referral' }, 'oost-vlaanderen', 'b7');
    // The provider takes five before it rate-limits (as the centre's budget would hold the rest).
    const { mailer, tried } = scriptedMailer([...Array<SendResult>(5).fill({ ok: true, id: 'x' }), { ok: false, kind: 'rate_limited' }]);
    await outbox.retry(mailer, { now });
    expect(tried.slice(0, 4)).toEqual(['flood-a1-0', 'flood-a2-0', 'flood-a3-0', 'real-referral']);
    // Within one client, still oldest first.
    expect(tried.slice(4)).toEqual(['flood-a1-1', 'flood-a2-1']);
  });

  it('a mail the provider refuses for good leaves the queue at once (dropped, counted), not after seven days', async () => {
    const { store, blobs } = memoryStore();
    const outbox = createOutbox(store, key);
    await outbox.put(mail, 'oost-vlaanderen');
    const { mailer } = scriptedMailer([{ ok: false, kind: 'rejected' }]);
    expect(await outbox.retry(mailer)).toMatchObject({ dropped: 1, waiting: 0, failed: ['rejected'] });
    expect(blobs.size).toBe(0);
  });

  it('stops at the first rate limit or spent quota, and after two failures in a row; the rest waits, counted', async () => {
    for (const [answers, stop, tries] of [
      [[{ ok: false, kind: 'rate_limited' }], 'rate_limited', 1],
      [[{ ok: false, kind: 'quota' }], 'quota', 1],
      [[{ ok: false, kind: 'server' }, { ok: false, kind: 'timeout' }], 'provider_down', 2],
    ] as const) {
      let now = 1_000;
      const { store } = memoryStore();
      const outbox = createOutbox(store, key, () => now);
      for (let i = 0; i < 5; i++) { now += 1; await outbox.put({ ...mail, idempotencyKey: `k-${i}` }, 'oost-vlaanderen'); }
      const { mailer, tried } = scriptedMailer([...answers]);
      const tally = await outbox.retry(mailer, { now });
      expect(tally).toMatchObject({ stoppedBy: stop, waiting: 5, delivered: 0 });
      expect(tried).toHaveLength(tries);
      expect(tally.queue).toEqual({ 'oost-vlaanderen': { waiting: 5, oldestMinutes: 0 } });
    }
  });

  it('ends before the deadline: no send starts that could run past it', async () => {
    let clock = 0;
    const { store } = memoryStore();
    const outbox = createOutbox(store, key, () => clock);
    for (let i = 0; i < 10; i++) await outbox.put({ ...mail, idempotencyKey: `slow-${i}` }, 'oost-vlaanderen');
    const slow: Mailer = { send: async () => { clock += 1500; return { ok: true, id: 'x' }; } };
    const tally = await outbox.retry(slow, { now: 0, deadline: 5000, sendMs: 1500, clock: () => clock });
    expect(tally).toMatchObject({ delivered: 3, waiting: 7, stoppedBy: 'time' });
    expect(clock).toBeLessThanOrEqual(5000);
  });
});

describe('outbox retry under a queue a flood has filled', () => {
  it('lists page by page and starts sending from the oldest page, where one list of every key would pass the 2 s bound of a Blobs call and end the run', async () => {
    let now = 1_000;
    const { store: inner, blobs } = memoryStore();
    const outbox = createOutbox(inner, key, () => now);
    for (let i = 0; i < 2_500; i++) { now += 1; await outbox.put({ ...mail, idempotencyKey: `flood-${String(i).padStart(5, '0')}` }, 'oost-vlaanderen'); }
    let pagesRead = 0;
    // As Netlify Blobs: keys in order, 1,000 a page; one call for all of them is too slow (blobs_timeout).
    const store: BlobLike = {
      ...inner,
      list: async () => { if (blobs.size > 2_000) throw new Error('blobs_timeout'); return inner.list(); },
      async *listPages() {
        const keys = [...blobs.keys()].sort();
        for (let i = 0; i < keys.length; i += 1_000) { pagesRead++; yield { blobs: keys.slice(i, i + 1_000).map((k) => ({ key: k })) }; }
      },
    };
    const { mailer, tried } = scriptedMailer([{ ok: false, kind: 'rate_limited' }]);
    const tally = await createOutbox(store, key, () => now).retry(mailer, { now });
    expect(tried).toEqual(['flood-00000']);
    expect(tally).toMatchObject({ stoppedBy: 'rate_limited', delivered: 0 });
    expect(tally.waiting).toBeGreaterThanOrEqual(1_000);
    expect(pagesRead).toBe(3);

    // Listing slower than a quarter of the run: the run stops listing and sends from what it has, and says so.
    pagesRead = 0;
    const slow: BlobLike = {
      ...store,
      async *listPages() { for await (const page of store.listPages!()) { now += 3_000; yield page; } },
    };
    const second = scriptedMailer([{ ok: false, kind: 'rate_limited' }]);
    const cut = await createOutbox(slow, key, () => now).retry(second.mailer, { now, deadline: now + 10_000, clock: () => now });
    expect(second.tried).toEqual(['flood-00000']);
    expect(pagesRead).toBe(1);
    expect(cut.listedAll).toBe(false);

    // A later page that fails (Blobs slow or down for a moment): the run goes on with the pages it has.
    const failing: BlobLike = {
      ...store,
      async *listPages() { let n = 0; for await (const page of store.listPages!()) { if (++n > 1) throw new Error('blobs_timeout'); yield page; } },
    };
    const third = scriptedMailer([{ ok: false, kind: 'rate_limited' }]);
    const partly = await createOutbox(failing, key, () => now).retry(third.mailer, { now });
    expect(third.tried).toEqual(['flood-00000']);
    expect(partly.listedAll).toBe(false);
  });
});

describe('outbox and submit: no round trip when nothing waits', () => {
  const ovl = directory.centres.find((c) => c.id === 'oost-vlaanderen')!;
  const submission = {
    kind: 'advice' as const, centre: ovl, municipalityName: 'Gent', overridden: false, submissionId: 'submission-outbox-123456',
    data: { name: 'An', organisation: 'CAW', sector: 'caw', email: 'an@caw.be', municipality: 'Gent', question: 'Vraag' },
  };
  const deps = (mailer: Mailer, store: BlobLike) => ({ mailer, outbox: createOutbox(store, key), redirectTo: null, referenceSecret: 'a-reference-secret-of-at-least-32-chars', receiptDomains: [] });

  it('a submission sent at once makes no call to the store: no delete of an entry that is almost never there', async () => {
    const { store, calls } = countingStore();
    expect(await submit(submission, deps(scriptedMailer([]).mailer, store))).toMatchObject({ status: 'sent' });
    expect(calls).toEqual({ set: 0, get: 0, delete: 0, list: 0 });
  });

  it('queued, then a resubmit that is sent: the entry waits for the retry, which clears it (Resend answers the first id) without a new mail', async () => {
    const { store, blobs, calls } = countingStore();
    expect(await submit(submission, deps(scriptedMailer([{ ok: false, kind: 'server' }]).mailer, store))).toMatchObject({ status: 'queued' });
    expect([...blobs.keys()]).toEqual([expect.stringMatching(/^q\/\d{13}\/oost-vlaanderen\/advice_centre_submission-outbox-123456$/)]);
    expect(await submit(submission, deps(scriptedMailer([]).mailer, store))).toMatchObject({ status: 'sent' });
    expect(calls.delete).toBe(0);
    expect(blobs.size).toBe(1);
    const { mailer, tried } = scriptedMailer([{ ok: true, id: 'the-first-id' }]);
    expect(await createOutbox(store, key).retry(mailer)).toMatchObject({ delivered: 1, waiting: 0, failed: [] });
    expect(tried).toEqual(['advice:centre:submission-outbox-123456']);
    expect(blobs.size).toBe(0);
  });
});

describe('outbox retry after a resubmit with new ciphertext (a centre with an OpenPGP key)', () => {
  it('a 409 conflict means a mail under this key was already accepted: deleted, counted as delivered, not kept or tried again', async () => {
    const { store, blobs } = memoryStore();
    const outbox = createOutbox(store, key);
    await outbox.put(mail);
    await outbox.put({ ...mail, idempotencyKey: 'referral-still-down' });
    const { mailer, tried } = scriptedMailer([{ ok: false, kind: 'conflict' }, { ok: false, kind: 'server' }]);
    expect(await outbox.retry(mailer)).toMatchObject({ delivered: 1, waiting: 1, expired: 0, skipped: 0, failed: ['server'], skippedKinds: [] });
    expect(tried).toEqual(['referral-abc', 'referral-still-down']);
    expect([...blobs.keys()].map((k) => k.split('/').at(-1))).toEqual(['referral-still-down']);
  });
});
