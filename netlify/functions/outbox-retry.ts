import type { Config, Context } from '@netlify/functions';
import { runOutboxRetry } from '../../src/lib/intake/delivery/retry';

/**
 * Every 5 minutes: tries each mail waiting in this deploy context's outbox once, deletes
 * what Resend accepts and whatever is older than 7 days. Imports the delivery layer only.
 */
export default (_req: Request, context: Context): Promise<Response> => runOutboxRetry(context);

export const config: Config = { schedule: '*/5 * * * *' };
