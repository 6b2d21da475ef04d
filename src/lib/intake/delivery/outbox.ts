import { sendSafely, type Mailer, type OutgoingMail } from './mail';

/**
 * The durable outbox: a mail that could not be delivered now waits here, encrypted with
 * AES-GCM under OUTBOX_KEY, until the scheduled retry delivers it. Keys are idempotency
 * keys, so a resubmit overwrites its own entry instead of adding a second one. A resubmit
 * that is sent at once leaves its queued entry for the retry to clear (no store round trip
 * on every submission): the provider knows the key, so that retry makes no second mail.
 * The store is a port: `netlify-outbox.ts` is the only module that imports `@netlify/blobs`.
 */
export const MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;

/** What the outbox needs of a blob store (a Netlify Blobs store, or a map in unit tests). */
export interface BlobLike {
  set(key: string, value: string): Promise<unknown>;
  get(key: string, options: { type: 'text' }): Promise<string | null>;
  delete(key: string): Promise<unknown>;
  list(): Promise<{ blobs: Array<{ key: string }> }>;
}

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

export interface RetryTally {
  /**
   * Entries the provider now holds a mail for, deleted: accepted by this run, or accepted
   * earlier under the same idempotency key (a resubmit went out first; same payload: the
   * first answer again, new ciphertext for a centre with a key: a 409 conflict).
   */
  delivered: number;
  waiting: number;
  expired: number;
  /** Entries that did not parse or open (another key, corruption): left alone, counted. */
  skipped: number;
  failed: string[];
  /** The kind of each skipped key (`referral`, `advice-receipt`), never the key itself. */
  skippedKinds: string[];
}

export interface Outbox {
  put(mail: OutgoingMail): Promise<void>;
  /** Tries every entry once, each on its own: delivered ones and ones older than 7 days are deleted. */
  retry(mailer: Mailer, now?: number): Promise<RetryTally>;
}

const entryKeyOf = (idempotencyKey: string) => idempotencyKey.replace(/[^A-Za-z0-9-]/g, '_');
/** `referral-<id>-receipt` -> `referral-receipt`: what a log may say about a key. */
export const keyKind = (entryKey: string) => `${entryKey.split('-')[0]}${entryKey.endsWith('-receipt') ? '-receipt' : ''}`.replace(/[^a-z-]/g, '') || 'unknown';

function parseEntry(raw: string): SealedEntry | null {
  try {
    const entry = JSON.parse(raw) as SealedEntry;
    return entry && entry.v === 1 && Number.isFinite(entry.createdAt) && typeof entry.iv === 'string' && typeof entry.data === 'string' ? entry : null;
  } catch {
    return null;
  }
}

export function createOutbox(store: BlobLike, keyBase64: string, clock: () => number = Date.now): Outbox {
  const key = importKey(keyBase64);
  return {
    async put(mail) {
      const entryKey = entryKeyOf(mail.idempotencyKey);
      const existing = await store.get(entryKey, { type: 'text' });
      const createdAt = (existing && parseEntry(existing)?.createdAt) || clock();
      await store.set(entryKey, JSON.stringify(await seal(await key, entryKey, mail, createdAt)));
    },
    async retry(mailer, now = clock()) {
      const tally: RetryTally = { delivered: 0, waiting: 0, expired: 0, skipped: 0, failed: [], skippedKinds: [] };
      const { blobs } = await store.list();
      for (const { key: entryKey } of blobs) {
        try {
          const raw = await store.get(entryKey, { type: 'text' });
          if (raw === null) continue;
          const entry = parseEntry(raw);
          if (entry && now - entry.createdAt > MAX_AGE_MS) {
            await store.delete(entryKey);
            tally.expired++;
            continue;
          }
          const mail = entry ? await open(await key, entryKey, entry).catch(() => null) : null;
          if (!mail) {
            // Kept, not deleted: with the right key (after a rotation) it may still open.
            tally.skipped++;
            tally.skippedKinds.push(keyKind(entryKey));
            continue;
          }
          const result = await sendSafely(mailer, mail);
          // A conflict: this key was already used for another payload, so a mail under it was
          // accepted (a resubmit, new ciphertext when the centre has a key). Sending again
          // could only answer the same; keeping the entry would try it every run for 7 days.
          if (result.ok || result.kind === 'conflict') {
            await store.delete(entryKey);
            tally.delivered++;
          } else {
            tally.waiting++;
            tally.failed.push(result.kind);
          }
        } catch {
          // The store itself failed for this entry: count it and go on with the next.
          tally.skipped++;
          tally.skippedKinds.push(keyKind(entryKey));
        }
      }
      return tally;
    },
  };
}
