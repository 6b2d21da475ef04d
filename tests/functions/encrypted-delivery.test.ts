import { getStore } from '@netlify/blobs';
import { decrypt, generateKey, readMessage, readPrivateKey, type PrivateKey } from 'openpgp';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import advice from '../../netlify/functions/advice';
import outboxRetry from '../../netlify/functions/outbox-retry';
import referral from '../../netlify/functions/referral';
import { useCentreKeysForTests } from '../../src/lib/intake/delivery/centre-keys';
import { importKey, open, type SealedEntry } from '../../src/lib/intake/delivery/outbox';
import { PAD_BLOCK_BYTES } from '../../src/lib/intake/delivery/pgp';
import { REFERENCE_PATTERN } from '../../src/lib/intake/reference';
import { mailValue } from '../../src/lib/intake/render/text';
import { publishedValidator } from '../helpers/submission-schema';
import { MARKERS, newId, ORIGIN, post, startHarness, validAdvice, validReferral } from './support/harness';
import { netlifyContext } from './support/netlify-context';
import { directory, phoneFor } from '../../src/lib/intake/directory';

/**
 * Encrypted delivery as the platform runs it: the functions called as Netlify calls them,
 * the real Resend SDK against the fake Resend, the real Netlify Blobs server. The key pair
 * is made here (no private key is committed); the functions get only its public half, as
 * they would from src/content/keys/oost-vlaanderen.asc. Antwerpen has no key.
 */
let h: Awaited<ReturnType<typeof startHarness>>;
let privateKey: PrivateKey;
let restoreKeys: () => void;
const production = netlifyContext('production');
const OVL = 'ketenaanpakifg.ovl@vlaanderen.be';
const ANT = 'CO3@antwerpen.be';

beforeAll(async () => {
  h = await startHarness();
  const pair = await generateKey({ userIDs: [{ name: 'Testcentrum', email: 'sleutel@centrum.invalid' }], format: 'armored' });
  privateKey = await readPrivateKey({ armoredKey: pair.privateKey });
  restoreKeys = useCentreKeysForTests({ 'oost-vlaanderen': { armored: pair.publicKey, fingerprint: 'test', expires: null } });
});
afterEach(async () => {
  h.fake.reset('ok');
  h.blobsUp();
  await retry();
  h.fake.reset('ok');
});
afterAll(async () => {
  restoreKeys();
  await h.stop();
});

const retry = () => outboxRetry(new Request(`${ORIGIN}/.netlify/functions/outbox-retry`, { method: 'POST', body: JSON.stringify({ next_run: new Date().toISOString() }) }), production);
/** What the referrer typed (free text, not a choice from a list): none of it may travel readable. */
const TYPED = [...Object.values(MARKERS), 'PZ Aalst', '053 72 37 00'];
const typedIn = (text: string) => TYPED.filter((v) => text.toLowerCase().includes(v.toLowerCase()));
/** The raw requests (HTTP headers and body) that the fake Resend received for one mailbox. */
const requestsTo = (mailbox: string) => h.fake.raw.filter((r) => r.body && ([JSON.parse(r.body).to].flat() as string[]).includes(mailbox));

const plain = async (message: Awaited<ReturnType<typeof readMessage>>) =>
  new TextDecoder().decode((await decrypt({ message, decryptionKeys: privateKey, format: 'binary' })).data as Uint8Array);
const decryptText = async (armoredMessage: string) => plain(await readMessage({ armoredMessage }));
const decryptFile = async (base64: string) => plain(await readMessage({ binaryMessage: new Uint8Array(Buffer.from(base64, 'base64')) }));

const forms = [
  { kind: 'referral', handler: referral, path: '/api/referral', body: validReferral, subject: /^Aanmelding \(OVL\) (OVL-\S+)$/ },
  { kind: 'advice', handler: advice, path: '/api/advice', body: validAdvice, subject: /^Adviesvraag \(OVL\) (OVL-\S+)$/ },
] as const;

describe.each(forms)('$kind to a centre with a key', ({ kind, handler, path, body, subject }) => {
  it('the request to the mail provider holds no typed value: not in subject, text, HTML, attachment, headers', async () => {
    const res = await handler(post(path, { ...body(), submissionId: newId() }), production);
    expect(res.status).toBe(201);
    const { reference } = await res.json();
    const [request] = requestsTo(OVL);
    expect(request).toBeDefined();
    expect(typedIn(request.headers + request.body)).toEqual([]);
    const mail = JSON.parse(request.body);
    expect(mail.subject).toMatch(subject);
    expect(mail.subject).toContain(reference);
    expect(mail.reply_to).toBeUndefined();
    expect(mail.text).toMatch(/^-----BEGIN PGP MESSAGE-----\n[\s\S]+\n-----END PGP MESSAGE-----\n?$/);
    expect(mail.html).toContain(`${reference}.json.pgp`);
    expect(mail.attachments.map((a: { filename: string }) => a.filename)).toEqual([`${reference}.json.pgp`]);
  });

  it('the centre, with its private key, reads every typed value in the text and imports JSON that fits the published schema', async () => {
    const sent = { ...body(), submissionId: newId() };
    const res = await handler(post(path, sent), production);
    const { reference } = await res.json();
    expect(reference).toMatch(REFERENCE_PATTERN);
    const mail = JSON.parse(requestsTo(OVL)[0].body);

    const text = await decryptText(mail.text);
    expect(Buffer.byteLength(text) % PAD_BLOCK_BYTES).toBe(0);
    expect(text).toContain(`Referentie: ${reference}`);
    const typedHere = TYPED.filter((v) => JSON.stringify(sent).includes(v));
    expect(typedHere.length).toBeGreaterThanOrEqual(kind === 'referral' ? 7 : 3);
    // As the plain mail shows them: cleaned, and addresses defanged so no client makes a link.
    for (const value of typedHere) expect(text).toContain(mailValue(value, false));

    const json = await decryptFile(mail.attachments[0].content);
    const doc = JSON.parse(json);
    const validate = publishedValidator();
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    expect(doc).toMatchObject({ kind, version: 1, reference, centre: { id: 'oost-vlaanderen', code: 'OVL' } });
    const { submissionId: _id, ...typed } = sent;
    expect(doc.data).toMatchObject(typed);
  });
});

describe('the same submission sent twice to a centre with a key', () => {
  // Each encryption is new ciphertext, so the provider sees another payload under the same
  // idempotency key: the centre still gets one mail, and the referrer hears it was already sent.
  it('delivers one mail and answers the second with the reference the centre already has', async () => {
    const sent = { ...validReferral(), submissionId: newId() };
    const first = await referral(post('/api/referral', sent), production);
    expect(first.status).toBe(201);
    const { reference } = await first.json();
    const second = await referral(post('/api/referral', sent), production);
    expect(second.status).toBe(409);
    expect(await second.json()).toMatchObject({ error: 'already_sent', reference });
    expect(h.fake.mails.filter((m) => m.to.includes(OVL))).toHaveLength(1);
  });
});

describe('a centre without a key', () => {
  it('gets the mail as today: readable text and HTML, Reply-To the referrer, no attachment', async () => {
    const res = await referral(post('/api/referral', { ...validReferral({ municipality: 'Antwerpen', offer: 'casusoverleg' }), submissionId: newId() }), production);
    expect(res.status).toBe(201);
    const mail = JSON.parse(requestsTo(ANT)[0].body);
    expect(mail.text).toContain(MARKERS.question);
    expect(mail.html).toContain(MARKERS.question);
    expect(mail.reply_to).toBe(MARKERS.email);
    expect(mail.attachments).toBeUndefined();
    expect(mail.text).not.toContain('BEGIN PGP');
  });
});

describe('the outbox, for a centre with a key', () => {
  it('holds only ciphertext, even with the AES layer removed; the retry delivers that encrypted mail once the provider is back', async () => {
    h.fake.mode = '503';
    const res = await referral(post('/api/referral', { ...validReferral(), submissionId: newId() }), production);
    expect(res.status).toBe(202);
    const { reference } = await res.json();

    const store = getStore({ name: `${process.env.OUTBOX_STORE}-production` });
    const aes = await importKey(process.env.OUTBOX_KEY!);
    const { blobs } = await store.list();
    const stored = await Promise.all(blobs.map(async ({ key }) => ({ key, raw: (await store.get(key, { type: 'text' }))! })));
    const centreEntry = stored.find((e) => e.key.includes('/referral_centre_'));
    expect(centreEntry).toBeDefined();
    expect(typedIn(centreEntry!.raw)).toEqual([]);
    const opened = await open(aes, centreEntry!.key, JSON.parse(centreEntry!.raw) as SealedEntry);
    expect(opened.to).toBe(OVL);
    expect(typedIn(JSON.stringify(opened))).toEqual([]);
    expect(opened.text.startsWith('-----BEGIN PGP MESSAGE-----')).toBe(true);

    h.fake.reset('ok');
    expect((await retry()).status).toBe(204);
    const delivered = requestsTo(OVL).map((r) => JSON.parse(r.body));
    expect(delivered).toHaveLength(1);
    expect(delivered[0].subject).toContain(reference);
    expect(delivered[0].text).toBe(opened.text);
    expect(await decryptText(delivered[0].text)).toContain(MARKERS.question);
    expect(delivered[0].attachments[0].filename).toBe(`${reference}.json.pgp`);
    expect(JSON.parse(await decryptFile(delivered[0].attachments[0].content)).data.question).toBe(MARKERS.question);
  });
});

describe('a queued submission to a centre with a key, resubmitted once the provider is back', () => {
  // The resubmit is new ciphertext under the same idempotency key: the provider accepts it
  // (nothing was accepted under that key while it was down) and answers the queued copy 409.
  it('one mail; the retry takes the 409 as already delivered and clears the entry, then never tries it again', async () => {
    h.fake.mode = '503';
    const sent = { ...validReferral(), submissionId: newId() };
    const queued = await referral(post('/api/referral', sent), production);
    expect(queued.status).toBe(202);
    const { reference } = await queued.json();

    h.fake.reset('ok');
    const resubmit = await referral(post('/api/referral', sent), production);
    expect(resubmit.status).toBe(201);
    expect((await resubmit.json()).reference).toBe(reference);
    const store = getStore({ name: `${process.env.OUTBOX_STORE}-production` });
    const keys = async () => (await store.list()).blobs.map((b) => b.key);
    expect((await keys()).filter((k) => k.endsWith(`/referral_centre_${sent.submissionId}`))).toHaveLength(1);

    expect((await retry()).status).toBe(204);
    expect(h.fake.mails.filter((m) => m.to.includes(OVL))).toHaveLength(1);
    expect(await keys()).toEqual([]);
    const line = JSON.parse(h.logs.filter((l) => l.includes('"outbox-retry"')).at(-1)!);
    expect(line).toMatchObject({ level: 'info', counts: { delivered: 1, waiting: 0 } });
    expect(line.error).toBeUndefined();

    // A later run has nothing left to send: no request at all, still one mail.
    const requests = h.fake.requests;
    await retry();
    expect(h.fake.requests).toBe(requests);
    expect(h.fake.mails.filter((m) => m.to.includes(OVL))).toHaveLength(1);
  });
});

describe('a key that stopped working after the build (e.g. expired)', () => {
  it('sends nothing in plain text: the referrer gets 503 with the phone line, the log an error a person sees', async () => {
    const expired = await generateKey({ userIDs: [{ email: 'oud@centrum.invalid' }], date: new Date(Date.now() - 400 * 86_400_000), keyExpirationTime: 86_400, format: 'armored' });
    const undo = useCentreKeysForTests({ 'oost-vlaanderen': { armored: expired.publicKey, fingerprint: 'test', expires: null } });
    try {
      const res = await referral(post('/api/referral', { ...validReferral(), submissionId: newId() }), production);
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject(phoneFor(directory.centres.find((c) => c.id === 'oost-vlaanderen')!));
      expect(h.fake.raw).toEqual([]);
      const line = JSON.parse(h.logs.at(-1)!);
      expect(line).toMatchObject({ level: 'error', error: 'encryption' });
    } finally {
      undo();
    }
  });
});
