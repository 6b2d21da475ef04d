/**
 * Enhances one intake form: the same schema and routing as the function (forms/validate.ts),
 * the centre shown while typing, a check-your-answers step, and sending with fetch.
 * Everything typed stays in the form (in memory) whatever the answer; nothing is stored
 * in localStorage or sessionStorage. Loaded by intake-form.ts on first use, because
 * zod, the directory and the strings weigh more than the rest of the page.
 */
import { directory } from '../lib/intake/directory';
import { proofFor } from './intake-proof';
import { decodeForm } from '../lib/intake/forms/form-data';
import { multiFieldsOf } from '../lib/intake/forms/definition';
import type { FieldError } from '../lib/intake/forms/errors';
import { offersShortSupport, route } from '../lib/intake/forms/routing';
import { messageFor } from '../lib/intake/forms/errors';
import { validate } from '../lib/intake/forms/validate';
import type { FormKind } from '../lib/intake/kinds';
import { fieldId, renderAnswers, renderErrorSummary } from '../lib/intake/render/form-view';
import { lookupMunicipality } from '../lib/lookup';
import { t } from '../i18n';
import { receiptContactText } from '../lib/reach-text';

type Strings = Record<'sending' | 'errorPrefix' | 'network' | 'titleSent' | 'titleQueued' | 'kind', string>;

const $ = <T extends Element>(root: ParentNode, selector: string) => root.querySelector<T>(selector);

function values(form: HTMLFormElement, kind: FormKind): Record<string, unknown> {
  const params = new URLSearchParams();
  for (const [name, value] of new FormData(form)) {
    if (name !== 'step' && typeof value === 'string') params.append(name, value);
  }
  return decodeForm(params, multiFieldsOf(kind)) ?? {};
}

function showErrors(form: HTMLFormElement, errors: FieldError[]): void {
  form.querySelectorAll('[data-error-summary], .error-message').forEach((n) => n.remove());
  form.querySelectorAll('.field--error').forEach((n) => n.classList.remove('field--error'));
  form.querySelectorAll('[aria-invalid]').forEach((n) => {
    n.removeAttribute('aria-invalid');
    const ids = (n.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id && !id.endsWith('-error'));
    if (ids.length) n.setAttribute('aria-describedby', ids.join(' ')); else n.removeAttribute('aria-describedby');
  });
  const strings = stringsOf(form);
  if (document.title.startsWith(`${strings.errorPrefix} `)) document.title = document.title.slice(strings.errorPrefix.length + 1);
  if (!errors.length) return;
  for (const { field, message } of errors) {
    const wrapper = form.querySelector(`[data-field="${CSS.escape(field)}"]`);
    if (!wrapper) continue;
    wrapper.classList.add('field--error');
    const span = document.createElement('span');
    span.className = 'error-message';
    span.id = `${fieldId(field)}-error`;
    span.innerHTML = `<span class="visually-hidden"></span> `;
    span.firstElementChild!.textContent = strings.errorPrefix;
    span.append(message);
    const anchor = wrapper.querySelector('.choice, input, select, textarea');
    anchor?.before(span);
    for (const input of wrapper.querySelectorAll('input, select, textarea')) {
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', `${input.getAttribute('aria-describedby') ?? ''} ${span.id}`.trim());
    }
  }
  form.insertAdjacentHTML('afterbegin', renderErrorSummary(errors));
  document.title = `${strings.errorPrefix} ${document.title}`;
  $<HTMLElement>(form, '[data-error-summary]')?.focus();
}

function stringsOf(form: HTMLFormElement): Strings {
  const template = form.parentElement!.querySelector<HTMLTemplateElement>('template[data-intake-strings]')!;
  return JSON.parse(template.innerHTML) as Strings;
}

/**
 * Shows which centre will receive the form, or, when it cannot (src/lib/reach.ts), the very
 * words the function would answer, with the next step that exists; short case support only where offered.
 */
function previewCentre(form: HTMLFormElement, kind: FormKind): void {
  const input = $<HTMLInputElement>(form, '[data-municipality]');
  const override = $<HTMLSelectElement>(form, 'select[name="centreOverride"]');
  const out = $<HTMLElement>(form, '[data-centre-preview]');
  const update = () => {
    const found = input?.value.trim() ? lookupMunicipality(input.value, directory.municipalities) : null;
    const municipality = found && found.kind !== 'unknown' ? found.municipality : null;
    const chosen = directory.centres.find((c) => c.id === (override?.value || municipality?.centre));
    const where = chosen ? route({ municipality: municipality?.name, centreOverride: override?.value || undefined }, kind, directory) : null;
    if (out) {
      out.textContent = !chosen || !where ? ''
        : !where.ok ? (where.centre ? messageFor(where.code, where.params) : '')
        : t(override?.value ? 'intake.preview.override' : 'intake.preview.found', { centre: chosen.name });
    }
    const short = form.querySelector<HTMLInputElement>('input[name="offer"][value="kortdurend"]');
    if (short) {
      const offered = Boolean(chosen && offersShortSupport(chosen, municipality));
      short.closest('.choice')!.toggleAttribute('hidden', !offered);
      if (!offered) short.checked = false;
    }
  };
  input?.addEventListener('input', update);
  override?.addEventListener('change', update);
  update();
}

export function enhance(form: HTMLFormElement): void {
  const kind = form.dataset.intake as FormKind;
  const root = form.parentElement!;
  const check = $<HTMLElement>(root, '[data-intake-check]')!;
  const done = $<HTMLElement>(root, '[data-intake-done]')!;
  const status = $<HTMLElement>(root, '[data-intake-status]')!;
  const id = $<HTMLInputElement>(form, '[data-submission-id]')!;
  id.value = crypto.randomUUID();
  previewCentre(form, kind);
  let pending: Record<string, unknown> = {};

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    status.textContent = '';
    pending = values(form, kind);
    const { website: _honeypot, submissionId: _id, ...fields } = pending;
    const result = validate(kind, fields, directory);
    showErrors(form, result.ok ? [] : result.errors);
    if (!result.ok) return;
    $<HTMLElement>(check, '[data-intake-answers]')!.innerHTML = renderAnswers(kind, result.data, result.centre.name);
    form.hidden = true;
    check.hidden = false;
    check.focus();
    void proofFor(id.value);
  });

  $<HTMLButtonElement>(check, '[data-intake-edit]')!.addEventListener('click', () => {
    check.hidden = true;
    form.hidden = false;
    form.querySelector<HTMLElement>('input, select, textarea')?.focus();
  });

  const send = $<HTMLButtonElement>(check, '[data-intake-send]')!;
  send.addEventListener('click', async () => {
    const strings = stringsOf(form);
    send.disabled = true;
    status.textContent = strings.sending;
    let answer: { status: number; body: Record<string, unknown> } | null = null;
    try {
      const proof = await proofFor(id.value);
      const res = await fetch(form.action, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...pending, ...(proof ? { proof } : {}) }) });
      answer = { status: res.status, body: await res.json().catch(() => ({})) };
    } catch {
      answer = null;
    }
    send.disabled = false;
    status.textContent = '';
    if (answer && (answer.status === 201 || answer.status === 202)) {
      const sent = answer.status === 201;
      $<HTMLElement>(done, '[data-done-title]')!.textContent = sent ? strings.titleSent : strings.titleQueued;
      const centre = directory.centres.find((c) => c.id === answer!.body.centre);
      $<HTMLElement>(done, '[data-done-text]')!.textContent = t(sent ? 'intake.done.sent' : 'intake.done.queued', { centre: centre?.name ?? '', kind: strings.kind });
      $<HTMLElement>(done, '[data-done-reference]')!.textContent = String(answer.body.reference);
      $<HTMLElement>(done, '[data-done-contact]')!.textContent = centre ? receiptContactText(kind, centre, 'page') : '';
      $<HTMLElement>(done, '[data-done-answers]')!.innerHTML = $<HTMLElement>(check, '[data-intake-answers]')!.innerHTML;
      check.hidden = true;
      done.hidden = false;
      done.focus();
      return;
    }
    // Not delivered: back to the form with everything still in it.
    check.hidden = true;
    form.hidden = false;
    if (answer?.status === 422) return showErrors(form, (answer.body.errors as FieldError[]) ?? []);
    const { error, phone, line, reference, submissionId } = answer?.body ?? {};
    if (answer?.status === 409 && typeof submissionId === 'string') id.value = submissionId;
    status.textContent = (answer?.status === 503 || answer?.status === 429) && (error === 'unavailable' || error === 'rejected' || error === 'too_many') && (line === 'centre' || line === 'none')
      ? t(`intake.${error === 'too_many' ? 'unavailable' : error}.${line}`, { phone: String(phone) })
      : answer?.status === 409 ? t('intake.alreadySent', { reference: String(reference) })
      : strings.network;
    status.className = 'notice notice--warning';
    status.setAttribute('tabindex', '-1');
    status.focus();
  });

  $<HTMLButtonElement>(done, '[data-intake-print]')!.addEventListener('click', () => window.print());
}
