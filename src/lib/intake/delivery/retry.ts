import { readEnv } from '../env';
import { deployContextOf } from '../kinds';
import { startLog } from '../log';
import { deliveryFor } from './setup';

/**
 * One scheduled run of the outbox of this deploy context: each entry on its own, so one
 * that does not open never holds back the others. Logs counts and key kinds, never content.
 */
export async function runOutboxRetry(context?: { deploy?: { context?: string }; requestId?: string }): Promise<Response> {
  const log = startLog('outbox-retry', context?.requestId);
  try {
    const { mailer, outbox } = deliveryFor(readEnv(process.env, deployContextOf(context)));
    const { delivered, waiting, expired, skipped, failed, skippedKinds } = await outbox.retry(mailer);
    log.done({
      level: skipped ? 'error' : 'info', status: 204, counts: { delivered, waiting, expired, skipped },
      error: failed.length ? [...new Set(failed)].join(',') : undefined, skippedKinds: skippedKinds.length ? [...new Set(skippedKinds)] : undefined,
    });
    return new Response(null, { status: 204 });
  } catch (error) {
    log.done({ level: 'error', status: 500, error: error instanceof Error ? error.name : 'unknown' });
    return new Response(null, { status: 500 });
  }
}
