import { t, type UiKey } from '../../i18n';
import nl from '../../i18n/nl.json';
import type { Directory } from './directory';
import type { FieldError } from './errors';
import { escapeHtml as e } from './escape';
import { formDefinitions, valueAt, type FieldDef, type SectionDef } from './form-definition';
import { displayValue, fieldLabel } from './render-mail';
import type { FormKind } from './routing';

/**
 * Markup of the intake forms as plain strings, so the static page (through Astro) and the
 * function (the 422 page and the no-JS check step) show the very same form.
 */
const k = (key: string, params?: Record<string, string | number>) => t(key as UiKey, params);
export const fieldId = (name: string) => `f-${name.replace(/\./g, '-')}`;

type Values = Record<string, unknown>;

function control(f: FieldDef, name: string, value: unknown, described: string, invalid: boolean, dir: Directory): string {
  const id = fieldId(name);
  const aria = `${described ? ` aria-describedby="${described}"` : ''}${invalid ? ' aria-invalid="true"' : ''}`;
  const str = typeof value === 'string' ? value : '';
  const max = f.max ? ` maxlength="${f.max}"` : '';
  const auto = f.autocomplete ? ` autocomplete="${f.autocomplete}"` : '';
  const label = (v: string) => e(k(`intake.option.${f.optionSet}.${v}`));
  switch (f.type) {
    case 'textarea':
      return `<textarea id="${id}" name="${name}" rows="6"${max}${aria}>${e(str)}</textarea>`;
    case 'select':
      return `<select id="${id}" name="${name}"${aria}><option value="">${e(k('intake.choose'))}</option>${(f.options ?? [])
        .map((o) => `<option value="${o}"${o === str ? ' selected' : ''}>${label(o)}</option>`).join('')}</select>`;
    case 'centre':
      return `<select id="${id}" name="${name}"${aria}><option value="">${e(k('intake.centreAuto'))}</option>${dir.centres
        .map((c) => `<option value="${c.id}"${c.id === str ? ' selected' : ''}>${e(c.name)}</option>`).join('')}</select>`;
    case 'radios':
    case 'checkboxes': {
      const type = f.type === 'radios' ? 'radio' : 'checkbox';
      const chosen = Array.isArray(value) ? value.map(String) : [str];
      return (f.options ?? []).map((o, i) => `<div class="choice"><input type="${type}" id="${i ? `${id}-${o}` : id}" name="${name}" value="${o}"${chosen.includes(o) ? ' checked' : ''}${aria}><label for="${i ? `${id}-${o}` : id}">${label(o)}</label></div>`).join('');
    }
    case 'checkbox':
      return `<div class="choice"><input type="checkbox" id="${id}" name="${name}" value="ja"${value === 'ja' ? ' checked' : ''}${aria}><label for="${id}">${e(k(`intake.field.${f.label ?? f.name}.check`))}</label></div>`;
    default: {
      const type = f.type === 'email' ? 'email' : f.type === 'tel' ? 'tel' : 'text';
      const extra = f.type === 'year' ? ' inputmode="numeric" maxlength="4" class="short"' : f.type === 'municipality' ? ' list="municipality-list" autocomplete="off" data-municipality' : '';
      return `<input type="${type}" id="${id}" name="${name}" value="${e(str)}"${max}${auto}${extra}${aria}>`;
    }
  }
}

function field(f: FieldDef, name: string, values: unknown, errors: Map<string, string>, dir: Directory): string {
  const id = fieldId(name);
  const error = errors.get(name);
  const hint = f.hint ? `<span class="hint" id="${id}-hint">${e(k(`intake.hint.${f.hint}`))}</span>` : '';
  const errorHtml = error ? `<span class="error-message" id="${id}-error"><span class="visually-hidden">${e(k('intake.errorPrefix'))}</span> ${e(error)}</span>` : '';
  const described = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ');
  const labelText = `${e(fieldLabel(f))}${f.required ? '' : ` <span class="optional">${e(k('intake.optional'))}</span>`}`;
  const group = f.type === 'radios' || f.type === 'checkboxes' || f.type === 'checkbox';
  const inner = control(f, name, valueAt(values, f.name), described, Boolean(error), dir);
  const extra = f.type === 'municipality' ? `<p class="centre-preview" id="${id}-centre" aria-live="polite" data-centre-preview></p>` : '';
  const cls = `field${error ? ' field--error' : ''}`;
  return group
    ? `<fieldset class="${cls}" data-field="${name}"><legend>${labelText}</legend>${hint}${errorHtml}${inner}</fieldset>`
    : `<div class="${cls}" data-field="${name}"><label for="${id}">${labelText}</label>${hint}${errorHtml}${inner}${extra}</div>`;
}

function section(s: SectionDef, values: Values, errors: Map<string, string>, dir: Directory): string {
  const title = `<legend class="section-title">${e(k(`intake.section.${s.id}`))}</legend>`;
  const introKey = `intake.sectionIntro.${s.id}`;
  const introHtml = introKey in nl ? `<p class="hint">${e(k(introKey))}</p>` : '';
  if (!s.repeat) {
    return `<fieldset class="section" id="s-${s.id}">${title}${introHtml}${s.fields.map((f) => field(f, f.name, values, errors, dir)).join('')}</fieldset>`;
  }
  const rep = s.repeat;
  const list = (valueAt(values, rep.name) as unknown[] | undefined) ?? [];
  const row = (i: number) => `<fieldset class="row" data-row="${rep.name}.${i}"><legend>${e(k(`intake.row.${rep.name}`, { n: i + 1 }))}</legend>${s.fields
    .map((f) => field(f, `${rep.name}.${i}.${f.name}`, list[i], errors, dir)).join('')}</fieldset>`;
  const shown = Array.from({ length: rep.visible }, (_, i) => row(i)).join('');
  const more = Array.from({ length: rep.max - rep.visible }, (_, i) => row(i + rep.visible)).join('');
  const open = list.length > rep.visible || [...errors.keys()].some((n) => n.startsWith(`${rep.name}.`) && Number(n.split('.')[1]) >= rep.visible);
  return `<fieldset class="section" id="s-${s.id}">${title}${introHtml}${shown}<details class="more-rows"${open ? ' open' : ''}><summary>${e(k(`intake.more.${rep.name}`))}</summary>${more}</details></fieldset>`;
}

/** Every section of a form with the given values and errors. */
export function renderFormFields(kind: FormKind, values: Values, errors: FieldError[], dir: Directory): string {
  const map = new Map(errors.map((x) => [x.field, x.message]));
  return formDefinitions[kind].map((s) => section(s, values, map, dir)).join('');
}

export function renderErrorSummary(errors: FieldError[]): string {
  if (!errors.length) return '';
  return `<div class="error-summary" role="alert" tabindex="-1" data-error-summary><h2>${e(k('intake.errorSummaryTitle'))}</h2><ul>${errors
    .map((x) => `<li><a href="#${fieldId(x.field)}">${e(x.message)}</a></li>`).join('')}</ul></div>`;
}

/** Check-your-answers list: label and value of every answered field. */
export function renderAnswers(kind: FormKind, data: unknown, centreName: string): string {
  const rows: string[] = [`<dt>${e(k('intake.check.centre'))}</dt><dd>${e(centreName)}</dd>`];
  for (const s of formDefinitions[kind]) {
    const items = s.repeat ? ((valueAt(data, s.repeat.name) as unknown[] | undefined) ?? []) : [data];
    items.forEach((item, i) => {
      for (const f of s.fields) {
        const value = displayValue(f, valueAt(item, f.name));
        if (value === null) continue;
        const prefix = s.repeat ? `${k(`intake.row.${s.repeat.name}`, { n: i + 1 })}: ` : '';
        rows.push(`<dt>${e(prefix + fieldLabel(f))}</dt><dd>${e(value).replace(/\n/g, '<br>')}</dd>`);
      }
    });
  }
  return `<dl class="summary">${rows.join('')}</dl>`;
}

/** The datalist of municipality names for the municipality field. */
export function renderMunicipalityList(dir: Directory): string {
  return `<datalist id="municipality-list">${dir.municipalities.map((m) => `<option value="${e(m.name)}"></option>`).join('')}</datalist>`;
}
