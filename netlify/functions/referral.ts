import type { Config } from '@netlify/functions';
import { handleIntake } from '../../src/lib/intake/handler';

/** POST /api/referral: a professional refers a family to the centre of its municipality. */
export default (req: Request): Promise<Response> => handleIntake('referral', req);

export const config: Config = {
  // The slash variant is what the form posts to: `astro dev` (trailingSlash: 'always') only hands that one to the function.
  path: ['/api/referral', '/api/referral/'],
  // Per IP and domain: generous, because a police office or a shelter shares one address.
  rateLimit: { windowLimit: 20, windowSize: 60, aggregateBy: ['ip', 'domain'] },
};
