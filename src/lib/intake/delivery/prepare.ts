import type { DirectoryCentre } from '../directory';
import type { FormKind } from '../kinds';
import type { OutgoingMail } from './mail';

/** What the seam may know of the submission (no typed values beyond the rendered mail). */
export interface PreparedFor {
  kind: FormKind;
  submissionId: string;
}

/**
 * The seam between rendering a centre mail and sending or queueing it. Today it returns
 * the mail unchanged; issue 11 plugs in OpenPGP here (encrypt to the centre's key, put the
 * ciphertext in `attachments`, leave a neutral text and HTML part). It is async so that
 * step can load keys and encrypt; whatever it returns is exactly what is sent or queued.
 */
export async function prepareCentreMail(mail: OutgoingMail, _centre: DirectoryCentre, _submission: PreparedFor): Promise<OutgoingMail> {
  return mail;
}
