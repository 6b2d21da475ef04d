import { createOutbox, type Outbox } from './outbox';
import type { KeyValueStore } from './store';

/**
 * The Netlify Blobs adapter: the only module that imports `@netlify/blobs`. Production uses
 * site-wide stores whose names end in `-production`; every other context uses stores scoped
 * to its own deploy (`getDeployStore`), so a preview's code path never opens production's
 * outbox or counters (see env.ts and docs/flood-defence.md). Reads are strong: a counter
 * must see the last write of another instance. Emulated by `astro dev`, a BlobsServer in tests.
 */
export function netlifyStore(name: string, deployId: string | null): KeyValueStore {
  // Loaded on first use: a 422 or a refused origin never touches a store.
  type Store = import('@netlify/blobs').Store;
  let store: Promise<Store> | undefined;
  const lazy = () => (store ??= import('@netlify/blobs').then(({ getDeployStore, getStore }) =>
    deployId ? getDeployStore({ name, deployID: deployId, consistency: 'strong' }) : getStore({ name, consistency: 'strong' })));
  return {
    get: async (k, o) => (await lazy()).get(k, o),
    set: async (k, v) => (await lazy()).set(k, v),
    delete: async (k) => (await lazy()).delete(k),
    list: async (o) => (await lazy()).list(o?.prefix ? { prefix: o.prefix } : {}),
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
