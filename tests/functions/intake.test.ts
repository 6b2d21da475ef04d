import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getStore } from '@netlify/blobs';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import advice from '../../netlify/functions/advice';
import outboxRetry from '../../netlify/functions/outbox-retry';
import referral from '../../netlify/functions/referral';
import { adviceFormPairs, referralFormPairs } from '../fixtures/intake-submissions.mjs';
import { leaks, MARKERS, newId, ORIGIN, post, postForm, startHarness, validAdvice, validReferral } from './support/harness';
import type { FakeMode } from './support/fake-resend';
import { netlifyContext, type DeployContext } from './support/netlify-context';

let h: Awaited<ReturnType<typeof startHarness>>;
const consoleLines: string[] = [];
const production = netlifyContext('production');
const preview = netlifyContext('deploy-preview');
const REFERENCE = /^[A-Z]{3}-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$/;
/** The scheduled retry as Netlify runs it: a POST with next_run, and the deploy's context. */
const retry = (context: DeployContext = 'production') =>
  outboxRetry(new Request(`${ORIGIN}/.netlify/functions/outbox-retry`, { method: 'POST', body: JSON.stringify({ next_run: new Date().toISOString() }) }), netlifyContext(context));
/** The keys waiting in production's outbox store. */
const outboxKeys = async () => (await getStore({ name: `${process.env.OUTBOX_STORE}-production` }).list()).blobs.map((b) => b.key);

beforeAll(async () => {
  h = await startHarness();
  for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => { consoleLines.push(args.map(String).join(' ')); });
  }
});
afterEach(async () => {
  // Drain what a test left in either outbox, so each test counts only its own mails.
  h.fake.reset('ok');
  h.blobsUp();
  process.env.MAIL_REDIRECT_TO = 'drain@veilighuis.example';
  await retry('deploy-preview');
  delete process.env.MAIL_REDIRECT_TO;
  await retry('production');
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
  it('201 in production with the README settings: delivered to the centre, no mail to the typed address', async () => {
    const res = await handler(post(path, { ...valid(), submissionId: newId() }), production);
    headersOk(res);
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body).toMatchObject({ centre: 'oost-vlaanderen', status: 'sent' });
    expect(body.reference).toMatch(REFERENCE);
    expect(h.fake.mails).toHaveLength(1);
    const [centreMail] = h.fake.mails;
    expect(centreMail.to).toEqual([mailbox]);
    expect(centreMail.reply_to).toEqual(MARKERS.email);
    expect(centreMail.subject).toMatch(subject);
    expect(centreMail.subject).toContain(body.reference);
    expect(centreMail.text).toContain(MARKERS.question);
    // The typed address is not on the receipt allow-list: the confirmation page is the receipt.
    expect(h.fake.mails.flatMap((m) => m.to)).not.toContain(MARKERS.email);
  });

  it('405 with Allow: POST for any other method', async () => {
    for (const method of ['GET', 'PUT', 'DELETE']) {
      const res = await handler(new Request(`${ORIGIN}${path}`, { method }), production);
      headersOk(res);
      expect(res.status).toBe(405);
      expect(res.headers.get('allow')).toBe('POST');
      expect(await res.json()).toEqual({ error: 'method_not_allowed' });
    }
  });

  it('415 for another content type', async () => {
    const res = await handler(post(path, 'name=x', { 'content-type': 'text/plain' }), production);
    expect(res.status).toBe(415);
    expect(await res.json()).toEqual({ error: 'unsupported_media_type' });
  });

  it('413 over 64 KiB, by Content-Length and by a streamed body, before parsing', async () => {
    const byLength = await handler(new Request(`${ORIGIN}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': '70000', origin: ORIGIN }, body: '{' }), production);
    expect(byLength.status).toBe(413);
    const stream = new ReadableStream({ start(c) { for (let i = 0; i < 20; i++) c.enqueue(new TextEncoder().encode('{'.repeat(4096))); c.close(); } });
    const streamed = await handler(new Request(`${ORIGIN}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', origin: ORIGIN }, body: stream, duplex: 'half' } as RequestInit), production);
    expect(streamed.status).toBe(413);
    expect(await streamed.json()).toEqual({ error: 'too_large' });
    expect(h.fake.requests).toBe(0);
  });

  it('400 for a body that is not JSON or not an object', async () => {
    for (const bad of ['{"referrer":', '[1,2]', 'null', '"text"']) {
      const res = await handler(post(path, bad), production);
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ error: 'bad_request' });
    }
  });

  it('403 for a foreign Origin, a cross-site fetch, or a post with neither Origin nor Sec-Fetch-Site', async () => {
    const foreign = await handler(post(path, valid(), { origin: 'https://evil.example' }), production);
    expect(foreign.status).toBe(403);
    expect(await foreign.json()).toEqual({ error: 'forbidden' });
    // A no-referrer page posts its plain form with Origin: null; only same-origin may vouch for it.
    expect((await handler(post(path, valid(), { origin: 'null', 'sec-fetch-site': 'same-site' }), production)).status).toBe(403);
    expect((await handler(post(path, valid(), { origin: 'null', 'sec-fetch-site': '' }), production)).status).toBe(403);
    const anonymous = new Request(`${ORIGIN}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...valid(), submissionId: newId() }) });
    expect((await handler(anonymous, production)).status).toBe(403);
    expect(h.fake.mails).toHaveLength(0);
    expect((await handler(post(path, { ...valid(), submissionId: newId() }, { origin: 'null', 'sec-fetch-site': 'same-origin' }), production)).status).toBe(201);
    h.fake.reset('ok');
    const crossSite = await handler(post(path, valid(), { 'sec-fetch-site': 'cross-site' }), production);
    expect(crossSite.status).toBe(403);
    expect(h.fake.mails).toHaveLength(0);
  });

  it('422 with Dutch field errors; unknown fields make one error, however many there are', async () => {
    const junk = Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`x${i}`, 'y']));
    const res = await handler(post(path, { ...valid(), question: '   ', hacker: 'x', ...junk, submissionId: newId() }), production);
    expect(res.status).toBe(422);
    const { errors } = await res.json();
    expect(errors).toContainEqual({ field: 'question', message: expect.stringMatching(/^Schrijf je vraag/) });
    expect(errors.filter((e: { message: string }) => e.message.includes('hoort niet bij het formulier'))).toHaveLength(1);
    expect(errors.length).toBeLessThan(5);
    expect(h.fake.requests).toBe(0);
  });

  it('a __proto__ key cannot smuggle a field past the schema', async () => {
    const { question, ...rest } = valid();
    const body = `{"__proto__":{"question":${JSON.stringify(question)}},${JSON.stringify({ ...rest, submissionId: newId() }).slice(1)}`;
    const res = await handler(post(path, body), production);
    expect(res.status).toBe(422);
    expect((await res.json()).errors.map((e: { field: string }) => e.field)).toContain('question');
    expect(h.fake.requests).toBe(0);
  });

  it('a filled honeypot looks like a real answer: same status for an invalid body, the same reference for the same id', async () => {
    const id = newId();
    const first = await handler(post(path, { ...valid(), website: 'http://spam.example', submissionId: id }), production);
    expect(first.status).toBe(201);
    const again = await handler(post(path, { ...valid(), website: 'http://spam.example', submissionId: id }), production);
    expect((await again.json()).reference).toBe((await first.json()).reference);
    const invalidBot = await handler(post(path, { ...valid(), question: '', website: 'x', submissionId: newId() }), production);
    const invalidHuman = await handler(post(path, { ...valid(), question: '', submissionId: newId() }), production);
    expect(invalidBot.status).toBe(invalidHuman.status);
    expect(h.fake.requests).toBe(0);
  });

  it('503 without a line (the centre has none for professionals; never 1712) only when neither delivery nor the outbox works', async () => {
    h.fake.mode = '500';
    h.blobsDown();
    const res = await handler(post(path, { ...valid(), submissionId: newId() }), production);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ error: 'unavailable', phone: '', line: 'none' });
    expect(h.fake.mails).toHaveLength(0);
  });
});

describe.each(forms)('$kind: faults: truthful status, nothing lost, nothing twice', ({ kind, handler, path, valid, mailbox }) => {
  const modes: FakeMode[] = ['429', '500', '503', 'hang'];
  it.each([...modes, 'refused' as const])('%s: 202, delivered once when Resend recovers and the outbox runs', async (mode) => {
    const savedUrl = process.env.RESEND_BASE_URL;
    if (mode === 'refused') process.env.RESEND_BASE_URL = 'http://127.0.0.1:9';
    else { h.fake.mode = mode; h.fake.retryAfter = '30'; }
    const id = newId();
    const started = Date.now();
    const res = await handler(post(path, { ...valid(), submissionId: id }), production);
    // The retry budget (2 s in tests) bounds the wait, plus the outbox write.
    expect(Date.now() - started).toBeLessThan(6000);
    expect(res.status).toBe(202);
    const first = await res.json();
    expect(first.status).toBe('queued');
    expect(h.fake.mails).toHaveLength(0);
    // The referrer resubmits while Resend is still down: still one pending submission.
    expect((await handler(post(path, { ...valid(), submissionId: id }), production)).status).toBe(202);

    process.env.RESEND_BASE_URL = savedUrl;
    h.fake.mode = 'ok';
    expect((await retry()).status).toBe(204);
    expect(h.fake.mails.map((m) => m.to[0])).toEqual([mailbox]);
    expect(h.fake.mails[0].subject).toContain(first.reference);
    await retry();
    const again = await handler(post(path, { ...valid(), submissionId: id }), production);
    expect(again.status).toBe(201);
    expect((await again.json()).reference).toBe(first.reference);
    expect(h.fake.mails).toHaveLength(1);
  });

  it('queued, then resubmitted once Resend is back: 201 with one mail; the retry clears the entry without a second', async () => {
    h.fake.mode = '503';
    const id = newId();
    const queued = await handler(post(path, { ...valid(), submissionId: id }), production);
    expect(queued.status).toBe(202);
    const { reference } = await queued.json();

    h.fake.reset('ok');
    const resubmit = await handler(post(path, { ...valid(), submissionId: id }), production);
    expect(resubmit.status).toBe(201);
    expect((await resubmit.json()).reference).toBe(reference);
    expect(h.fake.mails.map((m) => m.to[0])).toEqual([mailbox]);
    // The request did not delete the entry (a Blobs round trip on every submission): the retry does.
    expect((await outboxKeys()).filter((k) => k.endsWith(`/${kind}_centre_${id}`))).toHaveLength(1);

    expect((await retry()).status).toBe(204);
    expect(h.fake.mails.map((m) => m.to[0])).toEqual([mailbox]);
    expect(await outboxKeys()).toEqual([]);
    const line = JSON.parse(h.logs.filter((l) => l.includes('"outbox-retry"')).at(-1)!);
    expect(line).toMatchObject({ level: 'info', counts: { delivered: 1, waiting: 0 } });
  });

  // A spent quota is no longer refused: it is queued and an operator is told (flood.test.ts).
  it.each(['422'] as const)('%s (permanent): 503 with the phone line, nothing queued, an error a person sees in the log', async (mode) => {
    h.fake.mode = mode;
    const res = await handler(post(path, { ...valid(), submissionId: newId() }), production);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ error: 'rejected', phone: '', line: 'none' });
    expect(h.fake.requests).toBe(1);
    h.fake.reset('ok');
    await retry();
    expect(h.fake.mails).toHaveLength(0);
    expect(h.logs.at(-2)).toMatch(/"level":"error".*"error":"mail_rejected"/);
  });

  it('a permanent rejection of a plain form keeps every typed value on the page', async () => {
    h.fake.mode = '422';
    const pairs = path.endsWith('referral') ? referralFormPairs([['submissionId', newId()], ['step', 'send']]) : adviceFormPairs([['submissionId', newId()], ['step', 'send']]);
    const res = await handler(postForm(path, pairs), production);
    expect(res.status).toBe(503);
    const page = await res.text();
    expect(page).toContain(`value="${MARKERS.email}"`);
    expect(page).toContain(MARKERS.question);
    expect(page).toContain('nog geen telefoonlijn voor professionelen');
  });

  it('429 with a short Retry-After is retried within the budget: 201', async () => {
    h.fake.mode = '429-once';
    h.fake.retryAfter = '0';
    const res = await handler(post(path, { ...valid(), submissionId: newId() }), production);
    expect(res.status).toBe(201);
    expect(h.fake.mails).toHaveLength(1);
  });

  it('a double click (same submission id, at once) sends one mail', async () => {
    const id = newId();
    const answers = await Promise.all([handler(post(path, { ...valid(), submissionId: id }), production), handler(post(path, { ...valid(), submissionId: id }), production)]);
    expect(answers.map((a) => a.status)).toEqual([201, 201]);
    expect(h.fake.mails.filter((m) => m.to[0] === mailbox)).toHaveLength(1);
  });

  it('an edited resubmit with the same id is neither lost nor a second mail under the same reference: 409 with a fresh id', async () => {
    const id = newId();
    const first = await (await handler(post(path, { ...valid(), submissionId: id }), production)).json();
    const edited = await handler(post(path, { ...valid(), question: 'Verbeterde vraag', submissionId: id }), production);
    expect(edited.status).toBe(409);
    const body = await edited.json();
    expect(body).toMatchObject({ error: 'already_sent', reference: first.reference });
    expect(body.submissionId).toMatch(/^[A-Za-z0-9-]{16,64}$/);
    expect(body.submissionId).not.toBe(id);
    await retry();
    expect(h.fake.mails).toHaveLength(1);
    // The correction goes out with the fresh id: its own mail, its own reference.
    const correction = await handler(post(path, { ...valid(), question: 'Verbeterde vraag', submissionId: body.submissionId }), production);
    expect(correction.status).toBe(201);
    expect((await correction.json()).reference).not.toBe(first.reference);
    expect(h.fake.mails).toHaveLength(2);
  });
});

describe('deploy contexts and the outbox', () => {
  it('a preview queues only redirected mail, in its own store: a production run never mails the centre', async () => {
    process.env.MAIL_REDIRECT_TO = 'test-inbox@veilighuis.example';
    h.fake.mode = '500';
    const res = await advice(post('/api/advice', { ...validAdvice(), submissionId: newId() }), preview);
    expect(res.status).toBe(202);
    // Production has no MAIL_REDIRECT_TO: its scheduled run must not see the preview's entries.
    delete process.env.MAIL_REDIRECT_TO;
    h.fake.reset('ok');
    expect((await retry('production')).status).toBe(204);
    expect(h.fake.mails).toHaveLength(0);
    // The preview's own run sends what was queued: already redirected.
    process.env.MAIL_REDIRECT_TO = 'test-inbox@veilighuis.example';
    expect((await retry('deploy-preview')).status).toBe(204);
    expect(h.fake.mails.map((m) => m.to[0])).toEqual(['test-inbox@veilighuis.example']);
    expect(h.fake.mails[0].subject).toContain('bestemd voor ketenaanpakifg.ovl@vlaanderen.be');
  });

  it('one entry that does not open (another key, corruption) is skipped and counted; the others are still delivered', async () => {
    h.fake.mode = '500';
    const res = await referral(post('/api/referral', { ...validReferral(), submissionId: newId() }), production);
    expect(res.status).toBe(202);
    h.fake.reset('ok');
    for (const name of [`${process.env.OUTBOX_STORE}`, `${process.env.OUTBOX_STORE}-production`]) {
      const store = getStore({ name });
      await store.set('aaa-broken', 'not json');
      await store.set('aab-other-key', JSON.stringify({ v: 1, createdAt: Date.now(), iv: 'AAAAAAAAAAAAAAAA', data: 'AAAA' }));
    }
    const run = await retry();
    expect(run.status).toBe(204);
    expect(h.fake.mails.map((m) => m.to[0])).toEqual(['ketenaanpakifg.ovl@vlaanderen.be']);
    const line = JSON.parse(h.logs.filter((l) => l.includes('"outbox-retry"')).at(-1)!);
    expect(line.counts).toMatchObject({ delivered: 1, skipped: 2 });
    for (const name of [`${process.env.OUTBOX_STORE}`, `${process.env.OUTBOX_STORE}-production`]) {
      const store = getStore({ name });
      await store.delete('aaa-broken');
      await store.delete('aab-other-key');
    }
  });

  it('outside production every mail goes to MAIL_REDIRECT_TO and the subject says where it was meant to go', async () => {
    process.env.MAIL_REDIRECT_TO = 'test-inbox@veilighuis.example';
    const res = await advice(post('/api/advice', { ...validAdvice(), submissionId: newId() }), preview);
    expect(res.status).toBe(201);
    expect(h.fake.mails.length).toBeGreaterThan(0);
    expect(h.fake.mails.every((m) => m.to[0] === 'test-inbox@veilighuis.example')).toBe(true);
    expect(h.fake.mails[0].subject).toContain('bestemd voor ketenaanpakifg.ovl@vlaanderen.be');
  });

  it('a preview with a Resend key but no MAIL_REDIRECT_TO refuses to send, with the line the centre has (none here)', async () => {
    const res = await advice(post('/api/advice', { ...validAdvice(), submissionId: newId() }), preview);
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ phone: '', line: 'none' });
    expect(h.fake.requests).toBe(0);
  });
});

describe('routing', () => {
  // A centre that cannot receive a form: tests/functions/reach.test.ts, over fixture centres.

  it('short case support outside the pilot municipalities is a field error', async () => {
    const res = await referral(post('/api/referral', { ...validReferral(), municipality: 'Eeklo', submissionId: newId() }), production);
    expect(res.status).toBe(422);
    expect((await res.json()).errors).toContainEqual({ field: 'offer', message: expect.stringContaining('niet aan in deze gemeente') });
  });

  it('Antwerpen: referrals and advice requests go to their own mailboxes; a failure names the professionals line', async () => {
    await referral(post('/api/referral', { ...validReferral(), municipality: 'Borgerhout', offer: 'casusoverleg', submissionId: newId() }), production);
    await advice(post('/api/advice', { ...validAdvice(), municipality: '2000', submissionId: newId() }), production);
    expect(h.fake.mails.map((m) => m.to[0])).toEqual(['CO3@antwerpen.be', 'fic@antwerpen.be']);
    h.fake.mode = '422';
    const res = await advice(post('/api/advice', { ...validAdvice(), municipality: '2000', submissionId: newId() }), production);
    expect(await res.json()).toEqual({ error: 'rejected', phone: '03 435 98 10', line: 'centre' });
  });
});

describe('without JavaScript (form posts)', () => {
  it('a first post shows the check page with every answer carried in hidden fields, under a quick exit', async () => {
    const res = await advice(postForm('/api/advice', adviceFormPairs()), production);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const page = await res.text();
    expect(page).toContain('Controleer je antwoorden');
    expect(page).toContain('Veilig Huis Oost-Vlaanderen');
    expect(page).toMatch(/name="submissionId" value="[0-9a-f-]{36}"/);
    expect(page).toContain('value="send"');
    expect(page.match(/<body[^>]*>\s*<a [^>]*href="([^"]+)"[^>]*>([^<]+)/)?.slice(1)).toEqual([expect.stringMatching(/^https:\/\//), 'Snel weg: verlaat deze website']);
    expect(h.fake.requests).toBe(0);
  });

  it('send: 303 to the confirmation page, reference in the fragment, no answer in the URL', async () => {
    const res = await advice(postForm('/api/advice', adviceFormPairs([['submissionId', newId()], ['step', 'send']])), production);
    expect(res.status).toBe(303);
    const location = res.headers.get('location')!;
    expect(location).toMatch(/^\/professionals\/advies\/verzonden\/oost-vlaanderen\/verzonden\/#OVL-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    expect(location).not.toContain('Gent');
    expect(h.fake.mails).toHaveLength(1);
  });

  it('a honeypot post follows the same steps as a person: the check page first', async () => {
    const human = await advice(postForm('/api/advice', adviceFormPairs()), production);
    const bot = await advice(postForm('/api/advice', adviceFormPairs([['website', 'http://spam.example']])), production);
    expect(bot.status).toBe(human.status);
    expect(await bot.text()).toContain('Controleer je antwoorden');
  });

  it('422: the form again with the GOV.UK error summary, linked messages, every value kept, a quick exit first', async () => {
    const res = await advice(postForm('/api/advice', [['name', MARKERS.name], ['email', 'geen-adres'], ['municipality', 'Gent']]), production);
    expect(res.status).toBe(422);
    const page = await res.text();
    expect(page).toMatch(/<title>Fout: Advies vragen/);
    expect(page).toContain('<a href="#f-email">Vul een e-mailadres in zoals naam@organisatie.be</a>');
    expect(page).toMatch(/aria-describedby="f-email-hint f-email-error"/);
    expect(page).toContain(`value="${MARKERS.name}"`);
    expect(page).toContain('value="geen-adres"');
    expect(page).toMatch(/<body[^>]*>\s*<a [^>]*>Snel weg: verlaat deze website<\/a>/);
    expect(page).toContain('name="website"');
  });

  it('an unknown field name reaches the 422 page escaped, as one error', async () => {
    const res = await advice(postForm('/api/advice', [...adviceFormPairs(), ['"><x-evil onload=alert(1)>', 'x'], ['a"b', 'y'], ['c<d', 'z']]), production);
    expect(res.status).toBe(422);
    const page = await res.text();
    expect(page).not.toContain('<x-evil');
    expect(page).not.toMatch(/href="#[^"]*"[^>]*x-evil/);
    expect(page.match(/hoort niet bij het formulier/g)).toHaveLength(1);
  });

  it('a referral with checkboxes and repeated rows goes through check and send', async () => {
    const check = await referral(postForm('/api/referral', referralFormPairs()), production);
    expect(check.status).toBe(200);
    const page = await check.text();
    const carried = [...page.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [m[1], m[2].replace(/&#39;/g, "'")] as [string, string]);
    const sent = await referral(postForm('/api/referral', [...carried, ['step', 'send']]), production);
    expect(sent.status).toBe(303);
    expect(h.fake.mails[0].text).toContain('Welk geweld is er?: Partnergeweld, Kindermishandeling');
    expect(h.fake.mails[0].text).toContain('Volwassene 1');
    expect(h.fake.mails[0].text).not.toContain('Volwassene 2');
  });

  it('an edited resubmit of a plain form: 409 page with the reference and the form again under a fresh id', async () => {
    const id = newId();
    const sent = await advice(postForm('/api/advice', adviceFormPairs([['submissionId', id], ['step', 'send']])), production);
    const reference = sent.headers.get('location')!.split('#')[1];
    const edited = await advice(postForm('/api/advice', adviceFormPairs([['submissionId', id], ['step', 'send'], ['contactTimes', 'Na 14 u']])), production);
    expect(edited.status).toBe(409);
    const page = await edited.text();
    expect(page).toContain(reference);
    expect(page).toContain('value="Na 14 u"');
    expect(page).not.toContain(`value="${id}"`);
  });
});

describe('a mailer that throws', () => {
  it('a file mailer on an unwritable folder is a queued mail or a 503 with the phone line, never a bare 500', async () => {
    const saved = { key: process.env.RESEND_API_KEY, dir: process.env.MAIL_OUTBOX_DIR };
    delete process.env.RESEND_API_KEY;
    // A folder inside a regular file: mkdir fails at once (ENOTDIR), as on a read-only filesystem.
    const file = join(await mkdtemp(join(tmpdir(), 'intake-not-a-dir-')), 'file');
    await writeFile(file, '');
    process.env.MAIL_OUTBOX_DIR = join(file, 'outbox');
    try {
      const queued = await advice(post('/api/advice', { ...validAdvice(), submissionId: newId() }), netlifyContext('dev'));
      expect(queued.status).toBe(202);
      h.blobsDown();
      const down = await advice(post('/api/advice', { ...validAdvice(), submissionId: newId() }), netlifyContext('dev'));
      expect(down.status).toBe(503);
      expect(await down.json()).toMatchObject({ error: 'unavailable', line: 'none' });
    } finally {
      h.blobsUp();
      process.env.RESEND_API_KEY = saved.key;
      process.env.MAIL_OUTBOX_DIR = saved.dir ?? '';
      if (saved.dir === undefined) delete process.env.MAIL_OUTBOX_DIR;
    }
  });
});
