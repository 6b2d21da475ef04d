import { t, type UiKey } from '../../../i18n';
import nl from '../../../i18n/nl.json';
import type { Directory } from '../directory';
import { UNKNOWN_FIELDS, type FieldError } from '../forms/errors';
import { formDefinitions, valueAt, type FieldDef, type SectionDef } from '../forms/definition';
import type { FormKind } from '../kinds';
import { intakePaths } from '../paths';
import { canReceive } from '../../reach';
import { html, type SafeHtml } from './html';
import { displayValue, fieldLabel } from './labels';

/**
 * Markup of the intake forms as plain strings, so the static page (through Astro) and the
 * function (the 422 page and the no-JS check step) show the very same form.
 */
const k = (key: string, params?: Record<string, string | number>) => t(key as UiKey, params);
/** The id of a field's input: `referrer.email` -> `f-referrer-email`. */
export const fieldId = (name: string) => `f-${name.replace(/\./g, '-')}`;

type Values = Record<string, unknown>;

function control(f: FieldDef, name: string, value: unknown, described: string, invalid: boolean, dir: Directory): SafeHtml {
  const id = fieldId(name);
  const describedBy = described || null;
  const ariaInvalid = invalid ? 'true' : null;
  const str = typeof value === 'string' ? value : '';
  const label = (v: string) => k(`intake.option.${f.optionSet}.${v}`);
  const attrs = html`${describedBy ? html` aria-describedby="${describedBy}"` : ''}${ariaInvalid ? html` aria-invalid="true"` : ''}`;
  const max = f.max ? html` maxlength="${f.max}"` : '';
  switch (f.type) {
    case 'textarea':
      return html`<textarea id="${id}" name="${name}" rows="6"${max}${attrs}>${str}</textarea>`;
    case 'select':
      return html`<select id="${id}" name="${name}"${attrs}><option value="">${k('intake.choose')}</option>${(f.options ?? [])
        .map((o) => html`<option value="${o}"${o === str ? html` selected` : ''}>${label(o)}</option>`)}</select>`;
    case 'centre':
      return html`<select id="${id}" name="${name}"${attrs}><option value="">${k('intake.centreAuto')}</option>${dir.centres
        .map((c) => html`<option value="${c.id}"${c.id === str ? html` selected` : ''}>${c.name}</option>`)}</select>`;
    case 'radios':
    case 'checkboxes': {
      const type = f.type === 'radios' ? 'radio' : 'checkbox';
      const chosen = Array.isArray(value) ? value.map(String) : [str];
      return html`${(f.options ?? []).map((o, i) => {
        const optionId = i ? `${id}-${o}` : id;
        return html`<div class="choice"><input type="${type}" id="${optionId}" name="${name}" value="${o}"${chosen.includes(o) ? html` checked` : ''}${attrs}><label for="${optionId}">${label(o)}</label></div>`;
      })}`;
    }
    case 'checkbox':
      return html`<div class="choice"><input type="checkbox" id="${id}" name="${name}" value="ja"${value === 'ja' ? html` checked` : ''}${attrs}><label for="${id}">${k(`intake.field.${f.label ?? f.name}.check`)}</label></div>`;
    default: {
      const type = f.type === 'email' ? 'email' : f.type === 'tel' ? 'tel' : 'text';
      const auto = f.autocomplete ? html` autocomplete="${f.autocomplete}"` : '';
      const extra = f.type === 'year' ? html` inputmode="numeric" maxlength="4" class="short"` : f.type === 'municipality' ? html` list="municipality-list" autocomplete="off" data-municipality` : '';
      return html`<input type="${type}" id="${id}" name="${name}" value="${str}"${max}${auto}${extra}${attrs}>`;
    }
  }
}

function field(f: FieldDef, name: string, values: unknown, errors: Map<string, string>, dir: Directory): SafeHtml {
  const id = fieldId(name);
  const error = errors.get(name);
  const hint = f.hint ? html`<span class="hint" id="${id}-hint">${k(`intake.hint.${f.hint}`)}</span>` : '';
  const errorHtml = error ? html`<span class="error-message" id="${id}-error"><span class="visually-hidden">${k('intake.errorPrefix')}</span> ${error}</span>` : '';
  const described = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ');
  const labelText = html`${fieldLabel(f)}${f.required ? '' : html` <span class="optional">${k(f.oneOf ? `intake.oneOf.${f.oneOf}` : 'intake.optional')}</span>`}`;
  const group = f.type === 'radios' || f.type === 'checkboxes' || f.type === 'checkbox';
  const inner = control(f, name, valueAt(values, f.name), described, Boolean(error), dir);
  const extra = f.type === 'municipality' ? html`<p class="centre-preview" id="${id}-centre" aria-live="polite" data-centre-preview></p>` : '';
  const cls = `field${error ? ' field--error' : ''}`;
  return group
    ? html`<fieldset class="${cls}" data-field="${name}"><legend>${labelText}</legend>${hint}${errorHtml}${inner}</fieldset>`
    : html`<div class="${cls}" data-field="${name}"><label for="${id}">${labelText}</label>${hint}${errorHtml}${inner}${extra}</div>`;
}

function section(s: SectionDef, values: Values, errors: Map<string, string>, dir: Directory): SafeHtml {
  const title = html`<legend class="section-title">${k(`intake.section.${s.id}`)}</legend>`;
  const introKey = `intake.sectionIntro.${s.id}`;
  const intro = introKey in nl ? html`<p class="hint">${k(introKey)}</p>` : '';
  if (!s.repeat) {
    return html`<fieldset class="section" id="s-${s.id}">${title}${intro}${s.fields.map((f) => field(f, f.name, values, errors, dir))}</fieldset>`;
  }
  const rep = s.repeat;
  const list = (valueAt(values, rep.name) as unknown[] | undefined) ?? [];
  const row = (i: number) => html`<fieldset class="row" data-row="${rep.name}.${i}"><legend>${k(`intake.row.${rep.name}`, { n: i + 1 })}</legend>${s.fields
    .map((f) => field(f, `${rep.name}.${i}.${f.name}`, list[i], errors, dir))}</fieldset>`;
  const shown = Array.from({ length: rep.visible }, (_, i) => row(i));
  const more = Array.from({ length: rep.max - rep.visible }, (_, i) => row(i + rep.visible));
  const open = list.length > rep.visible || [...errors.keys()].some((n) => n.startsWith(`${rep.name}.`) && Number(n.split('.')[1]) >= rep.visible);
  return html`<fieldset class="section" id="s-${s.id}">${title}${intro}${shown}<details class="more-rows"${open ? html` open` : ''}><summary>${k(`intake.more.${rep.name}`)}</summary>${more}</details></fieldset>`;
}

/** Every section of a form with the given values and errors. */
export function renderFormFields(kind: FormKind, values: Values, errors: FieldError[], dir: Directory): string {
  return String(formFields(kind, values, errors, dir));
}

function formFields(kind: FormKind, values: Values, errors: FieldError[], dir: Directory): SafeHtml {
  const map = new Map(errors.map((x) => [x.field, x.message]));
  // The centre list offers only centres that can receive this form (src/lib/reach.ts).
  const receiving = { ...dir, centres: dir.centres.filter((c) => canReceive(c, kind)) };
  return html`${formDefinitions[kind].map((s) => section(s, values, map, receiving))}`;
}

/** The GOV.UK error summary: each message links to its field; the error about unknown names has nothing to link to. */
export function renderErrorSummary(errors: FieldError[]): string {
  if (!errors.length) return '';
  const item = (x: FieldError) => (x.field === UNKNOWN_FIELDS ? html`<li>${x.message}</li>` : html`<li><a href="#${fieldId(x.field)}">${x.message}</a></li>`);
  return String(html`<div class="error-summary" role="alert" tabindex="-1" data-error-summary><h2>${k('intake.errorSummaryTitle')}</h2><ul>${errors.map(item)}</ul></div>`);
}

/** Check-your-answers list: label and value of every answered field. */
export function renderAnswers(kind: FormKind, data: unknown, centreName: string): string {
  const rows: SafeHtml[] = [html`<dt>${k('intake.check.centre')}</dt><dd>${centreName}</dd>`];
  for (const s of formDefinitions[kind]) {
    const items = s.repeat ? ((valueAt(data, s.repeat.name) as unknown[] | undefined) ?? []) : [data];
    items.forEach((item, i) => {
      for (const f of s.fields) {
        const value = displayValue(f, valueAt(item, f.name));
        if (value === null) continue;
        const prefix = s.repeat ? `${k(`intake.row.${s.repeat.name}`, { n: i + 1 })}: ` : '';
        rows.push(html`<dt>${prefix + fieldLabel(f)}</dt><dd>${value.split('\n').map((l, j) => (j ? html`<br>${l}` : l))}</dd>`);
      }
    });
  }
  return String(html`<dl class="summary">${rows}</dl>`);
}

/** The honeypot: a field people never see or fill; a bot that fills it is answered like a person and nothing is sent. */
export function renderHoneypot(): SafeHtml {
  return html`<div class="honeypot" aria-hidden="true"><label for="f-website">${k('intake.honeypot')}</label><input type="text" id="f-website" name="website" value="" tabindex="-1" autocomplete="off"></div>`;
}

/**
 * The whole form, the same on the static page and on the function's pages: the
 * submission id, the fields, the municipality list, the honeypot and the button.
 */
export function renderIntakeForm(kind: FormKind, values: Values, errors: FieldError[], submissionId: string, dir: Directory): string {
  return String(html`<form method="post" action="${intakePaths[kind].api}" novalidate data-intake="${kind}"><input type="hidden" name="submissionId" value="${submissionId}" data-submission-id><p class="hint">${k('intake.required')}</p>${formFields(kind, values, errors, dir)}${municipalityList(dir)}${renderHoneypot()}<button type="submit" name="step" value="check">${k('intake.toCheck')}</button></form>`);
}

/** The datalist of municipality names for the municipality field. */
export function renderMunicipalityList(dir: Directory): string {
  return String(municipalityList(dir));
}

const municipalityList = (dir: Directory) =>
  html`<datalist id="municipality-list">${dir.municipalities.map((m) => html`<option value="${m.name}"></option>`)}</datalist>`;
