import { deliveryFor } from '../delivery/setup';
import { submit } from '../delivery/submit';
import { directory, phoneFor } from '../directory';
import { envOf, type IntakeEnv } from '../env';
import { decodeForm } from '../forms/form-data';
import { multiFieldsOf } from '../forms/definition';
import { validate } from '../forms/validate';
import type { FormKind } from '../kinds';
import { proofHolds } from '../guard/proof';
import { logSettingError, startLog, type LogLine } from '../log';
import { newSubmissionId, referenceFor, SUBMISSION_ID_PATTERN } from '../reference';
import { checkRequest, parseBody, readCapped, takeEnvelope } from './http';
import { badRequest, beforeSending, invalid, limited, submitted, tooLarge } from './respond';

/** What the intake reads of Netlify's v2 context (the second argument of a handler). */
export interface PlatformContext {
  deploy?: { context?: string; id?: string };
  requestId?: string;
  /** The client's address as Netlify sees it; only a keyed hash of it is ever stored. */
  ip?: string;
}

/** The client's address: the platform's context first, then the header Netlify sets. */
const clientAddress = (req: Request, context: PlatformContext | undefined) =>
  context?.ip || req.headers.get('x-nf-client-connection-ip') || 'unknown';

function envFor(context: PlatformContext | undefined): IntakeEnv | null {
  try {
    return envOf(context);
  } catch (error) {
    // Names of the wrong variables only, never values: a person must see this.
    console.error(error instanceof Error ? error.message : 'intake: ongeldige omgevingsvariabelen');
    return null;
  }
}

/**
 * The whole request cycle of an intake form, shared by the referral and advice functions:
 * method, origin, type and size; parse; validate; submit; answer.
 */
export async function handleIntake(kind: FormKind, req: Request, context?: PlatformContext): Promise<Response> {
  const log = startLog(kind, context?.requestId);
  const answer = (res: Response, extra: Omit<LogLine, 'route' | 'status'> = {}) => {
    log.done({ status: res.status, ...extra });
    return res;
  };
  const env = envFor(context);
  for (const name of env?.ignored ?? []) logSettingError(kind, name, 'ignored_in_production');
  // 1. method, origin, content type, size
  const origins = env ? [...env.ALLOWED_ORIGINS, ...[env.URL, env.DEPLOY_PRIME_URL].filter((u): u is string => Boolean(u))] : [];
  const bodyKind = checkRequest(req, origins);
  if (bodyKind instanceof Response) return answer(bodyKind, { error: 'refused' });
  // 2. parse
  const text = await readCapped(req);
  if (text === 'too_large') return answer(tooLarge(), { error: 'too_large' });
  const body = text === 'bad_request' ? null : parseBody(text, bodyKind, (p) => decodeForm(p, multiFieldsOf(kind)));
  const taken = body && takeEnvelope(body, SUBMISSION_ID_PATTERN);
  if (!taken) return answer(badRequest(), { error: 'bad_request' });
  const { envelope, fields } = taken;
  if (bodyKind === 'json') envelope.step = 'send';
  // 3. validate: a bot that filled the honeypot meets the same answers as a person until the send step
  const valid = validate(kind, fields, directory);
  if (!valid.ok) return answer(await invalid(kind, bodyKind, fields, valid.errors, envelope, directory), { error: 'invalid' });
  const early = await beforeSending(kind, valid, envelope, directory);
  if (early) return answer(early);
  const submissionId = envelope.submissionId ?? newSubmissionId();
  if (!env) {
    const result = { status: 'unavailable', reference: '', centre: valid.centre.id, ...phoneFor(valid.centre) } as const;
    return answer(await submitted(kind, bodyKind, result, fields, directory), { level: 'error', delivery: 'unavailable', error: 'config' });
  }
  if (envelope.honeypot) {
    const reference = await referenceFor(valid.centre.code, submissionId, env.REFERENCE_SECRET);
    const result = { status: 'sent', reference, centre: valid.centre.id, ...phoneFor(valid.centre) } as const;
    return answer(await submitted(kind, bodyKind, result, fields, directory), { delivery: 'honeypot' });
  }
  // 4. the client's limit (a solved proof of work earns the wider one; the guard's store down: open), then submit
  const delivery = deliveryFor(env);
  const proven = envelope.submissionId !== null && await proofHolds(envelope.proof, submissionId, env.REFERENCE_SECRET);
  const address = clientAddress(req, context);
  if (!(await delivery.guard.admitClient(address, proven).catch(() => true))) {
    return answer(await limited(kind, bodyKind, phoneFor(valid.centre), fields, directory), { delivery: 'limited', error: proven ? 'client_limit' : 'client_limit_no_proof', centre: valid.centre.id });
  }
  const result = await submit(
    { kind, data: valid.data, centre: valid.centre, municipalityName: valid.municipalityName, overridden: valid.overridden, submissionId, client: await delivery.guard.clientTag(address) },
    { ...delivery, referenceSecret: env.REFERENCE_SECRET },
  );
  // 5. answer: a refusal for good is an error a person must see in the log
  const level = result.status === 'rejected' || result.failure === 'encryption' ? 'error' : 'info';
  const error = result.status === 'rejected' ? `mail_${result.failure}` : result.failure;
  return answer(await submitted(kind, bodyKind, result, fields, directory), { level, delivery: result.status, error, centre: result.centre });
}
