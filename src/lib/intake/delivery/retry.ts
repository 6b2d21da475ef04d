import { envOf } from '../env';
import { logSettingError, startLog } from '../log';
import { fromScheduler } from '../scheduler';
import { digestNeeded, renderDigest } from './digest';
import { redirectMail, sendSafely } from './mail';
import { deliveryFor } from './setup';

/** What the retry run reads of Netlify's context. */
export interface RetryContext { deploy?: { context?: string; id?: string }; requestId?: string }

/** The schedule in netlify/functions/outbox-retry.ts. A forged call meets the lease (RETRY_MIN_INTERVAL_MS). */
const EVERY_MS = 5 * 60 * 1000;
/** Kept free at the end of the run budget for the digest, the sweep and the log line. */
const SWEEP_MS = 1_000;

/**
 * One scheduled run of this deploy context's outbox: oldest first, each entry on its own,
 * ended by RETRY_RUN_BUDGET_MS or early when the provider limits or is down; then the
 * operator's digest when due, and the guard's old counters swept. Logs counts and centre
 * ids, never content.
 */
export async function runOutboxRetry(req: Request, context?: RetryContext): Promise<Response> {
  const log = startLog('outbox-retry', context?.requestId);
  const started = Date.now();
  if (!(await fromScheduler(req, EVERY_MS, started))) {
    log.done({ level: 'error', status: 403, error: 'not_scheduler' });
    return new Response(null, { status: 403 });
  }
  try {
    const env = envOf(context);
    // A redirect set for production is ignored here too; a person must see that it is set.
    for (const name of env.ignored) logSettingError('outbox-retry', name, 'ignored_in_production');
    const { onceMailer, outbox, guard, redirectTo } = deliveryFor(env);
    if (!(await guard.claimRun(started, env.RETRY_MIN_INTERVAL_MS))) {
      log.done({ level: 'error', status: 429, error: 'run_too_soon' });
      return new Response(null, { status: 429 });
    }
    const deadline = started + env.RETRY_RUN_BUDGET_MS;
    // No entry starts that could not send before the deadline. The last one may still run past
    // it by a few Blobs calls (each at most BLOBS_CALL_TIMEOUT_MS): RETRY_RUN_BUDGET_MS is at
    // most 20 s, so even then the run logs its line inside the platform's 30 s.
    const tally = await outbox.retry(onceMailer, { now: started, deadline: deadline - SWEEP_MS, sendMs: env.MAIL_ATTEMPT_TIMEOUT_MS, guard });
    if (tally.dropped) await guard.note('dropped', null).catch(() => {});
    if (tally.stoppedBy === 'quota' || tally.stoppedBy === 'rate_limited') await guard.note(tally.stoppedBy, null).catch(() => {});
    let digest: 'sent' | 'failed' | undefined;
    // The events are read (a list and a read per event) only where a digest can go out.
    const events = env.OPS_ALERT_TO ? await guard.events().catch(() => []) : [];
    if (env.OPS_ALERT_TO && digestNeeded({ tally, events }) && (await guard.claimDigest(Date.now()).catch(() => false))) {
      const mail = renderDigest({ tally, events, now: Date.now(), deployContext: env.deployContext }, env.OPS_ALERT_TO);
      const result = await sendSafely(onceMailer, redirectTo ? redirectMail(mail, redirectTo) : mail);
      digest = result.ok ? 'sent' : 'failed';
      if (result.ok) await guard.clearEvents(events.map((e) => e.key)).catch(() => {});
      else await guard.releaseDigest().catch(() => {});
    }
    await guard.sweep(started, deadline).catch(() => 0);
    const { delivered, waiting, expired, dropped, skipped, failed, skippedKinds, stoppedBy, budgetHeld } = tally;
    const errors = [...new Set(failed), ...(stoppedBy ? [`stopped_${stoppedBy}`] : []), ...(tally.listedAll === false ? ['listed_partly'] : []), ...(digest ? [`digest_${digest}`] : [])];
    log.done({
      level: skipped || dropped || digest === 'failed' ? 'error' : 'info', status: 204,
      counts: { delivered, waiting, expired, dropped, skipped, budgetHeld: budgetHeld.length },
      error: errors.length ? errors.join(',') : undefined, skippedKinds: skippedKinds.length ? [...new Set(skippedKinds)] : undefined,
      centre: budgetHeld.length ? budgetHeld.join(',') : undefined,
    });
    return new Response(null, { status: 204 });
  } catch (error) {
    log.done({ level: 'error', status: 500, error: error instanceof Error ? error.name : 'unknown' });
    return new Response(null, { status: 500 });
  }
}
