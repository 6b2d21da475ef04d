import type { Config } from '@netlify/functions';
import { readEnv } from '../../src/lib/intake/env';
import { startLog } from '../../src/lib/intake/log';
import { deliveryFor } from '../../src/lib/intake/respond';

/**
 * Every 5 minutes: tries each mail waiting in the outbox once, deletes what Resend accepts
 * and whatever is older than 7 days. The mailer's own retry budget applies per mail.
 */
export default async function outboxRetry(): Promise<Response> {
  const log = startLog('outbox-retry');
  const { mailer, outbox } = deliveryFor(readEnv());
  try {
    const { delivered, waiting, expired, failed } = await outbox.retry(mailer);
    log.done({ status: 200, counts: { delivered, waiting, expired }, error: failed.length ? [...new Set(failed)].join(',') : undefined });
    return new Response(null, { status: 204 });
  } catch (error) {
    log.done({ status: 500, error: error instanceof Error ? error.name : 'unknown' });
    return new Response(null, { status: 500 });
  }
}

export const config: Config = { schedule: '*/5 * * * *' };
