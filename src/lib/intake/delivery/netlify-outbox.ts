import { createOutbox, type Outbox } from './outbox';
import type { KeyValueStore } from './store';

/**
 * The Netlify Blobs adapter: the only module that imports `@netlify/blobs`. Production uses
 * site-wide stores whose names end in `-production`; every other context uses stores scoped
 * to its own deploy (`getDeployStore`), so a preview's code path never opens production's
 * outbox or counters (see env.ts and docs/flood-defence.md). Reads are strong: a counter
 * must see the last write of another instance. Emulated by `astro dev`, a BlobsServer in tests.
 */
/**
 * One Blobs call may take this long: a store that hangs must not hold a referrer, nor carry
 * the retry run past the platform's 30 s. A late call is an error like a refused one.
 */
export const BLOBS_CALL_TIMEOUT_MS = 2_000;

export function netlifyStore(name: string, deployId: string | null): KeyValueStore {
  // Loaded on first use: a 422 or a refused origin never touches a store.
  type Store = import('@netlify/blobs').Store;
  let store: Promise<Store> | undefined;
  const open = () => (store ??= import('@netlify/blobs').then(({ getDeployStore, getStore }) =>
    deployId ? getDeployStore({ name, deployID: deployId, consistency: 'strong' }) : getStore({ name, consistency: 'strong' })));
  const bounded = <T>(call: Promise<T>): Promise<T> => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error('blobs_timeout')), BLOBS_CALL_TIMEOUT_MS); });
    return Promise.race([call, late]).finally(() => clearTimeout(timer));
  };
  // Every method of the store, bounded in time: wrapped once, on first use, like the store itself.
  let wrapped: Promise<Store> | undefined;
  const lazy = () => (wrapped ??= open().then((s) => new Proxy(s, {
    get: (target, prop) => {
      const value = Reflect.get(target, prop, target) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => bounded((value as (...a: unknown[]) => Promise<unknown>).apply(target, args));
    },
  })));
  return {
    get: async (k, o) => (await lazy()).get(k, o),
    set: async (k, v) => (await lazy()).set(k, v),
    delete: async (k) => (await lazy()).delete(k),
    list: async (o) => (await lazy()).list({ ...(o?.prefix ? { prefix: o.prefix } : {}), ...(o?.directories ? { directories: true } : {}) }),
    // Each page is its own call, bounded like every other: a large store is read a page at a time.
    async *listPages(o) {
      const pages = (await open()).list({ ...(o?.prefix ? { prefix: o.prefix } : {}), paginate: true })[Symbol.asyncIterator]();
      for (;;) {
        const page = await bounded(pages.next());
        if (page.done) return;
        yield { blobs: page.value.blobs };
      }
    },
    async getEntry(k) {
      const found = await (await lazy()).getWithMetadata(k, { type: 'text' });
      return found ? { text: found.data, etag: found.etag ?? '' } : null;
    },
    async setIf(k, v, etag) {
      const result = await (await lazy()).set(k, v, etag === null ? { onlyIfNew: true } : { onlyIfMatch: etag });
      return result.modified;
    },
  };
}

export function netlifyOutbox(storeName: string, keyBase64: string, deployId: string | null = null): Outbox {
  return createOutbox(netlifyStore(storeName, deployId), keyBase64);
}
