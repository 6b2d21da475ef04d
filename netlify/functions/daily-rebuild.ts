import type { Config, Context } from '@netlify/functions';
import { fromScheduler } from '../../src/lib/intake/scheduler';
import { triggerRebuild } from '../../src/lib/rebuild';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Once a day, just after midnight in Belgium, asks Netlify to rebuild the site so
 * past agenda dates leave the static pages (the browser already hides them).
 * Without BUILD_HOOK_URL it does nothing. Only the scheduler, and only in production
 * (scheduled functions run on the published deploy): anything else gets 403 and no build.
 */
export default async function dailyRebuild(req: Request, context?: Context): Promise<Response> {
  if (context?.deploy?.context !== 'production' || !(await fromScheduler(req, DAY_MS))) {
    console.error(JSON.stringify({ fn: 'daily-rebuild', outcome: 'refused', error: 'not_scheduler' }));
    return new Response(null, { status: 403 });
  }
  const outcome = await triggerRebuild(process.env);
  // Never log the hook URL: anyone who has it can start builds.
  console.log(JSON.stringify({ fn: 'daily-rebuild', outcome }));
  return new Response(null, { status: outcome === 'failed' ? 502 : 204 });
}

// Cron runs in UTC: 23:05 UTC is 00:05 in winter and 01:05 in summer in Brussels.
export const config: Config = { schedule: '5 23 * * *' };
