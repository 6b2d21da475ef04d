import { describe, expect, it } from 'vitest';
import { directory } from '../../../src/lib/intake/directory';
import type { Mailer, OutgoingMail, SendResult } from '../../../src/lib/intake/delivery/mail';
import type { Outbox } from '../../../src/lib/intake/delivery/outbox';
import { receiptAllowed } from '../../../src/lib/intake/delivery/receipt-policy';
import { memoryStore } from '../../../src/lib/intake/delivery/store';
import { mailKeys, submit } from '../../../src/lib/intake/delivery/submit';
import { createGuard } from '../../../src/lib/intake/guard/flood';

const ovl = directory.centres.find((c) => c.id === 'oost-vlaanderen')!;
const data = { name: 'An', organisation: 'CAW', sector: 'caw', email: 'an@caw.be', municipality: 'Gent', question: 'Vraag' };
const submission = { kind: 'advice' as const, data, centre: ovl, municipalityName: 'Gent', overridden: false, submissionId: 'submission-abcdef-123' };
const referenceSecret = 'a-reference-secret-of-at-least-32-chars';

function fakes(answers: Array<SendResult>, options: { outboxWorks?: boolean; redirectTo?: string; receiptDomains?: string[] } = {}) {
  const sent: OutgoingMail[] = [];
  const queued: OutgoingMail[] = [];
  const mailer: Mailer = { send: async (m) => { sent.push(m); return answers.shift() ?? { ok: true, id: 'x' }; } };
  const outbox: Outbox = {
    put: async (m) => { if (options.outboxWorks === false) throw new Error('blobs down'); queued.push(m); },
    retry: async () => ({ delivered: 0, waiting: 0, expired: 0, dropped: 0, skipped: 0, failed: [], skippedKinds: [], budgetHeld: [], queue: {} }),
  };
  const deps = { mailer, outbox, redirectTo: options.redirectTo ?? null, referenceSecret, receiptDomains: options.receiptDomains ?? [] };
  return { deps, sent, queued };
}

describe('submit', () => {
  it('sent: the centre mail with Reply-To the referrer; no receipt to a domain nobody confirmed', async () => {
    const f = fakes([]);
    const result = await submit(submission, f.deps);
    expect(result).toMatchObject({ status: 'sent', centre: 'oost-vlaanderen' });
    expect(f.sent.map((m) => [m.to, m.replyTo, m.idempotencyKey])).toEqual([['ketenaanpakifg.ovl@vlaanderen.be', 'an@caw.be', 'advice:centre:submission-abcdef-123']]);
    expect(f.queued).toEqual([]);
  });

  it('a receipt goes only to an allow-listed domain', async () => {
    const f = fakes([], { receiptDomains: ['caw.be'] });
    await submit(submission, f.deps);
    expect(f.sent.map((m) => m.to)).toEqual(['ketenaanpakifg.ovl@vlaanderen.be', 'an@caw.be']);
    expect(receiptAllowed('an@caw.be', ['caw.be'])).toBe(true);
    for (const address of ['an@evil-caw.be', 'an@caw.be.evil.example', 'an@sub.caw.be', 'caw.be', 'an@CAW.BE.']) expect(receiptAllowed(address, ['caw.be'])).toBe(false);
  });

  it('queued: the mail waits in the outbox exactly as it will be sent (already redirected outside production)', async () => {
    const f = fakes([{ ok: false, kind: 'server' }], { redirectTo: 'test@veilighuis.example' });
    expect(await submit(submission, f.deps)).toMatchObject({ status: 'queued', failure: 'server' });
    expect(f.queued.map((m) => [m.idempotencyKey, m.to])).toEqual([['advice:centre:submission-abcdef-123', 'test@veilighuis.example']]);
    expect(f.queued[0].subject).toMatch(/^\[TEST, bestemd voor ketenaanpakifg\.ovl@vlaanderen\.be\] /);
  });

  it('rejected for good (the provider refuses the mail itself): nothing queued, and no line when the centre has none for professionals (never 1712, never a victims\' line)', async () => {
    const f = fakes([{ ok: false, kind: 'rejected' }]);
    expect(await submit(submission, f.deps)).toMatchObject({ status: 'rejected', failure: 'rejected', phone: '', line: 'none' });
    expect(f.queued).toEqual([]);
  });

  it('the provider out of quota or rate limiting is never the referrer\'s refusal: queued, and an operator event noted', async () => {
    for (const kind of ['quota', 'rate_limited'] as const) {
      const f = fakes([{ ok: false, kind }]);
      const guard = createGuard(memoryStore(), { clientLimit: 10, clientLimitNoProof: 4, centreMailsPerHour: 20 }, referenceSecret);
      expect(await submit(submission, { ...f.deps, guard })).toMatchObject({ status: 'queued', failure: kind });
      expect(f.queued).toHaveLength(1);
      expect((await guard.events()).map((e) => [e.event, e.centre])).toEqual([[kind, 'oost-vlaanderen']]);
    }
  });

  it('over the centre\'s hourly budget: queued without a provider call, and an operator event noted', async () => {
    const f = fakes([]);
    const guard = createGuard(memoryStore(), { clientLimit: 10, clientLimitNoProof: 4, centreMailsPerHour: 2 }, referenceSecret);
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await submit({ ...submission, submissionId: `submission-budget-${i}-xyz` }, { ...f.deps, guard })).status);
    expect(statuses).toEqual(['sent', 'sent', 'queued', 'queued']);
    expect(f.sent).toHaveLength(2);
    expect(f.queued).toHaveLength(2);
    expect((await guard.events()).map((e) => [e.event, e.record.count])).toEqual([['budget', 2]]);
  });

  it('idempotency keys are namespaced: no submission id makes the key of another submission\'s receipt', () => {
    const x = 'submission-abcdef-123';
    const forged = mailKeys('referral', `${x}-receipt`).centre;
    expect(forged).not.toBe(mailKeys('referral', x).receipt);
    // Whatever id a client picks within the pattern, its centre key never equals any receipt key.
    for (const id of [`${x}-receipt`, `receipt-${x}`, `${x}:receipt`.replace(':', '-')]) {
      expect(Object.values(mailKeys('referral', x))).not.toContain(mailKeys('referral', id).centre);
    }
  });

  it('an idempotency conflict (edited resubmit) is reported as already sent, not queued', async () => {
    const f = fakes([{ ok: false, kind: 'conflict' }]);
    expect(await submit(submission, f.deps)).toMatchObject({ status: 'already_sent' });
    expect(f.queued).toEqual([]);
  });

  it('a mailer that throws is a failure like any other: queued', async () => {
    const f = fakes([]);
    f.deps.mailer = { send: async () => { throw new Error('EROFS'); } };
    expect(await submit(submission, f.deps)).toMatchObject({ status: 'queued', failure: 'unknown' });
  });

  it('unavailable only when the outbox fails too', async () => {
    const f = fakes([{ ok: false, kind: 'network' }], { outboxWorks: false });
    expect(await submit(submission, f.deps)).toMatchObject({ status: 'unavailable', phone: '', line: 'none' });
  });

  it('the same submission id gives the same reference', async () => {
    const a = await submit(submission, fakes([]).deps);
    const b = await submit(submission, fakes([]).deps);
    expect(a.reference).toBe(b.reference);
  });
});

/**
 * A store whose calls wait until the test releases them, all pending calls at once: the
 * number of releases a submission needs is the number of Blobs round trips the referrer
 * waits for, one after the other (each is an HTTPS request to Netlify Blobs).
 */
function steppedStore() {
  const inner = memoryStore();
  const pending: Array<() => void> = [];
  const later = <T>(work: () => Promise<T>) => new Promise<T>((resolve, reject) => { pending.push(() => { work().then(resolve, reject); }); });
  const store: typeof inner = {
    ...inner,
    get: (k, o) => later(() => inner.get(k, o)),
    set: (k, v) => later(() => inner.set(k, v)),
    delete: (k) => later(() => inner.delete(k)),
    list: (o) => later(() => inner.list(o)),
    getEntry: (k) => later(() => inner.getEntry(k)),
    setIf: (k, v, e) => later(() => inner.setIf(k, v, e)),
  };
  /**
   * Runs `work`, releasing every waiting call once no new call has come for a few ms (as a
   * real round trip takes longer than the work between calls); returns its result and the rounds.
   */
  async function rounds<T>(work: Promise<T>): Promise<{ result: T; rounds: number }> {
    let outcome: { result: T } | { error: unknown } | undefined;
    work.then((result) => { outcome = { result }; }, (error) => { outcome = { error }; });
    let count = 0;
    let seen = -1;
    for (const started = Date.now(); !outcome && Date.now() - started < 10_000;) {
      await new Promise((r) => setTimeout(r, 5));
      if (pending.length && pending.length === seen) { count++; seen = -1; for (const release of pending.splice(0)) release(); } else seen = pending.length;
    }
    if (!outcome || 'error' in outcome) throw outcome ? outcome.error : new Error('submit did not end');
    return { result: outcome.result, rounds: count };
  }
  return { store, rounds, map: inner.map };
}

describe('submit: Blobs round trips the referrer waits for', () => {
  const limits = { clientLimit: 10, clientLimitNoProof: 4, centreMailsPerHour: 20 };

  it('a sent submission waits for three: the delivered check beside the budget read, the budget write, the delivered record', async () => {
    const s = steppedStore();
    const guard = createGuard(s.store, limits, referenceSecret);
    const f = fakes([], { receiptDomains: ['caw.be'] });
    const { result, rounds } = await s.rounds(submit(submission, { ...f.deps, guard }));
    expect(result).toMatchObject({ status: 'sent' });
    expect(f.sent.map((m) => m.to)).toEqual(['ketenaanpakifg.ovl@vlaanderen.be', 'an@caw.be']);
    expect(rounds).toBe(3);
    // The same decisions as one call at a time: the budget spent once, the record written.
    expect(JSON.parse(s.map.get([...s.map.keys()].find((k) => k.startsWith('centre/'))!)!)).toEqual({ n: 1 });
    expect(await createGuard(memoryStore(s.map), limits, referenceSecret).delivered(mailKeys('advice', submission.submissionId).centre)).not.toBeNull();
  });

  it('a resubmit of a delivered submission answers from the record and spends no budget', async () => {
    const s = steppedStore();
    const guard = createGuard(s.store, limits, referenceSecret);
    const f = fakes([]);
    await s.rounds(submit(submission, { ...f.deps, guard }));
    const again = await s.rounds(submit(submission, { ...f.deps, guard }));
    expect(again.result).toMatchObject({ status: 'sent' });
    expect(f.sent).toHaveLength(1);
    expect(JSON.parse(s.map.get([...s.map.keys()].find((k) => k.startsWith('centre/'))!)!)).toEqual({ n: 1 });
  });
});
