import fc from 'fast-check';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import advice from '../../netlify/functions/advice';
import referral from '../../netlify/functions/referral';
import { netlifyContext } from "./support/netlify-context";
import { newId, post, postForm, startHarness, validAdvice, validReferral } from './support/harness';

/**
 * Thousands of hostile payloads at both handlers: never a 5xx; a payload that fails
 * validation never makes a mail; one that passes (hostile text in a free field) is sent
 * with every value escaped.
 */
let h: Awaited<ReturnType<typeof startHarness>>;
beforeAll(async () => {
  h = await startHarness();
  vi.spyOn(console, 'info').mockImplementation(() => {});
});
afterAll(async () => {
  vi.restoreAllMocks();
  await h.stop();
});

const evil = fc.oneof(
  fc.constantFrom('<x-evil onload=alert(1)>', '"><x-evil>', '\r\nBcc: x@evil.example', '\u0000\u202e', '&lt;x-evil&gt;', 'x'.repeat(70_000)),
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 50 }),
).map((s) => (s.includes('<') ? s : `${s}<x-evil>`));
const wrongType = fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 3 }), fc.dictionary(fc.string(), fc.string(), { maxKeys: 3 }));
const deep = fc.integer({ min: 1, max: 3000 }).map((n) => JSON.parse('['.repeat(n) + ']'.repeat(n)) as unknown);
const keyOf = (valid: Record<string, unknown>) => fc.constantFrom(...Object.keys(valid), 'unknown', '__proto__', 'constructor');

const payload = (valid: () => Record<string, unknown>) =>
  fc.tuple(keyOf(valid()), fc.oneof(evil, wrongType, deep), fc.boolean(), fc.anything({ maxDepth: 4 })).map(([key, value, keepShape, junk]) =>
    keepShape ? { ...valid(), [key]: value, submissionId: newId() } : junk,
  );

const forms = [
  { handler: referral, path: '/api/referral', valid: validReferral },
  { handler: advice, path: '/api/advice', valid: validAdvice },
];

it('never a 5xx, no mail from an invalid payload, never unescaped markup in a sent mail', async () => {
  let runs = 0;
  for (const { handler, path, valid } of forms) {
    await fc.assert(fc.asyncProperty(payload(valid), fc.boolean(), async (body, asForm) => {
      runs++;
      const before = h.fake.mails.length;
      const request = asForm && body && typeof body === 'object' && !Array.isArray(body)
        ? postForm(path, Object.entries(body as Record<string, unknown>).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v) ?? ''] as [string, string]).concat([['step', 'send']]))
        : post(path, JSON.stringify(body) ?? 'undefined');
      const res = await handler(request, netlifyContext("production"));
      expect(res.status).toBeLessThan(500);
      const mails = h.fake.mails.slice(before);
      // Refused payloads never mail. (A 202 may have reached Resend after the client gave up: that is delivery, not a leak.)
      if (res.status >= 400) expect(mails).toEqual([]);
      for (const mail of mails) {
        expect(mail.html).not.toMatch(/<x-evil|<script/i);
        expect(mail.subject).not.toMatch(/[\r\n]/);
        expect(mail.text).not.toMatch(/\r|\u0000|\u202e/);
      }
    }), { numRuns: 1500 });
  }
  expect(runs).toBe(3000);
  // Some hostile text did pass validation, so the escaping above was really exercised.
  expect(h.fake.mails.length).toBeGreaterThan(50);
}, 240_000);
