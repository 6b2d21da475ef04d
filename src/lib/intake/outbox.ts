import { getStore } from '@netlify/blobs';
import type { Mailer, OutgoingMail } from './mailer';

/**
 * The durable outbox: a mail that could not be delivered now waits here, encrypted with
 * AES-GCM under OUTBOX_KEY, until the scheduled retry delivers it. The only module that
 * imports `@netlify/blobs`. Keys are idempotency keys, so a resubmit overwrites its own
 * entry instead of adding a second one.
 */
export const MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;

/** What the outbox needs of a blob store (a Netlify Blobs store, or a map in unit tests). */
export interface BlobLike {
  set(key: string, value: string, options?: { metadata?: Record<string, unknown> }): Promise<unknown>;
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

export interface Outbox {
  put(mail: OutgoingMail): Promise<void>;
  remove(idempotencyKey: string): Promise<void>;
  /** Tries every entry once: delivered ones and ones older than 7 days are deleted. */
  retry(mailer: Mailer, now?: number): Promise<{ delivered: number; waiting: number; expired: number; failed: string[] }>;
}

const entryKeyOf = (idempotencyKey: string) => idempotencyKey.replace(/[^A-Za-z0-9-]/g, '_');

export function createOutbox(store: BlobLike, keyBase64: string, clock: () => number = Date.now): Outbox {
  const key = importKey(keyBase64);
  return {
    async put(mail) {
      const entryKey = entryKeyOf(mail.idempotencyKey);
      const existing = await store.get(entryKey, { type: 'text' });
      const createdAt = existing ? (JSON.parse(existing) as SealedEntry).createdAt : clock();
      await store.set(entryKey, JSON.stringify(await seal(await key, entryKey, mail, createdAt)));
    },
    async remove(idempotencyKey) {
      await store.delete(entryKeyOf(idempotencyKey));
    },
    async retry(mailer, now = clock()) {
      const tally = { delivered: 0, waiting: 0, expired: 0, failed: [] as string[] };
      const { blobs } = await store.list();
      for (const { key: entryKey } of blobs) {
        const raw = await store.get(entryKey, { type: 'text' });
        if (raw === null) continue;
        const entry = JSON.parse(raw) as SealedEntry;
        if (now - entry.createdAt > MAX_AGE_MS) {
          await store.delete(entryKey);
          tally.expired++;
          continue;
        }
        const result = await mailer.send(await open(await key, entryKey, entry));
        if (result.ok) {
          await store.delete(entryKey);
          tally.delivered++;
        } else {
          tally.waiting++;
          tally.failed.push(result.kind);
        }
      }
      return tally;
    },
  };
}

/** The Netlify Blobs store of the site (emulated by `astro dev`, BlobsServer in tests). */
export function netlifyOutbox(storeName: string, keyBase64: string): Outbox {
  let store: BlobLike | undefined;
  const lazy = (): BlobLike => (store ??= getStore({ name: storeName }) as unknown as BlobLike);
  return createOutbox({
    set: (k, v) => lazy().set(k, v),
    get: (k, o) => lazy().get(k, o),
    delete: (k) => lazy().delete(k),
    list: () => lazy().list(),
  }, keyBase64);
}
