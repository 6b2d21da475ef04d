import { createOutbox, type BlobLike, type Outbox } from './outbox';

/**
 * The outbox adapter: the only module that imports `@netlify/blobs`. The store name
 * carries the deploy context (see env.ts), so a preview's entries never reach the
 * production run. Emulated by `astro dev`, a BlobsServer in tests.
 */
export function netlifyOutbox(storeName: string, keyBase64: string): Outbox {
  // Loaded on first use: most requests never touch the outbox.
  let store: Promise<BlobLike> | undefined;
  const lazy = () => (store ??= import('@netlify/blobs').then(({ getStore }) => getStore({ name: storeName }) as unknown as BlobLike));
  return createOutbox({
    set: async (k, v) => (await lazy()).set(k, v),
    get: async (k, o) => (await lazy()).get(k, o),
    delete: async (k) => (await lazy()).delete(k),
    list: async () => (await lazy()).list(),
  }, keyBase64);
}
