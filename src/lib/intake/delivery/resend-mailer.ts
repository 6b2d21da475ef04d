import type { Resend } from 'resend';
import type { FailureKind, Mailer, OutgoingMail, SendResult } from './mail';

export interface ResendMailerOptions {
  apiKey: string;
  from: string;
  /** Total time for all attempts of one mail, e.g. 4000 ms. */
  budgetMs: number;
  /** Time one attempt may take before it counts as a timeout. */
  attemptTimeoutMs: number;
  /** Provider calls per mail at most (the budget may end it sooner): bounds what one request costs. */
  maxAttempts?: number;
  sleep?: (ms: number) => Promise<void>;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

// Loaded on the first send, not at cold start: the SDK brings mail parsing and webhooks
// the intake never uses, and a 422 page or a refusal should not wait for them.
let sdk: Promise<typeof import('resend')> | undefined;
const loadSdk = () => (sdk ??= import('resend'));

type Attempt = SendResult | { ok: false; kind: FailureKind; retryAfterMs?: number };

/** Classifies Resend's `{data, error}`; only a message id counts as delivered. */
function classify(result: Awaited<ReturnType<Resend['emails']['send']>>, aborted: boolean): Attempt {
  if (result.data && typeof result.data.id === 'string' && result.data.id) return { ok: true, id: result.data.id };
  const error = result.error;
  if (!error) return { ok: false, kind: 'unknown' };
  const status = error.statusCode;
  if (status === null) return { ok: false, kind: aborted ? 'timeout' : 'network' };
  if (error.name === 'daily_quota_exceeded' || error.name === 'monthly_quota_exceeded') return { ok: false, kind: 'quota' };
  if (status === 429) {
    const seconds = Number(result.headers?.['retry-after']);
    return { ok: false, kind: 'rate_limited', retryAfterMs: Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined };
  }
  if (status >= 500 || error.name === 'concurrent_idempotent_requests') return { ok: false, kind: 'server' };
  if (error.name === 'invalid_idempotent_request') return { ok: false, kind: 'conflict' };
  return { ok: false, kind: 'rejected' };
}

const retryable = (kind: FailureKind) => kind === 'rate_limited' || kind === 'server' || kind === 'timeout' || kind === 'network';

/**
 * The Resend adapter, the only module that imports `resend`. Retries 429 (after Retry-After), 5xx, timeouts
 * and refused connections with backoff while the budget and `maxAttempts` allow (default 2: one
 * request costs at most two provider calls per mail); never 4xx or quota.
 */
export function createResendMailer(options: ResendMailerOptions): Mailer {
  const sleep = options.sleep ?? wait;
  return {
    async send(mail: OutgoingMail): Promise<SendResult> {
      const { Resend: Client } = await loadSdk();
      const resend = new Client(options.apiKey);
      const deadline = Date.now() + options.budgetMs;
      let backoff = 250;
      for (let attempts = 1; ; attempts++) {
        const remaining = deadline - Date.now();
        const signal = AbortSignal.timeout(Math.max(1, Math.min(options.attemptTimeoutMs, remaining)));
        const result = await resend.emails.send(
          {
            from: options.from, to: mail.to, replyTo: mail.replyTo, subject: mail.subject, text: mail.text, html: mail.html,
            attachments: mail.attachments?.map((a) => ({ filename: a.filename, content: a.content, contentType: a.contentType })),
          },
          { idempotencyKey: mail.idempotencyKey, signal },
        );
        const attempt = classify(result, signal.aborted);
        if (attempt.ok || !retryable(attempt.kind)) return attempt.ok ? attempt : { ok: false, kind: attempt.kind };
        if (attempts >= (options.maxAttempts ?? 2)) return { ok: false, kind: attempt.kind };
        const pause = ('retryAfterMs' in attempt && attempt.retryAfterMs !== undefined) ? attempt.retryAfterMs : backoff;
        if (Date.now() + pause >= deadline) return { ok: false, kind: attempt.kind };
        await sleep(pause);
        backoff *= 2;
      }
    },
  };
}
