import { t, type UiKey } from '../../../i18n';
import type { Directory } from '../directory';
import type { SubmitResult } from '../delivery/submit';
import type { FieldError } from '../forms/errors';
import type { Validated } from '../forms/validate';
import type { FormKind } from '../kinds';
import { confirmationUrl } from '../paths';
import { newSubmissionId } from '../reference';
import { htmlPage, json, seeOther, type BodyKind, type Envelope } from './http';

/**
 * The answers the two intake functions give, so the handler reads as its five steps.
 * The HTML pages load on first use: a fetch from the enhanced form (JSON) never needs them,
 * so they stay out of its cold start.
 */
const pages = () => import('../render/pages');

export const badRequest = () => json(400, { error: 'bad_request' });
export const tooLarge = () => json(413, { error: 'too_large' });

/** 422: JSON field errors, or the form again with its error summary and every value. */
export async function invalid(kind: FormKind, body: BodyKind, values: Record<string, unknown>, errors: FieldError[], envelope: Envelope, dir: Directory): Promise<Response> {
  if (body === 'json') return json(422, { errors });
  const { PAGE_CSP, renderFormPage } = await pages();
  return htmlPage(422, renderFormPage(kind, values, errors, envelope.submissionId ?? newSubmissionId(), dir), PAGE_CSP);
}

/** No-JS steps before sending: the check page, or the form again to change an answer. */
export async function beforeSending(kind: FormKind, valid: Extract<Validated<FormKind>, { ok: true }>, envelope: Envelope, dir: Directory): Promise<Response | null> {
  if (envelope.step === 'send') return null;
  const { PAGE_CSP, renderCheckPage, renderFormPage } = await pages();
  const id = envelope.submissionId ?? newSubmissionId();
  if (envelope.step === 'edit') return htmlPage(200, renderFormPage(kind, valid.data as never, [], id, dir), PAGE_CSP);
  if (envelope.step === 'check') return htmlPage(200, renderCheckPage(kind, valid.data, valid.centre.name, id, envelope.honeypot), PAGE_CSP);
  return null;
}

const phoneMessage = (key: 'unavailable' | 'rejected', result: Pick<SubmitResult, 'phone' | 'line'>) =>
  t(`intake.${key}.${result.line}` as UiKey, { phone: result.phone });

/**
 * 429: this client sent more than its limit in 10 minutes. The answer gives the centre's
 * line (a police office sharing one address can still phone), and the plain form keeps every value.
 */
export async function limited(kind: FormKind, body: BodyKind, result: Pick<SubmitResult, 'phone' | 'line'>, values: Record<string, unknown>, dir: Directory): Promise<Response> {
  const retry = { 'Retry-After': '600' };
  if (body === 'json') return json(429, { error: 'too_many', phone: result.phone, line: result.line }, retry);
  const { PAGE_CSP, renderFormPage } = await pages();
  const page = htmlPage(429, renderFormPage(kind, values, [], newSubmissionId(), dir, phoneMessage('unavailable', result)), PAGE_CSP);
  page.headers.set('Retry-After', '600');
  return page;
}

/**
 * 201 sent / 202 queued for fetch, 303 to the confirmation page for a plain form;
 * 503 with a phone line when it cannot go (the form again, values kept);
 * 409 when this submission id was already sent with other answers: the reference it has,
 * and a fresh id, so a correction goes as a new submission with its own reference.
 */
export async function submitted(kind: FormKind, body: BodyKind, result: SubmitResult, values: Record<string, unknown>, dir: Directory): Promise<Response> {
  const { status } = result;
  if (status === 'unavailable' || status === 'rejected') {
    if (body === 'json') return json(503, { error: status, phone: result.phone, line: result.line });
    const { PAGE_CSP, renderFormPage } = await pages();
    return htmlPage(503, renderFormPage(kind, values, [], newSubmissionId(), dir, phoneMessage(status, result)), PAGE_CSP);
  }
  if (status === 'already_sent') {
    const fresh = newSubmissionId();
    if (body === 'json') return json(409, { error: 'already_sent', reference: result.reference, submissionId: fresh });
    const { PAGE_CSP, renderFormPage } = await pages();
    return htmlPage(409, renderFormPage(kind, values, [], fresh, dir, t('intake.alreadySent', { reference: result.reference })), PAGE_CSP);
  }
  if (body === 'form') return seeOther(confirmationUrl(kind, result.centre, status, result.reference));
  return json(status === 'sent' ? 201 : 202, { reference: result.reference, centre: result.centre, status });
}
