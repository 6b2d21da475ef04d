import { describe, expect, it } from 'vitest';
import { digestNeeded, renderDigest } from '../../../src/lib/intake/delivery/digest';
import type { RetryTally } from '../../../src/lib/intake/delivery/outbox';

const tally = (over: Partial<RetryTally> = {}): RetryTally => ({
  delivered: 2, waiting: 3, expired: 0, dropped: 0, skipped: 0, failed: [], skippedKinds: [], budgetHeld: [],
  queue: { 'oost-vlaanderen': { waiting: 3, oldestMinutes: 75 } }, ...over,
});

describe('the operator digest', () => {
  it('is due for mail waiting over an hour, a budget, quota or rate limit, or a dropped entry; not for a short wait alone', () => {
    expect(digestNeeded({ tally: tally(), events: [] })).toBe(true);
    expect(digestNeeded({ tally: tally({ queue: { 'oost-vlaanderen': { waiting: 3, oldestMinutes: 10 } } }), events: [] })).toBe(false);
    expect(digestNeeded({ tally: tally({ queue: {}, dropped: 1 }), events: [] })).toBe(true);
    expect(digestNeeded({ tally: tally({ queue: {} }), events: [{ event: 'budget', centre: 'antwerpen', record: { count: 4, first: 0, last: 0 } }] })).toBe(true);
  });

  it('says counts, centre ids and ages only, in one exact shape, under one key per hour', () => {
    const now = Date.UTC(2026, 11, 7, 1, 30);
    const mail = renderDigest({ tally: tally(), events: [{ event: 'quota', centre: 'all', record: { count: 2, first: 0, last: 0 } }], now, deployContext: 'production' }, 'ops@example.be');
    expect(mail.to).toBe('ops@example.be');
    expect(mail.subject).toBe('Intake: 3 wachtend, 1 meldingen');
    expect(mail.idempotencyKey).toBe(`ops:digest:${Math.floor(now / 3_600_000)}`);
    expect(mail.text).toBe([
      'Intake, production: stand van de wachtrij op 2026-12-07T01:30:00.000Z',
      '',
      'Wachtend: 3. Afgeleverd in deze ronde: 2. Verwijderd (geweigerd of te oud): 0. Niet te openen: 0.',
      '',
      'Per centrum (wachtend, oudste in minuten):',
      '- oost-vlaanderen: 3, 75 min',
      '',
      'Gebeurtenissen sinds de vorige samenvatting:',
      '- all: quotum van de mailprovider op (2 keer)',
      '',
      'Deze mail bevat geen ingevulde gegevens. Zie README, "Intake forms", voor wat te doen.',
    ].join('\n'));
    expect(mail.html).toBe(`<pre>${mail.text.replace(/"/g, '&#34;')}</pre>`);
  });
});
