import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { directory } from '../../../src/lib/intake/directory';
import { readEnv } from '../../../src/lib/intake/env';
import { fieldErrors } from '../../../src/lib/intake/forms/errors';
import { adviceSchema } from '../../../src/lib/intake/forms/advice';
import type { Mailer, OutgoingMail } from '../../../src/lib/intake/delivery/mail';
import { createOutbox, type BlobLike } from '../../../src/lib/intake/delivery/outbox';
import { referenceFor } from '../../../src/lib/intake/reference';
import { renderAdviceMail } from '../../../src/lib/intake/render/mail';

const key = Buffer.alloc(32, 3).toString('base64');
const prodEnv = { RESEND_API_KEY: 're_x', MAIL_FROM: 'Veilig Huis <a@b.be>', OUTBOX_KEY: key, REFERENCE_SECRET: 'a-long-enough-secret-for-tests-123' };
const readEnvIn = readEnv;

describe('finding 1: the deploy context comes from the platform, not from CONTEXT', () => {
  it('production settings without MAIL_REDIRECT_TO are valid in the production context', () => {
    expect(() => readEnvIn(prodEnv, 'production')).not.toThrow();
  });
  it('a CONTEXT variable is ignored: only the handler context decides', () => {
    expect(() => readEnvIn({ ...prodEnv, CONTEXT: 'production' }, 'deploy-preview')).toThrow(/MAIL_REDIRECT_TO/);
  });
});

describe('finding 8: references are keyed with a server secret', () => {
  it('production needs REFERENCE_SECRET', () => {
    const { REFERENCE_SECRET: _, ...without } = prodEnv;
    expect(() => readEnvIn(without, 'production')).toThrow(/REFERENCE_SECRET/);
  });
  it('the same id gives another reference under another secret', async () => {
    const ref = referenceFor;
    expect(await ref('OVL', 'submission-1234567890', 'secret-one-xxxxxxxxxxxxxxxx')).not.toBe(await ref('OVL', 'submission-1234567890', 'secret-two-xxxxxxxxxxxxxxxx'));
  });
});

describe('finding 8: the embedded file mailer writes outside the project', () => {
  it('defaults to a folder under the system temp dir, not inside what astro dev serves', () => {
    expect(readEnvIn({}, 'dev').MAIL_OUTBOX_DIR.startsWith(tmpdir())).toBe(true);
  });
});

describe('finding 7: unknown keys make one error', () => {
  it('however many unknown keys there are', () => {
    const input = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`k${i}`, 'x']));
    const parsed = adviceSchema.safeParse(input);
    const unknown = fieldErrors(parsed.success ? [] : parsed.error.issues).filter((e) => e.message.includes('hoort niet'));
    expect(unknown).toHaveLength(1);
  });
});

describe('finding 3: one bad outbox entry does not stop the run', () => {
  it('skips and counts what does not open, delivers the rest', async () => {
    const blobs = new Map<string, string>();
    const store: BlobLike = {
      set: async (k, v) => { blobs.set(k, v); }, get: async (k) => blobs.get(k) ?? null,
      delete: async (k) => { blobs.delete(k); }, list: async () => ({ blobs: [...blobs.keys()].map((k) => ({ key: k })) }),
    };
    const outbox = createOutbox(store, key);
    blobs.set('a-broken', '{not json');
    blobs.set('b-other-key', JSON.stringify({ v: 1, createdAt: Date.now(), iv: 'AAAAAAAAAAAAAAAA', data: 'AAAA' }));
    const mail: OutgoingMail = { to: 'c@example.be', subject: 's', text: 't', html: 'h', idempotencyKey: 'c-good' };
    await outbox.put(mail);
    const sent: string[] = [];
    const mailer: Mailer = { send: async (m) => { sent.push(m.idempotencyKey); return { ok: true, id: '1' }; } };
    const tally = await outbox.retry(mailer);
    expect(sent).toEqual(['c-good']);
    expect(tally).toMatchObject({ delivered: 1, skipped: 2 });
  });
});

describe('finding 6: the centre mail carries no forged lines, hidden characters or live links', () => {
  const ovl = directory.centres.find((c) => c.id === 'oost-vlaanderen')!;
  const ctx = { centre: ovl, reference: 'OVL-7K3M-9QXP', municipalityName: 'Gent', overridden: false };
  const base = { name: 'An', organisation: 'CAW', sector: 'caw', email: 'an@caw.be', municipality: 'Gent', question: 'Vraag' };

  it('folds U+2028/U+2029 and other line separators in single-line fields', () => {
    const { text } = renderAdviceMail({ ...base, name: 'An\u2028Referentie: OVL-NEP0-NEP0\u2029x\u0085y\u000bz' }, ctx);
    expect(text.split('\n').filter((l) => l.startsWith('Referentie:'))).toEqual(['Referentie: OVL-7K3M-9QXP']);
    expect(text).not.toMatch(/[\u2028\u2029\u0085\u000b]/);
  });

  it('strips format characters (Unicode Cf): zero-width, bidi, BOM', () => {
    const { text, html } = renderAdviceMail({ ...base, question: 'a\u200bb\u2060c\ufeffd\u061ce\u200df\u202eg' }, ctx);
    expect(text).toContain('abcdefg');
    expect(`${text}${html}`).not.toMatch(/\p{Cf}/u);
  });

  it('defangs typed URLs and bare domains, and says the referrer is not verified', () => {
    const { text, html } = renderAdviceMail({ ...base, organisation: 'zie www.evil-example.com', question: 'Klik https://evil.example/login?x=1 of mail naar x@evil.example' }, ctx);
    expect(text).not.toMatch(/https?:\/\//);
    expect(text).toContain('hxxps://evil[.]example/login?x=1');
    expect(text).toContain('www[.]evil-example[.]com');
    expect(html).not.toMatch(/https?:\/\/|evil\.example/);
    expect(text.split('\n')[2]).toMatch(/niet gecontroleerd/);
  });
});
