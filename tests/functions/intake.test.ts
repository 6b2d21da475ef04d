import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import advice from '../../netlify/functions/advice';
import outboxRetry from '../../netlify/functions/outbox-retry';
import referral from '../../netlify/functions/referral';
import { REFERENCE_PATTERN } from '../../src/lib/intake/reference';
import { leaks, MARKERS, newId, ORIGIN, post, postForm, startHarness, validAdvice, validReferral } from './support/harness';
import type { FakeMode } from './support/fake-resend';

let h: Awaited<ReturnType<typeof startHarness>>;
const consoleLines: string[] = [];

beforeAll(async () => {
  h = await startHarness();
  for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => { consoleLines.push(args.map(String).join(' ')); });
  }
});
afterEach(async () => {
  // Drain what a test left in the outbox, so each test counts only its own mails.
  h.fake.reset('ok');
  h.blobsUp();
  delete process.env.MAIL_REDIRECT_TO;
  await outboxRetry();
  h.fake.reset('ok');
});
afterAll(async () => {
  // Privacy: nothing typed by a referrer reaches a log line, in any test of this file.
  expect(h.logs.length).toBeGreaterThan(20);
  expect(leaks([...h.logs, ...consoleLines])).toEqual([]);
  vi.restoreAllMocks();
  await h.stop();
});

const forms = [
  { kind: 'referral', handler: referral, path: '/api/referral', valid: validReferral, mailbox: 'ketenaanpakifg.ovl@vlaanderen.be', subject: /^Aanmelding \(OVL\) OVL-/ },
  { kind: 'advice', handler: advice, path: '/api/advice', valid: validAdvice, mailbox: 'ketenaanpakifg.ovl@vlaanderen.be', subject: /^Adviesvraag \(OVL\) OVL-/ },
] as const;

const headersOk = (res: Response) => {
  expect(res.headers.get('cache-control')).toBe('no-store');
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  expect(res.headers.get('access-control-allow-origin')).toBeNull();
};

describe.each(forms)('$kind: the status table', ({ handler, path, valid, mailbox, subject }) => {
  it('201: delivered to the centre, receipt to the referrer without typed text', async () => {
    const res = await handler(post(path, { ...valid(), submissionId: newId() }));
    headersOk(res);
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body).toMatchObject({ centre: 'oost-vlaanderen', status: 'sent' });
    expect(body.reference).toMatch(REFERENCE_PATTERN);
    const [centreMail, receipt] = h.fake.mails;
    expect(centreMail.to).toEqual([mailbox]);
    expect(centreMail.reply_to).toEqual(MARKERS.email);
    expect(centreMail.subject).toMatch(subject);
    expect(centreMail.subject).toContain(body.reference);
    expect(centreMail.text).toContain(MARKERS.question);
    expect(receipt.to).toEqual([MARKERS.email]);
    expect(receipt.text).toContain(body.reference);
    for (const marker of Object.values(MARKERS)) expect(`${receipt.subject}${receipt.text}${receipt.html}`).not.toContain(marker);
  });

  it('405 with Allow: POST for any other method', async () => {
    for (const method of ['GET', 'PUT', 'DELETE']) {
      const res = await handler(new Request(`${ORIGIN}${path}`, { method }));
      headersOk(res);
      expect(res.status).toBe(405);
      expect(res.headers.get('allow')).toBe('POST');
      expect(await res.json()).toEqual({ error: 'method_not_allowed' });
    }
  });

  it('415 for another content type', async () => {
    const res = await handler(post(path, 'name=x', { 'content-type': 'text/plain' }));
    expect(res.status).toBe(415);
    expect(await res.json()).toEqual({ error: 'unsupported_media_type' });
  });

  it('413 over 64 KiB, by Content-Length and by a streamed body, before parsing', async () => {
    const big = post(path, 'x'.repeat(70_000));
    expect(big.headers.get('content-length') ?? String(70_000)).toBeTruthy();
    const byLength = await handler(new Request(`${ORIGIN}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': '70000' }, body: '{' }));
    expect(byLength.status).toBe(413);
    const stream = new ReadableStream({ start(c) { for (let i = 0; i < 20; i++) c.enqueue(new TextEncoder().encode('{'.repeat(4096))); c.close(); } });
    const streamed = await handler(new Request(`${ORIGIN}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: stream, duplex: 'half' } as RequestInit));
    expect(streamed.status).toBe(413);
    expect(await streamed.json()).toEqual({ error: 'too_large' });
    expect(h.fake.requests).toBe(0);
  });

  it('400 for a body that is not JSON or not an object', async () => {
    for (const bad of ['{"referrer":', '[1,2]', 'null', '"text"']) {
      const res = await handler(post(path, bad));
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ error: 'bad_request' });
    }
  });

  it('403 for a foreign Origin or a cross-site fetch', async () => {
    const foreign = await handler(post(path, valid(), { origin: 'https://evil.example' }));
    expect(foreign.status).toBe(403);
    expect(await foreign.json()).toEqual({ error: 'forbidden' });
    // A no-referrer page posts its plain form with Origin: null; only same-origin may vouch for it.
    expect((await handler(post(path, valid(), { origin: 'null', 'sec-fetch-site': 'same-site' }))).status).toBe(403);
    expect((await handler(post(path, valid(), { origin: 'null', 'sec-fetch-site': '' }))).status).toBe(403);
    expect((await handler(post(path, { ...valid(), submissionId: newId() }, { origin: 'null', 'sec-fetch-site': 'same-origin' }))).status).toBe(201);
    h.fake.reset('ok');
    const crossSite = await handler(post(path, valid(), { 'sec-fetch-site': 'cross-site' }));
    expect(crossSite.status).toBe(403);
    expect(h.fake.mails).toHaveLength(0);
  });

  it('422 with Dutch field errors for invalid and unknown fields, and no mail', async () => {
    const res = await handler(post(path, { ...valid(), question: '   ', hacker: 'x', submissionId: newId() }));
    expect(res.status).toBe(422);
    const { errors } = await res.json();
    expect(errors).toContainEqual({ field: path.endsWith('referral') ? 'question' : 'question', message: expect.stringMatching(/^Schrijf je vraag/) });
    expect(errors).toContainEqual({ field: 'hacker', message: expect.stringContaining('hoort niet bij het formulier') });
    expect(h.fake.requests).toBe(0);
  });

  it('a filled honeypot gets the success answer and nothing is sent', async () => {
    const res = await handler(post(path, { ...valid(), website: 'http://spam.example', submissionId: newId() }));
    expect(res.status).toBe(201);
    expect((await res.json()).status).toBe('sent');
    expect(h.fake.requests).toBe(0);
  });

  it('503 with the centre phone only when neither delivery nor the outbox works', async () => {
    h.fake.mode = '500';
    h.blobsDown();
    const res = await handler(post(path, { ...valid(), submissionId: newId() }));
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ error: 'unavailable', phone: null });
    expect(h.fake.mails).toHaveLength(0);
  });
});

describe.each(forms)('$kind: faults: truthful status, nothing lost, nothing twice', ({ handler, path, valid, mailbox }) => {
  const modes: FakeMode[] = ['422', '429', 'quota', '500', '503', 'hang'];
  it.each([...modes, 'refused' as const])('%s: 202, delivered once when Resend recovers and the outbox runs', async (mode) => {
    const savedUrl = process.env.RESEND_BASE_URL;
    if (mode === 'refused') process.env.RESEND_BASE_URL = 'http://127.0.0.1:9';
    else { h.fake.mode = mode; h.fake.retryAfter = '30'; }
    const id = newId();
    const started = Date.now();
    const res = await handler(post(path, { ...valid(), submissionId: id }));
    // The retry budget (2 s in tests) bounds the wait, plus the outbox write.
    expect(Date.now() - started).toBeLessThan(6000);
    expect(res.status).toBe(202);
    const first = await res.json();
    expect(first.status).toBe('queued');
    expect(h.fake.mails).toHaveLength(0);
    // The referrer resubmits while Resend is still down: still one pending submission.
    expect((await handler(post(path, { ...valid(), submissionId: id }))).status).toBe(202);

    process.env.RESEND_BASE_URL = savedUrl;
    h.fake.mode = 'ok';
    expect((await outboxRetry()).status).toBe(204);
    expect(h.fake.mails.map((m) => m.to[0]).sort()).toEqual([mailbox, MARKERS.email].sort());
    expect(h.fake.mails.find((m) => m.to[0] === mailbox)!.subject).toContain(first.reference);
    await outboxRetry();
    const again = await handler(post(path, { ...valid(), submissionId: id }));
    expect(again.status).toBe(201);
    expect((await again.json()).reference).toBe(first.reference);
    expect(h.fake.mails).toHaveLength(2);
  });

  it('429 with a short Retry-After is retried within the budget: 201', async () => {
    h.fake.mode = '429-once';
    h.fake.retryAfter = '0';
    const res = await handler(post(path, { ...valid(), submissionId: newId() }));
    expect(res.status).toBe(201);
    expect(h.fake.mails.length).toBeGreaterThanOrEqual(1);
  });

  it('never retries a validation error inside the request', async () => {
    h.fake.mode = '422';
    await handler(post(path, { ...valid(), submissionId: newId() }));
    expect(h.fake.requests).toBe(1);
  });

  it('a double click (same submission id, at once) sends one mail', async () => {
    const id = newId();
    const answers = await Promise.all([handler(post(path, { ...valid(), submissionId: id })), handler(post(path, { ...valid(), submissionId: id }))]);
    expect(answers.map((a) => a.status)).toEqual([201, 201]);
    expect(h.fake.mails.filter((m) => m.to[0] === mailbox)).toHaveLength(1);
  });
});

describe('routing and environments', () => {
  it('a centre without a mailbox is refused with a clear 422, never mailed', async () => {
    const res = await referral(post('/api/referral', { ...validReferral(), municipality: 'Leuven', offer: 'casusoverleg', submissionId: newId() }));
    expect(res.status).toBe(422);
    const { errors } = await res.json();
    expect(errors[0]).toEqual({ field: 'municipality', message: expect.stringContaining('Veilig Huis Leuven ontvangt nog geen aanmeldingen') });
    expect(h.fake.requests).toBe(0);
  });

  it('short case support outside the pilot municipalities is a field error', async () => {
    const res = await referral(post('/api/referral', { ...validReferral(), municipality: 'Eeklo', submissionId: newId() }));
    expect(res.status).toBe(422);
    expect((await res.json()).errors).toContainEqual({ field: 'offer', message: expect.stringContaining('niet aan in deze gemeente') });
  });

  it('Antwerpen: referrals and advice requests go to their own mailboxes', async () => {
    await referral(post('/api/referral', { ...validReferral(), municipality: 'Borgerhout', offer: 'casusoverleg', submissionId: newId() }));
    await advice(post('/api/advice', { ...validAdvice(), municipality: '2000', submissionId: newId() }));
    const to = h.fake.mails.map((m) => m.to[0]);
    expect(to).toContain('CO3@antwerpen.be');
    expect(to).toContain('fic@antwerpen.be');
  });

  it('outside production every mail goes to MAIL_REDIRECT_TO and the subject says where it was meant to go', async () => {
    process.env.MAIL_REDIRECT_TO = 'test-inbox@veilighuis.example';
    const res = await advice(post('/api/advice', { ...validAdvice(), submissionId: newId() }));
    expect(res.status).toBe(201);
    expect(h.fake.mails.every((m) => m.to[0] === 'test-inbox@veilighuis.example')).toBe(true);
    expect(h.fake.mails[0].subject).toContain('bestemd voor ketenaanpakifg.ovl@vlaanderen.be');
  });
});

describe('without JavaScript (form posts)', () => {
  const pairs = (extra: Array<[string, string]> = []): Array<[string, string]> => [
    ['name', MARKERS.name], ['organisation', 'CAW'], ['sector', 'caw'], ['email', MARKERS.email],
    ['municipality', 'Gent'], ['question', MARKERS.question], ...extra,
  ];

  it('a first post shows the check page with every answer carried in hidden fields', async () => {
    const res = await advice(postForm('/api/advice', pairs()));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const page = await res.text();
    expect(page).toContain('Controleer je antwoorden');
    expect(page).toContain('Veilig Huis Oost-Vlaanderen');
    expect(page).toMatch(/name="submissionId" value="[0-9a-f-]{36}"/);
    expect(page).toContain('value="send"');
    expect(h.fake.requests).toBe(0);
  });

  it('send: 303 to the confirmation page, reference in the fragment, no answer in the URL', async () => {
    const res = await advice(postForm('/api/advice', pairs([['submissionId', newId()], ['step', 'send']])));
    expect(res.status).toBe(303);
    const location = res.headers.get('location')!;
    expect(location).toMatch(/^\/professionals\/advies\/verzonden\/oost-vlaanderen\/verzonden\/#OVL-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    expect(location).not.toContain('Gent');
    expect(h.fake.mails).toHaveLength(2);
  });

  it('422: the form again with the GOV.UK error summary, linked messages and every value kept', async () => {
    const res = await advice(postForm('/api/advice', [['name', MARKERS.name], ['email', 'geen-adres'], ['municipality', 'Gent']]));
    expect(res.status).toBe(422);
    const page = await res.text();
    expect(page).toMatch(/<title>Fout: Advies vragen/);
    expect(page).toContain('<a href="#f-email">Vul een e-mailadres in zoals naam@organisatie.be</a>');
    expect(page).toMatch(/aria-describedby="f-email-hint f-email-error"/);
    expect(page).toContain(`value="${MARKERS.name}"`);
    expect(page).toContain('value="geen-adres"');
  });

  it('a referral with checkboxes and repeated rows goes through check and send', async () => {
    const form: Array<[string, string]> = [
      ['referrer.name', MARKERS.name], ['referrer.organisation', 'PZ Gent'], ['referrer.sector', 'politie'],
      ['referrer.phone', '09 266 61 11'], ['referrer.email', MARKERS.email], ['municipality', '9000'], ['centreOverride', ''],
      ['offer', 'casusoverleg'], ['adults.0.role', 'slachtoffer'], ['adults.0.name', ''], ['adults.1.role', ''], ['adults.1.name', ''],
      ['children.0.birthYear', ''], ['violence', 'partner'], ['violence', 'kind'], ['question', MARKERS.question],
      ['familyInformed', 'ja'], ['legalBasis', 'ja'], ['website', ''],
    ];
    const check = await referral(postForm('/api/referral', form));
    expect(check.status).toBe(200);
    const page = await check.text();
    const carried = [...page.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [m[1], m[2].replace(/&#39;/g, "'")] as [string, string]);
    const sent = await referral(postForm('/api/referral', [...carried, ['step', 'send']]));
    expect(sent.status).toBe(303);
    expect(h.fake.mails[0].text).toContain('Welk geweld is er?: Partnergeweld, Kindermishandeling');
    expect(h.fake.mails[0].text).toContain('Volwassene 1');
    expect(h.fake.mails[0].text).not.toContain('Volwassene 2');
  });
});
