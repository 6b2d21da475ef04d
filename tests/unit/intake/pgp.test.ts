import { decrypt, generateKey, readMessage, readPrivateKey, type PrivateKey } from 'openpgp';
import { beforeAll, describe, expect, it } from 'vitest';
import { directory } from '../../../src/lib/intake/directory';
import { encryptCentreMail } from '../../../src/lib/intake/delivery/encrypted-mail';
import { PAD_BLOCK_BYTES, padToBlock } from '../../../src/lib/intake/delivery/pgp';
import { submissionExport } from '../../../src/lib/intake/forms/export';
import { renderReferralMail } from '../../../src/lib/intake/render/mail';
import { publishedValidator } from '../../helpers/submission-schema';

// Made-up values only; each is distinctive so that a leak is found by a plain search.
const typed = { name: 'Pgpmarker Verwijzer', question: 'Pgpmarker-vraag-5521 over het gezin', adult: 'Pgpmarker Volwassene', police: 'PG.11.P5.550055/2026' };
const referral = (question = typed.question) => ({
  referrer: { name: typed.name, organisation: 'PZ Test', sector: 'politie', phone: '053 00 00 00', email: 'pgpmarker@politie-test.be' },
  municipality: 'Aalst', offer: 'casusoverleg', adults: [{ role: 'slachtoffer', name: typed.adult }], violence: ['partner'],
  policeReport: typed.police, question, familyInformed: 'ja', legalBasis: 'ja',
});
const centre = directory.centres.find((c) => c.id === 'oost-vlaanderen')!;
const reference = 'OVL-7K3M-9QXP';

function prepare(data = referral()) {
  const mail = renderReferralMail(data, { centre, reference, municipalityName: 'Aalst', overridden: false });
  const exported = submissionExport({ kind: 'referral', data, reference, centre, municipalityName: 'Aalst', overridden: false, submittedAt: new Date('2026-12-02T12:00:00Z') });
  return { mail, exported };
}

let publicKey: string;
let privateKey: PrivateKey;
beforeAll(async () => {
  const pair = await generateKey({ userIDs: [{ name: 'Testcentrum', email: 'sleutel@centrum.invalid' }], format: 'armored' });
  publicKey = pair.publicKey;
  privateKey = await readPrivateKey({ armoredKey: pair.privateKey });
});

const decryptArmored = async (armoredMessage: string) =>
  (await decrypt({ message: await readMessage({ armoredMessage }), decryptionKeys: privateKey, format: 'binary' })).data as Uint8Array;
const decryptBase64 = async (content: string) =>
  (await decrypt({ message: await readMessage({ binaryMessage: new Uint8Array(Buffer.from(content, 'base64')) }), decryptionKeys: privateKey, format: 'binary' })).data as Uint8Array;
const utf8 = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('padding', () => {
  it('fills to the next multiple of the block with spaces, and gives an empty plaintext one block', () => {
    expect(padToBlock(new Uint8Array(0)).length).toBe(PAD_BLOCK_BYTES);
    expect(padToBlock(new Uint8Array(PAD_BLOCK_BYTES)).length).toBe(PAD_BLOCK_BYTES);
    const padded = padToBlock(new TextEncoder().encode('abc'), 8);
    expect(utf8(padded)).toBe('abc     ');
    expect(padToBlock(new Uint8Array(9), 8).length).toBe(16);
  });
});

describe('the encrypted centre mail', () => {
  it('holds the whole text mail as one armored message and the validated submission as <reference>.json.pgp', async () => {
    const { mail, exported } = prepare();
    const out = await encryptCentreMail(mail, exported, publicKey);
    expect(out.text.startsWith('-----BEGIN PGP MESSAGE-----\n')).toBe(true);
    expect(out.text.trimEnd().endsWith('-----END PGP MESSAGE-----')).toBe(true);
    expect(out.text.match(/BEGIN PGP MESSAGE/g)).toHaveLength(1);

    const text = await decryptArmored(out.text);
    expect(text.length % PAD_BLOCK_BYTES).toBe(0);
    expect(utf8(text).trimEnd()).toBe(mail.text.trimEnd());

    expect(out.attachments.map((a) => a.filename)).toEqual([`${reference}.json.pgp`]);
    const json = await decryptBase64(out.attachments[0].content);
    expect(json.length % PAD_BLOCK_BYTES).toBe(0);
    const parsed = JSON.parse(utf8(json));
    expect(parsed).toEqual(JSON.parse(JSON.stringify(exported)));
    const validate = publishedValidator();
    expect(validate(parsed), JSON.stringify(validate.errors)).toBe(true);
    expect(parsed.data.question).toBe(typed.question);
  });

  it('keeps the subject and puts no typed value in the subject, the HTML part or the ciphertext', async () => {
    const { mail, exported } = prepare();
    const out = await encryptCentreMail(mail, exported, publicKey);
    expect(out.subject).toBe(mail.subject);
    expect(out.html).toContain(`${reference}.json.pgp`);
    const visible = [out.subject, out.text, out.html, ...out.attachments.map((a) => a.filename + a.content), Buffer.from(out.attachments[0].content, 'base64').toString('latin1')].join('\n');
    for (const value of [...Object.values(typed), 'Aalst', 'pgpmarker@politie-test.be']) expect(visible).not.toContain(value);
  });

  it('does not reveal how much was typed: a short and a long question give messages of the same size', async () => {
    const short = prepare(referral('Kort.'));
    const long = prepare(referral('Lang verhaal. '.repeat(150)));
    const [a, b] = await Promise.all([encryptCentreMail(short.mail, short.exported, publicKey), encryptCentreMail(long.mail, long.exported, publicKey)]);
    expect(long.mail.text.length - short.mail.text.length).toBeGreaterThan(2000);
    expect(a.text.length).toBe(b.text.length);
    expect(a.attachments[0].content.length).toBe(b.attachments[0].content.length);
  });

  it('encrypts to an RSA key as well (what Gpg4win makes by default on older installs)', async () => {
    const rsa = await generateKey({ type: 'rsa', rsaBits: 2048, userIDs: [{ email: 'rsa@centrum.invalid' }], format: 'armored' });
    const { mail, exported } = prepare();
    const out = await encryptCentreMail(mail, exported, rsa.publicKey);
    const key = await readPrivateKey({ armoredKey: rsa.privateKey });
    const plain = await decrypt({ message: await readMessage({ armoredMessage: out.text }), decryptionKeys: key });
    expect(String(plain.data).trimEnd()).toBe(mail.text.trimEnd());
  });

  it('refuses a key that cannot encrypt instead of sending plain text', async () => {
    const signOnly = await generateKey({ userIDs: [{ email: 'alleen-tekenen@centrum.invalid' }], subkeys: [{ sign: true }], format: 'armored' });
    const { mail, exported } = prepare();
    await expect(encryptCentreMail(mail, exported, signOnly.publicKey)).rejects.toThrow();
  });
});
