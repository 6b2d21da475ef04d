import { t, type UiKey } from '../../../i18n';
import nl from '../../../i18n/nl.json';
import type { DirectoryCentre } from '../directory';
import { receiptContactText } from '../../reach-text';
import { formDefinitions, valueAt } from '../forms/definition';
import type { FormKind } from '../kinds';
import { html, type SafeHtml } from './html';
import { displayValue, fieldLabel } from './labels';
import { cleanText } from './text';

/** A rendered mail: both parts come from the same list of lines. */
export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

type Line = { kind: 'heading'; text: string } | { kind: 'note'; text: string } | { kind: 'row'; label: string; value: string; multiline: boolean };

const k = (key: string, params?: Record<string, string | number>) => t(key as UiKey, params);

function lines(kind: FormKind, data: unknown): Line[] {
  const out: Line[] = [];
  for (const section of formDefinitions[kind]) {
    const rows = section.repeat ? ((valueAt(data, section.repeat.name) as unknown[] | undefined) ?? []) : [data];
    rows.forEach((row, i) => {
      const body: Line[] = [];
      for (const field of section.fields) {
        const value = displayValue(field, valueAt(row, field.name), 'centre');
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
    else if (line.kind === 'note') parts.push(line.text, '');
    else if (line.multiline) parts.push(`${line.label}:`, ...line.value.split('\n').map((l) => `  ${l}`));
    else parts.push(`${line.label}: ${line.value}`);
  }
  return parts.join('\n') + '\n';
}

function toHtml(title: string, intro: Line[], body: Line[]): string {
  // Rows gather in a table until the next heading; every value goes through `html`.
  const blocks: SafeHtml[] = [];
  let rows: SafeHtml[] = [];
  const flush = () => {
    if (rows.length) blocks.push(html`<table>\n${rows}</table>\n`);
    rows = [];
  };
  for (const line of [...intro, ...body]) {
    if (line.kind === 'heading') {
      flush();
      blocks.push(html`<h2>${line.text}</h2>\n`);
    } else if (line.kind === 'note') {
      flush();
      blocks.push(html`<p><strong>${line.text}</strong></p>\n`);
    } else {
      const value = line.value.split('\n').map((l, i) => (i ? html`<br>${l}` : html`${l}`));
      rows.push(html`<tr><th align="left" valign="top">${line.label}</th><td>${value}</td></tr>\n`);
    }
  }
  flush();
  return String(html`<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>${title}</title></head><body>\n<h1>${title}</h1>\n${blocks}</body></html>\n`);
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
  const intro: Line[] = [
    // Anyone can fill in the form: the centre calls back on the organisation's official number.
    { kind: 'note', text: k('intake.mail.unverified') },
    { kind: 'row', label: k('intake.mail.reference'), value: ctx.reference, multiline: false },
  ];
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
    // How to reach the centre, from src/lib/reach.ts: its mailbox (the Reply-To) and its lines for professionals only.
    { kind: 'row', label: k('intake.receipt.contactLabel'), value: receiptContactText(kind, centre), multiline: true },
    { kind: 'row', label: k('intake.receipt.noReplyLabel'), value: k('intake.receipt.noReply'), multiline: true },
  ];
  return { subject: `${k('intake.receipt.subject', { kind: what })} ${reference}`, text: toText(title, intro, []), html: toHtml(title, intro, []) };
}
