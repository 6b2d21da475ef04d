import { t, type UiKey } from '../../i18n';
import nl from '../../i18n/nl.json';
import type { DirectoryCentre } from './directory';
import { cleanText, escapeHtml } from './escape';
import { formDefinitions, valueAt, type FieldDef } from './form-definition';
import type { FormKind } from './routing';

/** A rendered mail: both parts come from the same list of lines. */
export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

type Line = { kind: 'heading'; text: string } | { kind: 'row'; label: string; value: string; multiline: boolean };

const k = (key: string, params?: Record<string, string | number>) => t(key as UiKey, params);

/** The label on the form; the centre's mail uses its own wording where the form speaks to the referrer ("Je naam"). */
export function fieldLabel(field: FieldDef, audience: 'form' | 'centre' = 'form'): string {
  const key = field.label ?? field.name;
  return audience === 'centre' && `intake.mailField.${key}` in nl ? k(`intake.mailField.${key}`) : k(`intake.field.${key}`);
}

/** A field's value as the centre reads it: option labels instead of codes, nothing for empty. */
export function displayValue(field: FieldDef, value: unknown): string | null {
  if (value === undefined || value === null || value === '') return null;
  const option = (v: string) => (field.optionSet ? k(`intake.option.${field.optionSet}.${v}`) : v);
  if (Array.isArray(value)) return value.length ? value.map((v) => option(String(v))).join(', ') : null;
  if (field.type === 'checkbox') return value === 'ja' ? k('intake.mail.yes') : null;
  if (field.type === 'centre') return null;
  return cleanText(field.optionSet ? option(String(value)) : String(value), field.type === 'textarea');
}

function lines(kind: FormKind, data: unknown): Line[] {
  const out: Line[] = [];
  for (const section of formDefinitions[kind]) {
    const rows = section.repeat ? ((valueAt(data, section.repeat.name) as unknown[] | undefined) ?? []) : [data];
    rows.forEach((row, i) => {
      const body: Line[] = [];
      for (const field of section.fields) {
        const value = displayValue(field, valueAt(row, field.name));
        if (value !== null) body.push({ kind: 'row', label: fieldLabel(field, 'centre'), value, multiline: field.type === 'textarea' });
      }
      if (!body.length) return;
      const mailHeading = `intake.mailSection.${section.id}`;
      const heading = section.repeat ? k(`intake.row.${section.repeat.name}`, { n: i + 1 }) : k(mailHeading in nl ? mailHeading : `intake.section.${section.id}`);
      out.push({ kind: 'heading', text: heading }, ...body);
    });
  }
  return out;
}

function toText(title: string, intro: Line[], body: Line[]): string {
  const parts = [title, ''];
  for (const line of [...intro, ...body]) {
    if (line.kind === 'heading') parts.push('', `== ${line.text} ==`);
    else if (line.multiline) parts.push(`${line.label}:`, ...line.value.split('\n').map((l) => `  ${l}`));
    else parts.push(`${line.label}: ${line.value}`);
  }
  return parts.join('\n') + '\n';
}

function toHtml(title: string, intro: Line[], body: Line[]): string {
  const html = [`<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body>`, `<h1>${escapeHtml(title)}</h1>`];
  let open = false;
  for (const line of [...intro, ...body]) {
    if (line.kind === 'heading') {
      if (open) html.push('</table>');
      html.push(`<h2>${escapeHtml(line.text)}</h2>`, '<table>');
      open = true;
    } else {
      if (!open) { html.push('<table>'); open = true; }
      const value = escapeHtml(line.value).replace(/\n/g, '<br>');
      html.push(`<tr><th align="left" valign="top">${escapeHtml(line.label)}</th><td>${value}</td></tr>`);
    }
  }
  if (open) html.push('</table>');
  html.push('</body></html>');
  return html.join('\n') + '\n';
}

export interface MailContext {
  centre: DirectoryCentre;
  reference: string;
  /** The municipality as matched (official name), when one was given. */
  municipalityName: string | null;
  /** True when the referrer chose this centre instead of the one serving the municipality. */
  overridden: boolean;
}

function renderCentreMail(kind: FormKind, data: unknown, ctx: MailContext): RenderedMail {
  const what = k(`intake.mail.kind.${kind}`);
  const title = k('intake.mail.title', { kind: what, centre: ctx.centre.name });
  const intro: Line[] = [{ kind: 'row', label: k('intake.mail.reference'), value: ctx.reference, multiline: false }];
  if (ctx.municipalityName) intro.push({ kind: 'row', label: k('intake.mail.municipality'), value: cleanText(ctx.municipalityName, false), multiline: false });
  if (ctx.overridden) intro.push({ kind: 'row', label: k('intake.mail.centre'), value: k('intake.mail.overridden', { centre: ctx.centre.name }), multiline: false });
  const body = lines(kind, data);
  return { subject: `${what} (${ctx.centre.code}) ${ctx.reference}`, text: toText(title, intro, body), html: toHtml(title, intro, body) };
}

/** The centre's mail for a referral: every value escaped, no remote content. */
export const renderReferralMail = (data: unknown, ctx: MailContext) => renderCentreMail('referral', data, ctx);
/** The centre's mail for an advice request. */
export const renderAdviceMail = (data: unknown, ctx: MailContext) => renderCentreMail('advice', data, ctx);

/** The referrer's receipt: reference, centre and next steps; no text the referrer typed. */
export function renderReceipt(kind: FormKind, centre: DirectoryCentre, reference: string): RenderedMail {
  const what = k(`intake.mail.kind.${kind}`);
  const title = k('intake.receipt.title', { kind: what.toLowerCase() });
  const intro: Line[] = [
    { kind: 'row', label: k('intake.mail.reference'), value: reference, multiline: false },
    { kind: 'row', label: k('intake.receipt.centre'), value: centre.name, multiline: false },
    { kind: 'heading', text: k('intake.receipt.nextHeading') },
    { kind: 'row', label: k('intake.receipt.nextLabel'), value: k(`intake.receipt.next.${kind}`), multiline: true },
    { kind: 'row', label: k('intake.receipt.noReplyLabel'), value: k('intake.receipt.noReply'), multiline: true },
  ];
  return { subject: `${k('intake.receipt.subject', { kind: what })} ${reference}`, text: toText(title, intro, []), html: toHtml(title, intro, []) };
}
