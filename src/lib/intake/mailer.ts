/** A mail as the intake sends it; `from` is added by the adapter. */
export interface OutgoingMail {
  to: string;
  replyTo?: string;
  subject: string;
  text: string;
  html: string;
  /** Same key for the same submission, so a retry or resubmit delivers once. */
  idempotencyKey: string;
}

/** Why a mail did not go out, in words safe for logs (never the mail itself). */
export type FailureKind = 'rate_limited' | 'server' | 'timeout' | 'network' | 'rejected' | 'quota' | 'unknown';

export type SendResult = { ok: true; id: string } | { ok: false; kind: FailureKind };

/** The port every mail adapter implements. */
export interface Mailer {
  send(mail: OutgoingMail): Promise<SendResult>;
}

/**
 * Outside production every mail goes to one test address, and the subject says where it
 * would have gone, so a preview deploy never writes to a real centre.
 */
export function redirectMailer(inner: Mailer, to: string): Mailer {
  return {
    send: (mail) => inner.send({ ...mail, to, subject: `[TEST, bestemd voor ${mail.to}] ${mail.subject}` }),
  };
}
