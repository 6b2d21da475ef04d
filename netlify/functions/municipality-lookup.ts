import type { Config } from '@netlify/functions';
import { directory } from '../../src/lib/intake/directory';
import { checkRequest, json, readCapped, seeOther } from '../../src/lib/intake/web/http';
import { lookupAnswerPath, readLookupForm } from '../../src/lib/lookup-answer';

/**
 * POST /api/gemeente/: the municipality lookup without JavaScript. Answers 303 with the
 * answer's page, so what the reader typed stays out of the address and the history.
 * Bounded work: one body of at most 64 KiB, one pass over the municipality list.
 */
export default async (req: Request, _context?: unknown): Promise<Response> => {
  const kind = checkRequest(req, []);
  if (kind instanceof Response) return kind;
  if (kind !== 'form') return json(415, { error: 'unsupported_media_type' });
  const body = await readCapped(req);
  if (body === 'too_large') return json(413, { error: 'too_large' });
  if (body === 'bad_request') return json(400, { error: 'bad_request' });
  const { query, lang } = readLookupForm(body);
  return seeOther(lookupAnswerPath(query, lang, directory.municipalities));
};

export const config: Config = {
  // Both spellings answer the same; the form posts to the one `astro dev` also serves.
  path: ['/api/gemeente', '/api/gemeente/'],
  rateLimit: { windowLimit: 60, windowSize: 60, aggregateBy: ['ip', 'domain'] },
};
