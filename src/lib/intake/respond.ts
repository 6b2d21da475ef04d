import { t, type UiKey } from '../../i18n';
import { directory, type Directory } from './directory';
import type { IntakeEnv } from './env';
import { createFileMailer } from './file-mailer';
import type { FieldError } from './errors';
import { json, html, seeOther, type BodyKind, type Envelope } from './http';
import { redirectMailer, type Mailer } from './mailer';
import { netlifyOutbox, type Outbox } from './outbox';
import { confirmationUrl } from './paths';
import { newSubmissionId, referenceFor } from './reference';
import { createResendMailer } from './resend-mailer';
import type { FormKind } from './routing';
import { PAGE_CSP, renderCheckPage, renderFormPage } from './server-pages';
import type { SubmitResult } from './submit';
import type { Validated } from './validate';

/** The answers the two intake functions give, so each handler reads as its five steps. */

/** Mail and outbox as the environment says: Resend or the local folder, redirected outside production. */
export function deliveryFor(env: IntakeEnv): { mailer: Mailer; outbox: Outbox } {
  const from = env.MAIL_FROM ?? 'Veilig Huis <intake@veilighuis.invalid>';
  const base = env.RESEND_API_KEY
    ? createResendMailer({ apiKey: env.RESEND_API_KEY, from, budgetMs: env.MAIL_RETRY_BUDGET_MS, attemptTimeoutMs: env.MAIL_ATTEMPT_TIMEOUT_MS })
    : createFileMailer({ dir: env.MAIL_OUTBOX_DIR, from });
  const mailer = env.MAIL_REDIRECT_TO ? redirectMailer(base, env.MAIL_REDIRECT_TO) : base;
  return { mailer, outbox: netlifyOutbox(env.OUTBOX_STORE, env.OUTBOX_KEY) };
}

export function allowedOrigins(env: IntakeEnv): string[] {
  return [...env.ALLOWED_ORIGINS, ...(env.URL ? [env.URL] : []), ...(env.DEPLOY_PRIME_URL ? [env.DEPLOY_PRIME_URL] : [])];
}

export const badRequest = () => json(400, { error: 'bad_request' });
export const tooLarge = () => json(413, { error: 'too_large' });

/** 422: JSON field errors, or the form again with its error summary and every value. */
export function invalid(kind: FormKind, body: BodyKind, values: Record<string, unknown>, errors: FieldError[], envelope: Envelope, dir: Directory = directory): Response {
  if (body === 'json') return json(422, { errors });
  return html(422, renderFormPage(kind, values, errors, envelope.submissionId ?? newSubmissionId(), dir), PAGE_CSP);
}

/** No-JS steps before sending: the check page, or the form again to change an answer. */
export function beforeSending(kind: FormKind, valid: Extract<Validated<FormKind>, { ok: true }>, envelope: Envelope, dir: Directory = directory): Response | null {
  const id = envelope.submissionId ?? newSubmissionId();
  if (envelope.step === 'edit') return html(200, renderFormPage(kind, valid.data as never, [], id, dir), PAGE_CSP);
  if (envelope.step === 'check') return html(200, renderCheckPage(kind, valid.data, valid.centre.name, id), PAGE_CSP);
  return null;
}

/** 201 / 202 / 503 for fetch; 303 to the confirmation page for a plain form (503: the form again). */
export function submitted(kind: FormKind, body: BodyKind, result: SubmitResult, values: Record<string, unknown> = {}, dir: Directory = directory): Response {
  if (result.status === 'unavailable' && body === 'json') return json(503, { error: 'unavailable', phone: result.phone });
  if (result.status === 'unavailable') {
    const notice = t((result.phone ? 'intake.unavailable.phone' : 'intake.unavailable.noPhone') as UiKey, { phone: result.phone ?? '' });
    return html(503, renderFormPage(kind, values, [], newSubmissionId(), dir, notice), PAGE_CSP);
  }
  if (body === 'form') return seeOther(confirmationUrl(kind, result.centre, result.status, result.reference));
  return json(result.status === 'sent' ? 201 : 202, { reference: result.reference, centre: result.centre, status: result.status });
}

/** A filled honeypot gets what a real success gets, and nothing is sent. */
export async function honeypot(kind: FormKind, body: BodyKind, valid: Validated<FormKind>, dir: Directory = directory): Promise<Response> {
  const centre = valid.ok ? valid.centre : dir.centres[0];
  const reference = await referenceFor(centre.code, newSubmissionId());
  return submitted(kind, body, { status: 'sent', reference, centre: centre.id, phone: null });
}
