/**
 * Is this request Netlify's scheduler? The scheduler calls a scheduled function with a POST
 * whose JSON body holds only `next_run`, the next time on its schedule (Netlify's docs and
 * the Functions API v2). A plain GET, another body, or a next_run far from the schedule is
 * not the scheduler. The body can be forged by whoever knows this, so the callers add a
 * bound of their own (the retry run's lease; the rebuild only in production). What we could
 * not verify here is listed in docs/flood-defence.md.
 */
export async function fromScheduler(req: Request, periodMs: number, now = Date.now()): Promise<boolean> {
  if (req.method !== 'POST') return false;
  const text = await req.text().catch(() => '');
  if (text.length > 256) return false;
  try {
    const body = JSON.parse(text) as Record<string, unknown>;
    if (!body || typeof body !== 'object' || Object.keys(body).join() !== 'next_run' || typeof body.next_run !== 'string') return false;
    const next = Date.parse(body.next_run);
    return Number.isFinite(next) && next >= now - 60_000 && next <= now + periodMs + 60_000;
  } catch {
    return false;
  }
}
