import type { Config, Context } from '@netlify/functions';
import { runOutboxRetry } from '../../src/lib/intake/delivery/retry';

/**
 * Every 5 minutes: tries the mails waiting in this deploy context's outbox, oldest first,
 * within RETRY_RUN_BUDGET_MS; tells OPS_ALERT_TO when mail is stuck. Refuses any request
 * that is not the scheduler's (retry.ts). Imports the delivery layer only.
 */
export default (req: Request, context: Context): Promise<Response> => runOutboxRetry(req, context);

export const config: Config = { schedule: '*/5 * * * *' };
