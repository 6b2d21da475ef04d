import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { memoryStore, type KeyValueStore } from '../../../src/lib/intake/delivery/store';
import { CLIENT_WINDOW_MS, createGuard, DELIVERED_KEEP_MS } from '../../../src/lib/intake/guard/flood';

const limits = { clientLimit: 10, clientLimitNoProof: 4, centreMailsPerHour: 20 };
const secret = 'a-reference-secret-of-at-least-32-chars';
const NOW = Date.UTC(2026, 11, 7, 3, 0, 0);
const DAY = 24 * 60 * 60 * 1000;

/**
 * A store that lists in key order (as Blobs does: hash order for `delivered/<sha>`, which no
 * one controls) and records every call, so a test can see what one sweep run touched.
 */
function recordingStore() {
  const inner = memoryStore();
  const calls: Array<{ op: string; key: string }> = [];
  const store: KeyValueStore = {
    get: async (k, o) => { calls.push({ op: 'get', key: k }); return inner.get(k, o); },
    set: async (k, v) => { calls.push({ op: 'set', key: k }); return inner.set(k, v); },
    delete: async (k) => { calls.push({ op: 'delete', key: k }); return inner.delete(k); },
    list: async (o) => {
      calls.push({ op: o?.directories ? 'list-directories' : 'list', key: o?.prefix ?? '' });
      const found = await inner.list(o);
      return { ...found, blobs: [...found.blobs].sort((a, b) => (a.key < b.key ? -1 : 1)) };
    },
    getEntry: async (k) => { calls.push({ op: 'getEntry', key: k }); return inner.getEntry(k); },
    setIf: async (k, v, e) => { calls.push({ op: 'setIf', key: k }); return inner.setIf(k, v, e); },
  };
  return { store, calls, map: inner.map };
}

describe('the guard\'s sweep under a backlog (issue 19 follow-up: state an attacker can fill)', () => {
  it('removes expired delivered records first and stops at the first unexpired one, however many fresh records a flood left', async () => {
    const { store, calls } = recordingStore();
    const guard = createGuard(store, limits, secret);
    // Nine days ago: five mails delivered. Today: a flood left 400 fresh records.
    for (let i = 0; i < 5; i++) await guard.markDelivered(`referral:centre:old-${i}`, 'p', NOW - 9 * DAY + i * 60_000);
    for (let i = 0; i < 400; i++) await guard.markDelivered(`referral:centre:flood-${i}`, 'p', NOW - 60_000 + i);
    calls.length = 0;

    // A run with room for only a few store calls (the clock counts calls).
    const removed = await guard.sweep(NOW, 40, () => calls.length);

    expect(removed).toBeGreaterThanOrEqual(5);
    for (let i = 0; i < 5; i++) expect(await guard.delivered(`referral:centre:old-${i}`)).toBeNull();
    for (const i of [0, 199, 399]) expect(await guard.delivered(`referral:centre:flood-${i}`)).toBe('p');
    // Bounded: the only records read are the expired ones, and no list held the fresh backlog.
    const sweepCalls = calls.slice(0, calls.length - 8);
    const old = Array.from({ length: 5 }, (_, i) => `delivered/${createHash('sha256').update(`referral:centre:old-${i}`).digest('hex')}`);
    expect(sweepCalls.filter((c) => c.op === 'get').map((c) => c.key).sort()).toEqual(old.sort());
    expect(sweepCalls.filter((c) => c.op === 'list' && c.key === 'delivered/')).toEqual([]);
    expect(sweepCalls.length).toBeLessThanOrEqual(40);
  });

  it('a record lives its full keep time: a record one minute short of it stays', async () => {
    const { store } = recordingStore();
    const guard = createGuard(store, limits, secret);
    await guard.markDelivered('referral:centre:almost', 'p', NOW - DELIVERED_KEEP_MS + 60_000);
    await guard.markDelivered('referral:centre:gone', 'p', NOW - DELIVERED_KEEP_MS - 2 * 60 * 60 * 1000);
    await guard.sweep(NOW, Number.POSITIVE_INFINITY);
    expect(await guard.delivered('referral:centre:almost')).toBe('p');
    expect(await guard.delivered('referral:centre:gone')).toBeNull();
  });

  it('a key delivered again later keeps its newer record when the old hour is swept', async () => {
    const { store, map } = recordingStore();
    const guard = createGuard(store, limits, secret);
    await guard.markDelivered('referral:centre:twice', 'old', NOW - 9 * DAY);
    await guard.markDelivered('referral:centre:twice', 'new', NOW - DAY);
    await guard.sweep(NOW, Number.POSITIVE_INFINITY);
    expect(await guard.delivered('referral:centre:twice')).toBe('new');
    // The old hour's index entry is gone; the newer one stays for its own sweep.
    expect([...map.keys()].filter((k) => k.startsWith('delivered-at/'))).toHaveLength(1);
  });

  it('past client windows are swept oldest first without listing the current window, where a flood of addresses sits', async () => {
    const { store, calls, map } = recordingStore();
    const guard = createGuard(store, limits, secret);
    for (let i = 0; i < 3; i++) await guard.admitClient(`192.0.2.${i}`, false, NOW - 3 * CLIENT_WINDOW_MS);
    for (let i = 0; i < 300; i++) await guard.admitClient(`198.51.${Math.floor(i / 250)}.${i % 250}`, false, NOW);
    calls.length = 0;
    await guard.sweep(NOW, 30, () => calls.length);
    const clientKeys = [...map.keys()].filter((k) => k.startsWith('client/'));
    expect(clientKeys).toHaveLength(300);
    // No list of every client key (300 in the current window): only the past windows are opened.
    expect(calls.filter((c) => c.op === 'list' && c.key === 'client/')).toHaveLength(0);
  });
});

describe('the per-client limit, as an attacker with many addresses meets it', () => {
  it('counts an IPv6 /64 (what one line or machine gets) as one client, not each of its 2^64 addresses', async () => {
    const guard = createGuard(memoryStore(), limits, secret);
    const answers = [];
    // One home line or cloud machine: a new address of the same /64 for every post.
    for (let i = 1; i <= 6; i++) answers.push(await guard.admitClient(`2001:db8:aa:bb:${i.toString(16)}::${i}`, false, NOW));
    expect(answers).toEqual([true, true, true, true, false, false]);
    // Another /64 is another client; IPv4 addresses stay one client each.
    expect(await guard.admitClient('2001:db8:aa:bc::1', false, NOW)).toBe(true);
    expect(await guard.admitClient('192.0.2.1', false, NOW)).toBe(true);
    expect(await guard.admitClient('192.0.2.2', false, NOW)).toBe(true);
  });

  it('reads every way of writing the same address the same: zeros, case, an IPv4-mapped IPv6 address', async () => {
    const guard = createGuard(memoryStore(), limits, secret);
    const forms = ['2001:DB8:0:0:1::1', '2001:db8::1:0:0:2', '2001:0db8:0000:0000:ffff::3', '2001:db8:0:0::4'];
    for (const form of forms) expect(await guard.admitClient(form, false, NOW)).toBe(true);
    expect(await guard.admitClient('2001:db8::5', false, NOW)).toBe(false);
    const v4 = createGuard(memoryStore(), limits, secret);
    for (let i = 0; i < 4; i++) expect(await v4.admitClient(i % 2 ? '::ffff:192.0.2.9' : '192.0.2.9', false, NOW)).toBe(true);
    expect(await v4.admitClient('::ffff:c000:209', false, NOW)).toBe(false);
  });
});
