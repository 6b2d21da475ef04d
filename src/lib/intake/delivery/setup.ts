import type { IntakeEnv } from '../env';
import { createGuard, type Guard } from '../guard/flood';
import { createFileMailer } from './file-mailer';
import type { Mailer } from './mail';
import { netlifyOutbox, netlifyStore } from './netlify-outbox';
import type { Outbox } from './outbox';
import { createResendMailer } from './resend-mailer';
import { memoryStore } from './store';

export interface Delivery {
  mailer: Mailer;
  outbox: Outbox;
  /** The same provider with one call per mail: receipts, and each entry of the retry run. */
  onceMailer: Mailer;
  /** Flood guard state: client and centre counters, operator events, delivered keys. */
  guard: Guard;
  /** Outside production: the test inbox every mail is rewritten to before it is sent or queued. */
  redirectTo: string | null;
}

/**
 * Mail, outbox and guard as the environment says: Resend or the local folder; this context's
 * own stores. A request makes at most three provider calls: two for the centre mail, one
 * for a receipt; the retry run one per entry.
 */
export function deliveryFor(env: IntakeEnv): Delivery {
  const from = env.MAIL_FROM ?? 'Veilig Huis <intake@veilighuis.invalid>';
  const mailerWith = (maxAttempts: number) => env.RESEND_API_KEY
    ? createResendMailer({ apiKey: env.RESEND_API_KEY, from, budgetMs: env.MAIL_RETRY_BUDGET_MS, attemptTimeoutMs: env.MAIL_ATTEMPT_TIMEOUT_MS, maxAttempts })
    : createFileMailer({ dir: env.MAIL_OUTBOX_DIR, from });
  const mailer = mailerWith(2);
  // `npm start` without a Resend key: every post comes from one address and nothing leaves
  // the machine, so the limits would only get in a developer's way (state in memory, no
  // limit). Every deploy, and a local run with a Resend key, has them in Blobs.
  const local = env.deployContext === 'dev' && !env.RESEND_API_KEY;
  const guard = createGuard(local ? memoryStore() : netlifyStore(env.guardStore, env.deployId), local
    ? { clientLimit: Number.MAX_SAFE_INTEGER, clientLimitNoProof: Number.MAX_SAFE_INTEGER, centreMailsPerHour: Number.MAX_SAFE_INTEGER }
    : {
      clientLimit: env.CLIENT_LIMIT_PER_10_MIN,
      clientLimitNoProof: Math.min(env.CLIENT_LIMIT_NO_PROOF_PER_10_MIN, env.CLIENT_LIMIT_PER_10_MIN),
      centreMailsPerHour: env.CENTRE_MAILS_PER_HOUR,
    }, env.REFERENCE_SECRET);
  return { mailer, onceMailer: mailerWith(1), outbox: netlifyOutbox(env.outboxStore, env.OUTBOX_KEY, env.deployId), guard, redirectTo: env.redirectTo };
}
