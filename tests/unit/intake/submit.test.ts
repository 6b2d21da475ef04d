import { describe, expect, it } from 'vitest';
import { directory } from '../../../src/lib/intake/directory';
import type { Mailer, OutgoingMail, SendResult } from '../../../src/lib/intake/mailer';
import type { Outbox } from '../../../src/lib/intake/outbox';
import { submit } from '../../../src/lib/intake/submit';

const ovl = directory.centres.find((c) => c.id === 'oost-vlaanderen')!;
const data = { name: 'An', organisation: 'CAW', sector: 'caw', email: 'an@caw.be', municipality: 'Gent', question: 'Vraag' };
const submission = { kind: 'advice' as const, data, centre: ovl, municipalityName: 'Gent', overridden: false, submissionId: 'submission-abcdef-123' };

function fakes(answers: Array<SendResult>, outboxWorks = true) {
  const sent: OutgoingMail[] = [];
  const queued: string[] = [];
  const removed: string[] = [];
  const mailer: Mailer = { send: async (m) => { sent.push(m); return answers.shift() ?? { ok: true, id: 'x' }; } };
  const outbox: Outbox = {
    put: async (m) => { if (!outboxWorks) throw new Error('blobs down'); queued.push(m.idempotencyKey); },
    remove: async (k) => { removed.push(k); },
    retry: async () => ({ delivered: 0, waiting: 0, expired: 0, failed: [] }),
  };
  return { mailer, outbox, sent, queued, removed };
}

describe('submit', () => {
  it('sent: the centre mail with Reply-To the referrer, then the receipt; a waiting copy is cleared', async () => {
    const f = fakes([]);
    const result = await submit(submission, f);
    expect(result).toMatchObject({ status: 'sent', centre: 'oost-vlaanderen' });
    expect(f.sent.map((m) => [m.to, m.replyTo, m.idempotencyKey])).toEqual([
      ['ketenaanpakifg.ovl@vlaanderen.be', 'an@caw.be', 'advice-submission-abcdef-123'],
      ['an@caw.be', 'ketenaanpakifg.ovl@vlaanderen.be', 'advice-submission-abcdef-123-receipt'],
    ]);
    expect(f.removed).toEqual(['advice-submission-abcdef-123']);
  });

  it('queued: both mails wait in the outbox when the centre mail fails', async () => {
    const f = fakes([{ ok: false, kind: 'server' }]);
    expect(await submit(submission, f)).toMatchObject({ status: 'queued', failure: 'server' });
    expect(f.queued).toEqual(['advice-submission-abcdef-123', 'advice-submission-abcdef-123-receipt']);
  });

  it('sent even when only the receipt fails; the receipt waits in the outbox', async () => {
    const f = fakes([{ ok: true, id: '1' }, { ok: false, kind: 'timeout' }]);
    expect((await submit(submission, f)).status).toBe('sent');
    expect(f.queued).toEqual(['advice-submission-abcdef-123-receipt']);
  });

  it('unavailable only when the outbox fails too', async () => {
    const f = fakes([{ ok: false, kind: 'network' }], false);
    expect(await submit(submission, f)).toMatchObject({ status: 'unavailable', phone: null });
  });

  it('the same submission id gives the same reference', async () => {
    const a = await submit(submission, fakes([]));
    const b = await submit(submission, fakes([]));
    expect(a.reference).toBe(b.reference);
  });
});
