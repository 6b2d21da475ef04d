import { z } from 'zod';

/**
 * The daily rebuild: POST to a Netlify build hook so sessions that passed drop
 * off the static pages. The build depends only on the content and the day, so a
 * rebuild with nothing new produces the same site.
 */
const envSchema = z.object({
  /** Netlify build hook, e.g. https://api.netlify.com/build_hooks/<id>; unset means: do nothing. */
  BUILD_HOOK_URL: z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.url({ protocol: /^https?$/ }).optional()),
});

export type RebuildOutcome = 'skipped' | 'triggered' | 'failed';

export async function triggerRebuild(
  source: Record<string, string | undefined>,
  post: typeof fetch = fetch,
): Promise<RebuildOutcome> {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) throw new Error('daily-rebuild: BUILD_HOOK_URL is geen geldige URL');
  const hook = parsed.data.BUILD_HOOK_URL;
  if (!hook) return 'skipped';
  const url = new URL(hook);
  url.searchParams.set('trigger_title', 'Dagelijkse herbouw (agenda)');
  try {
    const response = await post(url, { method: 'POST', body: '{}', headers: { 'Content-Type': 'application/json' }, signal: AbortSignal.timeout(10_000) });
    return response.ok ? 'triggered' : 'failed';
  } catch {
    return 'failed';
  }
}
