import type { FormKind } from './routing';
import { directory } from './directory';
import { readEnv } from './env';
import { decodeForm } from './form-data';
import { multiFieldsOf } from './form-definition';
import { checkRequest, parseBody, readCapped, takeEnvelope } from './http';
import { startLog } from './log';
import { newSubmissionId, SUBMISSION_ID_PATTERN } from './reference';
import { allowedOrigins, badRequest, beforeSending, deliveryFor, honeypot, invalid, submitted, tooLarge } from './respond';
import { submit } from './submit';
import { validate } from './validate';

/**
 * The whole request cycle of an intake form, shared by the referral and advice functions:
 * method, origin, type and size; parse; validate; submit; answer.
 */
export async function handleIntake(kind: FormKind, req: Request): Promise<Response> {
  const log = startLog(kind);
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
  const body = text === 'bad_request' ? null : parseBody(text, bodyKind, (p) => decodeForm(p, multiFieldsOf(kind)));
  const envelope = body && takeEnvelope(body, SUBMISSION_ID_PATTERN);
  if (!body || !envelope) return answer(badRequest(), { error: 'bad_request' });
  if (bodyKind === 'json') envelope.step = 'send';
  // 3. validate
  const valid = validate(kind, body, directory);
  if (envelope.honeypot) return answer(await honeypot(kind, bodyKind, valid), { delivery: 'honeypot' });
  if (!valid.ok) return answer(invalid(kind, bodyKind, body, valid.errors, envelope), { error: 'invalid' });
  const early = beforeSending(kind, valid, envelope);
  if (early) return answer(early);
  // 4. submit
  const result = await submit(
    { kind, data: valid.data, centre: valid.centre, municipalityName: valid.municipalityName, overridden: valid.overridden, submissionId: envelope.submissionId ?? newSubmissionId() },
    deliveryFor(env),
  );
  // 5. answer
  return answer(submitted(kind, bodyKind, result, body), { delivery: result.status, error: result.failure, centre: result.centre });
}

