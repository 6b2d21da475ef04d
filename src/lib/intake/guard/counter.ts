import type { KeyValueStore } from '../delivery/store';

/**
 * A counter that holds across function instances: read with its version tag, write back
 * only if nobody wrote in between (Blobs' conditional write), a few times at most. Under
 * heavy contention on one key (which only a flood makes) it answers "over the limit".
 */
const ATTEMPTS = 4;

export type Entry = { text: string; etag: string } | null;

/**
 * `first`: the key's value read earlier, beside another call (a read started before the write
 * is as good as one after: a counter only grows, and the conditional write refuses a stale one).
 */
export async function take(store: KeyValueStore, key: string, limit: number, first?: Promise<Entry>): Promise<{ allowed: boolean; count: number }> {
  for (let i = 0; i < ATTEMPTS; i++) {
    const current = i === 0 && first ? await first : await store.getEntry(key);
    const count = current ? Number((JSON.parse(current.text) as { n?: unknown }).n) || 0 : 0;
    if (count >= limit) return { allowed: false, count };
    if (await store.setIf(key, JSON.stringify({ n: count + 1 }), current ? current.etag : null)) return { allowed: true, count: count + 1 };
  }
  return { allowed: false, count: limit };
}

/** Adds to a JSON record under `key` with a conditional write; best effort (false when contended). */
export async function update<T>(store: KeyValueStore, key: string, change: (previous: T | null) => T): Promise<boolean> {
  for (let i = 0; i < ATTEMPTS; i++) {
    const current = await store.getEntry(key);
    let previous: T | null = null;
    try { previous = current ? (JSON.parse(current.text) as T) : null; } catch { previous = null; }
    if (await store.setIf(key, JSON.stringify(change(previous)), current ? current.etag : null)) return true;
  }
  return false;
}
