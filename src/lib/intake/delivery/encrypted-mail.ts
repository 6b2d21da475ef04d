import type { RenderedMail } from '../render-mail';
import { renderEncryptedNotice } from '../render-encrypted-notice';
import type { FormKind } from '../routing';
import type { SubmissionExport } from '../submission-export';
import { encryptFile, encryptTextArmored } from './pgp';

/** A file sent with a mail; `content` is base64, as Resend's API takes it. */
export interface MailAttachment {
  filename: string;
  content: string;
  contentType: string;
}

export interface EncryptedCentreMail extends RenderedMail {
  attachments: MailAttachment[];
}

/**
 * The centre mail for a centre with a public key: the text part becomes one ASCII-armored
 * OpenPGP message of the whole text mail, the HTML part a notice without typed data, and the
 * submission goes along as `<reference>.json.pgp`. The subject stays as rendered: form kind,
 * centre code and reference only.
 */
export async function encryptCentreMail(mail: RenderedMail, exported: SubmissionExport, armoredKey: string): Promise<EncryptedCentreMail> {
  const attachment = `${exported.reference}.json.pgp`;
  const [text, file] = await Promise.all([
    encryptTextArmored(armoredKey, mail.text),
    encryptFile(armoredKey, JSON.stringify(exported, null, 2) + '\n', `${exported.reference}.json`),
  ]);
  return {
    subject: mail.subject,
    text,
    html: renderEncryptedNotice(exported.kind as FormKind, exported.reference, attachment),
    attachments: [{ filename: attachment, content: Buffer.from(file).toString('base64'), contentType: 'application/octet-stream' }],
  };
}
