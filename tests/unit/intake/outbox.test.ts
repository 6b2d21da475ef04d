import { describe, expect, it } from 'vitest';
import type { Mailer, OutgoingMail } from '../../../src/lib/intake/delivery/mail';
import { createOutbox, importKey, MAX_AGE_MS, open, seal, type BlobLike } from '../../../src/lib/intake/delivery/outbox';

const key = Buffer.alloc(32, 1).toString('base64');
const mail: OutgoingMail = { to: 'centrum@example.be', replyTo: 'an@caw.be', subject: 'Aanmelding (OVL) OVL-2345-6789', text: 'Naam: Geheime Naam', html: '<p>x</p>', idempotencyKey: 'referral-abc' };

function memoryStore() {
  const blobs = new Map<string, string>();
  const store: BlobLike = {
    set: async (k, v) => { blobs.set(k, v); },
    get: async (k) => blobs.get(k) ?? null,
    delete: async (k) => { blobs.delete(k); },
    list: async () => ({ blobs: [...blobs.keys()].map((k) => ({ key: k })) }),
  };
  return { store, blobs };
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
    let now = 0;
    const { store, blobs } = memoryStore();
    const outbox = createOutbox(store, key, () => now);
    await outbox.put({ ...mail, idempotencyKey: 'old' });
    now = MAX_AGE_MS - 1000;
    await outbox.put({ ...mail, idempotencyKey: 'fresh' });
    await outbox.put({ ...mail, idempotencyKey: 'fresh' }); // a resubmit: still one entry
    expect([...blobs.keys()]).toEqual(['old', 'fresh']);

    const tried: string[] = [];
    const failing: Mailer = { send: async (m) => { tried.push(m.idempotencyKey); return { ok: false, kind: 'server' }; } };
    now = MAX_AGE_MS + 1;
    expect(await outbox.retry(failing, now)).toEqual({ delivered: 0, waiting: 1, expired: 1, skipped: 0, failed: ['server'], skippedKinds: [] });
    expect(tried).toEqual(['fresh']);
    expect([...blobs.keys()]).toEqual(['fresh']);

    const working: Mailer = { send: async () => ({ ok: true, id: 'm1' }) };
    expect(await outbox.retry(working, now)).toMatchObject({ delivered: 1, waiting: 0 });
    expect(blobs.size).toBe(0);
  });
});
