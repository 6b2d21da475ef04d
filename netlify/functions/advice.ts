import type { Config } from '@netlify/functions';
import { handleIntake } from '../../src/lib/intake/handler';

/** POST /api/advice: a professional asks the centre for advice. */
export default (req: Request): Promise<Response> => handleIntake('advice', req);

export const config: Config = {
  // The slash variant is what the form posts to: `astro dev` (trailingSlash: 'always') only hands that one to the function.
  path: ['/api/advice', '/api/advice/'],
  // Per IP and domain: generous, because a police office or a shelter shares one address.
  rateLimit: { windowLimit: 20, windowSize: 60, aggregateBy: ['ip', 'domain'] },
};
