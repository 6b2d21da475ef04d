import type { IntakeEnv } from '../env';
import { createFileMailer } from './file-mailer';
import type { Mailer } from './mail';
import { netlifyOutbox } from './netlify-outbox';
import type { Outbox } from './outbox';
import { createResendMailer } from './resend-mailer';

export interface Delivery {
  mailer: Mailer;
  outbox: Outbox;
  /** Outside production: the test inbox every mail is rewritten to before it is sent or queued. */
  redirectTo: string | null;
}

/** Mail and outbox as the environment says: Resend or the local folder; the context's own outbox store. */
export function deliveryFor(env: IntakeEnv): Delivery {
  const from = env.MAIL_FROM ?? 'Veilig Huis <intake@veilighuis.invalid>';
  const mailer = env.RESEND_API_KEY
    ? createResendMailer({ apiKey: env.RESEND_API_KEY, from, budgetMs: env.MAIL_RETRY_BUDGET_MS, attemptTimeoutMs: env.MAIL_ATTEMPT_TIMEOUT_MS })
    : createFileMailer({ dir: env.MAIL_OUTBOX_DIR, from });
  return { mailer, outbox: netlifyOutbox(env.outboxStore, env.OUTBOX_KEY), redirectTo: env.redirectTo };
}
