import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { generateKey } from 'openpgp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCentreKey, checkCentreKeys } from '../../scripts/lib/centre-keys.mjs';

// Every key is made here, at test time: no private key is ever committed, and the
// expired one is made with a creation date in the past instead of waiting for it.
const DAY = 24 * 60 * 60;
const now = new Date();
const user = [{ name: 'Testcentrum', email: 'sleutel@centrum.invalid' }];
const keys = {} as Record<'valid' | 'expired' | 'soon' | 'signOnly' | 'private', string>;
let dir: string;

beforeAll(async () => {
  const [valid, expired, soon, signOnly] = await Promise.all([
    generateKey({ userIDs: user, keyExpirationTime: 3 * 365 * DAY, format: 'armored' }),
    generateKey({ userIDs: user, date: new Date(now.getTime() - 400 * DAY * 1000), keyExpirationTime: 365 * DAY, format: 'armored' }),
    generateKey({ userIDs: user, keyExpirationTime: 30 * DAY, format: 'armored' }),
    generateKey({ userIDs: user, subkeys: [{ sign: true }], format: 'armored' }),
  ]);
  Object.assign(keys, { valid: valid.publicKey, expired: expired.publicKey, soon: soon.publicKey, signOnly: signOnly.publicKey, private: valid.privateKey });
  dir = await mkdtemp(join(tmpdir(), 'centre-keys-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('the build check of a centre key', () => {
  it('accepts a usable public key and gives its fingerprint in groups of four', async () => {
    const verdict = await checkCentreKey('src/content/keys/leuven.asc', keys.valid, now);
    expect(verdict.problem).toBeUndefined();
    expect(verdict.warning).toBeUndefined();
    expect(verdict.fingerprint).toMatch(/^([0-9A-F]{4} ){9}[0-9A-F]{4}$/);
    expect(new Date(verdict.expires!).getTime()).toBeGreaterThan(now.getTime() + 2 * 365 * DAY * 1000);
  });

  it.each([
    ['expired', 'is verlopen op'],
    ['signOnly', 'kan niet versleuteld worden'],
    ['private', 'PRIVÉSLEUTEL'],
  ] as const)('refuses a %s key with a Dutch message that names the file', async (kind, words) => {
    const verdict = await checkCentreKey('src/content/keys/leuven.asc', keys[kind], now);
    expect(verdict.problem).toContain('src/content/keys/leuven.asc: ');
    expect(verdict.problem).toContain(words);
  });

  it('refuses a file that is no key at all', async () => {
    const verdict = await checkCentreKey('src/content/keys/leuven.asc', 'Hier is onze sleutel: zie bijlage\n', now);
    expect(verdict.problem).toMatch(/^src\/content\/keys\/leuven\.asc: dit is geen leesbare OpenPGP-sleutel/);
  });

  it('warns, without failing, when the key stops encrypting within 60 days', async () => {
    const verdict = await checkCentreKey('src/content/keys/leuven.asc', keys.soon, now);
    expect(verdict.problem).toBeUndefined();
    expect(verdict.warning).toMatch(/^src\/content\/keys\/leuven\.asc: de sleutel .* verloopt op \d+ \w+ \d{4}\./);
  });

  it('takes only files named after a known centre', async () => {
    await writeFile(join(dir, 'leuven.asc'), keys.valid);
    await writeFile(join(dir, 'leuvn.asc'), keys.valid);
    const result = await checkCentreKeys(dir, ['leuven', 'limburg'], now);
    expect(Object.keys(result.keys)).toEqual(['leuven']);
    expect(result.problems).toEqual([expect.stringContaining('src/content/keys/leuvn.asc: er is geen centrum met id "leuvn"')]);
  });
});

describe('the build (scripts/generate-directory.mjs, run by prebuild, prestart and pretest)', () => {
  const run = (keysDir: string) => promisify(execFile)(process.execPath, [resolve('scripts/generate-directory.mjs'), '--keys', keysDir, '--check']);

  it('fails on an expired key and says which file, in Dutch', async () => {
    const expiredDir = await mkdtemp(join(tmpdir(), 'centre-keys-expired-'));
    await writeFile(join(expiredDir, 'limburg.asc'), keys.expired);
    const failure = await run(expiredDir).then(() => null, (e: { code: number; stderr: string }) => e);
    await rm(expiredDir, { recursive: true, force: true });
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toContain('src/content/keys/limburg.asc: de sleutel');
    expect(failure?.stderr).toContain('is verlopen op');
  });

  it('passes with a usable key and warns about one that expires soon', async () => {
    const okDir = await mkdtemp(join(tmpdir(), 'centre-keys-ok-'));
    await writeFile(join(okDir, 'leuven.asc'), keys.valid);
    await writeFile(join(okDir, 'limburg.asc'), keys.soon);
    const { stdout, stderr } = await run(okDir);
    await rm(okDir, { recursive: true, force: true });
    expect(stdout).toContain('inhoud in orde (2 sleutels)');
    expect(stderr).toContain('WAARSCHUWING src/content/keys/limburg.asc: de sleutel');
  });
});
