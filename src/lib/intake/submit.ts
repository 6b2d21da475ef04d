import type { DirectoryCentre } from './directory';
import { phoneFor } from './directory';
import type { Mailer, OutgoingMail } from './mailer';
import type { Outbox } from './outbox';
import { referenceFor } from './reference';
import { renderAdviceMail, renderReceipt, renderReferralMail } from './render-mail';
import type { FormKind } from './routing';
import { mailboxFor } from './routing';

export interface Submission {
  kind: FormKind;
  /** Validated form data. */
  data: { referrer?: { email: string }; email?: string };
  centre: DirectoryCentre;
  municipalityName: string | null;
  overridden: boolean;
  submissionId: string;
}

export type SubmitResult = {
  status: 'sent' | 'queued' | 'unavailable';
  reference: string;
  centre: string;
  phone: string | null;
  /** Why the centre's mail did not go out now, for the log. */
  failure?: string;
};

/**
 * Delivers a submission: the centre's mail first, then the referrer's receipt. What cannot
 * be delivered now goes into the outbox (202); only when that fails too is it 503. The
 * idempotency keys come from the submission id, so a resubmit never makes a second mail.
 */
export async function submit(s: Submission, deps: { mailer: Mailer; outbox: Outbox }): Promise<SubmitResult> {
  const reference = await referenceFor(s.centre.code, s.submissionId);
  const base = { reference, centre: s.centre.id, phone: phoneFor(s.centre) };
  const to = mailboxFor(s.centre, s.kind);
  if (!to) return { ...base, status: 'unavailable', failure: 'no_mailbox' };
  const referrerEmail = s.kind === 'referral' ? s.data.referrer!.email : s.data.email!;
  const render = s.kind === 'referral' ? renderReferralMail : renderAdviceMail;
  const ctx = { centre: s.centre, reference, municipalityName: s.municipalityName, overridden: s.overridden };
  const centreMail: OutgoingMail = { ...render(s.data, ctx), to, replyTo: referrerEmail, idempotencyKey: `${s.kind}-${s.submissionId}` };
  const receipt: OutgoingMail = { ...renderReceipt(s.kind, s.centre, reference), to: referrerEmail, replyTo: to, idempotencyKey: `${s.kind}-${s.submissionId}-receipt` };

  const sent = await deps.mailer.send(centreMail);
  if (sent.ok) {
    // An earlier attempt of this submission may still wait in the outbox.
    await deps.outbox.remove(centreMail.idempotencyKey).catch(() => {});
    const receiptSent = await deps.mailer.send(receipt);
    if (!receiptSent.ok) await deps.outbox.put(receipt).catch(() => {});
    return { ...base, status: 'sent' };
  }
  try {
    await deps.outbox.put(centreMail);
  } catch {
    return { ...base, status: 'unavailable', failure: `${sent.kind}+outbox` };
  }
  await deps.outbox.put(receipt).catch(() => {});
  return { ...base, status: 'queued', failure: sent.kind };
}
