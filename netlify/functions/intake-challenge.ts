import type { Config, Context } from '@netlify/functions';
import { handleChallenge } from '../../src/lib/intake/web/challenge';

/** GET /api/intake-challenge: the enhanced form's proof-of-work challenge (no other host, no cookie). */
export default (req: Request, context: Context): Promise<Response> => handleChallenge(req, context);

export const config: Config = {
  path: ['/api/intake-challenge', '/api/intake-challenge/'],
  // One challenge per submission; a reader needs a few, a flood gains nothing from more.
  rateLimit: { windowLimit: 30, windowSize: 60, aggregateBy: ['ip', 'domain'] },
};
