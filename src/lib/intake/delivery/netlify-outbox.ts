import { getStore } from '@netlify/blobs';
import { createOutbox, type BlobLike, type Outbox } from './outbox';

/**
 * The outbox adapter: the only module that imports `@netlify/blobs`. The store name
 * carries the deploy context (see env.ts), so a preview's entries never reach the
 * production run. Emulated by `astro dev`, a BlobsServer in tests.
 */
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
