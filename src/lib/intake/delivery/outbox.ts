import { payloadHash, type Guard } from '../guard/flood';
import { isPermanent, isProviderLimit, sendSafely, type FailureKind, type Mailer, type OutgoingMail } from './mail';
import type { KeyValueStore } from './store';

/**
 * The durable outbox: a mail that could not be delivered now waits here, encrypted with
 * AES-GCM under OUTBOX_KEY, until the scheduled retry delivers it. An entry's key is
 * `q/<queued at, ms>/<centre>/<idempotency key>`: the server's clock orders the run (oldest
 * first; no client chooses its place), and the run can count waiting mail per centre and
 * its age without opening anything. A sent submission does not touch the outbox: if an
 * earlier attempt still waits, the run finds its key in the delivered record (or Resend
 * answers the first id) and deletes it without a second mail.
 * The store is a port: `netlify-outbox.ts` is the only module that imports `@netlify/blobs`.
 */
export const MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;

/** What the outbox needs of a blob store (a Netlify Blobs store, or a map in unit tests). */
export type BlobLike = Pick<KeyValueStore, 'get' | 'set' | 'delete' | 'list' | 'listPages'>;

/**
 * A run lists at most this many entry keys, and spends at most a quarter of its time on
 * listing: a queue a flood has filled is read a page at a time (Blobs lists keys in key
 * order, so the first pages hold the oldest entries), never in one call that would pass the
 * 2 s bound of a Blobs call and end the run before it sent anything.
 */
export const MAX_LISTED = 10_000;

export interface SealedEntry { v: 1; createdAt: number; iv: string; data: string }

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const unb64 = (text: string) => new Uint8Array(Buffer.from(text, 'base64'));

export async function importKey(base64Key: string): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', unb64(base64Key), 'AES-GCM', false, ['encrypt', 'decrypt']);
}

/** Encrypts a mail; the entry's key and creation time are bound in as additional data. */
export async function seal(key: CryptoKey, entryKey: string, mail: OutgoingMail, createdAt: number): Promise<SealedEntry> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const aad = new TextEncoder().encode(`${entryKey}|${createdAt}`);
  const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: aad }, key, new TextEncoder().encode(JSON.stringify(mail)));
  return { v: 1, createdAt, iv: b64(iv), data: b64(new Uint8Array(data)) };
}

export async function open(key: CryptoKey, entryKey: string, entry: SealedEntry): Promise<OutgoingMail> {
  const aad = new TextEncoder().encode(`${entryKey}|${entry.createdAt}`);
  const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: unb64(entry.iv), additionalData: aad }, key, unb64(entry.data));
  return JSON.parse(new TextDecoder().decode(plain)) as OutgoingMail;
}

/** What a run did; counts, centres and kinds only, never a key or a value. */
export interface RetryTally {
  /**
   * Entries the provider now holds a mail for, deleted: accepted by this run, accepted
   * earlier under the same idempotency key (same payload: the first answer again; new
   * ciphertext for a centre with a key: a 409 conflict), or found in the delivered record.
   */
  delivered: number;
  /** Entries still queued after this run (tried and failed, held by a budget, or not reached). */
  waiting: number;
  expired: number;
  /** Entries the provider refused for good (or older than 7 days): deleted, logged as errors. */
  dropped: number;
  /** Entries that did not parse or open (another key, corruption): left alone, counted. */
  skipped: number;
  failed: FailureKind[];
  /** The kind of each skipped key (`referral`, `advice-receipt`), never the key itself. */
  skippedKinds: string[];
  /** Why the run ended before the last entry: out of time, or the provider limits or is down. */
  stoppedBy?: 'time' | 'quota' | 'rate_limited' | 'provider_down';
  /** Centres whose hourly budget held entries back in this run. */
  budgetHeld: string[];
  /** Per centre: entries waiting after the run and the age of the oldest, in minutes (from the keys alone). */
  queue: Record<string, { waiting: number; oldestMinutes: number }>;
  /** False when the run listed only the first MAX_LISTED keys (or ran out of listing time): `waiting` and `queue` are then at least these. */
  listedAll?: boolean;
}

export interface RetryOptions {
  now?: number;
  /** The run ends before starting a send that could pass this moment (ms since epoch). */
  deadline?: number;
  /** How long one send may take at most: no send starts later than deadline minus this. */
  sendMs?: number;
  guard?: Guard;
  clock?: () => number;
}

export interface Outbox {
  /**
   * Queues a mail; `centre` (an id, never a value) orders and counts the queue; `client` (a
   * short keyed hash of the sender's address, never the address) gives each sender one turn
   * per round in the retry run.
   */
  put(mail: OutgoingMail, centre?: string, client?: string): Promise<void>;
  /** Oldest first, each entry on its own, until the deadline or until the provider limits or is down. */
  retry(mailer: Mailer, options?: RetryOptions): Promise<RetryTally>;
}

const safe = (text: string) => text.replace(/[^A-Za-z0-9-]/g, '_');
/**
 * `q/<ms>/<centre>/[~<client>/]<key>`; legacy entries (a bare key) count as queued at 0, so
 * they go first. An idempotency key never holds `/` or `~` (`safe`), so the client part is unambiguous.
 */
export function parseEntryKey(entryKey: string): { at: number; centre: string; client: string | null; idem: string } {
  const m = /^q\/(\d{13})\/([A-Za-z0-9_-]+)\/(?:~([0-9a-z]{1,16})\/)?(.+)$/.exec(entryKey);
  return m ? { at: Number(m[1]), centre: m[2], client: m[3] ?? null, idem: m[4] } : { at: 0, centre: '_', client: null, idem: entryKey };
}

/**
 * The run's order: oldest first within one round, and each client's n-th entry in round n. A
 * flood from a few clients then delays a real referral by one entry per flooding client, not
 * by everything they queued. Entries without a client (receipts, older entries) are each their own.
 */
export function runOrder<T extends { k: string; at: number; client: string | null }>(entries: T[]): T[] {
  const byTime = [...entries].sort((a, b) => a.at - b.at || (a.k < b.k ? -1 : 1));
  const turns = new Map<string, number>();
  const ranked = byTime.map((e) => {
    const turn = e.client === null ? 0 : (turns.get(e.client) ?? 0);
    if (e.client !== null) turns.set(e.client, turn + 1);
    return { e, turn };
  });
  return ranked.sort((a, b) => a.turn - b.turn || a.e.at - b.e.at || (a.e.k < b.e.k ? -1 : 1)).map((r) => r.e);
}
/** `referral_centre_<id>` -> `referral`, `advice_receipt_<id>` -> `advice-receipt`: what a log may say about a key. */
export const keyKind = (entryKey: string) => {
  const idem = parseEntryKey(entryKey).idem;
  const kind = idem.split(/[-_]/)[0].replace(/[^a-z]/g, '') || 'unknown';
  return /(^|_)receipt(_|$)|-receipt$/.test(idem) ? `${kind}-receipt` : kind;
};

function parseEntry(raw: string): SealedEntry | null {
  try {
    const entry = JSON.parse(raw) as SealedEntry;
    return entry && entry.v === 1 && Number.isFinite(entry.createdAt) && typeof entry.iv === 'string' && typeof entry.data === 'string' ? entry : null;
  } catch {
    return null;
  }
}

/** Two failures in a row that are not about one mail (5xx, timeout, no connection): the provider is down. */
const DOWN_AFTER = 2;

export function createOutbox(store: BlobLike, keyBase64: string, clock: () => number = Date.now): Outbox {
  // Imported on first use: every request builds an outbox, few put into it.
  let imported: Promise<CryptoKey> | undefined;
  const cryptoKey = () => (imported ??= importKey(keyBase64));
  return {
    async put(mail, centre, client) {
      const at = clock();
      const turn = client && /^[0-9a-z]{1,16}$/.test(client) ? `~${client}/` : '';
      const entryKey = `q/${String(at).padStart(13, '0')}/${safe(centre ?? '_')}/${turn}${safe(mail.idempotencyKey)}`;
      await store.set(entryKey, JSON.stringify(await seal(await cryptoKey(), entryKey, mail, at)));
    },
    async retry(mailer, options = {}) {
      const now = options.now ?? clock();
      const time = options.clock ?? clock;
      const deadline = options.deadline ?? Number.POSITIVE_INFINITY;
      const sendMs = options.sendMs ?? 0;
      const guard = options.guard;
      const tally: RetryTally = { delivered: 0, waiting: 0, expired: 0, dropped: 0, skipped: 0, failed: [], skippedKinds: [], budgetHeld: [], queue: {} };
      const listed: string[] = [];
      if (store.listPages) {
        const listUntil = Number.isFinite(deadline) ? now + (deadline - now) / 4 : Number.POSITIVE_INFINITY;
        try {
          for await (const page of store.listPages()) {
            listed.push(...page.blobs.map((b) => b.key));
            if (listed.length >= MAX_LISTED || time() > listUntil) { tally.listedAll = false; break; }
          }
        } catch (error) {
          // A later page that fails or comes too late: go on with the pages that came.
          if (!listed.length) throw error;
          tally.listedAll = false;
        }
      } else listed.push(...(await store.list()).blobs.map((b) => b.key));
      const keys = runOrder(listed.map((k) => ({ k, ...parseEntryKey(k) })));
      const left = (e: { centre: string; at: number }) => {
        const q = (tally.queue[e.centre] ??= { waiting: 0, oldestMinutes: 0 });
        q.waiting++;
        q.oldestMinutes = Math.max(q.oldestMinutes, Math.floor((now - e.at) / 60_000));
        tally.waiting++;
      };
      let down = 0;
      for (const [index, e] of keys.entries()) {
        if (!tally.stoppedBy && time() + sendMs > deadline) tally.stoppedBy = 'time';
        if (tally.stoppedBy) {
          for (const rest of keys.slice(index)) left(rest);
          break;
        }
        try {
          const raw = await store.get(e.k, { type: 'text' });
          if (raw === null) continue;
          const entry = parseEntry(raw);
          if (entry && now - entry.createdAt > MAX_AGE_MS) {
            await store.delete(e.k);
            tally.expired++;
            tally.dropped++;
            continue;
          }
          const mail = entry ? await open(await cryptoKey(), e.k, entry).catch(() => null) : null;
          if (!mail) {
            // Kept, not deleted: with the right key (after a rotation) it may still open.
            tally.skipped++;
            tally.skippedKinds.push(keyKind(e.k));
            continue;
          }
          // Already delivered (a resubmit went out, or a copy of an entry): never a second mail,
          // also after the provider's 24-hour idempotency window.
          // The budget's read runs beside the delivered check; nothing is spent before it.
          const at = Date.now();
          const peeked = guard && e.centre !== '_' ? guard.peekCentre(e.centre, at) : undefined;
          if (guard && (await guard.delivered(mail.idempotencyKey)) !== null) {
            await store.delete(e.k);
            tally.delivered++;
            continue;
          }
          if (guard && e.centre !== '_' && !(await guard.spendCentre(e.centre, at, peeked))) {
            if (!tally.budgetHeld.includes(e.centre)) tally.budgetHeld.push(e.centre);
            left(e);
            continue;
          }
          const result = await sendSafely(mailer, mail);
          // A conflict: this key was already used for another payload, so a mail under it was
          // accepted (a resubmit, new ciphertext when the centre has a key).
          if (result.ok || result.kind === 'conflict') {
            await Promise.all([
              store.delete(e.k),
              guard ? payloadHash(mail).then((hash) => guard.markDelivered(mail.idempotencyKey, hash)).catch(() => {}) : undefined,
            ]);
            tally.delivered++;
            down = 0;
            continue;
          }
          tally.failed.push(result.kind);
          if (isPermanent(result.kind)) {
            // Refused for good: retrying for seven days changes nothing. The run logs it as an error.
            await store.delete(e.k);
            tally.dropped++;
            continue;
          }
          left(e);
          if (isProviderLimit(result.kind)) tally.stoppedBy = result.kind as 'quota' | 'rate_limited';
          else if (++down >= DOWN_AFTER) tally.stoppedBy = 'provider_down';
        } catch {
          // The store itself failed for this entry: count it and go on with the next.
          tally.skipped++;
          tally.skippedKinds.push(keyKind(e.k));
        }
      }
      return tally;
    },
  };
}
