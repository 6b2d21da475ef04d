/**
 * The mail port of the intake: what a mail is, what sending can answer, and the one
 * interface every adapter (Resend, the local folder) implements.
 */

/** A file sent with a mail, e.g. an OpenPGP-encrypted copy of the centre mail (issue 11). */
export interface Attachment {
  filename: string;
  /** The file's bytes in base64. */
  content: string;
  contentType: string;
}

/** A mail as the intake sends it; `from` is added by the adapter. */
export interface OutgoingMail {
  to: string;
  replyTo?: string;
  subject: string;
  text: string;
  html: string;
  attachments?: Attachment[];
  /** Same key for the same submission, so a retry or resubmit delivers once. */
  idempotencyKey: string;
}

/** Why a mail did not go out, in words safe for logs (never the mail itself). */
export type FailureKind =
  | 'rate_limited' | 'server' | 'timeout' | 'network'
  /** Refused for good (422 validation and the like): retrying changes nothing. */
  | 'rejected'
  /** Daily or monthly quota spent: retrying for days only burns API calls. */
  | 'quota'
  /** The same idempotency key was already used for another payload (an edited resubmit). */
  | 'conflict'
  | 'unknown';

export type SendResult = { ok: true; id: string } | { ok: false; kind: FailureKind };

/** The port every mail adapter implements. */
export interface Mailer {
  send(mail: OutgoingMail): Promise<SendResult>;
}

/** Failures that no retry can mend (the provider refuses this mail itself): answer the referrer now. */
export const isPermanent = (kind: FailureKind): boolean => kind === 'rejected';

/**
 * The provider refuses because of its own limits (quota spent, rate limited): the mail is
 * fine, so it waits in the outbox and an operator is told; the referrer is never refused.
 */
export const isProviderLimit = (kind: FailureKind): boolean => kind === 'quota' || kind === 'rate_limited';

/** A mailer whose adapter throws (a read-only folder, a bug) answers a failure instead. */
export function sendSafely(mailer: Mailer, mail: OutgoingMail): Promise<SendResult> {
  return mailer.send(mail).catch(() => ({ ok: false, kind: 'unknown' }) as const);
}

/**
 * Outside production every mail goes to one test address, and the subject says where it
 * would have gone. Applied before a mail is sent or queued, so the outbox only ever holds
 * what will really be sent.
 */
export function redirectMail(mail: OutgoingMail, to: string): OutgoingMail {
  return { ...mail, to, subject: `[TEST, bestemd voor ${mail.to}] ${mail.subject}` };
}
