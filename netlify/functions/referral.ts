import type { Config, Context } from '@netlify/functions';
import { handleIntake } from '../../src/lib/intake/web/handler';

/** POST /api/referral: a professional refers a family to the centre of its municipality. */
export default (req: Request, context: Context): Promise<Response> => handleIntake('referral', req, context);

export const config: Config = {
  // Both spellings answer the same, on Netlify and under `npm start`.
  path: ['/api/referral', '/api/referral/'],
  // Per IP and domain: generous, because a police office or a shelter shares one address.
  rateLimit: { windowLimit: 20, windowSize: 60, aggregateBy: ['ip', 'domain'] },
};
