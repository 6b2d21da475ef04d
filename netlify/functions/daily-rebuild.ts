import type { Config } from '@netlify/functions';
import { triggerRebuild } from '../../src/lib/rebuild';

/**
 * Once a day, just after midnight in Belgium, asks Netlify to rebuild the site so
 * past agenda dates leave the static pages (the browser already hides them).
 * Without BUILD_HOOK_URL it does nothing.
 */
export default async function dailyRebuild(): Promise<Response> {
  const outcome = await triggerRebuild(process.env);
  // Never log the hook URL: anyone who has it can start builds.
  console.log(JSON.stringify({ fn: 'daily-rebuild', outcome }));
  return new Response(null, { status: outcome === 'failed' ? 502 : 204 });
}

// Cron runs in UTC: 23:05 UTC is 00:05 in winter and 01:05 in summer in Brussels.
export const config: Config = { schedule: '5 23 * * *' };
