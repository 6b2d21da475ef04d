import type { KeyValueStore } from '../delivery/store';
import { take, update } from './counter';

/**
 * The flood guard's state, kept in its own Blobs store (never the outbox): per-client and
 * per-centre counters in fixed windows, the events an operator must hear about, the record
 * of delivered idempotency keys, and when the last digest went out. Keys hold a keyed hash
 * of the client address, never the address. docs/flood-defence.md says why each layer.
 */
export const CLIENT_WINDOW_MS = 10 * 60 * 1000;
export const CENTRE_WINDOW_MS = 60 * 60 * 1000;
/** Longer than the outbox keeps an entry (7 days), so no copied entry outlives its record. */
export const DELIVERED_KEEP_MS = 8 * 24 * 60 * 60 * 1000;
export const DIGEST_EVERY_MS = 60 * 60 * 1000;

export type GuardEvent = 'budget' | 'quota' | 'rate_limited' | 'dropped' | 'client_limit';
export interface EventRecord { count: number; first: number; last: number }

export interface GuardLimits {
  /** Submissions per client per 10 minutes with a solved proof of work. */
  clientLimit: number;
  /** Submissions per client per 10 minutes without one (no JavaScript, or a script of its own). */
  clientLimitNoProof: number;
  /** Centre mails per centre per hour; beyond it submissions are queued. */
  centreMailsPerHour: number;
}

const enc = new TextEncoder();
const hex = (bytes: ArrayBuffer) => Buffer.from(bytes).toString('hex');
const sha256 = async (text: string) => hex(await crypto.subtle.digest('SHA-256', enc.encode(text)));
const keys = new Map<string, Promise<CryptoKey>>();
const hmacKey = (secret: string) => {
  let key = keys.get(secret);
  if (!key) keys.set(secret, (key = crypto.subtle.importKey('raw', enc.encode(`ifg-client:${secret}`), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign'])));
  return key;
};

/** A keyed hash of the client address: the same client meets the same counter, nobody can read the address back. */
export async function clientHash(address: string, secret: string): Promise<string> {
  return hex(await crypto.subtle.sign('HMAC', await hmacKey(secret), enc.encode(address))).slice(0, 32);
}

/** What the delivered record compares: a resubmit with the same payload is the same mail. */
export const payloadHash = (mail: { to: string; subject: string; text: string; html: string }) =>
  sha256(JSON.stringify([mail.to, mail.subject, mail.text, mail.html]));

const windowOf = (now: number, size: number) => Math.floor(now / size);

export function createGuard(store: KeyValueStore, limits: GuardLimits, secret: string) {
  return {
    limits,
    /** Counts one submission of this client; false when over the limit that applies to it. */
    async admitClient(address: string, proven: boolean, now = Date.now()): Promise<boolean> {
      const key = `client/${windowOf(now, CLIENT_WINDOW_MS)}/${await clientHash(address, secret)}`;
      return (await take(store, key, proven ? limits.clientLimit : limits.clientLimitNoProof)).allowed;
    },
    /** Spends one mail of the centre's hourly budget; false when it is spent. */
    async spendCentre(centreId: string, now = Date.now()): Promise<boolean> {
      return (await take(store, `centre/${windowOf(now, CENTRE_WINDOW_MS)}/${centreId}`, limits.centreMailsPerHour)).allowed;
    },
    /** Remembers something an operator must hear about; the retry run's digest reads it. */
    async note(event: GuardEvent, centreId: string | null, now = Date.now()): Promise<void> {
      await update<EventRecord>(store, `event/${event}/${centreId ?? 'all'}`, (p) => ({ count: (p?.count ?? 0) + 1, first: p?.first ?? now, last: now }));
    },
    async events(): Promise<Array<{ key: string; event: GuardEvent; centre: string; record: EventRecord }>> {
      const { blobs } = await store.list({ prefix: 'event/' });
      const found = await Promise.all(blobs.map(async ({ key }) => {
        const raw = await store.get(key, { type: 'text' });
        const [, event, centre] = key.split('/');
        try { return raw ? { key, event: event as GuardEvent, centre, record: JSON.parse(raw) as EventRecord } : null; } catch { return null; }
      }));
      return found.filter((e) => e !== null);
    },
    async clearEvents(keysToClear: string[]): Promise<void> {
      await Promise.all(keysToClear.map((k) => store.delete(k)));
    },
    /** The payload hash a mail under this idempotency key was delivered with, or null. */
    async delivered(idempotencyKey: string): Promise<string | null> {
      const raw = await store.get(`delivered/${await sha256(idempotencyKey)}`, { type: 'text' });
      try { return raw ? (JSON.parse(raw) as { payload: string }).payload : null; } catch { return null; }
    },
    async markDelivered(idempotencyKey: string, payload: string, now = Date.now()): Promise<void> {
      await store.set(`delivered/${await sha256(idempotencyKey)}`, JSON.stringify({ at: now, payload }));
    },
    /** True for at most one caller per hour: the digest is bounded whatever happens. */
    async claimDigest(now = Date.now()): Promise<boolean> {
      const current = await store.getEntry('digest/last');
      const last = current ? Number((JSON.parse(current.text) as { at?: unknown }).at) || 0 : 0;
      if (now - last < DIGEST_EVERY_MS) return false;
      return store.setIf('digest/last', JSON.stringify({ at: now }), current ? current.etag : null);
    },
    /** A digest that did not go out gives its turn back, so the next run tries again. */
    async releaseDigest(): Promise<void> {
      await store.delete('digest/last');
    },
    /** A lease: true for at most one retry run per `gapMs`, whoever calls the function. */
    async claimRun(now: number, gapMs: number): Promise<boolean> {
      const current = await store.getEntry('run/last');
      const last = current ? Number((JSON.parse(current.text) as { at?: unknown }).at) || 0 : 0;
      if (now - last < gapMs) return false;
      return store.setIf('run/last', JSON.stringify({ at: now }), current ? current.etag : null);
    },
    /** Deletes counters of past windows and delivered records past their time, until the deadline. */
    async sweep(now: number, deadline: number, clock: () => number = Date.now): Promise<number> {
      let removed = 0;
      const clientNow = windowOf(now, CLIENT_WINDOW_MS);
      const centreNow = windowOf(now, CENTRE_WINDOW_MS);
      for (const [prefix, current] of [['client/', clientNow], ['centre/', centreNow]] as const) {
        for (const { key } of (await store.list({ prefix })).blobs) {
          if (clock() > deadline) return removed;
          if (Number(key.split('/')[1]) < current) { await store.delete(key); removed++; }
        }
      }
      for (const { key } of (await store.list({ prefix: 'delivered/' })).blobs) {
        if (clock() > deadline) return removed;
        const raw = await store.get(key, { type: 'text' });
        const at = raw ? Number((JSON.parse(raw) as { at?: unknown }).at) : 0;
        if (!(now - at < DELIVERED_KEEP_MS)) { await store.delete(key); removed++; }
      }
      return removed;
    },
  };
}

export type Guard = ReturnType<typeof createGuard>;
