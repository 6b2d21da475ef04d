/**
 * The key-value port behind the outbox and the flood guard: a Netlify Blobs store in
 * production (delivery/netlify-outbox.ts, the only module that imports @netlify/blobs), a
 * map in unit tests. `setIf` is a conditional write (Blobs' onlyIfNew / onlyIfMatch), so a
 * counter holds across function instances without a lost update.
 */
export interface KeyValueStore {
  get(key: string, options: { type: 'text' }): Promise<string | null>;
  set(key: string, value: string): Promise<unknown>;
  delete(key: string): Promise<unknown>;
  /**
   * Keys under `prefix`. With `directories`, only the keys directly under it, and each deeper
   * level once as a directory (`prefix` + its next path part, as Blobs answers), so a caller
   * can see which time buckets exist without listing what they hold.
   */
  list(options?: { prefix?: string; directories?: boolean }): Promise<{ blobs: Array<{ key: string }>; directories?: string[] }>;
  /**
   * The same keys a page at a time (Netlify Blobs: up to 1,000 a page, each page one call,
   * each bounded in time), for a caller that must not wait for every key of a large store.
   * Optional: without it a caller lists everything at once.
   */
  listPages?(options?: { prefix?: string }): AsyncIterable<{ blobs: Array<{ key: string }> }>;
  /** The value with its version tag, or null. */
  getEntry(key: string): Promise<{ text: string; etag: string } | null>;
  /** Writes only if the key is new (`etag: null`) or still at `etag`; false when another writer came first. */
  setIf(key: string, value: string, etag: string | null): Promise<boolean>;
}

/** An in-memory store with the same conditional writes, for unit tests and the bench. */
export function memoryStore(map = new Map<string, string>()): KeyValueStore & { map: Map<string, string> } {
  const versions = new Map<string, number>();
  let version = 0;
  const bump = (key: string) => versions.set(key, ++version);
  return {
    map,
    async get(key) { return map.get(key) ?? null; },
    async set(key, value) { map.set(key, value); bump(key); },
    async delete(key) { map.delete(key); versions.delete(key); },
    async list(options) {
      const prefix = options?.prefix ?? '';
      const keys = [...map.keys()].filter((k) => k.startsWith(prefix));
      if (!options?.directories) return { blobs: keys.map((key) => ({ key })) };
      const directories = new Set<string>();
      const blobs: Array<{ key: string }> = [];
      for (const key of keys) {
        const slash = key.indexOf('/', prefix.length);
        if (slash === -1) blobs.push({ key });
        else directories.add(key.slice(0, slash));
      }
      return { blobs, directories: [...directories] };
    },
    async getEntry(key) { return map.has(key) ? { text: map.get(key)!, etag: String(versions.get(key) ?? 0) } : null; },
    async setIf(key, value, etag) {
      const current = map.has(key) ? String(versions.get(key) ?? 0) : null;
      if (current !== etag) return false;
      map.set(key, value);
      bump(key);
      return true;
    },
  };
}
