import type { Config } from '@netlify/functions';
import { directory } from '../../src/lib/intake/directory';
import { readEnv } from '../../src/lib/intake/env';
import { decodeForm } from '../../src/lib/intake/form-data';
import { multiFieldsOf } from '../../src/lib/intake/form-definition';
import { checkRequest, parseBody, readCapped, takeEnvelope } from '../../src/lib/intake/http';
import { startLog } from '../../src/lib/intake/log';
import { newSubmissionId, SUBMISSION_ID_PATTERN } from '../../src/lib/intake/reference';
import { allowedOrigins, badRequest, beforeSending, deliveryFor, honeypot, invalid, submitted, tooLarge } from '../../src/lib/intake/respond';
import { submit } from '../../src/lib/intake/submit';
import { validate } from '../../src/lib/intake/validate';

/** POST /api/referral: a professional refers a family to the centre of its municipality. */
export default async function referral(req: Request): Promise<Response> {
  const log = startLog('referral');
  const answer = (res: Response, extra: { delivery?: 'sent' | 'queued' | 'unavailable' | 'honeypot'; error?: string; centre?: string } = {}) => {
    log.done({ status: res.status, ...extra });
    return res;
  };
  const env = readEnv();
  // 1. method, origin, content type, size
  const bodyKind = checkRequest(req, allowedOrigins(env));
  if (bodyKind instanceof Response) return answer(bodyKind, { error: 'refused' });
  // 2. parse
  const text = await readCapped(req);
  if (text === 'too_large') return answer(tooLarge(), { error: 'too_large' });
  const body = text === 'bad_request' ? null : parseBody(text, bodyKind, (p) => decodeForm(p, multiFieldsOf('referral')));
  const envelope = body && takeEnvelope(body, SUBMISSION_ID_PATTERN);
  if (!body || !envelope) return answer(badRequest(), { error: 'bad_request' });
  if (bodyKind === 'json') envelope.step = 'send';
  // 3. validate
  const valid = validate('referral', body, directory);
  if (envelope.honeypot) return answer(await honeypot('referral', bodyKind, valid), { delivery: 'honeypot' });
  if (!valid.ok) return answer(invalid('referral', bodyKind, body, valid.errors, envelope), { error: 'invalid' });
  const early = beforeSending('referral', valid, envelope);
  if (early) return answer(early);
  // 4. submit
  const result = await submit(
    { kind: 'referral', data: valid.data, centre: valid.centre, municipalityName: valid.municipalityName, overridden: valid.overridden, submissionId: envelope.submissionId ?? newSubmissionId() },
    deliveryFor(env),
  );
  // 5. answer
  return answer(submitted('referral', bodyKind, result, body), { delivery: result.status, error: result.failure, centre: result.centre });
}

export const config: Config = {
  // The slash variant is what the form posts to: `astro dev` (trailingSlash: 'always') only hands that one to the function.
  path: ['/api/referral', '/api/referral/'],
  // Per IP and domain: generous, because a police office or a shelter shares one address.
  rateLimit: { windowLimit: 20, windowSize: 60, aggregateBy: ['ip', 'domain'] },
};
