import { mailboxFor, phoneFor, type DirectoryCentre } from '../directory';
import type { FormKind } from '../kinds';
import { referenceFor } from '../reference';
import { renderAdviceMail, renderReceipt, renderReferralMail } from '../render/mail';
import { isPermanent, redirectMail, sendSafely, type FailureKind, type OutgoingMail } from './mail';
import { prepareCentreMail } from './prepare';
import { receiptAllowed } from './receipt-policy';
import type { Delivery } from './setup';

export interface Submission {
  kind: FormKind;
  /** Validated form data. */
  data: { referrer?: { email: string }; email?: string };
  centre: DirectoryCentre;
  municipalityName: string | null;
  overridden: boolean;
  submissionId: string;
}

export type SubmitStatus =
  /** Resend (or the local folder) accepted the centre mail. */
  | 'sent'
  /** Not now; the outbox delivers it later. */
  | 'queued'
  /** Neither sending nor the outbox worked, or the centre has no mailbox. */
  | 'unavailable'
  /** Refused for good (validation, quota): the referrer must call. */
  | 'rejected'
  /** This submission id was already sent with other answers. */
  | 'already_sent';

export interface SubmitResult {
  status: SubmitStatus;
  reference: string;
  centre: string;
  phone: string;
  line: 'centre' | 'none';
  /** Why the centre's mail did not go out now, for the log. */
  failure?: FailureKind | 'no_mailbox' | 'encryption' | `${FailureKind}+outbox`;
}

export interface SubmitDeps extends Delivery {
  referenceSecret: string;
  receiptDomains?: readonly string[];
}

/**
 * Delivers a submission: render the centre mail, prepare it (the seam for encryption),
 * address it (redirected outside production), send it; then the receipt, only to an
 * allow-listed domain. What cannot be delivered now goes into the outbox exactly as it
 * would have been sent (202); what is refused for good is answered now (503). The
 * idempotency keys come from the submission id, so a resubmit never makes a second mail;
 * a sent mail leaves any queued entry of an earlier attempt to the outbox retry, which
 * clears it without a second mail, so a submission costs no outbox round trip.
 */
export async function submit(s: Submission, deps: SubmitDeps): Promise<SubmitResult> {
  const reference = await referenceFor(s.centre.code, s.submissionId, deps.referenceSecret);
  const base = { reference, centre: s.centre.id, ...phoneFor(s.centre) };
  const to = mailboxFor(s.centre, s.kind);
  if (!to) return { ...base, status: 'unavailable', failure: 'no_mailbox' };
  const address = (mail: OutgoingMail) => (deps.redirectTo ? redirectMail(mail, deps.redirectTo) : mail);
  const referrerEmail = s.kind === 'referral' ? s.data.referrer!.email : s.data.email!;
  const render = s.kind === 'referral' ? renderReferralMail : renderAdviceMail;
  const rendered = render(s.data, { centre: s.centre, reference, municipalityName: s.municipalityName, overridden: s.overridden });
  let prepared: OutgoingMail;
  try {
    prepared = await prepareCentreMail(
      { ...rendered, to, replyTo: referrerEmail, idempotencyKey: `${s.kind}-${s.submissionId}` },
      s.centre, { kind: s.kind, submissionId: s.submissionId, reference, data: s.data, municipalityName: s.municipalityName, overridden: s.overridden },
    );
  } catch {
    // The centre's key cannot be used: nothing goes out in plain text; the referrer calls.
    return { ...base, status: 'unavailable', failure: 'encryption' };
  }
  const centreMail = address(prepared);
  const receipt = receiptAllowed(referrerEmail, deps.receiptDomains)
    ? address({ ...renderReceipt(s.kind, s.centre, reference), to: referrerEmail, replyTo: to, idempotencyKey: `${s.kind}-${s.submissionId}-receipt` })
    : null;

  const sent = await sendSafely(deps.mailer, centreMail);
  if (sent.ok) {
    if (receipt) {
      const receiptSent = await sendSafely(deps.mailer, receipt);
      if (!receiptSent.ok && !isPermanent(receiptSent.kind) && receiptSent.kind !== 'conflict') await deps.outbox.put(receipt).catch(() => {});
    }
    return { ...base, status: 'sent' };
  }
  if (sent.kind === 'conflict') return { ...base, status: 'already_sent', failure: sent.kind };
  if (isPermanent(sent.kind)) return { ...base, status: 'rejected', failure: sent.kind };
  try {
    await deps.outbox.put(centreMail);
  } catch {
    return { ...base, status: 'unavailable', failure: `${sent.kind}+outbox` };
  }
  if (receipt) await deps.outbox.put(receipt).catch(() => {});
  return { ...base, status: 'queued', failure: sent.kind };
}
