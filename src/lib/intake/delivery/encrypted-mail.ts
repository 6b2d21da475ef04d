import type { SubmissionExport } from '../forms/export';
import type { FormKind } from '../kinds';
import { renderEncryptedNotice } from '../render/encrypted-notice';
import type { RenderedMail } from '../render/mail';
import type { Attachment } from './mail';
import { encryptFile, encryptTextArmored } from './pgp';

export interface EncryptedCentreMail extends RenderedMail {
  attachments: Attachment[];
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
