import { execFile } from 'node:child_process';
import { cpSync, existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { armor, enums, generateKey, PacketList, readKey, readKeys, readPrivateKey, unarmor } from 'openpgp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCentreKey, checkCentreKeys, groupFingerprint } from '../../scripts/lib/centre-keys.mjs';
import { centreSchema } from '../../src/schemas/centre';

// Every key is made here, at test time: no private key is ever committed, and the
// expired one is made with a creation date in the past instead of waiting for it.
const DAY = 24 * 60 * 60;
const now = new Date();
const user = [{ name: 'Testcentrum', email: 'sleutel@centrum.invalid' }];
const keys = {} as Record<'valid' | 'expired' | 'soon' | 'signOnly' | 'private' | 'other', string>;
/** Fingerprints as the centre reads them on the phone, per key above. */
const prints = {} as Record<keyof typeof keys, string>;
let dir: string;

const fingerprintOf = async (armored: string) => groupFingerprint((await readKey({ armoredKey: armored })).getFingerprint());
/** What a file holds after a careless export: the public key, then the secret-key backup. */
const publicThenPrivate = () => `${keys.valid}\n${keys.private}`;

beforeAll(async () => {
  // Made a minute before `now`: on a loaded machine a key made "now" can be seconds younger
  // than the moment the check uses, and a key is not valid before its creation time.
  const made = new Date(now.getTime() - 60_000);
  const [valid, expired, soon, signOnly, other] = await Promise.all([
    generateKey({ userIDs: user, date: made, keyExpirationTime: 3 * 365 * DAY, format: 'armored' }),
    generateKey({ userIDs: user, date: new Date(now.getTime() - 400 * DAY * 1000), keyExpirationTime: 365 * DAY, format: 'armored' }),
    generateKey({ userIDs: user, date: made, keyExpirationTime: 30 * DAY, format: 'armored' }),
    generateKey({ userIDs: user, date: made, subkeys: [{ sign: true }], format: 'armored' }),
    generateKey({ userIDs: [{ name: 'Ander centrum', email: 'ander@centrum.invalid' }], date: made, keyExpirationTime: 3 * 365 * DAY, format: 'armored' }),
  ]);
  Object.assign(keys, { valid: valid.publicKey, expired: expired.publicKey, soon: soon.publicKey, signOnly: signOnly.publicKey, private: valid.privateKey, other: other.publicKey });
  for (const kind of ['valid', 'expired', 'soon', 'signOnly', 'other'] as const) prints[kind] = await fingerprintOf(keys[kind]);
  prints.private = prints.valid;
  dir = await mkdtemp(join(tmpdir(), 'centre-keys-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** True when any armored block in `text` holds a secret-key packet (tag 5 or 7), whatever its label says. */
async function holdsSecretPackets(text: string): Promise<boolean> {
  for (const block of text.match(/-----BEGIN PGP [A-Z ]+-----[\s\S]*?-----END PGP [A-Z ]+-----/g) ?? []) {
    const keysInBlock = await readKeys({ armoredKeys: block.replace(/PRIVATE KEY BLOCK/g, 'PUBLIC KEY BLOCK') }).catch(() => null);
    if (!keysInBlock || keysInBlock.some((k) => k.isPrivate())) return true;
    const { data } = await unarmor(block);
    if (!(data instanceof Uint8Array) || data.length === 0) return true;
  }
  return /PRIVATE KEY/.test(text);
}

describe('the build check of a centre key', () => {
  const check = (armored: string, expected: string | null = prints.valid) => checkCentreKey('src/content/keys/leuven.asc', armored, now, expected);

  it('accepts a usable public key and gives its fingerprint in groups of four', async () => {
    const verdict = await check(keys.valid);
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
    const verdict = await check(keys[kind], prints[kind]);
    expect(verdict.problem).toContain('src/content/keys/leuven.asc: ');
    expect(verdict.problem).toContain(words);
  });

  it('refuses a file with the public key followed by the private key (a backup saved in the same file)', async () => {
    const verdict = await check(publicThenPrivate());
    expect(verdict.problem).toMatch(/^src\/content\/keys\/leuven\.asc: .*PRIVÉSLEUTEL/);
    expect(verdict.armored).toBeUndefined();
  });

  it('refuses secret key packets under a public label', async () => {
    const relabeled = keys.private.replace(/PRIVATE KEY BLOCK/g, 'PUBLIC KEY BLOCK');
    const verdict = await check(`${keys.valid}\n${relabeled}`);
    expect(verdict.problem).toMatch(/^src\/content\/keys\/leuven\.asc: .*PRIVÉSLEUTEL/);
    expect((await check(relabeled)).problem).toMatch(/PRIVÉSLEUTEL/);
  });

  it('refuses a public key block that carries a secret subkey packet', async () => {
    // The public packets of the key, then the secret encryption subkey: one block, labelled public.
    const publicPackets = (await readKey({ armoredKey: keys.valid })).toPacketList();
    const secretSubkey = (await readPrivateKey({ armoredKey: keys.private })).subkeys[0].keyPacket;
    const mixed = new PacketList();
    mixed.push(...publicPackets, secretSubkey);
    const verdict = await check(armor(enums.armor.publicKey, mixed.write()));
    expect(verdict.problem).toMatch(/^src\/content\/keys\/leuven\.asc: .*PRIVÉSLEUTEL/);
  });

  it('refuses a second public key in the same file', async () => {
    const verdict = await check(`${keys.valid}\n${keys.other}`);
    expect(verdict.problem).toContain('src/content/keys/leuven.asc: het bestand bevat 2 sleutels');
  });

  it('refuses a key whose fingerprint is not the one the centre confirmed (another centre\'s key)', async () => {
    const verdict = await check(keys.other, prints.valid);
    expect(verdict.problem).toContain('src/content/keys/leuven.asc: de vingerafdruk');
    expect(verdict.problem).toContain(prints.other);
    expect(verdict.problem).toContain(prints.valid);
  });

  it('refuses a key while the centre has no confirmed fingerprint', async () => {
    const verdict = await check(keys.valid, null);
    expect(verdict.problem).toContain('src/content/keys/leuven.asc: ');
    expect(verdict.problem).toContain('keyFingerprint');
  });

  it('accepts the confirmed fingerprint however it was typed (spaces, lower case)', async () => {
    const verdict = await check(keys.valid, prints.valid.replace(/ /g, '').toLowerCase());
    expect(verdict.problem).toBeUndefined();
  });

  it('keeps only the public key itself, nothing else the file held', async () => {
    const verdict = await check(`Hier is onze sleutel.\n${keys.valid}\nMet vriendelijke groet\n`);
    expect(verdict.problem).toBeUndefined();
    expect(verdict.armored).toMatch(/^-----BEGIN PGP PUBLIC KEY BLOCK-----\n/);
    expect(verdict.armored).not.toContain('groet');
    expect(await holdsSecretPackets(verdict.armored!)).toBe(false);
  });

  it('refuses a file that is no key at all', async () => {
    const verdict = await check('Hier is onze sleutel: zie bijlage\n');
    expect(verdict.problem).toMatch(/^src\/content\/keys\/leuven\.asc: dit is geen leesbare OpenPGP-sleutel/);
  });

  it('warns, without failing, when the key stops encrypting within 60 days', async () => {
    const verdict = await check(keys.soon, prints.soon);
    expect(verdict.problem).toBeUndefined();
    expect(verdict.warning).toMatch(/^src\/content\/keys\/leuven\.asc: de sleutel .* verloopt op \d+ \w+ \d{4}\./);
  });

  it('takes only files named after a known centre, each bound to that centre\'s fingerprint', async () => {
    await writeFile(join(dir, 'leuven.asc'), keys.valid);
    await writeFile(join(dir, 'leuvn.asc'), keys.valid);
    await writeFile(join(dir, 'limburg.asc'), keys.valid);
    const result = await checkCentreKeys(dir, { leuven: prints.valid, limburg: prints.other }, now);
    expect(Object.keys(result.keys)).toEqual(['leuven']);
    expect(result.problems).toEqual([
      expect.stringContaining('src/content/keys/leuvn.asc: er is geen centrum met id "leuvn"'),
      expect.stringContaining('src/content/keys/limburg.asc: de vingerafdruk'),
    ]);
  });
});

describe('the build (scripts/generate-directory.mjs, run by prebuild, prestart and pretest)', () => {
  /** A copy of the centres with confirmed fingerprints, so the script checks keys as it does for real content. */
  async function centresWith(fingerprints: Record<string, string>): Promise<string> {
    const copy = await mkdtemp(join(tmpdir(), 'centre-keys-centres-'));
    cpSync(resolve('src/content/centres'), copy, { recursive: true });
    for (const [id, fingerprint] of Object.entries(fingerprints)) {
      const file = join(copy, `${id}.mdx`);
      await writeFile(file, (await readFile(file, 'utf8')).replace(/^---\n/, `---\nkeyFingerprint: "${fingerprint}"\n`));
    }
    return copy;
  }
  const run = (keysDir: string, centresDir: string, extra: string[] = ['--check']) =>
    promisify(execFile)(process.execPath, [resolve('scripts/generate-directory.mjs'), '--keys', keysDir, '--centres', centresDir, ...extra]);
  const failureOf = (p: Promise<unknown>) => p.then(() => null, (e: { code: number; stderr: string }) => e);

  it('fails on an expired key and says which file, in Dutch', async () => {
    const expiredDir = await mkdtemp(join(tmpdir(), 'centre-keys-expired-'));
    await writeFile(join(expiredDir, 'limburg.asc'), keys.expired);
    const centres = await centresWith({ limburg: prints.expired });
    const failure = await failureOf(run(expiredDir, centres));
    await Promise.all([expiredDir, centres].map((d) => rm(d, { recursive: true, force: true })));
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toContain('src/content/keys/limburg.asc: de sleutel');
    expect(failure?.stderr).toContain('is verlopen op');
  });

  it('passes with a usable key and warns about one that expires soon', async () => {
    const okDir = await mkdtemp(join(tmpdir(), 'centre-keys-ok-'));
    await writeFile(join(okDir, 'leuven.asc'), keys.valid);
    await writeFile(join(okDir, 'limburg.asc'), keys.soon);
    const centres = await centresWith({ leuven: prints.valid, limburg: prints.soon });
    const { stdout, stderr } = await run(okDir, centres);
    await Promise.all([okDir, centres].map((d) => rm(d, { recursive: true, force: true })));
    expect(stdout).toContain('inhoud in orde (2 sleutels)');
    expect(stderr).toContain('WAARSCHUWING src/content/keys/limburg.asc: de sleutel');
  });

  it('writes no centre-keys.json at all when a key file also holds the private key', async () => {
    const keysDir = await mkdtemp(join(tmpdir(), 'centre-keys-secret-'));
    const out = await mkdtemp(join(tmpdir(), 'centre-keys-out-'));
    await writeFile(join(keysDir, 'leuven.asc'), publicThenPrivate());
    const centres = await centresWith({ leuven: prints.valid });
    const failure = await failureOf(run(keysDir, centres, ['--out', out]));
    const written = existsSync(join(out, 'centre-keys.json'));
    await Promise.all([keysDir, out, centres].map((d) => rm(d, { recursive: true, force: true })));
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toContain('src/content/keys/leuven.asc: ');
    expect(failure?.stderr).toContain('PRIVÉSLEUTEL');
    expect(written).toBe(false);
  });

  it('writes only public key material into centre-keys.json, whatever else the file held', async () => {
    const keysDir = await mkdtemp(join(tmpdir(), 'centre-keys-pub-'));
    const out = await mkdtemp(join(tmpdir(), 'centre-keys-out-'));
    await writeFile(join(keysDir, 'leuven.asc'), `Publieke sleutel van het centrum\n${keys.valid}\n`);
    const centres = await centresWith({ leuven: prints.valid });
    await run(keysDir, centres, ['--out', out]);
    const generated = await readFile(join(out, 'centre-keys.json'), 'utf8');
    await Promise.all([keysDir, out, centres].map((d) => rm(d, { recursive: true, force: true })));
    const parsed = JSON.parse(generated) as Record<string, { armored: string; fingerprint: string }>;
    expect(Object.keys(parsed)).toEqual(['leuven']);
    expect(parsed.leuven.fingerprint).toBe(prints.valid);
    expect(await holdsSecretPackets(parsed.leuven.armored)).toBe(false);
    expect(generated).not.toMatch(/PRIVATE|Publieke sleutel van/);
  });
});

describe('keyFingerprint in a centre\'s content', () => {
  const field = centreSchema.shape.keyFingerprint;

  it('takes the 40 characters as read on the phone, in groups of four or not', () => {
    expect(field.safeParse('0123 4567 89AB CDEF 0123 4567 89AB CDEF 0123 4567').success).toBe(true);
    expect(field.safeParse('0123456789abcdef0123456789abcdef01234567').success).toBe(true);
    expect(field.safeParse(undefined).success).toBe(true);
  });

  it('refuses a fingerprint that is too short or not hexadecimal, in Dutch', () => {
    for (const wrong of ['0123 4567 89AB CDEF 0123 4567 89AB CDEF 0123 456', '0123 4567 89AB CDEF 0123 4567 89AB CDEF 0123 456G']) {
      expect(field.safeParse(wrong).error?.issues[0].message).toMatch(/^Schrijf de vingerafdruk die het centrum aan de telefoon voorlas/);
    }
  });
});
