import { mailboxFor, phoneFor, type DirectoryCentre } from '../directory';
import type { FormKind } from '../kinds';
import { referenceFor } from '../reference';
import { renderAdviceMail, renderReceipt, renderReferralMail } from '../render/mail';
import { payloadHash } from '../guard/flood';
import { isPermanent, isProviderLimit, redirectMail, sendSafely, type FailureKind, type OutgoingMail } from './mail';
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
  /** The sender's turn in the outbox (`guard.clientTag`): a keyed hash, never the address. */
  client?: string;
}

export type SubmitStatus =
  /** Resend (or the local folder) accepted the centre mail. */
  | 'sent'
  /** Not now; the outbox delivers it later. */
  | 'queued'
  /** Neither sending nor the outbox worked, or the centre has no mailbox. */
  | 'unavailable'
  /** Refused for good (the provider's validation): the referrer must call. */
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
  failure?: FailureKind | 'no_mailbox' | 'encryption' | 'budget' | `${FailureKind | 'budget'}+outbox`;
}

/**
 * The idempotency keys of a submission, one namespace per role: no submission id (which the
 * client chooses) can make the key of another submission's receipt.
 */
export const mailKeys = (kind: FormKind, submissionId: string) => ({
  centre: `${kind}:centre:${submissionId}`,
  receipt: `${kind}:receipt:${submissionId}`,
});

export interface SubmitDeps extends Omit<Delivery, 'guard' | 'onceMailer'> {
  /** The flood guard; without it (unit tests) no budget or delivered record applies. */
  guard?: Delivery['guard'];
  /** One provider call per receipt (default: the mailer). */
  onceMailer?: Delivery['mailer'];
  referenceSecret: string;
  receiptDomains?: readonly string[];
}

/**
 * Delivers a submission: render the centre mail, prepare it (the seam for encryption),
 * address it (redirected outside production), send it; then the receipt, only to an
 * allow-listed domain. What cannot be delivered now (the provider down, rate limited or out
 * of quota, or the centre's hourly budget spent) goes into the outbox exactly as it would
 * have been sent (202); only a mail the provider refuses for good is answered now (503). The
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
  const keys = mailKeys(s.kind, s.submissionId);
  let prepared: OutgoingMail;
  try {
    prepared = await prepareCentreMail(
      { ...rendered, to, replyTo: referrerEmail, idempotencyKey: keys.centre },
      s.centre, { kind: s.kind, submissionId: s.submissionId, reference, data: s.data, municipalityName: s.municipalityName, overridden: s.overridden },
    );
  } catch {
    // The centre's key cannot be used: nothing goes out in plain text; the referrer calls.
    return { ...base, status: 'unavailable', failure: 'encryption' };
  }
  const centreMail = address(prepared);
  const receipt = receiptAllowed(referrerEmail, deps.receiptDomains)
    ? address({ ...renderReceipt(s.kind, s.centre, reference), to: referrerEmail, replyTo: to, idempotencyKey: keys.receipt })
    : null;
  const guard = deps.guard;
  // The guard's store failing must not stop a referral: then the provider decides (fail open).
  const tryGuard = async <T>(work: () => Promise<T>, fallback: T): Promise<T> => (guard ? work().catch(() => fallback) : fallback);

  // The budget's read runs beside the delivered check (one round trip less); nothing is spent
  // before the check has said this submission was not delivered yet.
  const now = Date.now();
  const peeked = await tryGuard(async () => guard!.peekCentre(s.centre.id, now), undefined);
  const earlier = await tryGuard(() => guard!.delivered(keys.centre), null);
  if (earlier !== null) return { ...base, status: earlier === (await payloadHash(centreMail)) ? 'sent' : 'already_sent' };
  const queue = async (failure: FailureKind | 'budget'): Promise<SubmitResult> => {
    try {
      await deps.outbox.put(centreMail, s.centre.id, s.client);
    } catch {
      return { ...base, status: 'unavailable', failure: `${failure}+outbox` };
    }
    if (receipt) await deps.outbox.put(receipt).catch(() => {});
    return { ...base, status: 'queued', failure };
  };
  // The centre's hourly budget: beyond it the mail waits (never refused) and an operator is told.
  if (!(await tryGuard(() => guard!.spendCentre(s.centre.id, now, peeked), true))) {
    await tryGuard(() => guard!.note('budget', s.centre.id), undefined);
    return queue('budget');
  }

  const sent = await sendSafely(deps.mailer, centreMail);
  if (sent.ok) {
    // The delivered record and the receipt do not depend on each other: side by side.
    await Promise.all([
      tryGuard(async () => guard!.markDelivered(keys.centre, await payloadHash(centreMail)), undefined),
      (async () => {
        if (!receipt) return;
        const receiptSent = await sendSafely(deps.onceMailer ?? deps.mailer, receipt);
        if (!receiptSent.ok && !isPermanent(receiptSent.kind) && receiptSent.kind !== 'conflict') await deps.outbox.put(receipt).catch(() => {});
      })(),
    ]);
    return { ...base, status: 'sent' };
  }
  if (sent.kind === 'conflict') return { ...base, status: 'already_sent', failure: sent.kind };
  if (isPermanent(sent.kind)) return { ...base, status: 'rejected', failure: sent.kind };
  // Quota spent or rate limited: the provider's limit, not the referrer's fault. Queue and tell.
  if (isProviderLimit(sent.kind)) await tryGuard(() => guard!.note(sent.kind as 'quota' | 'rate_limited', s.centre.id), undefined);
  return queue(sent.kind);
}
