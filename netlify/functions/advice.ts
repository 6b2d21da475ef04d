import type { Config, Context } from '@netlify/functions';
import { handleIntake } from '../../src/lib/intake/web/handler';

/** POST /api/advice: a professional asks the centre for advice. */
export default (req: Request, context: Context): Promise<Response> => handleIntake('advice', req, context);

export const config: Config = {
  // Both spellings answer the same, on Netlify and under `npm start`.
  path: ['/api/advice', '/api/advice/'],
  // Per IP and domain: generous, because a police office or a shelter shares one address.
  rateLimit: { windowLimit: 20, windowSize: 60, aggregateBy: ['ip', 'domain'] },
};
