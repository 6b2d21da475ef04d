import { isIPv6 } from 'node:net';
import type { KeyValueStore } from '../delivery/store';
import { take, update, type Entry } from './counter';

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
const HOUR_MS = 60 * 60 * 1000;
/** The time index of delivered records: `delivered-at/<hour>/<hash>` beside each `delivered/<hash>`. */
const DELIVERED_AT = 'delivered-at/';
/** Deletes the sweep runs side by side: faster through a backlog, still a handful of calls at once. */
const SWEEP_BATCH = 8;

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

/** The eight 16-bit groups of a valid IPv6 address (`::`, a dotted IPv4 tail). */
function ipv6Groups(address: string): number[] {
  let text = address;
  let tail: number[] = [];
  const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number);
    tail = [(a << 8) | b, (c << 8) | d];
    text = text.slice(0, -v4[0].length);
    if (text.endsWith(':') && !text.endsWith('::')) text = text.slice(0, -1);
  }
  const part = (t: string | undefined) => (t ? t.split(':').map((h) => parseInt(h, 16)) : []);
  const [head, rest] = text.split('::');
  const h = part(head);
  const r = text.includes('::') ? part(rest) : [];
  return [...h, ...new Array<number>(8 - h.length - r.length - tail.length).fill(0), ...r, ...tail];
}

/**
 * Who a client is for the limit: an IPv4 address, or an IPv6 /64. One line or machine gets a
 * whole /64 and can post from a new address of it every time, so each address apart would be
 * no limit at all. Every spelling of an address (zeros, case, IPv4-mapped) is the same client.
 */
export function clientOf(address: string): string {
  const text = address.trim().toLowerCase().replace(/%.*$/, '');
  if (!isIPv6(text)) return text;
  const g = ipv6Groups(text);
  if (g.slice(0, 5).every((x) => x === 0) && g[5] === 0xffff) return [g[6] >> 8, g[6] & 255, g[7] >> 8, g[7] & 255].join('.');
  return `${g.slice(0, 4).map((x) => x.toString(16)).join(':')}::/64`;
}

/** A keyed hash of the client address: the same client meets the same counter, nobody can read the address back. */
export async function clientHash(address: string, secret: string): Promise<string> {
  return hex(await crypto.subtle.sign('HMAC', await hmacKey(secret), enc.encode(address))).slice(0, 32);
}

/** What the delivered record compares: a resubmit with the same payload is the same mail. */
export const payloadHash = (mail: { to: string; subject: string; text: string; html: string }) =>
  sha256(JSON.stringify([mail.to, mail.subject, mail.text, mail.html]));

const windowOf = (now: number, size: number) => Math.floor(now / size);
/** The `at` of a `{ at }` record (a lease, a delivered record); 0 when it has none. Throws on text that is not JSON. */
const atOf = (text: string) => Number((JSON.parse(text) as { at?: unknown }).at) || 0;

/**
 * A lease under `key`: true for at most one caller per `gapMs`, across instances (the
 * conditional write refuses a second caller that read the same last time).
 */
async function claimLease(store: KeyValueStore, key: string, now: number, gapMs: number): Promise<boolean> {
  const current = await store.getEntry(key);
  const last = current ? atOf(current.text) : 0;
  if (now - last < gapMs) return false;
  return store.setIf(key, JSON.stringify({ at: now }), current ? current.etag : null);
}

/** The centre's budget counter of the hour `now` falls in. */
const centreKey = (centreId: string, now: number) => `centre/${windowOf(now, CENTRE_WINDOW_MS)}/${centreId}`;

export function createGuard(store: KeyValueStore, limits: GuardLimits, secret: string) {
  /** A counter of a past window: nothing to check, one delete. */
  const removeCounter = async (key: string) => { await store.delete(key); return 1; };
  return {
    limits,
    /** Counts one submission of this client; false when over the limit that applies to it. */
    async admitClient(address: string, proven: boolean, now = Date.now()): Promise<boolean> {
      const key = `client/${windowOf(now, CLIENT_WINDOW_MS)}/${await clientHash(clientOf(address), secret)}`;
      return (await take(store, key, proven ? limits.clientLimit : limits.clientLimitNoProof)).allowed;
    },
    /**
     * Starts reading the centre's budget counter now, so the read runs beside another call;
     * `spendCentre` with the same `now` then writes from it. Reading spends nothing.
     */
    peekCentre(centreId: string, now = Date.now()): { key: string; entry: Promise<Entry> } {
      const key = centreKey(centreId, now);
      const entry = store.getEntry(key);
      entry.catch(() => {}); // a peek nobody uses must not fail the process; spendCentre still sees the error
      return { key, entry };
    },
    /** A short keyed hash of the client (`clientOf`): the outbox gives each one turn per round. */
    async clientTag(address: string): Promise<string> {
      return (await clientHash(clientOf(address), secret)).slice(0, 12);
    },
    /** Spends one mail of the centre's hourly budget; false when it is spent. */
    async spendCentre(centreId: string, now = Date.now(), peeked?: { key: string; entry: Promise<Entry> }): Promise<boolean> {
      const key = centreKey(centreId, now);
      return (await take(store, key, limits.centreMailsPerHour, peeked?.key === key ? peeked.entry : undefined)).allowed;
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
    /**
     * Writes the lookup record and its entry in the time index the sweep reads, side by side.
     * If the index entry fails, the record is taken back: no record the sweep cannot find
     * (an index entry without a record is harmless).
     */
    async markDelivered(idempotencyKey: string, payload: string, now = Date.now()): Promise<void> {
      const hash = await sha256(idempotencyKey);
      const [index, record] = await Promise.allSettled([
        store.set(`${DELIVERED_AT}${windowOf(now, HOUR_MS)}/${hash}`, '1'),
        store.set(`delivered/${hash}`, JSON.stringify({ at: now, payload })),
      ]);
      if (index.status === 'rejected') {
        await store.delete(`delivered/${hash}`).catch(() => {});
        throw index.reason;
      }
      if (record.status === 'rejected') throw record.reason;
    },
    /** True for at most one caller per hour: the digest is bounded whatever happens. */
    claimDigest(now = Date.now()): Promise<boolean> {
      return claimLease(store, 'digest/last', now, DIGEST_EVERY_MS);
    },
    /** A digest that did not go out gives its turn back, so the next run tries again. */
    async releaseDigest(): Promise<void> {
      await store.delete('digest/last');
    },
    /** A lease: true for at most one retry run per `gapMs`, whoever calls the function. */
    claimRun(now: number, gapMs: number): Promise<boolean> {
      return claimLease(store, 'run/last', now, gapMs);
    },
    /**
     * Deletes counters of past windows and delivered records past their keep time, oldest
     * bucket first, until the deadline. Every family is keyed `<family>/<bucket>/...` with a
     * bucket of server time, so one list of bucket names per family (at most a few hundred:
     * one per hour or window, whatever the traffic) shows what has expired; a bucket's keys
     * are listed only once it has. Nothing a flood leaves in the current buckets is read, and
     * no run spends its time on fresh state before the expired state behind it.
     */
    async sweep(now: number, deadline: number, clock: () => number = Date.now): Promise<number> {
      const families: Array<{ dir: string; size: number; expired: (bucket: number) => boolean; remove: (key: string, bucket: number) => Promise<number> }> = [
        {
          dir: DELIVERED_AT, size: HOUR_MS,
          // Expired when the bucket's newest possible record is older than the keep time.
          expired: (bucket) => (bucket + 1) * HOUR_MS + DELIVERED_KEEP_MS <= now,
          remove: async (key, bucket) => {
            const record = `delivered/${key.slice(key.lastIndexOf('/') + 1)}`;
            // The same key delivered again later has a newer record (and index entry): keep it.
            const raw = await store.get(record, { type: 'text' });
            let at = 0;
            try { at = raw ? atOf(raw) : 0; } catch { at = 0; }
            const gone = raw !== null && windowOf(at, HOUR_MS) <= bucket;
            if (gone) await store.delete(record);
            await store.delete(key);
            return gone ? 1 : 0;
          },
        },
        { dir: 'centre/', size: CENTRE_WINDOW_MS, expired: (bucket) => bucket < windowOf(now, CENTRE_WINDOW_MS), remove: removeCounter },
        { dir: 'client/', size: CLIENT_WINDOW_MS, expired: (bucket) => bucket < windowOf(now, CLIENT_WINDOW_MS), remove: removeCounter },
      ];
      const listed = await Promise.all(families.map(async (f) => ((await store.list({ prefix: f.dir, directories: true })).directories ?? [])
        .map((d) => Number(d.slice(f.dir.length).replace(/\/$/, '')))
        .filter((bucket) => Number.isSafeInteger(bucket) && f.expired(bucket))
        .map((bucket) => ({ f, bucket, start: bucket * f.size }))));
      let removed = 0;
      for (const { f, bucket } of listed.flat().sort((a, b) => a.start - b.start)) {
        if (clock() > deadline) return removed;
        const { blobs } = await store.list({ prefix: `${f.dir}${bucket}/` });
        for (let i = 0; i < blobs.length; i += SWEEP_BATCH) {
          if (clock() > deadline) return removed;
          const done = await Promise.all(blobs.slice(i, i + SWEEP_BATCH).map(({ key }) => f.remove(key, bucket)));
          removed += done.reduce((a, b) => a + b, 0);
        }
      }
      return removed;
    },
  };
}

export type Guard = ReturnType<typeof createGuard>;
