import { t } from '../../../i18n';
import type { FormKind } from '../kinds';
import { html } from './html';

/**
 * The HTML part of an encrypted centre mail. Mail programs show the HTML part first, so it
 * tells the centre where the content is and how to open it; it holds nothing typed, only
 * the form kind, the reference and the attachment's name.
 */
export function renderEncryptedNotice(kind: FormKind, reference: string, attachment: string): string {
  const what = t(kind === 'referral' ? 'intake.mail.kind.referral' : 'intake.mail.kind.advice');
  const title = t('intake.encrypted.title', { kind: what, reference });
  const paragraphs = [
    t('intake.encrypted.where', { attachment }),
    t('intake.encrypted.outlook'),
    t('intake.encrypted.thunderbird'),
    t('intake.encrypted.cannotOpen'),
  ];
  const page = html`<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>${title}</title></head><body>
<h1>${title}</h1>
${paragraphs.map((p) => html`<p>${p}</p>
`)}</body></html>
`;
  return page.toString();
}
