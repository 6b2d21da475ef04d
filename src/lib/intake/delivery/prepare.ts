import type { DirectoryCentre } from '../directory';
import { submissionExport } from '../forms/export';
import type { FormKind } from '../kinds';
import { centreKeyFor, type CentreKey } from './centre-keys';
import { encryptCentreMail } from './encrypted-mail';
import type { OutgoingMail } from './mail';

/** What the seam knows of the submission: the attached JSON is made from it. */
export interface PreparedFor {
  kind: FormKind;
  submissionId: string;
  reference: string;
  /** The validated form data. */
  data: unknown;
  municipalityName: string | null;
  overridden: boolean;
}

/**
 * The seam between rendering a centre mail and sending or queueing it; whatever it returns
 * is exactly what is sent or queued. A centre with a key in src/content/keys/ gets the mail
 * encrypted to that key (delivery/encrypted-mail.ts), so the outbox holds only ciphertext
 * too; a centre without one gets the mail as rendered. The referrer's address is typed, so
 * an encrypted mail carries it inside the ciphertext instead of as Reply-To. Throws when
 * the key cannot be used (e.g. it expired after the build): never falls back to plain text.
 */
export async function prepareCentreMail(
  mail: OutgoingMail, centre: DirectoryCentre, submission: PreparedFor,
  keyFor: (centreId: string) => CentreKey | null = centreKeyFor,
): Promise<OutgoingMail> {
  const key = keyFor(centre.id);
  if (!key) return mail;
  const exported = submissionExport({
    kind: submission.kind, data: submission.data, reference: submission.reference, centre,
    municipalityName: submission.municipalityName, overridden: submission.overridden, submittedAt: new Date(),
  });
  const encrypted = await encryptCentreMail(mail, exported, key.armored);
  const { replyTo: _typed, ...rest } = mail;
  return { ...rest, ...encrypted };
}
