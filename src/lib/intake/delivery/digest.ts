import type { EventRecord, GuardEvent } from '../guard/flood';
import type { OutgoingMail } from './mail';
import type { RetryTally } from './outbox';

/**
 * The operator's digest (OPS_ALERT_TO): counts, centre ids and ages only, never a typed
 * value, a key or a reference. Sent by the retry run at most once an hour, when mail waits
 * longer than an hour, when a budget, quota or rate limit was hit, or when entries were dropped.
 */
export const WAIT_ALERT_MINUTES = 60;

export interface DigestInput {
  tally: RetryTally;
  events: Array<{ event: GuardEvent; centre: string; record: EventRecord }>;
  now: number;
  deployContext: string;
}

const label: Record<GuardEvent, string> = {
  budget: 'uurbudget van het centrum bereikt, meldingen in de wachtrij gezet',
  quota: 'quotum van de mailprovider op',
  rate_limited: 'mailprovider remt af (429)',
  dropped: 'definitief geweigerd of ouder dan 7 dagen, uit de wachtrij verwijderd',
  client_limit: 'afzender boven de limiet per 10 minuten (429 met telefoonnummer)',
};
const id = (text: string) => text.replace(/[^a-z0-9-]/g, '?');

/** True when something is worth an operator's attention. */
export function digestNeeded({ tally, events }: Pick<DigestInput, 'tally' | 'events'>): boolean {
  const longWait = Object.values(tally.queue).some((q) => q.oldestMinutes >= WAIT_ALERT_MINUTES);
  return longWait || tally.dropped > 0 || tally.stoppedBy === 'quota' || events.some((e) => e.event !== 'client_limit');
}

export function renderDigest({ tally, events, now, deployContext }: DigestInput, to: string): OutgoingMail {
  const lines = [
    `Intake, ${id(deployContext)}: stand van de wachtrij op ${new Date(now).toISOString()}`,
    '',
    `Wachtend: ${tally.waiting}. Afgeleverd in deze ronde: ${tally.delivered}. Verwijderd (geweigerd of te oud): ${tally.dropped}. Niet te openen: ${tally.skipped}.`,
    ...(tally.stoppedBy ? [`De ronde stopte vroeg: ${tally.stoppedBy}.`] : []),
    '',
    'Per centrum (wachtend, oudste in minuten):',
    ...Object.entries(tally.queue).map(([centre, q]) => `- ${id(centre)}: ${q.waiting}, ${q.oldestMinutes} min`),
    '',
    'Gebeurtenissen sinds de vorige samenvatting:',
    ...events.map((e) => `- ${id(e.centre)}: ${label[e.event] ?? id(e.event)} (${e.record.count} keer)`),
    '',
    'Deze mail bevat geen ingevulde gegevens. Zie README, "Intake forms", voor wat te doen.',
  ];
  const text = lines.join('\n');
  const html = `<pre>${text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`)}</pre>`;
  const hour = Math.floor(now / 3_600_000);
  return { to, subject: `Intake: ${tally.waiting} wachtend, ${events.length} meldingen`, text, html, idempotencyKey: `ops:digest:${hour}` };
}
