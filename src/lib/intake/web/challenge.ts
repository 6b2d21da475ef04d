import { envOf } from '../env';
import { challengeFor } from '../guard/proof';
import { startLog } from '../log';
import { SUBMISSION_ID_PATTERN } from '../reference';
import { json } from './http';
import type { PlatformContext } from './handler';

/**
 * GET /api/intake-challenge?id=<submission id>: a proof-of-work challenge for this one
 * submission (guard/proof.ts). Costs the server one hash and one HMAC; stores nothing.
 * The enhanced form asks for it on the check step and solves it while the referrer reads.
 */
export async function handleChallenge(req: Request, context?: PlatformContext): Promise<Response> {
  const log = startLog('intake-challenge', context?.requestId);
  const answer = (res: Response, error?: string) => { log.done({ status: res.status, error }); return res; };
  if (req.method !== 'GET') return answer(json(405, { error: 'method_not_allowed' }, { Allow: 'GET' }), 'refused');
  if (req.headers.get('sec-fetch-site') === 'cross-site') return answer(json(403, { error: 'forbidden' }), 'refused');
  const id = new URL(req.url).searchParams.get('id') ?? '';
  if (!SUBMISSION_ID_PATTERN.test(id)) return answer(json(400, { error: 'bad_request' }), 'bad_request');
  try {
    const env = envOf(context);
    return answer(json(200, await challengeFor(id, env.REFERENCE_SECRET, env.PROOF_MAX_NUMBER)));
  } catch {
    // Without a challenge the form still goes, under the stricter limit.
    return answer(json(503, { error: 'unavailable' }), 'config');
  }
}
