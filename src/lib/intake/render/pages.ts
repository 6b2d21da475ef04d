import { createHash } from 'node:crypto';
import { t, type UiKey } from '../../../i18n';
import { quickExitUrl } from '../../site';
import type { Directory } from '../directory';
import type { FieldError } from '../forms/errors';
import { encodeForm } from '../forms/form-data';
import type { FormKind } from '../kinds';
import { intakePaths } from '../paths';
import { renderAnswers, renderErrorSummary, renderIntakeForm } from './form-view';
import { html, safe, type SafeHtml } from './html';

/**
 * The pages the functions answer without JavaScript: the form again with its errors (422),
 * the check-your-answers step and the answers that go with a refusal. They share the static
 * form's markup (form-view.ts: same fields, strings and honeypot) and start, like every page
 * of the site, with a plain quick-exit link. Self-contained: one inline stylesheet allowed by hash.
 */
const k = (key: string, params?: Record<string, string | number>) => t(key as UiKey, params);

const STYLE = `body{font:1.0625rem/1.55 system-ui,sans-serif;color:#1b1b1b;margin:0}main{max-width:48rem;margin:auto;padding:1rem}
.quick-exit{display:block;padding:.75rem 1rem;background:#b3261e;color:#fff;font-weight:700;text-align:center}.quick-exit:focus{outline:3px solid #ffbf47}
.field{margin:0 0 1.5rem}.field label,.field legend{display:block;font-weight:700}.hint{display:block;color:#4a4a4a}
input[type=text],input[type=email],input[type=tel],select,textarea{width:100%;max-width:32rem;font:inherit;padding:.4rem;border:2px solid #1b1b1b;min-height:44px}
.field--error{border-left:5px solid #b3261e;padding-left:.75rem}.error-message{display:block;color:#b3261e;font-weight:700}
.error-summary{border:5px solid #b3261e;padding:1rem;margin-bottom:2rem}.error-summary a{color:#b3261e;font-weight:700}
fieldset{border:0;padding:0;margin:0 0 1.5rem}.section-title{font-size:1.35rem;font-weight:700}.choice{display:flex;gap:.5rem}
.visually-hidden{position:absolute!important;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}.honeypot{display:none}
button{font:inherit;font-weight:700;color:#fff;background:#00703c;border:0;padding:.6rem 1.2rem;min-height:44px}button.secondary{color:#1b1b1b;background:#e5e5e5}
dl.summary{display:grid;grid-template-columns:minmax(8rem,1fr) 2fr;gap:.35rem 1rem}dl.summary dt{font-weight:700}dl.summary dd{margin:0;overflow-wrap:anywhere}
input,select{scroll-margin-top:11rem}textarea{scroll-margin-top:16rem}
@media print{button,form.actions,.quick-exit{display:none}}`;
const STYLE_HASH = createHash('sha256').update(STYLE).digest('base64');
export const PAGE_CSP = `default-src 'none'; style-src 'sha256-${STYLE_HASH}'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`;

/** The page shell: quick exit first, then the content; a neutral title like every page. */
function page(title: string, body: SafeHtml): string {
  return String(html`<!doctype html><html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="referrer" content="no-referrer"><meta name="robots" content="noindex"><title>${title} | ${k('site.name')}</title><style>${safe(STYLE)}</style></head><body><a class="quick-exit" href="${quickExitUrl}" rel="nofollow noreferrer">${k('layout.quickExitSkip')}</a><main id="inhoud">${body}</main></body></html>`);
}

const hidden = (pairs: Array<[string, string]>) => pairs.map(([n, v]) => html`<input type="hidden" name="${n}" value="${v}">`);
const notice = (text: string) => (text ? html`<div class="error-summary" role="alert"><p>${text}</p></div>` : '');

/** The form again, with the error summary (or a notice) on top and every value kept. */
export function renderFormPage(kind: FormKind, values: Record<string, unknown>, errors: FieldError[], submissionId: string, dir: Directory, message = ''): string {
  const title = k(`intake.${kind}.title`);
  const body = html`${notice(message)}${safe(renderErrorSummary(errors))}<h1>${title}</h1>${safe(renderIntakeForm(kind, values, errors, submissionId, dir))}`;
  return page(errors.length ? `${k('intake.errorPrefix')} ${title}` : title, body);
}

/** Check your answers: every answer in hidden fields (the honeypot's too), a send button and a change button. */
export function renderCheckPage(kind: FormKind, data: unknown, centreName: string, submissionId: string, honeypotValue = ''): string {
  const carried = hidden([...encodeForm(data), ['submissionId', submissionId], ['website', honeypotValue]]);
  const body = html`<h1>${k('intake.check.title')}</h1><p>${k('intake.check.intro')}</p>${safe(renderAnswers(kind, data, centreName))}<p class="hint">${k('intake.check.print')}</p>
<form method="post" action="${intakePaths[kind].api}" class="actions">${carried}<button type="submit" name="step" value="send">${k('intake.send')}</button> <button type="submit" name="step" value="edit" class="secondary">${k('intake.check.change')}</button></form>`;
  return page(k('intake.check.title'), body);
}
